// Who said it: "according to X", "X said", "X told Reuters", "officials reported". The source
// phrase is kept as written (GOLD-FORMAT.md, Event.sources), trimmed to the noun phrase.
import { allMatches } from "../nlp/patterns.ts";

export interface Attribution {
  /** The source as written: "five Iraqi counter-terrorism officials", "SITE Intelligence Group". */
  readonly source: string;
  /** The reporting cue: "according to", "said", "told Reuters". */
  readonly cue: string;
  /** Offsets of the source phrase within the sentence. */
  readonly start: number;
  readonly end: number;
}

const REPORTING_VERBS =
  "said|says|say|told|reported|reports|report|stated|states|announced|announces|confirmed|confirms|added|noted|claimed|claims|warned|warns|explained|declared|revealed|disclosed|insisted|admitted|estimated|estimates|indicated|assessed|assesses";

// A source noun phrase: up to eight words, stopping at punctuation that closes a clause.
const SOURCE_PHRASE = "((?:[\\p{L}\\p{N}][\\p{L}\\p{N}'’.\\-]*)(?:[ \\t]+(?:[\\p{L}\\p{N}][\\p{L}\\p{N}'’.\\-]*)){0,8})";

const ACCORDING_TO = new RegExp(`\\baccording to (?:the )?${SOURCE_PHRASE}`, "giu");
// Reporting verbs are found first and the subject is read backwards from each, in a short window:
// an unanchored "phrase then verb" pattern backtracks at every position of every sentence.
// "claimed by ISIS" is a claim of responsibility, not a report of who said it.
// "states", "claims", "reports" and "estimates" are nouns as often as verbs ("the United States",
// "90 claims this year"): as verbs they need what follows them ("claims responsibility", "states that").
const AMBIGUOUS_VERBS = /^(?:states|claims|reports|report|estimates|notes|assesses)$/i;
const REPORTING_VERB = new RegExp(`\\b(${REPORTING_VERBS})\\b(?![ \\t]+by\\b)`, "gi");
/** Exported, as subjectBefore is, for the test that the two agree. */
export const SUBJECT_BEFORE = new RegExp(`${SOURCE_PHRASE}[ \\t]+$`, "u");
// "..., said the governor": not "told", whose object is the audience ("told AFP the toll rose").
const SAID_SUBJECT = new RegExp(`[,”"][ \\t]*(?:${REPORTING_VERBS.replace("|told", "")})[ \\t]+${SOURCE_PHRASE}`, "giu");
// "Two local officials, who asked not to be named, told AFP": the subject before the aside.
const APPOSITIVE_BEFORE = new RegExp(`${SOURCE_PHRASE},[ \\t]+(?:who|which)\\b[^,;]{0,80},[ \\t]+$`, "u");
const AUDIENCE =
  /^\s*(Reuters|AFP|AP|the Associated Press|Agence France-Presse|the BBC|CNN|Al Jazeera|reporters|journalists|[A-Z][\p{L}]+)/u;
// "a statement from the army", "a spokesman for the ministry": the body that spoke.
const SPOKESMAN_OF =
  /^(?:a |an |the )?(?:statement|report|communiqu[eé]|announcement|spokes(?:man|woman|person)|source|sources|official|officials) (?:from|by|of|for) (?:the )?(.+)$/i;
const TOLD = new RegExp(
  `\\btold[ \\t]+(Reuters|AFP|AP|the Associated Press|Agence France-Presse|the BBC|CNN|Al Jazeera|reporters|journalists|[A-Z][\\p{L}]+)`,
  "gu",
);

const STOP_WORDS = /\b(?:that|who|which|when|while|because|and the|but|as|if|on|in|at|after|before|during|since|to|for|with|from)\b.*$/i;
const LEADING_NOISE = /^(?:but|however|and|so|also|meanwhile|moreover|in addition|the report|he|she|it|they|we|i|this|that|there)\b[\s,]*/i;
const PRONOUNS = /^(?:he|she|it|they|we|i|you|this|that|there|officials?|sources?)$/i;

function cleanSource(phrase: string): string | null {
  let text = phrase
    .replace(STOP_WORDS, "")
    .trim()
    .replace(/[,.;:]+$/, "");
  text = text.replace(/^(?:the|a|an)\s+/i, (article) => (article.toLowerCase() === "the " ? "" : article));
  if (!text || PRONOUNS.test(text)) return text && /^officials?$|^sources?$/i.test(text) ? text : null;
  if (text.split(/\s+/).length > 9) return null;
  return text;
}

const FINITE_VERB = /\b(?:would|will|could|should|is|are|was|were|had|has|have|did|does|do|can|may|must)\b/;

/** Attributions in one sentence, in order of appearance. */
export function findAttributions(sentence: string): Attribution[] {
  const found: Attribution[] = [];
  const add = (source: string | null, cue: string, start: number): void => {
    if (!source) return;
    if (found.some((item) => item.source === source)) return;
    found.push({ source, cue, start, end: start + source.length });
  };
  // (Each scan below is costly on long sentences; a plain test first spares most of them.)
  for (const match of /according to/i.test(sentence) ? allMatches(ACCORDING_TO, sentence) : []) {
    const phrase = match[1] ?? "";
    const body = SPOKESMAN_OF.exec(phrase)?.[1];
    const source = body
      ? cleanSource(body.replace(/\b(?:that|who|which|when|while|because|but|if|on|in|at|after|before|during|since|to|with)\b.*$/i, ""))
      : cleanSource(phrase);
    add(source, "according to", (match.index ?? 0) + match[0].length - phrase.length + (body ? phrase.length - body.length : 0));
  }
  for (const match of allMatches(SAID_SUBJECT, sentence)) {
    const phrase = match[1] ?? "";
    // "..., said the governor" names a speaker; "..., added in Iraq than in Syria" or "..., said
    // the US would not..." (a clause) does not.
    const source = cleanSource(phrase);
    if (!source || /^(?:in|on|at|to|than|that|for|with|by|from|of|as|it|there)\b/i.test(source) || FINITE_VERB.test(source)) continue;
    add(source, "said", (match.index ?? 0) + match[0].length - phrase.length);
  }
  for (const verbMatch of allMatches(REPORTING_VERB, sentence)) {
    const verbAt = verbMatch.index ?? 0;
    if (
      AMBIGUOUS_VERBS.test(verbMatch[1] ?? "") &&
      !/^\s+(?:that|responsibility|credit)\b/i.test(sentence.slice(verbAt + (verbMatch[1] ?? "").length, verbAt + 40))
    )
      continue;
    const windowStart = Math.max(0, verbAt - 160);
    const before = sentence.slice(windowStart, verbAt);
    const match =
      (/,[ \t]+$/.test(before) && /\b(?:who|which)\b/i.test(before) ? APPOSITIVE_BEFORE.exec(before) : null) ?? subjectBefore(before);
    if (!match) continue;
    // Take the last few words before the verb: the subject, not the whole clause.
    const words = (match[1] ?? "").split(/\s+/);
    const tail = words.slice(Math.max(0, words.length - 6)).join(" ");
    const verb = verbMatch[1] ?? "said";
    const told = verb.toLowerCase() === "told" ? AUDIENCE.exec(sentence.slice(verbAt + verb.length)) : null;
    add(cleanSubject(tail), told ? `told ${told[1]}` : verb, windowStart + match.index + (match[1] ?? "").length - tail.length);
  }
  for (const match of allMatches(TOLD, sentence)) {
    const last = found[found.length - 1];
    if (last && last.cue !== "according to" && !last.cue.startsWith("told")) {
      found[found.length - 1] = { ...last, cue: `told ${match[1]}` };
    }
  }
  return found;
}

/**
 * SUBJECT_BEFORE's match in `before`, with `index` into it. The pattern is tried from every
 * position, and from most it reads words up to the verb before failing, so it runs only over
 * the last nine words of the run of phrase characters that ends `before`: a match holds
 * nothing else, so where it starts, and what it holds, are the same.
 */
export function subjectBefore(before: string): { index: number; 1: string | undefined } | null {
  const start = phraseWindowStart(before);
  const match = SUBJECT_BEFORE.exec(start === 0 ? before : before.slice(start));
  return match === null ? null : { index: start + match.index, 1: match[1] };
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** The earliest offset at which a source phrase ending `text` can start (see subjectBefore). */
function phraseWindowStart(text: string): number {
  let index = text.length;
  let words = 0;
  for (;;) {
    while (index > 0 && isBlank(text.charCodeAt(index - 1))) index--;
    const end = index;
    while (index > 0) {
      const code = text.charCodeAt(index - 1);
      // A surrogate pair may be one letter: such a text is read whole, as the pattern reads it.
      if (code >= 0xd800 && code <= 0xdfff) return 0;
      if (!isPhraseCharacter(code)) break;
      index--;
    }
    if (index === end) return end;
    words++;
    if (words === 9 || index === 0) return index;
  }
}

/** SOURCE_PHRASE's characters within a word: letters, digits, apostrophes, full stops, hyphens. */
function isPhraseCharacter(code: number): boolean {
  if (code < 128)
    return (
      (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 39 || code === 46 || code === 45
    );
  return code === 0x2019 || LETTER_OR_DIGIT.test(String.fromCharCode(code));
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

// In "Five Iraqi counter-terrorism officials said", keep from the first determiner, number or
// capitalised word after any clause break.
function cleanSubject(tail: string): string | null {
  const afterBreak =
    tail
      .split(/[,;:()"“”]/)
      .pop()
      ?.trim() ?? "";
  // The verb's subject follows the last word that opens a clause: "a raid in which US forces
  // said" -> "US forces", "while the SDF says" -> "the SDF"; "which it says" leaves a pronoun.
  const clauseOpener = /\b(?:which|who|whom|whose|while|whereas|where|when|because|although|though|since|unless|whether)\s+/gi;
  let subject = afterBreak;
  for (const opener of allMatches(clauseOpener, afterBreak)) subject = afterBreak.slice((opener.index ?? 0) + opener[0].length);
  // A subject shared with an earlier verb ("... and said", "... but said") is not in the window;
  // nor is one that ends in a pronoun ("the dead it announced", "the group itself claimed"); a
  // phrase that opens with a preposition ("of Prime Minister X said") lost its head noun.
  if (/\b(?:and|but|or|nor|it|itself|they|themselves|he|she|we)$/i.test(subject.trim())) return null;
  if (/^(?:of|to|from|up|in|on|at|for|with|by|about|into|over|than|not)\b/i.test(subject.trim())) return null;
  // "this could not be confirmed": a modal or negation makes a verb phrase, not a speaker.
  if (/\b(?:could|would|should|can|cannot|may|might|must|will|not|be|been)\b/i.test(subject)) return null;
  // "Next day ministry spokesman X said": a time phrase before the subject is not part of it.
  subject = subject.replace(/^(?:the\s+)?(?:next|following|same|previous)\s+(?:day|week|month|morning|evening)\s+/i, "");
  const trimmed = subject.replace(LEADING_NOISE, "").trim();
  if (!trimmed) return null;
  // "the other said", "one said": a determiner alone names nobody.
  if (/^(?:other|others|one|both|each|all|some|many|most|another)$/i.test(trimmed)) return null;
  if (PRONOUNS.test(trimmed) && !/^officials?$|^sources?$/i.test(trimmed)) return null;
  // A clause ("came a week after the group") is not a speaker: a subject has no finite verb of its own.
  // Case matters: "IS" in capitals is the group, "is" the verb.
  if (
    /\b(?:came|was|were|is|are|had|has|have|did|went|said)\b/.test(trimmed) ||
    /\b(?:CAME|WAS|WERE|ARE|HAD|HAS|HAVE|DID|WENT|SAID)\b/.test(trimmed)
  )
    return null;
  return trimmed.replace(/^the\s+/i, "");
}
