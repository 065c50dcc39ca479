import assert from "node:assert/strict";
import { test } from "node:test";
import { detectLanguage } from "./language.ts";

test("English news text is English", () => {
  assert.equal(
    detectLanguage("The army said that four soldiers were killed and that the attackers fled with weapons from the post."),
    "en",
  );
});

test("French and Spanish reports are told apart from English by their function words", () => {
  assert.equal(
    detectLanguage(
      "Le gouverneur a déclaré que les assaillants sont arrivés dans la nuit et qu'une partie des habitants a fui vers le sud pour se mettre à l'abri.",
    ),
    "fr",
  );
  assert.equal(
    detectLanguage(
      "El gobernador dijo que los atacantes llegaron por la noche y que una parte de los vecinos huyó hacia el sur, según las autoridades.",
    ),
    "es",
  );
});

test("the script decides for Arabic and Cyrillic text", () => {
  assert.equal(detectLanguage("قال مسؤول محلي إن مسلحين هاجموا نقطة تفتيش قرب المدينة"), "ar");
  assert.equal(detectLanguage("Военные сообщили о нападении на блокпост"), "ru");
});

test("too little evidence falls back to the declared language, then to English", () => {
  assert.equal(detectLanguage("Kessa, 4 May", "fr-FR"), "fr");
  assert.equal(detectLanguage("Kessa, 4 May"), "en");
  assert.equal(detectLanguage("12 345", "not a tag!"), "en");
});
