// Figures: numbers a report gives about a period rather than one incident. "IS claimed credit for
// 38 strikes in Syria in the first five months of 2025", "compared to 61 in the same period last
// year", "on course for just over 90 claims this year", "around one-third of the claims made the
// previous year" (derived from the figure before it), "at least a dozen plots thwarted this year".
import { recordId } from "../domain/ids.ts";
import type { Evidence, Figure } from "../domain/records.ts";
import type { FigureMeasure, FigureQualifier } from "../domain/taxonomy.ts";
import { addDays, addMonths, dayToIso, parseIsoDay, yearPeriod } from "../nlp/calendar.ts";
import { shiftYears, type DateMention } from "../nlp/dates.ts";
import type { NumberMention } from "../nlp/numbers.ts";
import type { AnnotatedSentence, DocumentContext } from "./context.ts";
import { TRIGGER_RULES } from "./triggers.ts";

interface Period {
  readonly periodStart: string;
  readonly periodEnd: string;
}

const CLAIM_VERB = /\bclaim(?:ed|s|ing)?\b|\btook (?:responsibility|credit)\b/;
const FOILED_VERB =
  /\b(?:thwart(?:ed|s|ing)?|foil(?:ed|s|ing)?|disrupt(?:ed|s|ing)?|prevent(?:ed|s|ing)?|stopp?(?:ed|ing)?|intercept(?:ed|s)?)\b/;
const ARREST_VERB = /\b(?:arrest(?:ed|s)?|detain(?:ed|s)?|apprehend(?:ed|s)?|captur(?:ed|es)|custody)\b/;
const DEATH_VERB = /\b(?:killed|killing|kills|died|deaths?|dead|fatalities|lost their lives|casualties)\b/;
const STRENGTH_VERB =
  /\b(?:retain(?:s|ed)?|has|have|had|numbers?|strength|estimated|estimates?|command(?:s|ed)?|count(?:s|ed)?|maintain(?:s|ed)?|fielded)\b/;
const STATE_SUBJECT =
  /\b(?:coalition|u\.s\.|us|american|allied|government|army|military|air force|forces|isf|sdf|cts|pmf|peshmerga|police|counter[- ]?terrorism service|popular mobilization)\b[^.;]{0,40}\b(?:conducted|carried out|launched|flew|struck|executed|mounted)\b/;
const PROJECTION =
  /\b(?:on (?:course|track|pace) (?:for|to)|projected|expected to (?:reach|top|exceed)|set to (?:reach|exceed)|would reach|forecast)\b/;
// The event triggers without the global flag, so that test() keeps no state between sentences.
const INCIDENT_PATTERNS = TRIGGER_RULES.map((rule) => new RegExp(rule.pattern.source));
const TERRITORY_VERB = /\b(?:controlled|dominated|held|ruled|occupied|seized|governed|controls|holds|control|hold)\b/;

const NOUN_MEASURES: readonly [RegExp, FigureMeasure | "attack_noun" | "person_noun"][] = [
  [/^claims?\b/, "claimed_attacks"],
  [/^(?:plots?|plans?|conspiracies)\b/, "foiled_plots"],
  [/^(?:arrests?|detentions?)\b/, "arrests"],
  [/^(?:attacks?|assaults?|strikes?|bombings?|raids?|ambushes|incidents|operations)\b/, "attack_noun"],
  [/^(?:fighters?|members?|militants?|operatives?|combatants?|jihadists?|loyalists?|recruits?)\b/, "person_noun"],
  [/^(?:civilians?|people|persons|individuals|suspects|soldiers?|troops?|deaths?|fatalities|casualties)\b/, "person_noun"],
  [/^(?:detainees|prisoners|residents|displaced|refugees|returnees|square (?:kilometers|kilometres|miles)|km2|sq km)\b/, "other"],
];

const PREVIOUS_QUARTER = /\b(?:the )?(?:previous|prior|preceding|last) quarter\b/;
const PREVIOUS_YEAR = /\b(?:the )?(?:previous|prior|preceding) year\b|\blast year\b/;

/** The quarter before `period`, when `period` is a calendar quarter; else null. */
function quarterBefore(period: Period): Period | null {
  const start = parseIsoDay(period.periodStart);
  if (start === null || start.day !== 1 || dayToIso(addDays(addMonths(start, 3), -1)) !== period.periodEnd) return null;
  return { periodStart: dayToIso(addMonths(start, -3)), periodEnd: dayToIso(addDays(start, -1)) };
}

/** Between a figure and a later period: a comparison, whose period is the other figure's. */
const COMPARED_BETWEEN = /\b(?:compared (?:to|with)|versus|vs\.?|up from|down from|than (?:in|during|for|the|last|a year))\b|\bfrom\s*$/;

function periodOf(date: DateMention): Period | null {
  if (!date.periodStart || !date.periodEnd) return null;
  return { periodStart: date.periodStart, periodEnd: date.periodEnd };
}

/** The noun a number counts: the first measure word within four words after it. */
function countedNoun(
  sentence: AnnotatedSentence,
  number: NumberMention,
  groupWords: ReadonlySet<string>,
): { measure: FigureMeasure | "attack_noun" | "person_noun"; unit: string } | null {
  const after = sentence.lower.slice(number.end, number.end + 200).replace(/^[\s'’"“”*]+/, "");
  const words = after.split(/\s+/).slice(0, 6);
  for (let skip = 0; skip < Math.min(5, words.length); skip++) {
    const rest = words
      .slice(skip)
      .join(" ")
      .replace(/^['’"“”]+/, "");
    for (const [pattern, measure] of NOUN_MEASURES) {
      const match = pattern.exec(rest);
      if (match) return { measure, unit: match[0] };
    }
    // Skip adjectives ("significant", "different", "suspected", "foreign"), not other nouns.
    const word = words[skip] ?? "";
    if (groupWords.has(word)) continue;
    if (
      !/^(?:[a-z]+(?:ful|ant|ent|ed|ive|al|ous|ic|ish|ian|ese|i|n)|more|new|other|such|major|known|armed|isis|is|daesh|daesh-affiliated|suspected|claimed|separate|large|small|high-profile)$/.test(
        word,
      )
    )
      break;
  }
  return null;
}

function resolveMeasure(
  sentence: AnnotatedSentence,
  number: NumberMention,
  noun: FigureMeasure | "attack_noun" | "person_noun",
): FigureMeasure | null {
  const clauseStart = Math.max(0, sentence.lower.lastIndexOf(";", number.start) + 1);
  const before = sentence.lower.slice(clauseStart, number.start);
  const whole = sentence.lower;
  switch (noun) {
    case "attack_noun":
      if (FOILED_VERB.test(before) || /\b(?:thwarted|foiled|disrupted)\b/.test(whole.slice(number.end, number.end + 60)))
        return "foiled_plots";
      if (CLAIM_VERB.test(before) || /^\s*(?:\S+\s+){0,3}?claimed by\b/.test(whole.slice(number.end, number.end + 60)))
        return "claimed_attacks";
      // The number's own clause: "Iraqi police said ISIS militants carried out 14 attacks", "the
      // ISF conducted 120 operations, while ISIS carried out 18 attacks".
      if (STATE_SUBJECT.test(before.split(/,\s*while\b|;|\bsaid(?:\s+that)?\b|\bwhereas\b/).pop() ?? before)) return "other";
      return "attacks";
    case "person_noun": {
      // The verb right before the number decides first ("killed about 50 militants and arrested
      // more than 40"), then the words after it.
      const verbBefore = before.slice(-25);
      if (DEATH_VERB.test(verbBefore)) return "fatalities";
      if (ARREST_VERB.test(verbBefore)) return "arrests";
      if (ARREST_VERB.test(before) || ARREST_VERB.test(whole.slice(number.end, number.end + 40))) return "arrests";
      if (DEATH_VERB.test(whole.slice(number.end, number.end + 60))) return "fatalities";
      if (
        /\b(?:fighters?|members?|militants?|operatives?|combatants?|jihadists?|loyalists?|recruits?)\b/.test(
          sentence.lower
            .slice(number.end, number.end + 40)
            .split(/\s+/)
            .slice(0, 4)
            .join(" "),
        )
      ) {
        // "16 members of the students' board": members of a body that is no armed group.
        if (/^\s*(?:[\w'-]+\s+){0,3}members?\b/.test(sentence.lower.slice(number.end, number.end + 40)) && sentence.groups.length === 0)
          return null;
        // "two Shining Path members machine-gunned a guard": the people who did one act, not a strength.
        const following = sentence.lower.slice(number.end, number.end + 80);
        if (
          /^\s*(?:[\w-]+\s+){1,5}(?:this past \w+\s+|last \w+\s+|today\s+|yesterday\s+)?(?:killed|attacked|shot|machine-?gunned|ambushed|kidnapped|abducted|bombed|detonated|planted|entered|stormed|raided|burned|set|fired|opened|murdered|assassinated|were (?:killed|arrested|captured|detained))\b/.test(
            following,
          )
        )
          return null;
        return "fighters";
      }
      // "liberated 7.7 million people": a count of people that is neither arrests, deaths nor fighters.
      if (STRENGTH_VERB.test(before) || /\b(?:liberated|freed|displaced|returned|repatriated|held|holding)\b/.test(before)) return "other";
      return null;
    }
    default:
      if (noun === "foiled_plots" && !FOILED_VERB.test(whole)) return null;
      return noun;
  }
}

function qualifierOf(sentence: AnnotatedSentence, number: NumberMention): FigureQualifier {
  const before = sentence.lower.slice(Math.max(0, number.start - 40), number.start);
  if (PROJECTION.test(before)) return "projected";
  return number.qualifier;
}

/**
 * Places that say where a count was made: towns and regions, and countries after a locative word
 * ("in Syria", "across Iraq and Syria"), not countries used as adjectives ("a US defense official").
 */
function whereCounted(sentence: AnnotatedSentence): AnnotatedSentence["places"] {
  const kept: AnnotatedSentence["places"][number][] = [];
  for (const place of sentence.places) {
    if (!place.country) continue;
    if (place.precision !== "country") {
      kept.push(place);
      continue;
    }
    const before = sentence.lower.slice(Math.max(0, place.start - 25), place.start);
    const previous = kept[kept.length - 1];
    const joined = previous !== undefined && /^\s*(?:,|and|or|,\s*and)\s*$/.test(sentence.lower.slice(previous.end, place.start));
    if (
      joined ||
      /\b(?:in|inside|across|throughout|within|for|of|from|into)\s+(?:the\s+)?(?:neighbou?ring\s+|northern\s+|southern\s+|eastern\s+|western\s+)?$/.test(
        before,
      )
    )
      kept.push(place);
  }
  return kept;
}

function countryOf(sentence: AnnotatedSentence, fromOffset: number, toOffset: number): string | null | "several" {
  const places = whereCounted(sentence);
  const inClause = places.filter((place) => place.start >= fromOffset && place.start < toOffset);
  const countries = new Set(inClause.map((place) => place.country));
  const all = new Set(places.map((place) => place.country));
  const pool = countries.size > 0 ? countries : all;
  if (pool.size === 1) return [...pool][0] ?? null;
  if (pool.size > 1) return "several";
  return null;
}

function isYearLike(sentence: AnnotatedSentence, number: NumberMention): boolean {
  return sentence.dates.some((date) => number.start < date.end && date.start < number.end);
}

export function extractFigures(context: DocumentContext): Figure[] {
  const figures: Figure[] = [];
  const reference = context.referenceDate;
  for (const sentence of context.sentences) {
    // A year or month named as a point ("in 2019", "this year") is also a period a figure can cover.
    // A period that starts after the report ("more than five years after" counted forward) is a
    // misreading, except for projections, which the code below gives their own year.
    const periods = sentence.dates.filter(
      (date) =>
        (date.kind === "period" || (date.value !== null && date.value.length <= 7)) &&
        date.periodStart &&
        date.periodEnd &&
        !(reference && date.periodStart > reference),
    );
    // A sentence that reports one incident ("a raid killed 15 militants", "in May, four soldiers
    // were killed") gives that incident's toll, not a count over a period.
    const duringThatPeriod = /\b(?:during|in|over|for) (?:this|that|the same) (?:period|time|time frame|timeframe)\b/.test(sentence.lower);
    const dayNamed = sentence.dates.some((date) => date.kind === "point" && date.value !== null && date.value.length === 10);
    const spanNamed = sentence.dates.some((date) => date.kind === "period" && date.periodStart !== date.periodEnd);
    const incidentToll = dayNamed || (!spanNamed && !duringThatPeriod && INCIDENT_PATTERNS.some((pattern) => pattern.test(sentence.lower)));
    const source = sentence.attributions[0]?.source ?? null;
    const group = sentence.groups[0]?.canonical ?? null;
    const evidence: Evidence = { documentId: context.documentId, start: sentence.start, end: sentence.end, text: sentence.text };
    let previousInSentence: Figure | null = null;
    // Computed once per sentence: a group's name may stand between a number and its noun ("a dozen
    // Islamic State plots"), and "during this period" points back to the figure before.
    const groupWords = new Set(sentence.groups.flatMap((group) => group.text.toLowerCase().split(/\s+/)));
    for (const number of sentence.numbers) {
      if (isYearLike(sentence, number)) continue;
      // "110,000 square kilometers (42,471 square miles)": the bracketed number restates the one before.
      if (
        /\d\s*(?:square\s+)?(?:kilometers|kilometres|km|miles|meters|metres|tons|tonnes|pounds|kilograms|kg|barrels|gallons|litres|liters)\s*\(\s*(?:about\s+|some\s+|nearly\s+)?$/.test(
          sentence.lower.slice(Math.max(0, number.start - 60), number.start),
        )
      )
        continue;
      const before = sentence.lower.slice(Math.max(0, number.start - 30), number.start);

      // "around one-third of Syria and Iraq": a share of territory.
      if (number.isFraction && /^\s*of\b/.test(sentence.lower.slice(number.end))) {
        const ofWhat = sentence.lower.slice(number.end, number.end + 60);
        const previous = lastFigure(figures, previousInSentence);
        if (
          previous &&
          /\bof (?:the (?:claims|attacks|strikes|total|number)|(?:last|the previous|the prior) year['’]s)\b/.test(ofWhat) &&
          number.value > 0
        ) {
          // Derived: the earlier figure is this fraction of another period's figure.
          const period = periods[0] ? periodOf(periods[0]) : null;
          const derivedPeriod =
            /\b(?:previous|last|prior) year\b/.test(ofWhat + sentence.lower) && previous.periodStart
              ? shiftYears(
                  { periodStart: `${previous.periodStart.slice(0, 4)}-01-01`, periodEnd: `${previous.periodStart.slice(0, 4)}-12-31` },
                  -1,
                )
              : period;
          figures.push(
            makeFigure(context, {
              measure: previous.measure,
              group: group ?? previous.group,
              country: previous.country,
              period: derivedPeriod,
              value: Math.round(previous.value / number.value),
              qualifier: "about",
              source: source ?? previous.source,
              derived: true,
              unit: previous.unit,
              evidence,
              ordinal: number.start,
            }),
          );
          previousInSentence = figures[figures.length - 1] ?? null;
          continue;
        }
        if (TERRITORY_VERB.test(sentence.lower.slice(Math.max(0, number.start - 50), number.start)) && periods[0]) {
          const period = periodOf(periods[0]);
          const country = countryOf(sentence, number.end, number.end + 60);
          figures.push(
            makeFigure(context, {
              measure: "territory_share",
              group,
              country: country === "several" ? null : country,
              period,
              value: Math.round(number.value * 1000) / 1000,
              qualifier: number.qualifier === "exact" ? "about" : number.qualifier,
              source,
              derived: false,
              unit: "territory",
              evidence,
              ordinal: number.start,
            }),
          );
          previousInSentence = figures[figures.length - 1] ?? null;
        }
        continue;
      }
      if (number.isFraction || number.isPercent || number.vague) continue;

      // "compared to 61 in the same period last year": same measure as the figure it answers.
      const comparison =
        /\b(?:compared (?:to|with)|versus|vs\.?|against|up from|down from|from)\s*(?:just |only |some |about |around )?$/.test(before);
      // "arrested more than 40 between January and March": the verb says what a bare number counts.
      const bareVerb = sentence.lower.slice(Math.max(0, number.start - 25), number.start);
      const bare =
        number.dimension === "count" &&
        /\b(?:arrested|detained|apprehended|captured)\s+$/.test(
          bareVerb.replace(/\b(?:more than|at least|about|nearly|some|over|around)\s+$/, ""),
        )
          ? { measure: "person_noun" as const, unit: "people" }
          : null;
      const noun =
        number.dimension === "area" ? { measure: "other" as const, unit: "area" } : (countedNoun(sentence, number, groupWords) ?? bare);
      let measure: FigureMeasure | null = noun ? resolveMeasure(sentence, number, noun.measure) : null;
      let unit = noun?.unit ?? null;
      // "between 14,000 and 18,000 members, including up to 3,000 foreigners": a part of the
      // figure before it in the sentence, counted the same way.
      // (Only for strengths and other counts: "3,198 people died, including 1,200 civilians" is a
      // breakdown of the dead, not a figure of its own.)
      const part =
        previousInSentence !== null &&
        (previousInSentence.measure === "fighters" || previousInSentence.measure === "other" || !/\bincluding\b/.test(before.slice(-30))) &&
        (/\bincluding\s+(?:up to |about |some |around |nearly |more than |at least |as many as )?$/.test(before) ||
          // "17 attacks in Iraq and 121 in Syria": a second count with its noun left out.
          (noun === null && /^\s+in\s/.test(sentence.lower.slice(number.end, number.end + 4)) && /\band\s+(?:another\s+)?$/.test(before)));
      // A comparison or a projection continues the figure before it, in this sentence or the last.
      const continues = comparison || part || PROJECTION.test(before);
      const previous = previousInSentence ?? (continues ? lastFigure(figures, null) : null);
      if ((comparison || part) && previous) {
        measure ??= previous.measure;
        if (noun?.measure === "attack_noun" && previous.measure === "claimed_attacks") measure = "claimed_attacks";
        unit ??= previous.unit;
      }
      if (!measure) continue;
      if ((measure === "fatalities" || measure === "fighters") && incidentToll && DEATH_VERB.test(sentence.lower)) continue;
      // One operation's arrests are that event's details; arrests over a span are a figure.
      // (Fifty or more over a named year or month are a count over it: "In 2023, the SDF detained
      // 1,200 ISIS suspects", as events.ts reads them.)
      if (measure === "arrests" && incidentToll && !(number.value >= 50 && periods.length > 0 && !dayNamed)) continue;

      // The period: the nearest period expression after the number in its clause, else one before.
      // Not one after a comparison ("150 attacks in Iraq, compared with 330 in 2021", "121
      // attacks, a 30 percent decrease from 2022"): that is the other figure's.
      const after = periods.filter(
        (date) => date.start >= number.end && !COMPARED_BETWEEN.test(sentence.lower.slice(number.end, date.start)),
      );
      const periodMention = after[0] ?? periods.filter((date) => date.end <= number.start).pop() ?? null;
      let period: Period | null = periodMention ? periodOf(periodMention) : null;
      const tail = sentence.lower.slice(number.end, number.end + 80);
      if (
        /\bthe same period (?:last|a|the previous|the prior) year\b|\ba year (?:earlier|before)\b/.test(tail) &&
        previous?.periodStart &&
        previous.periodEnd
      ) {
        period = shiftYears({ periodStart: previous.periodStart, periodEnd: previous.periodEnd }, -1);
      } else if (comparison && previous?.periodStart && previous.periodEnd) {
        // "45 attacks during the quarter, down from 82 in the previous quarter", "121 attacks in
        // 2023, up from 90 the previous year": the period before the one the figure answers.
        if (PREVIOUS_QUARTER.test(tail))
          period = quarterBefore({ periodStart: previous.periodStart, periodEnd: previous.periodEnd }) ?? period;
        else if (PREVIOUS_YEAR.test(tail)) period = yearPeriod(Number(previous.periodStart.slice(0, 4)) - 1);
      }
      if (!period && duringThatPeriod && previous === null) {
        const last = lastFigure(figures, null);
        if (last?.periodStart && last.periodEnd) period = { periodStart: last.periodStart, periodEnd: last.periodEnd };
      }
      // A periodic report's present-tense counts ("ISIS retains 14,000 members", "holding 10,000
      // detainees") describe the period the report covers.
      if (!period && context.reportPeriod && (measure === "fighters" || measure === "other") && !/\b(?:was|were|had)\b/.test(before)) {
        period = { ...context.reportPeriod };
      }
      // A dated statement's present-tense strength ("CJTF-OIR estimated that 5,000 to 7,000 ISIS
      // fighters remain in Iraq and Syria") holds on the day it was made.
      if (
        !period &&
        measure === "fighters" &&
        reference?.length === 10 &&
        context.referenceDateSource !== "inferred" &&
        /\b(?:remain|remains|retain|retains|has|have|number|numbers|estimated|estimates|is estimated|are estimated)\b/.test(
          sentence.lower.slice(Math.max(0, number.start - 60), number.end + 60),
        ) &&
        !/\b(?:was|were|had)\b/.test(before)
      ) {
        period = { periodStart: reference, periodEnd: reference };
      }
      const qualifier = qualifierOf(sentence, number);
      if (!period && qualifier === "projected" && reference)
        period = { periodStart: `${reference.slice(0, 4)}-01-01`, periodEnd: `${reference.slice(0, 4)}-12-31` };
      if (period && qualifier === "projected") {
        // A projection runs to the end of its year ("on course for 90 claims this year").
        period = { periodStart: period.periodStart, periodEnd: `${period.periodStart.slice(0, 4)}-12-31` };
      }
      if (!period) continue;
      // "this year" in a report of 10 June covers January to June: a count cannot run past the
      // date of the report.
      if (qualifier !== "projected" && reference && period.periodStart <= reference && period.periodEnd > reference) {
        period = { periodStart: period.periodStart, periodEnd: reference.length === 10 ? reference : period.periodEnd };
      }

      // "17 attacks in Iraq and 121 in Syria": with several countries around, the one the count's own
      // phrase names ("in Iraq" right after it, before the next number) is its country.
      const country = countryOf(sentence, Math.max(0, number.start - 80), number.end + 80);
      const counted = whereCounted(sentence);
      const own =
        country === "several"
          ? counted.find(
              (place) =>
                place.precision === "country" &&
                place.start >= number.end &&
                place.start - number.end <= 30 &&
                !sentence.numbers.some((other) => other.start > number.end && other.start < place.start),
            )
          : undefined;
      // Not one of a list ("across Iraq and Syria"): that count is the whole list's.
      const listed =
        own !== undefined &&
        counted.some((place) => place.start > own.end && /^\s*(?:,|and|or|,\s*and)\s*$/.test(sentence.lower.slice(own.end, place.start)));
      const ownCountry = own !== undefined && !listed ? own.country : null;
      const resolvedCountry =
        ownCountry ??
        (country === "several" ? null : (country ?? (comparison || qualifier === "projected" ? (previous?.country ?? null) : null)));
      // The group named in the counted phrase ("10,000 ISIS fighters") comes first.
      const adjacentGroup =
        sentence.groups.find((mention) => mention.start >= number.end && mention.start - number.end <= 20)?.canonical ?? null;
      const inherited = comparison || qualifier === "projected" ? (previous?.group ?? null) : null;
      // A count of deaths is not the group's unless the sentence says so; other measures are
      // about the group the report is about.
      const figureGroup = adjacentGroup ?? group ?? inherited ?? (measure === "fatalities" ? null : context.mainGroup);
      // Fighters held in detention are detainees, not the group's strength.
      if (
        measure === "fighters" &&
        /\b(?:holding|held|detain\w*|detention|imprison\w*|captured|custody)\b/.test(
          before + sentence.lower.slice(Math.max(0, number.start - 60), number.start),
        )
      )
        measure = "other";
      const figure = makeFigure(context, {
        measure,
        // A count of deaths is not the group's unless the sentence says so; other measures are
        // about the group the report is about.
        group: figureGroup,
        country: resolvedCountry,
        period,
        value: number.value,
        qualifier,
        source: source ?? previous?.source ?? null,
        derived: false,
        unit,
        evidence,
        ordinal: number.start,
      });
      figures.push(figure);
      previousInSentence = figure;
      // "between 14,000 and 18,000 members": the two ends are two figures.
      if (number.low !== undefined && number.high !== undefined && number.low !== number.high) {
        figures.pop();
        figures.push(makeFigure(context, { ...figureFields(figure), value: number.low, qualifier: "at_least", ordinal: number.start }));
        figures.push(makeFigure(context, { ...figureFields(figure), value: number.high, qualifier: "at_most", ordinal: number.start + 1 }));
        previousInSentence = figures[figures.length - 1] ?? null;
      }
    }
  }
  return figures;
}

function lastFigure(figures: readonly Figure[], inSentence: Figure | null): Figure | null {
  return inSentence ?? figures[figures.length - 1] ?? null;
}

interface FigureFields {
  measure: FigureMeasure;
  group: string | null;
  country: string | null;
  period: Period | null;
  value: number;
  qualifier: FigureQualifier;
  source: string | null;
  derived: boolean;
  unit: string | null;
  evidence: Evidence;
  ordinal: number;
}

function figureFields(figure: Figure): Omit<FigureFields, "ordinal"> {
  return {
    measure: figure.measure,
    group: figure.group,
    country: figure.country,
    period: figure.periodStart && figure.periodEnd ? { periodStart: figure.periodStart, periodEnd: figure.periodEnd } : null,
    value: figure.value,
    qualifier: figure.qualifier,
    source: figure.source,
    derived: figure.derived,
    unit: figure.unit,
    evidence: figure.evidence[0]!,
  };
}

function makeFigure(context: DocumentContext, fields: FigureFields): Figure {
  return {
    kind: "figure",
    id: recordId("fig", [context.documentId, fields.evidence.start, fields.ordinal, fields.measure, fields.value, fields.qualifier]),
    documentId: context.documentId,
    measure: fields.measure,
    group: fields.group,
    country: fields.country,
    periodStart: fields.period?.periodStart ?? null,
    periodEnd: fields.period?.periodEnd ?? null,
    value: fields.value,
    qualifier: fields.qualifier,
    source: fields.source,
    derived: fields.derived,
    unit: fields.unit,
    evidence: [fields.evidence],
  };
}
