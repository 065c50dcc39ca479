// Figures: counts a report gives over a period, as the team would enter them by hand. Sentences
// are written for these tests. Reference day: 2025-06-10 unless a case says otherwise.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Figure } from "../domain/records.ts";
import { RuleExtractor } from "./extractor.ts";

function figuresOf(text: string, publishedDate: string | null = "2025-06-10"): readonly Figure[] {
  return new RuleExtractor().extract({ documentId: "doc_test", text, publishedDate, title: null }).figures;
}

/** The fields a figure is scored on (GOLD-FORMAT.md, Figure), plus whether sitrep derived it. */
function scored(figure: Figure): Record<string, unknown> {
  return {
    measure: figure.measure,
    group: figure.group,
    country: figure.country,
    periodStart: figure.periodStart,
    periodEnd: figure.periodEnd,
    value: figure.value,
    qualifier: figure.qualifier,
    derived: figure.derived,
  };
}

describe("figures over a period", () => {
  it("reads a count and its year-earlier comparison as two figures", () => {
    const figures = figuresOf(
      "The monitor counted 27 attacks claimed by ISIS in Iraq in the first three months of 2025, compared with 40 in the same period last year.",
    );
    assert.equal(figures.length, 2);
    assert.deepEqual(
      figures.map((figure) => [figure.periodStart, figure.periodEnd, figure.value]),
      [
        ["2025-01-01", "2025-03-31", 27],
        ["2024-01-01", "2024-03-31", 40],
      ],
    );
    for (const figure of figures) {
      assert.equal(figure.group, "Islamic State");
      assert.equal(figure.country, "IQ");
      assert.equal(figure.qualifier, "exact");
    }
  });

  it("counts attacks 'claimed by' a group as claimed attacks", () => {
    const figures = figuresOf(
      "The monitor counted 27 attacks claimed by ISIS in Iraq in the first three months of 2025, compared with 40 in the same period last year.",
    );
    assert.deepEqual(
      figures.map((figure) => figure.measure),
      ["claimed_attacks", "claimed_attacks"],
    );
  });

  it("reads a claim verb before the number as claimed attacks, with the period's end as an undated report's reference", () => {
    const figures = figuresOf("ISIS claimed 30 attacks in Iraq in the first three months of 2024.", null);
    assert.deepEqual(figures.map(scored), [
      {
        measure: "claimed_attacks",
        group: "Islamic State",
        country: "IQ",
        periodStart: "2024-01-01",
        periodEnd: "2024-03-31",
        value: 30,
        qualifier: "exact",
        derived: false,
      },
    ]);
  });

  it("reads 'at least a dozen plots were thwarted this year' as at least 12 foiled plots, up to the report's date", () => {
    const figures = figuresOf("Officials said at least a dozen plots were thwarted this year.");
    assert.equal(figures.length, 1);
    const figure = figures[0]!;
    assert.equal(figure.measure, "foiled_plots");
    assert.equal(figure.value, 12);
    assert.equal(figure.qualifier, "at_least");
    assert.equal(figure.periodStart, "2025-01-01");
    assert.equal(figure.periodEnd, "2025-06-10");
    assert.equal(figure.source, "Officials");
  });

  it("reads plots named for their group ('a dozen Islamic State plots') as foiled plots of that group", () => {
    const figures = figuresOf("Officials in Germany said at least a dozen Islamic State plots were thwarted this year.");
    assert.equal(figures.length, 1);
    const figure = figures[0]!;
    assert.equal(figure.measure, "foiled_plots");
    assert.equal(figure.group, "Islamic State");
    assert.equal(figure.country, "DE");
    assert.equal(figure.value, 12);
    assert.equal(figure.qualifier, "at_least");
  });

  it("reads 'on course for about 110 claims this year' as a projection to the end of the year", () => {
    const figures = figuresOf(
      "Islamic State claimed 48 attacks in Syria in the first five months of 2025 and is on course for about 110 claims this year.",
    );
    assert.deepEqual(figures.map(scored), [
      {
        measure: "claimed_attacks",
        group: "Islamic State",
        country: "SY",
        periodStart: "2025-01-01",
        periodEnd: "2025-05-31",
        value: 48,
        qualifier: "exact",
        derived: false,
      },
      {
        measure: "claimed_attacks",
        group: "Islamic State",
        country: "SY",
        periodStart: "2025-01-01",
        periodEnd: "2025-12-31",
        value: 110,
        qualifier: "projected",
        derived: false,
      },
    ]);
  });

  it("keeps the country of the count a projection in the next sentence extends", () => {
    const figures = figuresOf(
      "Islamic State claimed 48 attacks in Syria in the first five months of 2025. At that pace the group is on course for about 110 claims this year, around one-third of the claims made the previous year.",
    );
    const projected = figures.find((figure) => figure.qualifier === "projected");
    assert.equal(projected?.value, 110);
    assert.equal(projected?.periodEnd, "2025-12-31");
    assert.equal(projected?.country, "SY");
  });

  it("derives last year's total from 'about one-third of the attacks it claimed the previous year'", () => {
    const figures = figuresOf(
      "Islamic State claimed 40 attacks in Syria in the first half of 2025, about one-third of the attacks it claimed the previous year.",
      "2025-07-15",
    );
    assert.deepEqual(figures.map(scored), [
      {
        measure: "claimed_attacks",
        group: "Islamic State",
        country: "SY",
        periodStart: "2025-01-01",
        periodEnd: "2025-06-30",
        value: 40,
        qualifier: "exact",
        derived: false,
      },
      {
        measure: "claimed_attacks",
        group: "Islamic State",
        country: "SY",
        periodStart: "2024-01-01",
        periodEnd: "2024-12-31",
        value: 120,
        qualifier: "about",
        derived: true,
      },
    ]);
  });

  it("derives last year's total from 'one-third of last year's total'", () => {
    const figures = figuresOf(
      "Islamic State claimed 40 attacks in Syria in the first half of 2025, roughly one-third of last year's total.",
      "2025-07-15",
    );
    const derived = figures.find((figure) => figure.derived);
    assert.ok(derived, "a derived figure");
    assert.deepEqual(scored(derived), {
      measure: "claimed_attacks",
      group: "Islamic State",
      country: "SY",
      periodStart: "2024-01-01",
      periodEnd: "2024-12-31",
      value: 120,
      qualifier: "about",
      derived: true,
    });
  });

  it("reads 'between 2,000 and 3,000 fighters' as an at-least and an at-most figure", () => {
    const figures = figuresOf("Al-Shabaab has between 2,000 and 3,000 fighters in Somalia, UN experts estimated in 2024.");
    assert.deepEqual(figures.map(scored), [
      {
        measure: "fighters",
        group: "al-Shabaab",
        country: "SO",
        periodStart: "2024-01-01",
        periodEnd: "2024-12-31",
        value: 2000,
        qualifier: "at_least",
        derived: false,
      },
      {
        measure: "fighters",
        group: "al-Shabaab",
        country: "SO",
        periodStart: "2024-01-01",
        periodEnd: "2024-12-31",
        value: 3000,
        qualifier: "at_most",
        derived: false,
      },
    ]);
    assert.ok(figures.every((figure) => figure.source === "UN experts"));
  });
});

describe("what is not a figure", () => {
  it("gives no figure for a percentage change", () => {
    assert.deepEqual(figuresOf("Attacks in Iraq fell by 40 percent in 2024, the monitor said."), []);
  });

  it("gives no figure for one incident's casualties", () => {
    assert.deepEqual(figuresOf("A car bomb in Baidoa on Sunday killed 12 people, officials said."), []);
  });

  it("gives no figure for one incident's casualties in all-capitals wire copy", () => {
    assert.deepEqual(
      figuresOf("LIMA, 12 MAR 90 (EFE) -- [TEXT] A CAR BOMB EXPLODED LAST NIGHT IN HUANCAYO, KILLING TWO POLICEMEN.", null),
      [],
    );
  });
});

describe("tolls: incident or period", () => {
  it("reads deaths counted since a date as a fatalities figure", () => {
    const figures = figuresOf("Attacks blamed on the group in the Badia have killed 212 people since the start of 2024, a monitor said.");
    assert.equal(figures.length, 1);
    assert.equal(figures[0]?.measure, "fatalities");
    assert.equal(figures[0]?.value, 212);
    assert.equal(figures[0]?.periodStart, "2024-01-01");
  });

  it("leaves one raid's toll in a named month to the event, not to the figures", () => {
    assert.deepEqual(figuresOf("In April, army commandos killed seven militants in a raid in the Makhmour hills."), []);
  });

  it("never dates a figure after the report", () => {
    for (const figure of figuresOf(
      "Officials said in May 2025 that about 9,000 detainees were held, more than six years after the group lost its last village.",
    )) {
      assert.ok(figure.periodStart !== null && figure.periodStart <= "2025-06-10", `${figure.periodStart}`);
    }
  });
});

describe("what a count counts", () => {
  it("reads the verb before each number: killed about 50, arrested more than 40", () => {
    const figures = figuresOf(
      "Iraqi forces killed about 50 IS militants and arrested more than 40 between January and April 2025, a monitor said.",
    );
    assert.deepEqual(
      figures.map((figure) => [figure.measure, figure.value, figure.qualifier]),
      [
        ["fatalities", 50, "about"],
        ["arrests", 40, "at_least"],
      ],
    );
  });

  it("does not take a country used as an adjective as the place counted", () => {
    const figures = figuresOf("A US official said the group claimed 130 attacks in Somalia in 2024.");
    assert.equal(figures[0]?.country, "SO");
  });

  it("leaves one operation's arrests to the event", () => {
    assert.deepEqual(figuresOf("In May, police detained more than 30 suspects in a raid in Basra."), []);
  });
});

describe("numbers that are not a group's strength or a second figure", () => {
  const figuresIn = (text: string) =>
    new RuleExtractor().extract({ documentId: "doc_test", text, publishedDate: "2025-06-10", title: null }).figures;

  it("does not read the members who did one act as the group's fighters", () => {
    assert.equal(
      figuresIn("Last weekend two Shining Path members machine-gunned a guard in Huanuco.").filter((f) => f.measure === "fighters").length,
      0,
    );
  });

  it("does not read a unit conversion in brackets as a second figure", () => {
    const figures = figuresIn("Since 2014 the coalition has retaken 50,000 square kilometers (19,305 square miles) from Islamic State.");
    assert.equal(figures.filter((f) => f.value === 19305).length, 0);
  });
});

describe("members of a body that is not armed", () => {
  it("does not read a union's members as fighters", () => {
    const figures = new RuleExtractor().extract({
      documentId: "doc_test",
      text: "The teachers' union has lost almost 300 members to violence since 2019.",
      publishedDate: "2025-06-10",
      title: null,
    }).figures;
    assert.equal(figures.filter((f) => f.measure === "fighters").length, 0);
  });
});

describe("figures compared with another period", () => {
  const figuresOf = (text: string, publishedDate: string) =>
    new RuleExtractor()
      .extract({ documentId: "doc_test", text, publishedDate, title: null })
      .figures.map((figure) => [figure.value, figure.periodStart, figure.periodEnd]);

  it("keeps a figure's own period when a compared figure's follows", () => {
    assert.deepEqual(figuresOf("In 2022, ISIS claimed 150 attacks in Iraq, compared with 330 in 2021.", "2023-11-30"), [
      [150, "2022-01-01", "2022-12-31"],
      [330, "2021-01-01", "2021-12-31"],
    ]);
  });

  it("dates 'the previous quarter' and 'the previous year' before the figure they answer", () => {
    assert.deepEqual(
      figuresOf(
        "This report covers the period from October 1, 2023, through December 31, 2023. During the quarter, ISIS conducted 45 attacks in Iraq, down from 82 attacks in the previous quarter.",
        "2024-02-06",
      ),
      [
        [45, "2023-10-01", "2023-12-31"],
        [82, "2023-07-01", "2023-09-30"],
      ],
    );
    assert.deepEqual(figuresOf("In 2023, ISIS claimed 121 attacks in Syria, up from 90 the previous year.", "2024-02-06"), [
      [121, "2023-01-01", "2023-12-31"],
      [90, "2022-01-01", "2022-12-31"],
    ]);
  });
});

describe("figures of partner forces and parts of figures", () => {
  const figuresOf = (text: string, publishedDate: string) =>
    new RuleExtractor()
      .extract({ documentId: "doc_test", text, publishedDate, title: null })
      .figures.map((figure) => [figure.measure, figure.value, figure.qualifier]);

  it("does not count partner forces' operations as the group's attacks", () => {
    assert.deepEqual(figuresOf("In February 2024, the ISF conducted 1,200 operations against ISIS in Iraq.", "2024-03-15"), [
      ["other", 1200, "exact"],
    ]);
  });

  it("counts a part named with 'including' the way the figure before it is counted", () => {
    assert.deepEqual(
      figuresOf(
        "This report covers the period from April 1, 2019, through June 30, 2019. CJTF-OIR reported that ISIS likely retains between 14,000 and 18,000 members in Iraq and Syria, including up to 3,000 foreigners.",
        "2019-08-01",
      ),
      [
        ["fighters", 14000, "at_least"],
        ["fighters", 18000, "at_most"],
        ["fighters", 3000, "at_most"],
      ],
    );
  });
});

describe("arrests counted over a year or a month", () => {
  const read = (text: string) => {
    const extraction = new RuleExtractor().extract({ documentId: "doc_test", text, publishedDate: "2024-03-01", title: null });
    return {
      figures: extraction.figures.map((figure) => [figure.measure, figure.value, figure.periodStart, figure.periodEnd]),
      events: extraction.events.length,
    };
  };

  it("reads 'In 2023, the SDF detained 1,200 ISIS suspects' as a figure, not a raid", () => {
    assert.deepEqual(read("In 2023, the SDF detained 1,200 ISIS suspects in northeast Syria."), {
      figures: [["arrests", 1200, "2023-01-01", "2023-12-31"]],
      events: 0,
    });
  });

  it("keeps one day's arrests an incident", () => {
    assert.deepEqual(read("On Monday, police arrested 60 suspected militants in Kirkuk."), { figures: [], events: 1 });
  });
});

describe("a strength estimate in a dated statement", () => {
  it("holds on the day of the statement", () => {
    const figures = new RuleExtractor()
      .extract({
        documentId: "doc_test",
        text: "CJTF-OIR estimated that 5,000 to 7,000 ISIS fighters remain in Iraq and Syria.",
        publishedDate: "2024-02-05",
        title: null,
      })
      .figures.map((figure) => [figure.measure, figure.value, figure.qualifier, figure.periodStart, figure.periodEnd]);
    assert.deepEqual(figures, [
      ["fighters", 5000, "at_least", "2024-02-05", "2024-02-05"],
      ["fighters", 7000, "at_most", "2024-02-05", "2024-02-05"],
    ]);
  });
});

describe("a second count with its noun left out", () => {
  const figuresOf = (text: string) =>
    new RuleExtractor()
      .extract({ documentId: "doc_test", text, publishedDate: "2023-08-01", title: null })
      .figures.map((figure) => [figure.measure, figure.value, figure.country]);

  it("reads '17 attacks in Iraq and 121 in Syria' as two counts, each with its country", () => {
    assert.deepEqual(figuresOf("During the first half of 2023, ISIS claimed 17 attacks in Iraq and 121 in Syria."), [
      ["claimed_attacks", 17, "IQ"],
      ["claimed_attacks", 121, "SY"],
    ]);
  });

  it("keeps a count over a list of countries with no one country", () => {
    assert.deepEqual(figuresOf("ISIS conducted 45 attacks across Iraq and Syria in the first half of 2023."), [["attacks", 45, null]]);
  });
});

describe("figures at the edges (a second review's cases)", () => {
  const figuresOf = (text: string) =>
    new RuleExtractor()
      .extract({ documentId: "doc_test", text, publishedDate: "2024-01-11", title: null })
      .figures.map((figure) => [figure.measure, figure.value]);

  it("keeps a period after 'from' that is no comparison", () => {
    assert.deepEqual(figuresOf("The SDF reported 25 attacks from ISIS cells in Deir ez-Zor province in 2023."), [["attacks", 25]]);
  });

  it("reads the clause of the number for who carried out the attacks", () => {
    assert.deepEqual(figuresOf("Iraqi police said ISIS militants carried out 14 attacks in Kirkuk in 2023."), [["attacks", 14]]);
  });
});
