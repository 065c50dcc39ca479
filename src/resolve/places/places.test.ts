import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { distanceKm } from "./gazetteer.ts";
import { countryByName, countryName, findPlaceMentions, lookupPlace, lookupRegion, resolvePlacePhrase } from "./places.ts";

function mentioned(text: string, options: Parameters<typeof findPlaceMentions>[1] = {}): string[] {
  return findPlaceMentions(text, options).map((mention) => {
    const best = mention.candidates[0];
    return `${mention.text}=${best?.kind}:${best?.country}`;
  });
}

function near(latitude: number | null, longitude: number | null, expected: [number, number]): boolean {
  if (latitude === null || longitude === null) return false;
  return distanceKm({ latitude, longitude }, { latitude: expected[0], longitude: expected[1] }) <= 25;
}

describe("resolvePlacePhrase", () => {
  it("gives a town its point and town precision", () => {
    const daquq = resolvePlacePhrase("Daquq");
    assert.equal(daquq?.geoPrecision, "town");
    assert.equal(daquq?.country, "IQ");
    assert.equal(daquq?.admin1, "Kirkuk");
    assert.ok(near(daquq?.latitude ?? null, daquq?.longitude ?? null, [35.14, 44.45]));
    assert.ok(daquq?.geonameId);
  });

  it("title-cases a name written in capitals", () => {
    const place = resolvePlacePhrase("SAN PEDRO SULA");
    assert.equal(place?.name, "San Pedro Sula");
    assert.equal(place?.country, "HN");
    assert.equal(place?.geoPrecision, "town");
  });

  it("gives an admin1 region region precision and no point", () => {
    for (const phrase of ["Salahuddin", "Salah al-Din province", "Anbar province", "the province of Nineveh"]) {
      const place = resolvePlacePhrase(phrase);
      assert.equal(place?.geoPrecision, "region", phrase);
      assert.equal(place?.latitude, null, phrase);
      assert.equal(place?.longitude, null, phrase);
      assert.equal(place?.country, "IQ", phrase);
    }
  });

  it("reads 'northern Iraq' as a region of Iraq without coordinates", () => {
    const place = resolvePlacePhrase("northern Iraq");
    assert.deepEqual(place, {
      kind: "place",
      name: "northern Iraq",
      country: "IQ",
      admin1: null,
      latitude: null,
      longitude: null,
      geoPrecision: "region",
      geonameId: null,
    });
    assert.equal(resolvePlacePhrase("eastern Syria")?.geoPrecision, "region");
    assert.equal(resolvePlacePhrase("western Anbar")?.admin1, "Anbar");
  });

  it("reads a direction or nearness to a town as district precision at the town", () => {
    const south = resolvePlacePhrase("southern Baghdad");
    assert.equal(south?.geoPrecision, "district");
    assert.ok(near(south?.latitude ?? null, south?.longitude ?? null, [33.31, 44.37]));
    assert.equal(resolvePlacePhrase("near Mosul")?.geoPrecision, "district");
    assert.equal(resolvePlacePhrase("the outskirts of Tikrit")?.country, "IQ");
  });

  it("moves the point for 'N km south of' a town", () => {
    const place = resolvePlacePhrase("30 km south of Kirkuk");
    assert.ok(place?.latitude !== null && place?.latitude !== undefined);
    assert.ok(Math.abs((place?.latitude ?? 0) - (35.47 - 30 / 111)) < 0.05);
  });

  it("gives a country country precision", () => {
    const place = resolvePlacePhrase("the United States");
    assert.equal(place?.geoPrecision, "country");
    assert.equal(place?.country, "US");
    assert.equal(place?.latitude, null);
  });

  it("uses the country after a comma or before a possessive", () => {
    assert.equal(resolvePlacePhrase("Molina, Chile")?.country, "CL");
    assert.equal(resolvePlacePhrase("Iraq's Anbar province")?.geoPrecision, "region");
    assert.equal(resolvePlacePhrase("the town of Molina", "CL")?.country, "CL");
  });

  it("prefers a whole name over a directional reading", () => {
    assert.equal(resolvePlacePhrase("North Carolina")?.admin1, "North Carolina");
    assert.equal(resolvePlacePhrase("Eastern Ghouta")?.geoPrecision, "region");
  });

  it("returns null for no place", () => {
    assert.equal(resolvePlacePhrase("the checkpoint"), null);
    assert.equal(resolvePlacePhrase(""), null);
  });
});

describe("findPlaceMentions", () => {
  it("finds towns, regions and countries in a news sentence", () => {
    const text =
      "Militants attacked an army post near Daquq, south of Kirkuk, on Tuesday, and a second " +
      "cell struck villages in Salahuddin province, Iraqi officials said.";
    assert.deepEqual(mentioned(text), ["Daquq=place:IQ", "Kirkuk=place:IQ", "Salahuddin province=region:IQ"]);
  });

  it("keeps the offsets of the text", () => {
    const text = "Fighting spread from Raqqa to Deir ez-Zor and al-Hol camp.";
    for (const mention of findPlaceMentions(text)) assert.equal(text.slice(mention.start, mention.end), mention.text);
    assert.deepEqual(mentioned(text), ["Raqqa=place:SY", "Deir ez-Zor=place:SY", "al-Hol=place:SY"]);
  });

  it("finds nothing in a sentence of capitalised common words", () => {
    assert.deepEqual(findPlaceMentions("The Mayor of Police said the Army and the National Guard would help."), []);
    assert.deepEqual(findPlaceMentions("Man of the Match: Bay of Pigs veterans met on Monday in May."), []);
    assert.deepEqual(findPlaceMentions("Islamic State fighters told Reuters on Friday they had left."), []);
  });

  it("does not take people for places", () => {
    const text = "Victoria Nuland met Bashar al-Assad; President Carter and Jordan Peterson wrote to the Washington Post.";
    assert.deepEqual(mentioned(text), []);
  });

  it("takes a common word for a place only after a locative word", () => {
    assert.deepEqual(mentioned("A bomb went off in Hit, west of Ramadi."), ["Hit=place:IQ", "Ramadi=place:IQ"]);
    assert.deepEqual(mentioned("The strike was a direct hit."), []);
  });

  it("reads countries, including the U.S. abbreviation and possessives", () => {
    const text = "The U.S. said Syria's border with Turkey stayed open, while Iraq's army moved north.";
    assert.deepEqual(mentioned(text), ["U.S.=country:US", "Syria=country:SY", "Turkey=country:TR", "Iraq=country:IQ"]);
  });

  it("reports demonyms only when asked", () => {
    const text = "Iraqi forces and Syrian Kurdish fighters met.";
    assert.deepEqual(mentioned(text), []);
    assert.deepEqual(mentioned(text, { demonyms: true }), ["Iraqi=country:IQ", "Syrian=country:SY"]);
  });

  it("reads all-capitals wire copy", () => {
    const text =
      "SAN SALVADOR, 14 MAR 90 -- A GROUP OF ARMED MEN ATTACKED A POWER STATION IN USULUTAN DEPARTMENT " +
      "LAST NIGHT. THE ARMED FORCES SAID THE MEN FLED TOWARD SAN MIGUEL. POLICE DETAINED JOSE PEREZ.";
    assert.deepEqual(mentioned(text), ["SAN SALVADOR=place:SV", "USULUTAN DEPARTMENT=region:SV", "SAN MIGUEL=place:SV"]);
  });

  it("uses the document's countries for ambiguous names", () => {
    const text = "SANTIAGO, 2 FEB 90 -- POLICE RAIDED A HOUSE IN THE TOWN OF MOLINA, NEAR CURICO.";
    const molina = findPlaceMentions(text).find((mention) => mention.text === "MOLINA");
    assert.equal(molina?.candidates[0]?.country, "CL");
  });

  it("honours a country hint", () => {
    const mentions = findPlaceMentions("Clashes were reported in Santa Ana.", { country: "SV" });
    assert.equal(mentions[0]?.candidates[0]?.country, "SV");
  });

  // Speed is measured by `npm run bench` (place matching is part of every extract() call there);
  // a timed assertion here failed on the loaded shared machine whatever the code did.
  it("reads every place of a 4 KB report, however often it repeats", () => {
    const paragraph =
      "Iraqi security forces said on Monday that Islamic State militants attacked a checkpoint near " +
      "Tuz Khurmatu and fired mortars at Daquq. The U.S.-led coalition carried out strikes near Raqqa, " +
      "in eastern Syria, and around Baghuz, according to a statement from Baghdad. ";
    const repeats = Math.floor(4096 / paragraph.length);
    const names = findPlaceMentions(paragraph.repeat(repeats)).map((mention) => mention.text);
    for (const name of ["Tuz Khurmatu", "Daquq", "Raqqa", "Syria", "Baghuz", "Baghdad"]) {
      assert.equal(names.filter((found) => found === name).length, repeats, name);
    }
  });
});

describe("module conveniences", () => {
  it("delegate to the shared gazetteer", () => {
    assert.equal(countryByName("Salvadoran"), "SV");
    assert.equal(countryName("PE"), "Peru");
    assert.equal(lookupPlace("Ayacucho")[0]?.country, "PE");
    assert.equal(lookupRegion("Salah ad-Din")[0]?.admin1Code, "IQ.18");
  });
});

describe("Congo", () => {
  it("reads a bare 'Congo' as the Democratic Republic, the full name as the Republic", () => {
    // News usage: "Congo" and "eastern Congo" mean the DRC; Brazzaville's state is named in full.
    assert.deepEqual(mentioned("Fighting spread across Congo."), ["Congo=country:CD"]);
    assert.deepEqual(mentioned("He visited the Republic of the Congo."), ["Republic of the Congo=country:CG"]);
  });
});
