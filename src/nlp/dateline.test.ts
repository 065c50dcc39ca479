import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findDateline } from "./dates.ts";

function body(text: string): string {
  const dateline = findDateline(text);
  assert.ok(dateline !== null, `no dateline in ${JSON.stringify(text.slice(0, 60))}`);
  return text.slice(dateline.end);
}

describe("findDateline", () => {
  it("reads a translated press report's dateline", () => {
    const text = "SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- [TEXT] OUR UNITS REPORT A CLASH NEAR THE DAM.";
    assert.deepEqual(findDateline(text), {
      date: "1990-01-12",
      dateText: "12 JAN 90",
      place: "SAN SALVADOR",
      source: "RADIO VENCEREMOS",
      end: text.indexOf("OUR UNITS"),
    });
  });

  it("reads agency datelines with and without a date", () => {
    const lima = findDateline("LIMA, 3 FEB 89 (EFE) -- THE POLICE SAID TODAY THAT");
    assert.deepEqual([lima?.date, lima?.place, lima?.source], ["1989-02-03", "LIMA", "EFE"]);
    const tokyo = findDateline("TOKYO (AP) — Police arrested two men on Sunday.");
    assert.deepEqual([tokyo?.date, tokyo?.place, tokyo?.source], [null, "TOKYO", "AP"]);
    assert.equal(body("TOKYO (AP) — Police arrested two men on Sunday."), "Police arrested two men on Sunday.");
  });

  it("reads a story's own dateline inside the broadcaster's as where it was filed", () => {
    const text = "BOGOTA, 11 NOV 89 (RADIO CADENA NACIONAL) -- [TEXT] PEREIRA --\nTHREE PERSONS WERE INJURED LAST NIGHT.";
    const dateline = findDateline(text);
    assert.deepEqual([dateline?.date, dateline?.place, dateline?.story?.place], ["1989-11-11", "BOGOTA", "PEREIRA"]);
    assert.equal(text.slice(dateline?.story?.end), "THREE PERSONS WERE INJURED LAST NIGHT.");
    const rancagua = findDateline("Santiago, 31 Jul 88 (EL MERCURIO) -- [Text] Rancagua -- The offices in this city");
    assert.equal(rancagua?.story?.place, "Rancagua");
    assert.equal(findDateline("LIMA, 3 FEB 89 (EFE) -- [TEXT] THE POLICE SAID TODAY THAT")?.story, undefined);
  });

  it("places a year-less dateline date with the reference date, or leaves it null", () => {
    const text = "TEGUCIGALPA, 7 FEB (REUTER) -- A BOMB DAMAGED A POWER LINE TODAY.";
    const withoutReference = findDateline(text);
    assert.deepEqual([withoutReference?.date, withoutReference?.dateText], [null, "7 FEB"]);
    assert.equal(findDateline(text, { referenceDate: "1990-03-01" })?.date, "1990-02-07");
    const reuters = findDateline("WASHINGTON, Jan. 5 (Reuters) - Officials said on Friday", { referenceDate: "2024-02-01" });
    assert.deepEqual([reuters?.date, reuters?.place, reuters?.source], ["2024-01-05", "WASHINGTON", "Reuters"]);
  });

  it("reads a country in parentheses, a state abbreviation and 'NO DATE'", () => {
    const noCity = findDateline("NO CITY (EL SALVADOR), 19 MAR 89 (FBIS) -- [EDITORIAL REPORT]\n[TEXT] THE STATION SAID");
    assert.deepEqual([noCity?.date, noCity?.place, noCity?.source], ["1989-03-19", "NO CITY (EL SALVADOR)", "FBIS"]);
    assert.equal(body("NO CITY (EL SALVADOR), 19 MAR 89 (FBIS) -- [EDITORIAL REPORT]\n[TEXT] THE STATION SAID"), "THE STATION SAID");
    const undated = findDateline("QUITO, NO DATE (RADIO QUITO) -- [REPORT] [TEXT] THE MINISTER SAID");
    assert.deepEqual([undated?.date, undated?.dateText, undated?.place], [null, null, "QUITO"]);
    const tampa = findDateline("TAMPA, Fla. - Yesterday, partner forces finished a sweep.");
    assert.equal(tampa?.place, "TAMPA, Fla.");
  });

  it("reads mixed-case datelines that give a date or a source", () => {
    const santiago = findDateline("Santiago, 31 Jul 88 (EL MERCURIO) -- [Text] Offices were attacked.");
    assert.deepEqual([santiago?.date, santiago?.place], ["1988-07-31", "Santiago"]);
    assert.equal(findDateline("Attack on Base - Update\nMore text."), null);
  });

  it("reads release headers and joins them with a later dateline", () => {
    assert.deepEqual(findDateline("NEWS | Jan. 24, 2022\n\nCoalition statement on the prison attack\n"), {
      date: "2022-01-24",
      dateText: "Jan. 24, 2022",
      place: null,
      source: null,
      end: "NEWS | Jan. 24, 2022\n\n".length,
    });
    const joined = findDateline("Statement | Sept. 18, 2022\n\nA headline in ordinary case\n\nTAMPA, Fla. - Yesterday, forces withdrew.");
    assert.deepEqual([joined?.date, joined?.place], ["2022-09-18", "TAMPA, Fla."]);
    assert.equal(findDateline("Country profile Published 17 January 2018\nThe republic lies in the mountains.")?.date, "2018-01-17");
  });

  it("returns null for a report without a dateline", () => {
    assert.equal(findDateline("Gunmen attacked a checkpoint on Monday, officials said."), null);
    assert.equal(findDateline(""), null);
  });
});

describe("a dateline with a country before its date", () => {
  it("reads 'KABUL, Afghanistan, March 3, 2024 (AP) -'", () => {
    const dateline = findDateline("KABUL, Afghanistan, March 3, 2024 (AP) - A bomb exploded near a mosque.");
    assert.equal(dateline?.place, "KABUL");
    assert.equal(dateline?.date, "2024-03-03");
  });
});
