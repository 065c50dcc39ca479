// Synthetic sitrep events for the interop tests, written for them: every precision of date and
// place, a perpetrator, attributions, and an actor name crafted as a spreadsheet formula.
import type { Event } from "../domain/records.ts";
import { IRAQI_ARMY, ISLAMIC_STATE, makeDocument, makeEvent } from "../store/test-fixtures.ts";

export const REPORT = makeDocument(
  "Islamic State fighters attacked an army post in Tall Afar on 2 December 2024, killing three soldiers. " +
    "A roadside bomb hit a convoy in Diyala in December. Gunmen abducted a trader somewhere in Syria in 2023. " +
    "A drone struck a house in the Badush district. Officials announced an arrest.",
  { title: "Attacks in Iraq", publisher: "Synthetic Wire", url: "https://example.test/report", publishedDate: "2024-12-03" },
);

export const ACTORS = [ISLAMIC_STATE, IRAQI_ARMY];

export const EVENTS: readonly Event[] = [
  makeEvent(REPORT, "Islamic State fighters attacked an army post in Tall Afar", {
    subEventType: "Armed clash",
    eventDate: "2024-12-02",
    datePrecision: "day",
    country: "IQ",
    admin1: "Nineveh",
    location: "Tall Afar",
    latitude: 36.3767,
    longitude: 42.4497,
    geoPrecision: "town",
    actor1: "Islamic State",
    actor2: "Iraqi Army",
    perpetratorGroup: "Islamic State",
    fatalities: 3,
    sources: ["a provincial official", "the Iraqi Army"],
  }),
  makeEvent(REPORT, "A roadside bomb hit a convoy in Diyala in December", {
    eventType: "Explosions/Remote violence",
    subEventType: "Remote explosive/landmine/IED",
    eventDate: "2024-12",
    datePrecision: "month",
    country: "IQ",
    admin1: "Diyala",
    geoPrecision: "region",
  }),
  makeEvent(REPORT, "Gunmen abducted a trader somewhere in Syria in 2023", {
    eventType: "Violence against civilians",
    subEventType: "Abduction/forced disappearance",
    eventDate: "2023",
    datePrecision: "year",
    country: "SY",
    geoPrecision: "country",
    actor1: '=HYPERLINK("http://evil.example","click")',
    status: "claimed",
    sources: ["@channel; the group"],
  }),
  makeEvent(REPORT, "A drone struck a house in the Badush district", {
    eventType: "Explosions/Remote violence",
    subEventType: "Air/drone strike",
    eventDate: "2024-12-01",
    datePrecision: "day",
    country: "IQ",
    admin1: "Nineveh",
    location: "Badush",
    latitude: 36.4108,
    longitude: 42.9611,
    geoPrecision: "district",
    fatalities: 0,
  }),
  makeEvent(REPORT, "Officials announced an arrest", { eventType: "Strategic developments", subEventType: "Arrests", status: "alleged" }),
];
