// Every object of an exported bundle is validated against its own OASIS STIX 2.1 schema, read
// from ../shared/data/stix2-json-schemas (research/ecosystem.md §10: the bundle schema rejects a
// bundle holding a location, so the envelope is checked on its own).
import { strict as assert } from "node:assert";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { eventsToStixBundle, stixBundleToEvents, TLP_MARKING_IDS, uuidV5, type StixObject } from "./stix.ts";
import { ACTORS, EVENTS, REPORT } from "./test-events.ts";

const SCHEMAS = fileURLToPath(new URL("../../../shared/data/stix2-json-schemas/schemas/", import.meta.url));
const NOW = new Date("2025-01-15T10:00:00.000Z");

function loadValidators(): (type: string) => ValidateFunction {
  // CI always has ../shared beside the repository: a missing schema folder is a broken checkout,
  // not a reason to skip the validation.
  assert.ok(
    existsSync(SCHEMAS),
    `the OASIS STIX 2.1 JSON schemas are missing: ${SCHEMAS} does not exist. The STIX export is validated against them; ` +
      "check out ../shared (with data/stix2-json-schemas) beside the repository.",
  );
  const ajv = new Ajv2020({ unicodeRegExp: false, strict: false, allErrors: true });
  addFormats.default(ajv);
  const byTitle = new Map<string, string>();
  for (const folder of ["common", "sdos", "sros", "observables"]) {
    for (const file of readdirSync(join(SCHEMAS, folder))) {
      const schema = JSON.parse(readFileSync(join(SCHEMAS, folder, file), "utf8")) as { $id: string };
      ajv.addSchema(schema);
      byTitle.set(`${folder}/${file.replace(/\.json$/, "")}`, schema.$id);
    }
  }
  return (type) => {
    const id = byTitle.get(`sdos/${type}`) ?? byTitle.get(`sros/${type}`) ?? byTitle.get(`common/${type}`);
    if (id === undefined) throw new Error(`no OASIS schema for ${type}`);
    const validate = ajv.getSchema(id);
    if (validate === undefined) throw new Error(`schema ${id} did not compile`);
    return validate;
  };
}

/**
 * The five OASIS TLP 2.0 marking definitions, as published in oasis-open/cti-stix-common-objects
 * (extension-definition-specifications/tlp-2.0): each level's fixed id and name. Written out here,
 * not read from stix.ts, so a changed id fails.
 */
const OASIS_TLP_2_0 = [
  ["clear", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR"],
  ["green", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN"],
  ["amber", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER"],
  ["amber+strict", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT"],
  ["red", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED"],
] as const;

describe("TLP 2.0 marking definitions", () => {
  it("has OASIS's id for each of the five levels", () => {
    assert.deepEqual(TLP_MARKING_IDS, Object.fromEntries(OASIS_TLP_2_0.map(([level, id]) => [level, id])));
  });

  for (const [level, id, name] of OASIS_TLP_2_0) {
    it(`exports ${name} as OASIS publishes it, and marks every object with it at --tlp ${level}`, () => {
      const bundle = eventsToStixBundle({ events: EVENTS, documents: [REPORT], actors: ACTORS, tlp: level, now: NOW });
      const marking = bundle.objects.find((object) => object.id === id);
      assert.deepEqual(marking, {
        type: "marking-definition",
        spec_version: "2.1",
        id,
        created: "2022-10-01T00:00:00.000Z",
        name,
        extensions: {
          "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": { extension_type: "property-extension", tlp_2_0: level },
        },
      });
      for (const object of bundle.objects.filter((candidate) => candidate.type !== "marking-definition")) {
        assert.deepEqual(object.object_marking_refs, [id], object.id);
      }
    });
  }
});

describe("STIX 2.1 export", () => {
  const bundle = eventsToStixBundle({ events: EVENTS, documents: [REPORT], actors: ACTORS, tlp: "amber", now: NOW });
  const ofType = (type: string): StixObject[] => bundle.objects.filter((object) => object.type === type);

  it("validates every object against the OASIS schema of its type", () => {
    const validator = loadValidators();
    for (const object of bundle.objects) {
      const validate = validator(object.type);
      assert.ok(validate(object), `${object.id}: ${JSON.stringify(validate.errors, null, 1)}`);
    }
    // The check can fail: a location off the globe and a report without `published` are refused.
    const location = ofType("location")[0];
    assert.equal(validator("location")({ ...location, latitude: 135, longitude: 10 }), false);
    const report = ofType("report")[0];
    assert.ok(report);
    const { published: _published, ...unpublished } = report;
    assert.equal(validator("report")(unpublished), false);
    const envelope = validator("bundle");
    assert.ok(envelope({ ...bundle, objects: ofType("identity") }), JSON.stringify(envelope.errors));
  });

  it("has the object types the issue asks for, each event an incident", () => {
    const types = new Set(bundle.objects.map((object) => object.type));
    for (const type of ["identity", "intrusion-set", "location", "report", "incident", "relationship", "marking-definition"]) {
      assert.ok(types.has(type), type);
    }
    assert.equal(ofType("incident").length, EVENTS.length);
    const group = ofType("intrusion-set").find((object) => object.name === "Islamic State");
    assert.deepEqual(group?.aliases, ["ISIL", "ISIS", "Daesh"]);
    assert.ok(ofType("identity").some((object) => object.name === "Synthetic Wire" && object.identity_class === "organization"));
  });

  it("carries the five OASIS TLP 2.0 marking definitions with their published ids, and marks every object", () => {
    assert.deepEqual(
      ofType("marking-definition")
        .map((object) => object.id)
        .sort(),
      Object.values(TLP_MARKING_IDS).sort(),
    );
    assert.equal(TLP_MARKING_IDS.clear, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
    assert.equal(TLP_MARKING_IDS["amber+strict"], "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003");
    assert.equal(TLP_MARKING_IDS.red, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
    for (const object of bundle.objects.filter((candidate) => candidate.type !== "marking-definition")) {
      assert.deepEqual(object.object_marking_refs, [TLP_MARKING_IDS.amber], object.id);
    }
  });

  it("pins a region to no point: its location has no coordinates", () => {
    const diyala = ofType("location").find((object) => object.administrative_area === "Diyala");
    assert.ok(diyala);
    assert.equal(diyala.latitude, undefined);
    assert.equal(diyala.x_sitrep_geo_precision, "region");
  });

  it("gives the same ids for the same records (UUIDv5 from key fields)", () => {
    const again = eventsToStixBundle({ events: [...EVENTS].reverse(), documents: [REPORT], actors: ACTORS, tlp: "amber", now: NOW });
    assert.deepEqual(again, bundle);
    // RFC 9562 Appendix A.4's example: "www.example.com" in the DNS namespace.
    assert.equal(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com"), "2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });

  it("reads its own bundle back to the same events", () => {
    const items = stixBundleToEvents(JSON.parse(JSON.stringify(bundle)), "doc_import");
    assert.equal(items.length, EVENTS.length);
    for (const item of items) {
      assert.ok(item.kind === "row");
      const original = EVENTS.find((event) => event.id === item.row.event.id);
      assert.ok(original, item.row.event.id);
      assert.deepEqual({ ...item.row.event, documentId: original.documentId, evidence: original.evidence }, original);
    }
  });

  it("reports an incident that is not sitrep's, and reads the others", () => {
    const foreign = { type: "incident", spec_version: "2.1", id: "incident--0f5b8c3e-3e4b-4c2a-9d55-6f1f0c9e8a11", name: "x" };
    const items = stixBundleToEvents({ ...bundle, objects: [foreign, ...bundle.objects] }, "doc_import");
    assert.deepEqual(items[0], {
      kind: "error",
      position: 0,
      message: "incident--0f5b8c3e-3e4b-4c2a-9d55-6f1f0c9e8a11 is not a sitrep incident (it has no x_sitrep_event_type)",
    });
    assert.equal(items.filter((item) => item.kind === "row").length, EVENTS.length);
  });
});
