// A crude language guess, enough to tell the English reports the extractors handle from the
// others: the script of the letters first, then, for Latin script, counts of each language's
// commonest function words. Uncertain text is English, the corpus's language. Results are
// BCP 47 primary subtags.

const SAMPLE_CHARACTERS = 20_000;

const FUNCTION_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(["the", "and", "of", "to", "is", "was", "that", "for", "said", "with", "were", "from", "by", "has", "have"]),
  fr: new Set(["le", "les", "des", "et", "est", "dans", "une", "du", "pour", "qui", "sur", "au", "été", "ont", "ses"]),
  es: new Set(["el", "los", "las", "y", "del", "por", "con", "una", "para", "fue", "según", "sus", "han", "entre", "como"]),
  pt: new Set(["os", "do", "da", "dos", "em", "não", "uma", "com", "foi", "ao", "pelo", "pela", "são", "das", "mas"]),
  de: new Set(["der", "die", "das", "und", "ist", "nicht", "mit", "von", "dem", "ein", "eine", "wurde", "auf", "sich", "zu"]),
};

export function detectLanguage(text: string, declared: string | null = null): string {
  const sample = text.slice(0, SAMPLE_CHARACTERS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return fallback(declared);

  const share = (pattern: RegExp): number => (sample.match(pattern)?.length ?? 0) / letters;
  if (share(/\p{Script=Arabic}/gu) > 0.5) {
    // Letters Persian adds to the Arabic alphabet (پ چ ژ گ).
    return /[\u067E\u0686\u0698\u06AF]/u.test(sample) ? "fa" : "ar";
  }
  if (share(/\p{Script=Cyrillic}/gu) > 0.5) {
    // Letters Ukrainian has and Russian lacks (і ї є ґ).
    return /[\u0456\u0457\u0454\u0491]/iu.test(sample) ? "uk" : "ru";
  }
  if (share(/\p{Script=Hebrew}/gu) > 0.5) return "he";
  if (share(/\p{Script=Latin}/gu) < 0.5) return fallback(declared);

  const counts = new Map<string, number>();
  for (const word of sample.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const [language, words] of Object.entries(FUNCTION_WORDS)) {
      if (words.has(word)) counts.set(language, (counts.get(language) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((left, right) => right[1] - left[1]);
  const [best, second] = ranked;
  // Too few words, or two languages too close, is not evidence enough to leave the default.
  if (best === undefined || best[1] < 5 || (second !== undefined && best[1] < second[1] * 2)) return fallback(declared);
  return best[0];
}

function fallback(declared: string | null): string {
  const primary = declared?.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return /^[a-z]{2,3}$/.test(primary) ? primary : "en";
}
