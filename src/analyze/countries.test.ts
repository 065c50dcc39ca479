import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { countryCode, countryName, textNamesCountry } from "./countries.ts";

describe("countries", () => {
  it("reads codes, common and official names and alternative spellings", () => {
    assert.equal(countryCode("syria"), "SY");
    assert.equal(countryCode("IQ"), "IQ");
    assert.equal(countryCode("Federal Republic of Somalia"), "SO");
    assert.equal(countryCode("Atlantis"), null);
    assert.equal(countryCode("xx"), null);
    assert.equal(countryName("KE"), "Kenya");
    assert.equal(countryName(null), "the region");
  });
  it("finds a country in text by name, capital or people, as whole words", () => {
    assert.ok(textNamesCountry("MOGADISHU, June 15 — officials said", "SO"));
    assert.ok(textNamesCountry("Senior Somali officials said", "SO"));
    assert.ok(!textNamesCountry("Somaliland's minister said", "SO"));
    assert.ok(!textNamesCountry("officials in Nairobi said", "SO"));
  });
});
