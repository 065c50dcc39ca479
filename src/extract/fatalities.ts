// Deaths reported for an incident in one sentence: "killed at least 42 people", "three people were
// killed", "killing one soldier", "the individual was shot dead", "nobody was injured" (0).
import type { AnnotatedSentence } from "./context.ts";

const DEATH_WORDS =
  /\b(?:killed|killing|kills|dead|died|deaths?|murdered|slain|lost their lives|bodies|fatalities|death toll|executed|massacred|assassinated)\b/g;
const HARM_WORDS = /\b(?:wounded|injured|hurt|injuring|wounding)\b/;
const NOBODY =
  /\b(?:nobody|no one|no-one|none)\s+(?:was|were)\s+(?:killed|hurt|injured|wounded)|\bno (?:casualties|deaths|fatalities|victims|one was killed)\b|\bwithout (?:causing )?(?:casualties|victims)\b|\bcaused no (?:casualties|victims|deaths)\b/;
const SINGULAR_DEATH =
  /\b(?:was|has been|had been) (?:killed|shot dead|shot to death|murdered|assassinated|slain|executed|beheaded|found dead|gunned down|stabbed to death)\b|\b(?:killing|murdered|killed|assassinated|shot dead|shot and killed|gunned down) (?:a|an|one|the) (?!\w+s\b)(?:\w+ ){0,2}(?:man|woman|soldier|policeman|officer|mayor|judge|leader|journalist|priest|civilian|student|businessman|commander|member|official|guard|person|child)\b|\bblew (?:himself|herself) up\b/;

export function findFatalities(sentence: AnnotatedSentence): number | null {
  const text = sentence.lower;
  if (NOBODY.test(text) && !/\bkilled\b/.test(text.replace(NOBODY, ""))) return 0;
  let best: number | null = null;
  DEATH_WORDS.lastIndex = 0;
  for (let match = DEATH_WORDS.exec(text); match; match = DEATH_WORDS.exec(text)) {
    const wordStart = match.index;
    const wordEnd = wordStart + match[0].length;
    // Only the first number after the word can be its count ("killed 11 and wounded 40").
    const firstAfter = sentence.numbers.find((number) => number.start >= wordEnd);
    for (const number of sentence.numbers) {
      if (number.isFraction || number.isPercent || number.value < 0 || number.value > 100000) continue;
      // "42 people were killed" / "42 dead": the number stands shortly before the death word,
      // with no injury word or clause break between.
      if (number.end <= wordStart) {
        const between = text.slice(number.end, wordStart);
        if (
          between.length <= 45 &&
          !HARM_WORDS.test(between) &&
          !/[;:]|\band\b.*\band\b/.test(between) &&
          !/\b(?:of|for|in|on|at)\s+\d/.test(between)
        ) {
          best = Math.max(best ?? 0, Math.round(number.value));
        }
      }
      // "killed at least 42 people", "killing one soldier", "death toll rose to 12": the first
      // number after the word, before any "and" ("killed 11 and wounded 40").
      if (number === firstAfter) {
        const between = text.slice(wordEnd, number.start);
        if (
          between.length <= 25 &&
          !/[,;:]/.test(between) &&
          !/\band\b/.test(between) &&
          !HARM_WORDS.test(between) &&
          !/\b(?:in|on|at|since|after|before|during|by)\b/.test(
            between.replace(/\b(?:at least|more than|nearly|about|around|some|as many as|up to|rose to|reached|stood at|of)\b/g, ""),
          )
        ) {
          const following = text.slice(number.end, number.end + 30);
          if (/^\s*(?:years?|days?|hours?|minutes?|km|kilometers|miles|meters|percent|%)/.test(following)) continue;
          best = Math.max(best ?? 0, Math.round(number.value));
        }
      }
    }
  }
  if (best !== null) return best;
  if (SINGULAR_DEATH.test(text)) return 1;
  return null;
}
