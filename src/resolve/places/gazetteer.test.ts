import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { distanceKm, loadGazetteer, type PlaceCandidate } from "./gazetteer.ts";

const gazetteer = loadGazetteer();

/** Where the place really is (team-checked reference points), and the allowed error. */
const NEAR_KM = 25;

function near(candidate: PlaceCandidate | undefined, latitude: number, longitude: number): boolean {
  if (candidate?.latitude == null || candidate.longitude == null) return false;
  return distanceKm({ latitude, longitude }, { latitude: candidate.latitude, longitude: candidate.longitude }) <= NEAR_KM;
}

describe("lookupPlace", () => {
  const cases: [name: string, country: string, latitude: number, longitude: number][] = [
    ["Daquq", "IQ", 35.14, 44.45],
    ["Raqqa", "SY", 35.95, 39.01],
    ["Kirkuk", "IQ", 35.47, 44.39],
    ["Mosul", "IQ", 36.34, 43.13],
    ["Tikrit", "IQ", 34.61, 43.68],
    ["Baghuz", "SY", 34.45, 40.95],
    ["Hawija", "IQ", 35.33, 43.77],
    ["Hasakah", "SY", 36.5, 40.75],
    ["Taji", "IQ", 33.52, 44.27],
    ["Sadr City", "IQ", 33.39, 44.45],
    ["Abu Kamal", "SY", 34.45, 40.92],
    ["Palmyra", "SY", 34.56, 38.28],
    ["San Salvador", "SV", 13.69, -89.19],
    ["Lima", "PE", -12.05, -77.04],
    ["Bogota", "CO", 4.71, -74.07],
    ["Bogotá", "CO", 4.71, -74.07],
    ["Medellin", "CO", 6.25, -75.56],
    ["Ayacucho", "PE", -13.16, -74.22],
    ["Oklahoma City", "US", 35.47, -97.52],
    ["Boston", "US", 42.36, -71.06],
  ];
  for (const [name, country, latitude, longitude] of cases) {
    it(`finds ${name} first, without a country hint`, () => {
      const best = gazetteer.lookupPlace(name)[0];
      assert.equal(best?.country, country, JSON.stringify(best));
      assert.ok(near(best, latitude, longitude), `${name}: ${best?.latitude},${best?.longitude}`);
    });
  }

  it("matches every common spelling of Deir ez-Zor to one place", () => {
    for (const spelling of ["Deir ez-Zor", "Deir al-Zour", "Deir Ezzor", "Dayr az Zawr", "DEIR EZ-ZOR", "deir el-zor"]) {
      const best = gazetteer.lookupPlace(spelling)[0];
      assert.ok(near(best, 35.34, 40.14), `${spelling}: ${JSON.stringify(best)}`);
    }
  });

  it("works on all-capitals input", () => {
    assert.ok(near(gazetteer.lookupPlace("SAN PEDRO SULA")[0], 15.5, -88.03));
    assert.ok(near(gazetteer.lookupPlace("SAN SALVADOR")[0], 13.69, -89.19));
  });

  it("lets a country hint pick among places of one name", () => {
    assert.equal(gazetteer.lookupPlace("Molina", { country: "CL" })[0]?.country, "CL");
    assert.equal(gazetteer.lookupPlace("Santiago")[0]?.country, "CL");
    assert.equal(gazetteer.lookupPlace("Trujillo", { country: "HN" })[0]?.country, "HN");
  });

  it("lets a nearby point pick among places of one name", () => {
    const sinjar = gazetteer.lookupPlace("Sinjar", { nearby: { latitude: 35.6, longitude: 36.9 } })[0];
    assert.equal(sinjar?.country, "SY");
  });

  it("ranks a capital and a provincial seat by importance", () => {
    const kirkuk = gazetteer.lookupName("Kirkuk");
    assert.equal(kirkuk[0]?.kind, "place", "the city before the province of the same name");
    assert.ok(kirkuk.some((candidate) => candidate.kind === "region"));
  });

  it("finds nothing for a name that is no place", () => {
    assert.deepEqual(gazetteer.lookupPlace("Xqzwv"), []);
  });
});

describe("lookupRegion", () => {
  it("knows Salahuddin under its news spellings, with no point", () => {
    for (const spelling of ["Salahuddin", "Salah al-Din", "Saladin", "Salah ad Din", "Salahuddin province"]) {
      const region = gazetteer.lookupRegion(spelling)[0];
      assert.equal(region?.admin1Code, "IQ.18", spelling);
      assert.equal(region?.latitude, null);
      assert.ok(region?.centroid, "a centroid for maps");
    }
  });

  it("knows Anbar, Nineveh and Ninewa, and strips 'Governorate' and 'Department'", () => {
    assert.equal(gazetteer.lookupRegion("Anbar")[0]?.admin1Code, "IQ.01");
    assert.equal(gazetteer.lookupRegion("Nineveh")[0]?.admin1Code, "IQ.15");
    assert.equal(gazetteer.lookupRegion("Ninewa Governorate")[0]?.admin1Code, "IQ.15");
    assert.equal(gazetteer.lookupRegion("Usulutan Department", "SV")[0]?.country, "SV");
  });

  it("computes a region centroid inside the region", () => {
    const kirkuk = gazetteer.region("IQ.13");
    assert.ok(kirkuk?.centroid);
    assert.ok(distanceKm(kirkuk.centroid, { latitude: 35.47, longitude: 44.39 }) < 100);
  });
});

describe("countries", () => {
  it("reads names, alternative spellings, demonyms and possessives", () => {
    const cases: [string, string][] = [
      ["Syria", "SY"],
      ["Syrian", "SY"],
      ["Syrian Arab Republic", "SY"],
      ["U.S.", "US"],
      ["United States", "US"],
      ["American", "US"],
      ["Americans", "US"],
      ["Iraq's", "IQ"],
      ["Iraqi", "IQ"],
      ["Salvadoran", "SV"],
      ["Colombian", "CO"],
      ["Peruvian", "PE"],
      ["El Salvador", "SV"],
      ["Turkey", "TR"],
      ["Britain", "GB"],
    ];
    for (const [text, code] of cases) assert.equal(gazetteer.countryByName(text), code, text);
  });

  it("does not take a city for a country", () => {
    assert.equal(gazetteer.countryByName("Baghdad"), null);
    assert.equal(gazetteer.countryByName("Police"), null);
  });

  it("names a country from its code", () => {
    assert.equal(gazetteer.countryName("IQ"), "Iraq");
    assert.equal(gazetteer.countryName("sv"), "El Salvador");
    assert.equal(gazetteer.countryName("ZZ"), null);
  });
});

describe("loading", () => {
  it("loads once and serves later calls from memory", () => {
    assert.equal(loadGazetteer(), gazetteer);
    assert.ok(gazetteer.placeCount > 190_000);
  });
});

describe("news spellings shown as the place's name", () => {
  it("shows the al-Hol camp's town as 'Al-Hol', the spelling English-language news uses, and finds it by 'Al Hawl'", () => {
    assert.equal(gazetteer.lookupPlace("al-Hol", { country: "SY" })[0]?.name, "Al-Hol");
    assert.equal(gazetteer.lookupPlace("Al Hawl", { country: "SY" })[0]?.name, "Al-Hol");
  });

  it("offers both regions for 'Valle Department' and lets the country hint choose", () => {
    assert.equal(gazetteer.lookupName("Valle Department", { country: "CO", kinds: ["region"] })[0]?.country, "CO");
    assert.equal(gazetteer.lookupName("Valle Department", { country: "HN", kinds: ["region"] })[0]?.country, "HN");
  });
});
