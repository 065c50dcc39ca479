import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type DateContext,
  type DateMention,
  findDates,
  findReportPeriod,
  findUndatedDatesInParts,
  inferReferenceDate,
  periodOfPartialDate,
  shiftYears,
} from "./dates.ts";
import { splitSentences } from "./sentences.ts";
import { scanWords } from "./word-scan.ts";

// 2025-06-10 is a Tuesday.
const REFERENCE = "2025-06-10";

function only(text: string, context: DateContext = { referenceDate: REFERENCE }): DateMention {
  const mentions = findDates(text, context);
  assert.equal(mentions.length, 1, `expected one date in ${JSON.stringify(text)}, got ${JSON.stringify(mentions)}`);
  return mentions[0] as DateMention;
}

/** [text, value, periodStart, periodEnd] */
function spans(text: string, context: DateContext = { referenceDate: REFERENCE }): (string | null)[][] {
  return findDates(text, context).map((mention) => [mention.text, mention.value, mention.periodStart, mention.periodEnd]);
}

function assertPoint(text: string, value: string, context: DateContext = { referenceDate: REFERENCE }): void {
  const mention = only(text, context);
  assert.equal(mention.kind, "point", text);
  assert.equal(mention.value, value, text);
}

function assertPeriod(text: string, start: string, end: string, context: DateContext = { referenceDate: REFERENCE }): void {
  const mention = only(text, context);
  assert.equal(mention.periodStart, start, text);
  assert.equal(mention.periodEnd, end, text);
}

describe("findDates: names that hold a date", () => {
  it("reads no date in a street or a movement named for a day, but keeps a weekday before such a word", () => {
    assert.deepEqual(spans("Offices on 1 May Avenue and on May 1 Street were destroyed."), []);
    assert.deepEqual(spans("Guerrillas of the 19th of April Movement were blamed."), []);
    assert.deepEqual(spans("A bomb went off on Tuesday, district officials said, and on 3 May the plant was hit."), [
      ["Tuesday", "2025-06-10", "2025-06-10", "2025-06-10"],
      ["3 May", "2025-05-03", "2025-05-03", "2025-05-03"],
    ]);
  });
});

describe("findDates: absolute dates", () => {
  it("reads every common written form", () => {
    const cases: [string, string][] = [
      ["The raid began on December 2, 2024 before dawn.", "2024-12-02"],
      ["The raid began on 2 December 2024 before dawn.", "2024-12-02"],
      ["The raid began on Dec. 2, 2024 before dawn.", "2024-12-02"],
      ["The statement is dated Jan. 24, 2022.", "2022-01-24"],
      ["Logged as 2024-12-02 in the register.", "2024-12-02"],
      ["Logged as 12/02/2024 in the register.", "2024-12-02"],
      ["Logged as 13/02/2024 in the register.", "2024-02-13"],
      ["THE BOMB WENT OFF ON AUGUST 1, 2019 AT NOON.", "2019-08-01"],
      ["QUITO, 7 FEB 90 (EFE) -- THE ARMY REPORTED", "1990-02-07"],
      ["They met on SEPT 3, 2019 and again later.", "2019-09-03"],
      ["They met on Sept. 3, 2019 and again later.", "2019-09-03"],
      ["The truce ended in March 2014.", "2014-03"],
      ["In 2019 the last town fell.", "2019"],
    ];
    for (const [text, value] of cases) {
      const mention = only(text);
      assert.equal(mention.value, value, text);
      assert.equal(mention.resolution, "absolute", text);
      assert.equal(mention.explicitYear, true, text);
    }
  });

  it("reads two-digit years as 19xx from 30 and 20xx below", () => {
    assertPoint("CARACAS, 24 DEC 88 (AFP) --", "1988-12-24");
    assertPoint("Filed 3 JAN 05 (AP).", "2005-01-03");
  });

  it("keeps the count after a full month name: 'ON 18 MARCH 12 SOLDIERS'", () => {
    assertPoint("ON 18 MARCH 12 SOLDIERS WERE HURT.", "2025-03-18");
  });

  it("gives offsets that slice back to the text", () => {
    const text = "Troops moved on Dec. 2, 2024 and again on 5 January.";
    for (const mention of findDates(text, { referenceDate: REFERENCE })) {
      assert.equal(text.slice(mention.start, mention.end), mention.text);
    }
  });
});

describe("findDates: dates without a year prefer the past", () => {
  it("places a month and day on the latest such day not after the reference", () => {
    assertPoint("The couriers were caught on December 2.", "2024-12-02");
    assertPoint("The couriers were caught on June 10.", "2025-06-10");
    assertPoint("The couriers were caught on June 11.", "2024-06-11");
    assertPoint("The office was hit on September 8th.", "2024-09-08");
    assertPoint("THE ATTACK TOOK PLACE ON 15 JANUARY.", "2025-01-15");
  });

  it("places a month alone in the latest such month not after the reference", () => {
    assertPoint("In January, the minister toured the border.", "2025-01");
    assertPoint("In December, the minister toured the border.", "2024-12");
    assertPoint("In June, the minister toured the border.", "2025-06");
    assertPoint("Last December the minister toured the border.", "2024-12");
  });

  it("crosses the year boundary", () => {
    const earlyJanuary = { referenceDate: "2025-01-05" };
    assertPoint("Shelling resumed on December 30.", "2024-12-30", earlyJanuary);
    assertPoint("Shelling resumed on January 3.", "2025-01-03", earlyJanuary);
    assertPoint("Shelling resumed on January 7.", "2024-01-07", earlyJanuary);
    assertPoint("Shelling resumed in December.", "2024-12", earlyJanuary);
    assertPoint("Last January shelling resumed.", "2024-01", earlyJanuary);
  });

  it("narrows early, mid and late", () => {
    assertPeriod("Fighting flared in early January.", "2025-01-01", "2025-01-10");
    assertPeriod("Fighting flared in mid-January.", "2025-01-11", "2025-01-20");
    assertPeriod("Fighting flared in late January.", "2025-01-21", "2025-01-31");
    const midYear = only("Fighting flared in mid-2024.");
    assert.equal(midYear.value, "2024");
    assert.deepEqual([midYear.periodStart, midYear.periodEnd], ["2024-05-01", "2024-08-31"]);
    assertPeriod("Fighting flared in late 2023.", "2023-09-01", "2023-12-31");
    assertPeriod("Fighting flared in early 2023.", "2023-01-01", "2023-04-30");
  });

  it("reads decades", () => {
    const decade = only("The group was founded in the 1990s.");
    assert.equal(decade.kind, "period");
    assert.deepEqual([decade.periodStart, decade.periodEnd], ["1990-01-01", "1999-12-31"]);
    assertPeriod("IN THE 1980'S THE GROUP GREW.", "1980-01-01", "1989-12-31");
  });

  it("does not read 'may' and 'march' as months without a preposition", () => {
    assert.deepEqual(findDates("Officials say they may march on the capital.", { referenceDate: REFERENCE }), []);
    assertPoint("Talks stalled in May.", "2025-05");
  });
});

describe("findDates: relative to the reference date", () => {
  it("reads days", () => {
    assertPoint("A car bomb exploded today in the market.", "2025-06-10");
    assertPoint("Gunmen struck tonight.", "2025-06-10");
    assertPoint("Gunmen struck yesterday.", "2025-06-09");
    assertPoint("GUNMEN STRUCK LAST NIGHT.", "2025-06-09");
    assertPoint("Gunmen struck this morning.", "2025-06-10");
    assertPoint("Gunmen struck two days ago.", "2025-06-08");
    assertPoint("Gunmen struck three weeks ago.", "2025-05-20");
  });

  it("reads a weekday as the latest such day on or before the reference", () => {
    assertPoint("Gunmen struck on Monday.", "2025-06-09");
    assertPoint("Gunmen struck on Tuesday.", "2025-06-10");
    assertPoint("Gunmen struck on Wednesday.", "2025-06-04");
    assertPoint("GUNMEN STRUCK ON FRIDAY NIGHT.", "2025-06-06");
    assertPoint("Gunmen struck last Tuesday.", "2025-06-03");
  });

  it("reads weeks, months, quarters and years as whole calendar units", () => {
    assertPeriod("Talks failed last week.", "2025-06-02", "2025-06-08");
    assertPeriod("Talks failed this week.", "2025-06-09", "2025-06-15");
    assertPeriod("Talks failed this weekend.", "2025-06-07", "2025-06-08");
    assertPoint("Talks failed last month.", "2025-05");
    assertPoint("Talks failed this month.", "2025-06");
    assertPeriod("Talks failed earlier this month.", "2025-06-01", "2025-06-10");
    assertPoint("Talks failed this year.", "2025");
    assertPoint("Talks failed last year.", "2024");
    assertPoint("Talks had failed the previous year.", "2024");
    assertPoint("Talks resume next year.", "2026");
    assertPeriod("Raids rose this quarter.", "2025-04-01", "2025-06-30");
    assertPeriod("Raids rose last quarter.", "2025-01-01", "2025-03-31");
    assertPeriod("Raids rose during the quarter.", "2025-04-01", "2025-06-30");
  });

  it("reads periods that end at the reference date", () => {
    assertPeriod("Arrests rose in recent months.", "2025-03-10", "2025-06-10");
    assertPeriod("Arrests rose in the past days.", "2025-06-03", "2025-06-10");
    assertPeriod("Arrests rose over the past two weeks.", "2025-05-27", "2025-06-10");
    assertPeriod("Arrests rose since 2014.", "2014-01-01", "2025-06-10");
  });
});

describe("findDates: relative to the previous event (anchor)", () => {
  it("counts from the anchor date", () => {
    const context = { referenceDate: REFERENCE, anchorDate: "2024-12-02" };
    const later = only("Eleven days later, troops raided a safe house.", context);
    assert.equal(later.value, "2024-12-13");
    assert.equal(later.resolution, "anchor");
    assertPoint("Two days after, a second cell was found.", "2024-12-04", context);
    assertPoint("The next day the road reopened.", "2024-12-03", context);
    assertPoint("A day earlier, leaflets had appeared.", "2024-12-01", context);
    assertPeriod("The following week the curfew ended.", "2024-12-09", "2024-12-15", context);
  });

  it("takes the previous day-precision date in the text as the anchor", () => {
    assert.deepEqual(
      spans("Customs officers stopped a smuggler on December 2. Eleven days later, his partner was arrested at a bus station."),
      [
        ["December 2", "2024-12-02", "2024-12-02", "2024-12-02"],
        ["Eleven days later", "2024-12-13", "2024-12-13", "2024-12-13"],
      ],
    );
  });

  it("resolves a shift off the calendar to nothing, and keeps the last real date as the anchor", () => {
    // Before, the first shift gave "0NaN-NaN-NaN", which the next sentence's anchorDate then rejected.
    assert.deepEqual(spans("A bomb exploded on December 2. Some 100000000000 days later a second went off. A week later, a third."), [
      ["December 2", "2024-12-02", "2024-12-02", "2024-12-02"],
      ["100000000000 days later", null, null, null],
      ["A week later", "2024-12-09", "2024-12-09", "2024-12-09"],
    ]);
    assert.deepEqual(spans("Fighting has gone on for the last 900000 months."), [["the last 900000 months", null, null, null]]);
  });

  it("leaves an anchored date unresolved when there is no anchor", () => {
    const mention = only("Eleven days later, troops raided a safe house.");
    assert.equal(mention.value, null);
    assert.equal(mention.resolution, "anchor");
  });

  it("moves the previous period for 'the same period last year'", () => {
    assert.deepEqual(spans("Rebels staged nine ambushes in the first five months of 2025, up from three in the same period last year."), [
      ["the first five months of 2025", null, "2025-01-01", "2025-05-31"],
      ["the same period last year", null, "2024-01-01", "2024-05-31"],
    ]);
  });
});

describe("findDates: periods", () => {
  it("reads slices of a year", () => {
    assertPeriod("Claims fell in the first five months of 2025.", "2025-01-01", "2025-05-31");
    assertPeriod("Claims fell in the first half of 2024.", "2024-01-01", "2024-06-30");
    assertPeriod("Claims fell in the second quarter of 2019.", "2019-04-01", "2019-06-30");
    assertPeriod("Claims fell in Q2 2019.", "2019-04-01", "2019-06-30");
    assertPeriod("Claims fell in the last three months of 2024.", "2024-10-01", "2024-12-31");
    assertPeriod("Claims fell in the first week of December 2024.", "2024-12-01", "2024-12-07");
  });

  it("reads ranges", () => {
    assertPeriod("Between 2014 and 2017, the militants held the valley.", "2014-01-01", "2017-12-31");
    assertPeriod("From 2014 to 2017 the militants held the valley.", "2014-01-01", "2017-12-31");
    assertPeriod("The militants held the valley in 2014-17.", "2014-01-01", "2017-12-31");
    assertPeriod("Aircraft flew 900 sorties between August 2014 and the end of August 2019.", "2014-08-01", "2019-08-31");
    assertPeriod("The report covers October 1, 2019 to December 31, 2019.", "2019-10-01", "2019-12-31");
    assertPeriod("The report covers October 1 to December 31, 2019.", "2019-10-01", "2019-12-31");
    assertPeriod("The report covers January 1, 2020 through March 31, 2020.", "2020-01-01", "2020-03-31");
    assertPeriod("VOTING TOOK PLACE ON 5 AND 6 MAY.", "2025-05-05", "2025-05-06");
    assertPeriod("Voting took place on May 5-6, 2024.", "2024-05-05", "2024-05-06");
  });

  it("reads 'since' with the words between it and the year", () => {
    const since = only("Since the start of the campaign in 2014, the coalition has freed 40 towns.");
    assert.deepEqual([since.periodStart, since.periodEnd], ["2014-01-01", REFERENCE]);
    assert.equal(since.kind, "period");
  });

  it("resolves 'the quarter' to the report's period when one is given", () => {
    const context = {
      referenceDate: "2020-01-31",
      reportPeriod: { periodStart: "2019-10-01", periodEnd: "2019-12-31" },
    };
    assertPeriod("During the quarter, attacks fell.", "2019-10-01", "2019-12-31", context);
    assertPeriod("This quarter, attacks fell.", "2019-10-01", "2019-12-31", context);
    assertPeriod("The reporting period saw fewer attacks.", "2019-10-01", "2019-12-31", context);
  });
});

describe("findDates: without a reference date", () => {
  it("still returns year-less and relative dates, unresolved", () => {
    const mentions = findDates("On December 2 and again yesterday, and last week, gunmen struck.", { referenceDate: null });
    assert.deepEqual(
      mentions.map((mention) => [mention.text, mention.value, mention.periodStart, mention.periodEnd]),
      [
        ["December 2", null, null, null],
        ["yesterday", null, null, null],
        ["last week", null, null, null],
      ],
    );
    assert.deepEqual(
      mentions.map((mention) => mention.kind),
      ["point", "point", "period"],
    );
  });

  it("resolves dates that carry their year", () => {
    assertPoint("On December 2, 2024 gunmen struck.", "2024-12-02", { referenceDate: null });
    assertPeriod("Between 2014 and 2017 the valley was held.", "2014-01-01", "2017-12-31", { referenceDate: null });
  });

  it("keeps the known start of 'since 2014'", () => {
    const since = only("Since 2014 the valley has been contested.", { referenceDate: null });
    assert.deepEqual([since.periodStart, since.periodEnd], ["2014-01-01", null]);
  });

  it("never uses today's date", () => {
    for (const text of ["today", "this year", "in January", "on Monday", "two days ago", "in recent months"]) {
      const mention = only(`It happened ${text}.`, { referenceDate: null });
      assert.equal(mention.value, null, text);
      assert.equal(mention.periodStart, null, text);
    }
  });

  it("rejects a malformed reference date", () => {
    assert.throws(() => findDates("today", { referenceDate: "June 10" }), RangeError);
  });
});

describe("findDates: not dates", () => {
  it("ignores counts, times and ordinals", () => {
    assert.deepEqual(
      findDates("Some 2,000 troops and 38 trucks left at 10:30; the 20TH BRIGADE followed.", { referenceDate: REFERENCE }),
      [],
    );
    assert.deepEqual(findDates("About 2000 people fled.", { referenceDate: REFERENCE }), []);
  });
});

describe("periodOfPartialDate and shiftYears", () => {
  it("gives the span of a partial date", () => {
    assert.deepEqual(periodOfPartialDate("2024"), { periodStart: "2024-01-01", periodEnd: "2024-12-31" });
    assert.deepEqual(periodOfPartialDate("2024-02"), { periodStart: "2024-02-01", periodEnd: "2024-02-29" });
    assert.deepEqual(periodOfPartialDate("2024-12-02"), { periodStart: "2024-12-02", periodEnd: "2024-12-02" });
    assert.equal(periodOfPartialDate("2024-13"), null);
    assert.equal(periodOfPartialDate("Dec 2024"), null);
  });

  it("moves a period by whole years, keeping month ends", () => {
    assert.deepEqual(shiftYears({ periodStart: "2025-01-01", periodEnd: "2025-05-31" }, -1), {
      periodStart: "2024-01-01",
      periodEnd: "2024-05-31",
    });
    assert.deepEqual(shiftYears({ periodStart: "2025-01-01", periodEnd: "2025-02-28" }, -1), {
      periodStart: "2024-01-01",
      periodEnd: "2024-02-29",
    });
    assert.deepEqual(shiftYears({ periodStart: "2024-02-29", periodEnd: "2024-02-29" }, 1), {
      periodStart: "2025-02-28",
      periodEnd: "2025-02-28",
    });
  });
});

describe("inferReferenceDate", () => {
  it("takes the latest month- or day-precise end in the latest year", () => {
    assert.equal(
      inferReferenceDate(
        "Raids peaked between 2014 and 2017. In 2019 the last town fell. The group claimed 40 raids in the first five months of 2025.",
      ),
      "2025-05-31",
    );
  });

  it("falls back to the end of the latest year", () => {
    assert.equal(inferReferenceDate("Raids peaked in 2017 and fell in 2019."), "2019-12-31");
  });

  it("ignores deadlines and relative dates", () => {
    assert.equal(inferReferenceDate("On March 3, 2022 talks began; the army hopes to finish by 2030. Yesterday it rained."), "2022-03-03");
  });

  it("returns null when no date has a year", () => {
    assert.equal(inferReferenceDate("On December 2 the couriers were caught."), null);
  });
});

describe("findReportPeriod", () => {
  it("finds the period a report says it covers", () => {
    assert.deepEqual(
      findReportPeriod(
        "Quarterly summary for the committee. Background follows at length. ".repeat(8) +
          "This report covers the period October 1, 2022 to December 31, 2022. On November 3, 2022 a raid took place.",
      ),
      { periodStart: "2022-10-01", periodEnd: "2022-12-31" },
    );
  });

  it("returns null when there is none", () => {
    assert.equal(findReportPeriod("On November 3, 2022 a raid took place."), null);
  });

  it("reads the year a report's title names ('Country Reports on Terrorism 2022'), not a year a news lede mentions", () => {
    assert.deepEqual(findReportPeriod("Country Reports on Terrorism 2022: Syria. Overview: ISIS remained active."), {
      periodStart: "2022-01-01",
      periodEnd: "2022-12-31",
    });
    assert.equal(findReportPeriod("A report released in 2023 found little change in Syria."), null);
  });

  it("reads a range whose first date a comma closes ('from October 1, 2023, through December 31, 2023')", () => {
    assert.deepEqual(
      findReportPeriod(
        "Lead Inspector General report to the Congress. ".repeat(10) +
          "This report covers the period from October 1, 2023, through December 31, 2023. During the quarter, ISIS conducted 45 attacks.",
      ),
      { periodStart: "2023-10-01", periodEnd: "2023-12-31" },
    );
  });
});

describe("findDates: the last few hours", () => {
  it("reads 'the past few hours' and 'the last 24 hours' as the reporting day", () => {
    assertPoint("Two police officers were shot in the past few hours.", "2025-06-10");
    assertPoint("three bombs went off over the last 24 hours", "2025-06-10");
  });

  it("keeps a window of days as a period", () => {
    assertPeriod("in the past 48 hours", "2025-06-08", "2025-06-10");
  });
});

describe("findUndatedDatesInParts", () => {
  it("reads a report sentence by sentence as findDates reads it whole, offsets and carried periods included", () => {
    const text =
      "BAGHDAD, 12 MAR 2019 -- Rebels staged nine ambushes in the first five months of 2018. " +
      "In the same period last year they staged three. On 3 May, December 2 and in mid-2017 others followed.";
    const whole = findDates(text, { referenceDate: null, chainAnchor: false });
    const sentences = splitSentences(text);
    assert.ok(sentences.length >= 3);
    const parts = findUndatedDatesInParts(sentences.map((sentence) => ({ ...sentence, words: scanWords(sentence.text) })));
    assert.deepEqual(parts, whole);
    // The period of the first sentence is the one the second moves a year back.
    assert.deepEqual(
      parts.filter((mention) => mention.text === "the same period last year").map((mention) => [mention.periodStart, mention.periodEnd]),
      [["2017-01-01", "2017-05-31"]],
    );
    for (const mention of parts) assert.equal(text.slice(mention.start, mention.end), mention.text);
  });
});
