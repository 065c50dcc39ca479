// The dataset codebook mappings, one table per dataset, pinned code by code against
// docs/INTEROP.md: CAMEO codes (GDELT), attack types, success and suicide (GTD), date and place
// precision and type of violence (UCDP GED), time and geo precision (ACLED). Each row goes
// through the exported row mapper in the dataset's own column layout, so removing or changing
// any one mapping fails one named test. The column layouts are written out here from each
// dataset's codebook rather than taken from the mappers, so a mapper reading the wrong column
// fails too.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { DatePrecision, GeoPrecision } from "../domain/records.ts";
import { subEventTypeBelongs, type EventStatus, type EventType } from "../domain/taxonomy.ts";
import { ACLED_COLUMNS, acledRowToEvent } from "./acled.ts";
import { Columns, RowError, type ImportedRow } from "./fields.ts";
import { GDELT_COLUMNS, cameoToAcled, gdeltRowToEvent } from "./gdelt.ts";
import { GTD_REQUIRED, gtdRowToEvent } from "./gtd.ts";
import { UCDP_REQUIRED, ucdpRowToEvent } from "./ucdp.ts";

const DOCUMENT = "doc_codebooks";

type Types = readonly [EventType, string | null];

/** A mapped (type, sub-type) pair must be one of ACLED's own (src/domain/taxonomy.ts). */
function assertAcledPair([eventType, subEventType]: Types): void {
  if (subEventType !== null) assert.ok(subEventTypeBelongs(eventType, subEventType), `${subEventType} is not a kind of ${eventType}`);
}

/** A CSV dataset's row: its header, and the cells named in `values` (every other cell empty). */
function csvRow(header: readonly string[], values: Readonly<Record<string, string>>): { columns: Columns; fields: string[] } {
  for (const name of Object.keys(values)) assert.ok(header.includes(name), `${name} is not a column of the layout`);
  return { columns: new Columns(header), fields: header.map((name) => values[name] ?? "") };
}

// ---------------------------------------------------------------------------------------------
// GDELT 2.0

/** GDELT 2.0 Event Codebook (V2.0, 2015), "Event table fields", in file order: 61 columns. */
const GDELT_LAYOUT = [
  "GLOBALEVENTID",
  "SQLDATE",
  "MonthYear",
  "Year",
  "FractionDate",
  "Actor1Code",
  "Actor1Name",
  "Actor1CountryCode",
  "Actor1KnownGroupCode",
  "Actor1EthnicCode",
  "Actor1Religion1Code",
  "Actor1Religion2Code",
  "Actor1Type1Code",
  "Actor1Type2Code",
  "Actor1Type3Code",
  "Actor2Code",
  "Actor2Name",
  "Actor2CountryCode",
  "Actor2KnownGroupCode",
  "Actor2EthnicCode",
  "Actor2Religion1Code",
  "Actor2Religion2Code",
  "Actor2Type1Code",
  "Actor2Type2Code",
  "Actor2Type3Code",
  "IsRootEvent",
  "EventCode",
  "EventBaseCode",
  "EventRootCode",
  "QuadClass",
  "GoldsteinScale",
  "NumMentions",
  "NumSources",
  "NumArticles",
  "AvgTone",
  "Actor1Geo_Type",
  "Actor1Geo_FullName",
  "Actor1Geo_CountryCode",
  "Actor1Geo_ADM1Code",
  "Actor1Geo_ADM2Code",
  "Actor1Geo_Lat",
  "Actor1Geo_Long",
  "Actor1Geo_FeatureID",
  "Actor2Geo_Type",
  "Actor2Geo_FullName",
  "Actor2Geo_CountryCode",
  "Actor2Geo_ADM1Code",
  "Actor2Geo_ADM2Code",
  "Actor2Geo_Lat",
  "Actor2Geo_Long",
  "Actor2Geo_FeatureID",
  "ActionGeo_Type",
  "ActionGeo_FullName",
  "ActionGeo_CountryCode",
  "ActionGeo_ADM1Code",
  "ActionGeo_ADM2Code",
  "ActionGeo_Lat",
  "ActionGeo_Long",
  "ActionGeo_FeatureID",
  "DATEADDED",
  "SOURCEURL",
] as const;

/** One line of a GDELT 2.0 export file (tab-separated, no quoting), split as the importer splits it. */
function gdeltFields(code: string, overrides: Readonly<Partial<Record<(typeof GDELT_LAYOUT)[number], string>>> = {}): string[] {
  const root = code.slice(0, 2);
  const values: Partial<Record<(typeof GDELT_LAYOUT)[number], string>> = {
    GLOBALEVENTID: "1100000001",
    SQLDATE: "20240304",
    MonthYear: "202403",
    Year: "2024",
    FractionDate: "2024.1753",
    Actor1Code: "IRQMIL",
    Actor1Name: "IRAQ",
    Actor1CountryCode: "IRQ",
    Actor1Type1Code: "MIL",
    Actor2Code: "IMGMOSISI",
    Actor2Name: "ISLAMIC STATE",
    IsRootEvent: "1",
    EventCode: code,
    EventBaseCode: code.slice(0, 3),
    EventRootCode: root,
    QuadClass: "4",
    GoldsteinScale: "-10.0",
    NumMentions: "4",
    NumSources: "1",
    NumArticles: "4",
    AvgTone: "-5.2",
    ActionGeo_Type: "4",
    ActionGeo_FullName: "Mosul, Ninawa, Iraq",
    ActionGeo_CountryCode: "IZ",
    ActionGeo_ADM1Code: "IZ15",
    ActionGeo_Lat: "36.335",
    ActionGeo_Long: "43.1189",
    ActionGeo_FeatureID: "-3027590",
    DATEADDED: "20240304120000",
    SOURCEURL: "https://news.example/a",
    ...overrides,
  };
  const line = GDELT_LAYOUT.map((name) => values[name] ?? "").join("\t");
  return line.split("\t");
}

function gdelt(code: string, overrides: Parameters<typeof gdeltFields>[1] = {}): ImportedRow {
  return gdeltRowToEvent(gdeltFields(code, overrides), DOCUMENT);
}

/** docs/INTEROP.md, "GDELT 2.0 events", EventCode: the CAMEO codes with a sound ACLED reading. */
const CAMEO_MAPPED: readonly (readonly [string, EventType, string | null])[] = [
  // 14x: protests, without a sub-type (CAMEO does not say whether force was used against them).
  ["140", "Protests", null],
  ["141", "Protests", null],
  ["1411", "Protests", null],
  ["1414", "Protests", null],
  ["142", "Protests", null],
  ["143", "Protests", null],
  ["144", "Protests", null],
  ["1444", "Protests", null],
  // 145 and its sub-codes: protest violently, riot.
  ["145", "Riots", "Violent demonstration"],
  ["1451", "Riots", "Violent demonstration"],
  ["1454", "Riots", "Violent demonstration"],
  ["173", "Strategic developments", "Arrests"],
  ["181", "Violence against civilians", "Abduction/forced disappearance"],
  ["1821", "Violence against civilians", "Sexual violence"],
  ["183", "Explosions/Remote violence", null],
  ["1831", "Explosions/Remote violence", "Suicide bomb"],
  ["1832", "Explosions/Remote violence", "Remote explosive/landmine/IED"],
  ["1833", "Explosions/Remote violence", "Remote explosive/landmine/IED"],
  // 1834 (location bombing) has no sub-type of its own: it is a 183.
  ["1834", "Explosions/Remote violence", null],
  ["193", "Battles", "Armed clash"],
  ["194", "Explosions/Remote violence", "Shelling/artillery/missile attack"],
  ["195", "Explosions/Remote violence", "Air/drone strike"],
  ["1951", "Explosions/Remote violence", "Air/drone strike"],
  ["1952", "Explosions/Remote violence", "Air/drone strike"],
  ["2041", "Explosions/Remote violence", "Chemical weapon"],
];

/** Codes with no sound ACLED reading: kept as Strategic developments/Other with their code. */
const CAMEO_UNMAPPED: readonly string[] = [
  "010",
  "0841",
  "111",
  "130",
  "1384",
  "150",
  "171",
  "172",
  "174",
  "175",
  "180",
  "182",
  "1822",
  "1823",
  "184",
  "185",
  "186",
  "190",
  "191",
  "192",
  "196",
  "200",
  "201",
  "202",
  "203",
  "204",
  "2042",
];

describe("GDELT 2.0: CAMEO codes to ACLED types", () => {
  it("reads the 61 columns of the GDELT 2.0 Event Codebook in file order", () => {
    assert.deepEqual([...GDELT_COLUMNS], [...GDELT_LAYOUT]);
    assert.equal(GDELT_LAYOUT.length, 61);
  });

  for (const [code, eventType, subEventType] of CAMEO_MAPPED) {
    it(`CAMEO ${code} → ${eventType}/${subEventType ?? "(no sub-type)"}`, () => {
      assertAcledPair([eventType, subEventType]);
      const { event, externalId, originalType } = gdelt(code);
      assert.deepEqual([event.eventType, event.subEventType], [eventType, subEventType]);
      assert.equal(originalType, `CAMEO ${code}`);
      assert.equal(externalId, "1100000001");
      assert.deepEqual(cameoToAcled(code), { eventType, subEventType, mapped: true });
    });
  }

  for (const code of CAMEO_UNMAPPED) {
    it(`CAMEO ${code} has no ACLED reading: Strategic developments/Other, the code kept`, () => {
      const { event, originalType } = gdelt(code);
      assert.deepEqual([event.eventType, event.subEventType], ["Strategic developments", "Other"]);
      assert.equal(originalType, `CAMEO ${code}`);
      assert.deepEqual(cameoToAcled(code), { eventType: "Strategic developments", subEventType: "Other", mapped: false });
    });
  }

  it("reads the rest of the row: day precision, actors, source, no fatalities, occurred", () => {
    const { event } = gdelt("193");
    assert.deepEqual(
      {
        date: event.eventDate,
        precision: event.datePrecision,
        actor1: event.actor1,
        actor2: event.actor2,
        perpetrator: event.perpetratorGroup,
        fatalities: event.fatalities,
        status: event.status,
        sources: event.sources,
      },
      {
        date: "2024-03-04",
        precision: "day",
        actor1: "IRAQ",
        actor2: "ISLAMIC STATE",
        perpetrator: null,
        fatalities: null,
        status: "occurred",
        sources: ["https://news.example/a"],
      },
    );
  });

  const PLACES: readonly (readonly [string, string, GeoPrecision, string | null, string | null, string | null, boolean])[] = [
    // [ActionGeo_Type, ActionGeo_FullName, precision, country, admin1, location, coordinates kept]
    ["1", "Iraq", "country", "IQ", null, null, false],
    ["2", "Illinois, United States", "region", "US", "Illinois", null, false],
    ["3", "Springfield, Illinois, United States", "town", "US", "Illinois", "Springfield", true],
    ["4", "Mosul, Ninawa, Iraq", "town", "IQ", "Ninawa", "Mosul", true],
    ["5", "Ninawa, Iraq", "region", "IQ", "Ninawa", null, false],
  ];
  for (const [type, fullName, precision, country, admin1, location, kept] of PLACES) {
    it(`ActionGeo_Type ${type} → ${precision}, coordinates ${kept ? "kept" : "dropped"}`, () => {
      const { event } = gdelt("193", { ActionGeo_Type: type, ActionGeo_FullName: fullName });
      assert.deepEqual(
        [event.geoPrecision, event.country, event.admin1, event.location, event.latitude, event.longitude],
        [precision, country, admin1, location, kept ? 36.335 : null, kept ? 43.1189 : null],
      );
    });
  }

  it("fails a row with another number of fields, or a code that is not a CAMEO code", () => {
    assert.throws(() => gdeltRowToEvent(gdeltFields("193").slice(0, 60), DOCUMENT), RowError);
    assert.throws(() => gdeltRowToEvent([...gdeltFields("193"), ""], DOCUMENT), RowError);
    assert.throws(() => gdelt("19a"), /EventCode is not a CAMEO code/);
    assert.throws(() => gdelt("193", { ActionGeo_Type: "6" }), /ActionGeo_Type/);
  });
});

// ---------------------------------------------------------------------------------------------
// GTD

/**
 * The GTD's full column layout, in file order (135 columns): the variables of the GTD Codebook
 * (START, 2021) as the public distribution file (globalterrorismdb_*dist) lays them out. Written
 * from the codebook and the distribution header as known to the author, not copied from a file
 * in this repository.
 */
const GTD_LAYOUT = [
  "eventid",
  "iyear",
  "imonth",
  "iday",
  "approxdate",
  "extended",
  "resolution",
  "country",
  "country_txt",
  "region",
  "region_txt",
  "provstate",
  "city",
  "latitude",
  "longitude",
  "specificity",
  "vicinity",
  "location",
  "summary",
  "crit1",
  "crit2",
  "crit3",
  "doubtterr",
  "alternative",
  "alternative_txt",
  "multiple",
  "success",
  "suicide",
  "attacktype1",
  "attacktype1_txt",
  "attacktype2",
  "attacktype2_txt",
  "attacktype3",
  "attacktype3_txt",
  "targtype1",
  "targtype1_txt",
  "targsubtype1",
  "targsubtype1_txt",
  "corp1",
  "target1",
  "natlty1",
  "natlty1_txt",
  "targtype2",
  "targtype2_txt",
  "targsubtype2",
  "targsubtype2_txt",
  "corp2",
  "target2",
  "natlty2",
  "natlty2_txt",
  "targtype3",
  "targtype3_txt",
  "targsubtype3",
  "targsubtype3_txt",
  "corp3",
  "target3",
  "natlty3",
  "natlty3_txt",
  "gname",
  "gsubname",
  "gname2",
  "gsubname2",
  "gname3",
  "gsubname3",
  "motive",
  "guncertain1",
  "guncertain2",
  "guncertain3",
  "individual",
  "nperps",
  "nperpcap",
  "claimed",
  "claimmode",
  "claimmode_txt",
  "claim2",
  "claimmode2",
  "claimmode2_txt",
  "claim3",
  "claimmode3",
  "claimmode3_txt",
  "compclaim",
  "weaptype1",
  "weaptype1_txt",
  "weapsubtype1",
  "weapsubtype1_txt",
  "weaptype2",
  "weaptype2_txt",
  "weapsubtype2",
  "weapsubtype2_txt",
  "weaptype3",
  "weaptype3_txt",
  "weapsubtype3",
  "weapsubtype3_txt",
  "weaptype4",
  "weaptype4_txt",
  "weapsubtype4",
  "weapsubtype4_txt",
  "weapdetail",
  "nkill",
  "nkillus",
  "nkillter",
  "nwound",
  "nwoundus",
  "nwoundte",
  "property",
  "propextent",
  "propextent_txt",
  "propvalue",
  "propcomment",
  "ishostkid",
  "nhostkid",
  "nhostkidus",
  "nhours",
  "ndays",
  "divert",
  "kidhijcountry",
  "ransom",
  "ransomamt",
  "ransomamtus",
  "ransompaid",
  "ransompaidus",
  "ransomnote",
  "hostkidoutcome",
  "hostkidoutcome_txt",
  "nreleased",
  "addnotes",
  "scite1",
  "scite2",
  "scite3",
  "dbsource",
  "INT_LOG",
  "INT_IDEO",
  "INT_MISC",
  "INT_ANY",
  "related",
] as const;

/** GTD Codebook, attacktype1: the numeric code beside each attacktype1_txt. */
const ATTACK_CODES: Readonly<Record<string, string>> = {
  Assassination: "1",
  "Armed Assault": "2",
  "Bombing/Explosion": "3",
  Hijacking: "4",
  "Hostage Taking (Barricade Incident)": "5",
  "Hostage Taking (Kidnapping)": "6",
  "Facility/Infrastructure Attack": "7",
  "Unarmed Assault": "8",
  Unknown: "9",
};

/** GTD Codebook, targtype1: the numeric code beside each targtype1_txt used here. */
const TARGET_CODES: Readonly<Record<string, string>> = {
  Business: "1",
  "Government (General)": "2",
  Police: "3",
  Military: "4",
  "Private Citizens & Property": "14",
  "Terrorists/Non-State Militia": "17",
  "Violent Political Party": "22",
};

interface GtdCase {
  readonly attack: string;
  readonly target?: string;
  readonly suicide?: string;
  readonly success?: string;
  readonly claimed?: string;
  readonly more?: Readonly<Record<string, string>>;
}

function gtd({
  attack,
  target = "Private Citizens & Property",
  suicide = "0",
  success = "1",
  claimed = "0",
  more = {},
}: GtdCase): ImportedRow {
  const { columns, fields } = csvRow(GTD_LAYOUT, {
    eventid: "201503140001",
    iyear: "2015",
    imonth: "3",
    iday: "14",
    extended: "0",
    country: "95",
    country_txt: "Iraq",
    region: "10",
    region_txt: "Middle East & North Africa",
    provstate: "Nineveh",
    city: "Mosul",
    latitude: "36.335",
    longitude: "43.1189",
    specificity: "1",
    vicinity: "0",
    summary: "03/14/2015: Assailants attacked targets in Mosul, Nineveh, Iraq.",
    crit1: "1",
    crit2: "1",
    crit3: "1",
    doubtterr: "0",
    multiple: "0",
    success,
    suicide,
    attacktype1: ATTACK_CODES[attack] ?? "",
    attacktype1_txt: attack,
    targtype1: TARGET_CODES[target] ?? "",
    targtype1_txt: target,
    gname: "Islamic State of Iraq and the Levant (ISIL)",
    guncertain1: "0",
    individual: "0",
    claimed,
    nkill: "4",
    nkillus: "0",
    nkillter: "0",
    nwound: "9",
    property: "-9",
    ishostkid: "0",
    scite1: '"Gunmen attack in Mosul," Wire report, March 15, 2015.',
    dbsource: "START Primary Collection",
    INT_LOG: "0",
    INT_IDEO: "0",
    INT_MISC: "0",
    INT_ANY: "0",
    ...more,
  });
  return gtdRowToEvent(columns, fields, DOCUMENT);
}

const GTD_ATTACKS: readonly (readonly [GtdCase, EventType, string])[] = [
  // Armed Assault and Assassination: a battle against armed targets, an attack on civilians otherwise.
  [{ attack: "Armed Assault", target: "Military" }, "Battles", "Armed clash"],
  [{ attack: "Armed Assault", target: "Police" }, "Battles", "Armed clash"],
  [{ attack: "Armed Assault", target: "Terrorists/Non-State Militia" }, "Battles", "Armed clash"],
  [{ attack: "Armed Assault", target: "Private Citizens & Property" }, "Violence against civilians", "Attack"],
  [{ attack: "Armed Assault", target: "Government (General)" }, "Violence against civilians", "Attack"],
  [{ attack: "Armed Assault", target: "Business" }, "Violence against civilians", "Attack"],
  [{ attack: "Armed Assault", target: "Violent Political Party" }, "Violence against civilians", "Attack"],
  [{ attack: "Armed Assault", target: "" }, "Violence against civilians", "Attack"],
  [{ attack: "Assassination", target: "Military" }, "Battles", "Armed clash"],
  [{ attack: "Assassination", target: "Police" }, "Battles", "Armed clash"],
  [{ attack: "Assassination", target: "Terrorists/Non-State Militia" }, "Battles", "Armed clash"],
  [{ attack: "Assassination", target: "Government (General)" }, "Violence against civilians", "Attack"],
  [{ attack: "Assassination", target: "Private Citizens & Property" }, "Violence against civilians", "Attack"],
  // Unarmed Assault is an attack whatever the target.
  [{ attack: "Unarmed Assault", target: "Private Citizens & Property" }, "Violence against civilians", "Attack"],
  [{ attack: "Unarmed Assault", target: "Military" }, "Violence against civilians", "Attack"],
  // Bombing/Explosion: a suicide bomb when suicide = 1.
  [{ attack: "Bombing/Explosion", suicide: "0" }, "Explosions/Remote violence", "Remote explosive/landmine/IED"],
  [{ attack: "Bombing/Explosion", suicide: "1" }, "Explosions/Remote violence", "Suicide bomb"],
  [{ attack: "Bombing/Explosion", suicide: "1", target: "Military" }, "Explosions/Remote violence", "Suicide bomb"],
  [{ attack: "Bombing/Explosion", suicide: "" }, "Explosions/Remote violence", "Remote explosive/landmine/IED"],
  // suicide = 1 changes nothing but a bombing.
  [{ attack: "Armed Assault", target: "Military", suicide: "1" }, "Battles", "Armed clash"],
  [{ attack: "Hostage Taking (Kidnapping)", suicide: "1" }, "Violence against civilians", "Abduction/forced disappearance"],
  // Hijacking and both kinds of hostage taking are abductions.
  [{ attack: "Hijacking" }, "Violence against civilians", "Abduction/forced disappearance"],
  [{ attack: "Hostage Taking (Barricade Incident)" }, "Violence against civilians", "Abduction/forced disappearance"],
  [{ attack: "Hostage Taking (Kidnapping)" }, "Violence against civilians", "Abduction/forced disappearance"],
  [{ attack: "Hostage Taking (Kidnapping)", target: "Military" }, "Violence against civilians", "Abduction/forced disappearance"],
  [{ attack: "Facility/Infrastructure Attack" }, "Strategic developments", "Looting/property destruction"],
];

describe("GTD: attack types, success and suicide to ACLED", () => {
  it("names its required columns, each one of the GTD's", () => {
    assert.deepEqual([...GTD_REQUIRED], ["eventid", "iyear", "attacktype1_txt"]);
    assert.equal(GTD_LAYOUT.length, 135);
    assert.equal(new Columns(GTD_LAYOUT).missing(GTD_REQUIRED).length, 0);
  });

  for (const [input, eventType, subEventType] of GTD_ATTACKS) {
    const label = `${input.attack}${input.target === undefined ? "" : ` against "${input.target}"`}${input.suicide === undefined ? "" : `, suicide=${input.suicide || "(empty)"}`}`;
    it(`${label} → ${eventType}/${subEventType}`, () => {
      assertAcledPair([eventType, subEventType]);
      const { event, originalType, externalId } = gtd(input);
      assert.deepEqual([event.eventType, event.subEventType], [eventType, subEventType]);
      assert.equal(originalType, `attacktype1 ${input.attack}`);
      assert.equal(externalId, "201503140001");
    });
  }

  it("fails an Unknown attack type (no ACLED type), and any type the codebook does not have", () => {
    assert.throws(
      () => gtd({ attack: "Unknown" }),
      (error: unknown) => {
        assert.ok(error instanceof RowError);
        assert.equal(error.message, 'attacktype1_txt "Unknown" has no ACLED event type');
        return true;
      },
    );
    assert.throws(() => gtd({ attack: "Armed assault" }), RowError);
    assert.throws(() => gtd({ attack: "", more: { attacktype1: "2" } }), /attacktype1_txt is empty/);
  });

  const OUTCOMES: readonly (readonly [string, string, EventStatus])[] = [
    // [success, claimed, status]: success = 0 is an attempt; a claim is not kept.
    ["1", "0", "occurred"],
    ["0", "0", "attempted"],
    ["", "0", "occurred"],
    ["1", "1", "occurred"],
    ["0", "1", "attempted"],
    ["1", "-9", "occurred"],
    ["1", "", "occurred"],
  ];
  for (const [success, claimed, status] of OUTCOMES) {
    it(`success=${success || "(empty)"}, claimed=${claimed || "(empty)"} → ${status}`, () => {
      const { event } = gtd({
        attack: "Armed Assault",
        target: "Military",
        success,
        claimed,
        more: { claimmode: claimed === "1" ? "1" : "" },
      });
      assert.equal(event.status, status);
    });
  }

  it("a claim does not name a perpetrator the row does not, and gname Unknown is none", () => {
    const claimed = gtd({ attack: "Bombing/Explosion", claimed: "1", more: { gname: "Unknown", claimmode: "1", claimmode_txt: "Letter" } });
    assert.deepEqual([claimed.event.perpetratorGroup, claimed.event.actor1, claimed.event.status], [null, null, "occurred"]);
    const named = gtd({ attack: "Bombing/Explosion", claimed: "0" });
    assert.deepEqual(
      [named.event.perpetratorGroup, named.event.actor1, named.event.actor2],
      ["Islamic State of Iraq and the Levant (ISIL)", "Islamic State of Iraq and the Levant (ISIL)", null],
    );
  });

  it("reads nkill as the fatalities (nwound and the US and perpetrator counts are not)", () => {
    const at = (nkill: string): number | null =>
      gtd({ attack: "Armed Assault", more: { nkill, nkillter: "2", nwound: "30" } }).event.fatalities;
    assert.equal(at("4"), 4);
    assert.equal(at("12.0"), 12);
    assert.equal(at("0"), 0);
    assert.equal(at(""), null);
    assert.throws(() => at("-9"), RowError);
  });

  const DATES: readonly (readonly [string, string, string, string, DatePrecision])[] = [
    // [iyear, imonth, iday, date, precision]: 0 is unknown.
    ["2015", "3", "14", "2015-03-14", "day"],
    ["2015", "3", "0", "2015-03", "month"],
    ["2015", "0", "0", "2015", "year"],
    ["2015", "0", "14", "2015", "year"],
  ];
  for (const [year, month, day, date, precision] of DATES) {
    it(`iyear ${year}, imonth ${month}, iday ${day} → ${date} (${precision})`, () => {
      const { event } = gtd({ attack: "Armed Assault", more: { iyear: year, imonth: month, iday: day } });
      assert.deepEqual([event.eventDate, event.datePrecision], [date, precision]);
    });
  }

  const PLACES: readonly (readonly [string, string, GeoPrecision, boolean])[] = [
    // [specificity, vicinity, precision, coordinates kept]
    ["1", "0", "town", true],
    ["1", "1", "district", true],
    ["2", "0", "district", true],
    ["3", "0", "district", true],
    ["4", "0", "region", false],
    ["5", "0", "country", false],
  ];
  for (const [specificity, vicinity, precision, kept] of PLACES) {
    it(`specificity ${specificity}, vicinity ${vicinity} → ${precision}`, () => {
      const { event } = gtd({ attack: "Armed Assault", more: { specificity, vicinity } });
      assert.deepEqual(
        [event.geoPrecision, event.country, event.admin1, event.location, event.latitude, event.longitude],
        [precision, "IQ", "Nineveh", "Mosul", kept ? 36.335 : null, kept ? 43.1189 : null],
      );
    });
  }

  it("reads an Unknown city as none, and the three citations as the attributions", () => {
    const { event } = gtd({ attack: "Armed Assault", more: { city: "Unknown", scite2: "Second source.", scite3: "" } });
    assert.equal(event.location, null);
    assert.deepEqual(event.sources, ['"Gunmen attack in Mosul," Wire report, March 15, 2015.', "Second source."]);
  });
});

// ---------------------------------------------------------------------------------------------
// UCDP GED

/** UCDP GED Codebook 23.1, the CSV's columns in file order (49). */
const UCDP_LAYOUT = [
  "id",
  "relid",
  "year",
  "active_year",
  "code_status",
  "type_of_violence",
  "conflict_dset_id",
  "conflict_new_id",
  "conflict_name",
  "dyad_dset_id",
  "dyad_new_id",
  "dyad_name",
  "side_a_dset_id",
  "side_a_new_id",
  "side_a",
  "side_b_dset_id",
  "side_b_new_id",
  "side_b",
  "number_of_sources",
  "source_article",
  "source_office",
  "source_date",
  "source_headline",
  "source_original",
  "where_prec",
  "where_coordinates",
  "where_description",
  "adm_1",
  "adm_2",
  "latitude",
  "longitude",
  "geom_wkt",
  "priogrid_gid",
  "country",
  "country_id",
  "region",
  "event_clarity",
  "date_prec",
  "date_start",
  "date_end",
  "deaths_a",
  "deaths_b",
  "deaths_civilians",
  "deaths_unknown",
  "best",
  "high",
  "low",
  "gwnoa",
  "gwnob",
] as const;

function ucdp(values: Readonly<Record<string, string>> = {}): ImportedRow {
  const { columns, fields } = csvRow(UCDP_LAYOUT, {
    id: "900001",
    relid: "IRQ-2017-1-259-1",
    year: "2017",
    active_year: "1",
    code_status: "Clear",
    type_of_violence: "1",
    conflict_dset_id: "259",
    conflict_new_id: "259",
    conflict_name: "Iraq: Government",
    dyad_dset_id: "524",
    dyad_new_id: "524",
    dyad_name: "Government of Iraq - IS",
    side_a_dset_id: "116",
    side_a_new_id: "116",
    side_a: "Government of Iraq",
    side_b_dset_id: "234",
    side_b_new_id: "234",
    side_b: "IS",
    number_of_sources: "2",
    source_office: "Agence France Presse;Reuters",
    where_prec: "1",
    where_coordinates: "Tall Afar town",
    adm_1: "Ninawa province",
    adm_2: "Tall Afar district",
    latitude: "36.3767",
    longitude: "42.4497",
    geom_wkt: "POINT (42.4497 36.3767)",
    priogrid_gid: "178000",
    country: "Iraq",
    country_id: "645",
    region: "Middle East",
    event_clarity: "1",
    date_prec: "1",
    date_start: "2017-08-20",
    date_end: "2017-08-20",
    deaths_a: "3",
    deaths_b: "5",
    deaths_civilians: "0",
    deaths_unknown: "0",
    best: "8",
    high: "12",
    low: "8",
    gwnoa: "645",
    ...values,
  });
  return ucdpRowToEvent(columns, fields, DOCUMENT);
}

describe("UCDP GED: violence, date and place precision, deaths", () => {
  it("names its required columns, each one of GED's", () => {
    assert.deepEqual([...UCDP_REQUIRED], ["id", "type_of_violence", "date_start", "best"]);
    assert.equal(new Columns(UCDP_LAYOUT).missing(UCDP_REQUIRED).length, 0);
  });

  const VIOLENCE: readonly (readonly [string, EventType, string | null])[] = [
    // [type_of_violence, type, perpetrator]: side_a perpetrates one-sided violence only.
    ["1", "Battles", null],
    ["2", "Battles", null],
    ["3", "Violence against civilians", "Government of Iraq"],
  ];
  for (const [code, eventType, perpetrator] of VIOLENCE) {
    it(`type_of_violence ${code} → ${eventType}, no sub-type`, () => {
      const { event, originalType } = ucdp({ type_of_violence: code });
      assert.deepEqual(
        [event.eventType, event.subEventType, event.perpetratorGroup, event.actor1, event.actor2],
        [eventType, null, perpetrator, "Government of Iraq", "IS"],
      );
      assert.equal(originalType, `type_of_violence ${code}`);
    });
  }
  it("fails a type_of_violence outside 1, 2, 3", () => {
    assert.throws(() => ucdp({ type_of_violence: "4" }), /type_of_violence is not 1, 2 or 3: "4"/);
    assert.throws(() => ucdp({ type_of_violence: "0" }), RowError);
  });

  const DATES: readonly (readonly [string, string, string, string, DatePrecision])[] = [
    // [date_prec, date_start, date_end, date, precision]
    ["1", "2017-08-20", "2017-08-20", "2017-08-20", "day"],
    ["2", "2017-08-20", "2017-08-20", "2017-08", "month"],
    ["3", "2017-08-20", "2017-08-20", "2017-08", "month"],
    ["4", "2017-08-20", "2017-08-20", "2017-08", "month"],
    ["5", "2017-08-20", "2017-08-20", "2017", "year"],
    // Spans: within a month the month is kept; across a month boundary it becomes the year.
    ["2", "2017-08-20", "2017-08-24", "2017-08", "month"],
    ["3", "2017-08-14", "2017-08-20", "2017-08", "month"],
    ["4", "2017-08-01", "2017-08-31", "2017-08", "month"],
    ["2", "2017-08-30", "2017-09-02", "2017", "year"],
    ["3", "2017-08-28", "2017-09-03", "2017", "year"],
    ["4", "2017-08-10", "2017-09-09", "2017", "year"],
    ["5", "2017-01-01", "2017-12-31", "2017", "year"],
  ];
  for (const [code, start, end, date, precision] of DATES) {
    it(`date_prec ${code}, ${start} to ${end} → ${date} (${precision})`, () => {
      const { event } = ucdp({ date_prec: code, date_start: start, date_end: end });
      assert.deepEqual([event.eventDate, event.datePrecision], [date, precision]);
    });
  }
  it("fails a date_prec outside 1 to 5, and a date_end before date_start", () => {
    assert.throws(() => ucdp({ date_prec: "6" }), /date_prec has an unknown code: "6"/);
    assert.throws(() => ucdp({ date_start: "2017-08-20", date_end: "2017-08-19" }), /before date_start/);
  });

  const PLACES: readonly (readonly [string, GeoPrecision, boolean])[] = [
    // [where_prec, precision, coordinates kept]
    ["1", "town", true],
    ["2", "district", true],
    ["3", "district", true],
    ["4", "region", false],
    ["5", "region", false],
    ["6", "country", false],
    ["7", "region", false],
  ];
  for (const [code, precision, kept] of PLACES) {
    it(`where_prec ${code} → ${precision}, coordinates ${kept ? "kept" : "dropped"}`, () => {
      const { event } = ucdp({ where_prec: code });
      assert.deepEqual(
        [event.geoPrecision, event.country, event.admin1, event.location, event.latitude, event.longitude],
        [precision, "IQ", "Ninawa province", "Tall Afar town", kept ? 36.3767 : null, kept ? 42.4497 : null],
      );
    });
  }
  it("fails a where_prec outside 1 to 7", () => {
    assert.throws(() => ucdp({ where_prec: "8" }), /where_prec has an unknown code: "8"/);
    assert.throws(() => ucdp({ where_prec: "0" }), RowError);
  });

  const DEATHS: readonly (readonly [string, string, string, number])[] = [
    // [low, best, high, fatalities]: best is the count; low and high check it and are kept as its range.
    ["8", "8", "12", 8],
    ["5", "8", "8", 8],
    ["8", "8", "8", 8],
    ["0", "0", "0", 0],
    ["", "3", "", 3],
    ["2", "40", "300", 40],
  ];
  for (const [low, best, high, fatalities] of DEATHS) {
    it(`low ${low || "-"}, best ${best}, high ${high || "-"} → ${fatalities} fatalities, range ${low || "-"} to ${high || "-"}`, () => {
      const row = ucdp({ low, best, high });
      assert.equal(row.event.fatalities, fatalities);
      assert.deepEqual([row.fatalitiesLow, row.fatalitiesHigh], [low === "" ? null : Number(low), high === "" ? null : Number(high)]);
    });
  }
  it("fails deaths that are not ordered low ≤ best ≤ high", () => {
    assert.throws(() => ucdp({ low: "9", best: "8", high: "12" }), /deaths are not ordered low <= best <= high: 9 \/ 8 \/ 12/);
    assert.throws(() => ucdp({ low: "8", best: "8", high: "7" }), /not ordered/);
    assert.throws(() => ucdp({ best: "-1", low: "", high: "" }), RowError);
  });

  it("drops a bracketed old country name and splits source_office on ';'", () => {
    const { event } = ucdp({ country: "DR Congo (Zaire)", source_office: "Radio Okapi; Reuters;" });
    assert.equal(event.country, "CD");
    assert.deepEqual(event.sources, ["Radio Okapi", "Reuters"]);
  });
});

// ---------------------------------------------------------------------------------------------
// ACLED

/** ACLED's export columns since its March 2023 layout, in file order (31). */
const ACLED_LAYOUT = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
] as const;

function acled(values: Readonly<Record<string, string>> = {}): ImportedRow {
  const { columns, fields } = csvRow(ACLED_LAYOUT, {
    event_id_cnty: "IRQ90001",
    event_date: "2024-03-04",
    year: "2024",
    time_precision: "1",
    disorder_type: "Political violence",
    event_type: "Battles",
    sub_event_type: "Armed clash",
    actor1: "Military Forces of Iraq (2022-)",
    inter1: "State forces",
    actor2: "Islamic State (Iraq)",
    inter2: "Rebel group",
    interaction: "State forces-Rebel group",
    iso: "368",
    region: "Middle East",
    country: "Iraq",
    admin1: "Ninewa",
    admin2: "Tel Afar",
    admin3: "Markaz Tel Afar",
    location: "Badush",
    latitude: "36.4108",
    longitude: "42.9981",
    geo_precision: "1",
    source: "Shafaq News; Rudaw",
    source_scale: "National",
    notes: "On 4 March 2024, Iraqi forces clashed with IS militants near Badush.",
    fatalities: "2",
    timestamp: "1710000000",
    ...values,
  });
  return acledRowToEvent(columns, fields, DOCUMENT);
}

describe("ACLED: time and geo precision", () => {
  it("reads ACLED's 31 columns of the March 2023 layout", () => {
    assert.deepEqual([...ACLED_COLUMNS], [...ACLED_LAYOUT]);
  });

  const DATES: readonly (readonly [string, string, string, DatePrecision])[] = [
    // [time_precision, event_date, date, precision]: a week's or a month's coded day keeps its month only.
    ["1", "2024-03-04", "2024-03-04", "day"],
    ["2", "2024-03-06", "2024-03", "month"],
    ["3", "2024-03-15", "2024-03", "month"],
    ["", "2024-03-04", "2024-03-04", "day"],
  ];
  for (const [code, day, date, precision] of DATES) {
    it(`time_precision ${code || "(empty)"} → ${date} (${precision})`, () => {
      const { event } = acled({ time_precision: code, event_date: day });
      assert.deepEqual([event.eventDate, event.datePrecision], [date, precision]);
    });
  }
  it("fails a time_precision outside 1 to 3, and reads an empty event_date as the year", () => {
    assert.throws(() => acled({ time_precision: "4" }), /time_precision is not 1, 2 or 3: "4"/);
    const { event } = acled({ event_date: "", time_precision: "", year: "2024" });
    assert.deepEqual([event.eventDate, event.datePrecision], ["2024", "year"]);
  });

  const PLACES: readonly (readonly [string, GeoPrecision | null, boolean])[] = [
    // [geo_precision, precision, coordinates kept]: 3 codes a provincial capital, which is dropped.
    ["1", "town", true],
    ["2", "district", true],
    ["3", "region", false],
    ["", null, true],
  ];
  for (const [code, precision, kept] of PLACES) {
    it(`geo_precision ${code || "(empty)"} → ${precision ?? "none"}, coordinates ${kept ? "kept" : "dropped"}`, () => {
      const { event } = acled({ geo_precision: code });
      assert.deepEqual(
        [event.geoPrecision, event.country, event.admin1, event.location, event.latitude, event.longitude],
        [precision, "IQ", "Ninewa", "Badush", kept ? 36.4108 : null, kept ? 42.9981 : null],
      );
    });
  }
  it("fails a geo_precision outside 1 to 3", () => {
    assert.throws(() => acled({ geo_precision: "4" }), /geo_precision is not 1, 2 or 3: "4"/);
    assert.throws(() => acled({ geo_precision: "0" }), RowError);
  });

  it("lets sitrep's own precision columns win over ACLED's codes", () => {
    const header = [...ACLED_LAYOUT, "sitrep_date_precision", "sitrep_geo_precision"];
    const { columns, fields } = csvRow(header, {
      event_id_cnty: "IRQ90002",
      event_date: "2024-03-15",
      time_precision: "3",
      event_type: "Battles",
      country: "Iraq",
      latitude: "36.4108",
      longitude: "42.9981",
      geo_precision: "3",
      sitrep_date_precision: "year",
      sitrep_geo_precision: "point",
    });
    const { event } = acledRowToEvent(columns, fields, DOCUMENT);
    assert.deepEqual(
      [event.eventDate, event.datePrecision, event.geoPrecision, event.latitude, event.longitude],
      ["2024", "year", "point", 36.4108, 42.9981],
    );
  });
});
