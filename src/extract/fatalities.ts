// Deaths reported for an incident in one sentence: "killed at least 42 people", "three people were
// killed", "killing one soldier", "the individual was shot dead", "nobody was injured" (0).
import type { AnnotatedSentence } from "./context.ts";

const DEATH_WORDS =
  /\b(?:killed|killing|kills|dead|died|deaths?|murder|murders|murdered|assassination of|slain|lost their lives|bodies|fatalities|death toll|executed|massacred|assassinated)\b/g;
const ATTACKERS_BETWEEN =
  /^\s+(?:[a-z-]+\s+){0,2}?(?:gunmen|terrorists|men|guerrillas|attackers|assailants|individuals|subversives|rebels|militants|assassins|killers|hitmen|persons)\s+$/;

/** Whether an offset lies inside round or square brackets. */
function insideBrackets(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at);
  return /[([][^)\]]*$/.test(before);
}

const TOLL_RISEN =
  /\b(?:death toll|toll|number of (?:the )?dead|number of deaths)\b[^.;]{0,80}?\b(?:has |had |have )?(?:risen|rose|climbed|jumped|reached|increased|grown|grew)\s+to\s+(?:at least\s+|more than\s+|nearly\s+|some\s+)?/;
const HARM_WORDS = /\b(?:wounded|injured|hurt|injuring|wounding)\b/;
const NOBODY =
  /\b(?:nobody|no one|no-one|none)\s+(?:was|were)\s+(?:killed|hurt|injured|wounded)|\bno (?:casualties|deaths|fatalities|victims|one was killed)\b|\bwithout (?:causing )?(?:casualties|victims)\b|\bcaused no (?:casualties|victims|deaths)\b/;
const SINGULAR_DEATH =
  /\b(?:was|has been|had been) (?:also )?(?:killed|shot dead|shot to death|murdered|assassinated|slain|executed|beheaded|found dead|gunned down|stabbed to death)\b|\b(?:killing|murdered|killed|assassinated|shot dead|shot and killed|gunned down) (?:a|an|one|the) (?:\w+ ){0,2}(?:man|woman|soldier|policeman|officer|mayor|governor|judge|leader|journalist|priest|civilian|student|businessman|commander|chief|member|official|guard|driver|bomber|attacker|gunman|person|child)\b|\bblew (?:himself|herself) up\b|\b(?:the )?body of (?:[\w'’.-]+ ){1,6}(?:was|has been) (?:found|discovered)\b|\b(?:killing|killed|murdered|assassinated|executed) (?:him|her)\b|\b(?:the|a) (?:[\w-]+ ){0,2}(?:senator|deputy|congressman|mayor|governor|judge|journalist|priest|leader|minister|candidate|businessman|official|colonel|general|bishop)[,"“ ]+(?:who was )?(?:murdered|assassinated|killed|slain|shot dead|gunned down)\b/;

// Nouns that make a victim phrase plural ("the murder of six Jesuit priests"): never one death.
const PLURAL_VICTIMS =
  /\b(?:people|persons|men|women|children|civilians|peasants|farmers|villagers|students|workers|soldiers|troops|policemen|officers|guards|members|followers|leaders|priests|jesuits|nuns|journalists|reporters|judges|officials|passengers|families|others|victims|bodies|several|many|dozens|hundreds|all)\b/;
// An appositive age: "Pablo Perez, 45, was shot" - the number is how old he was, not a toll.
/** The text between two offsets, each date mention in it blanked. */
function withoutDates(sentence: AnnotatedSentence, start: number, end: number): string {
  let text = sentence.lower.slice(start, end);
  for (const date of sentence.dates) {
    if (date.start < start || date.end > end) continue;
    text = text.slice(0, date.start - start) + " ".repeat(date.end - date.start) + text.slice(date.end - start);
  }
  return text;
}

function isAge(text: string, start: number, end: number, value: number): boolean {
  return value < 110 && /[a-z]\s*,\s*$/.test(text.slice(Math.max(0, start - 3), start)) && /^\s*,/.test(text.slice(end, end + 3));
}

/**
 * One death when the victim is one person: "the murder of Carlos Perez", "Perez's assassination",
 * "killed the mayor", "killed Major General X"; a list of victims after the verb ("killed a teacher,
 * a policeman and two farmers") adds up its parts.
 */
function victimCount(sentence: AnnotatedSentence): number | null {
  const text = sentence.lower;
  // "Six Jesuit priests, their cook and her daughter were murdered": a list of victims before a
  // passive verb adds up its parts.
  const passive =
    /\b(?:were|have been|had been)\s+(?:brutally\s+)?(?:killed|murdered|assassinated|massacred|shot dead|executed|slain)\b/.exec(text);
  if (passive) {
    const subject =
      text
        .slice(0, passive.index)
        .split(/[.;:(\]]|--|\s(?:that|when|after|because|said|reported)\s/)
        .pop() ?? "";
    const parts = subject
      .split(/,\s*(?:and\s+)?|\s+and\s+/)
      .map((part) => part.trim())
      .filter((part) => part.length > 0);
    if (parts.length >= 2) {
      let total = 0;
      let offset = passive.index - subject.length;
      let counted = true;
      for (const part of parts) {
        const at = text.indexOf(part, offset);
        offset = at + part.length;
        const number = sentence.numbers.find((n) => n.start >= at && n.start < at + part.length && !n.isFraction && !n.isPercent);
        if (number && number.dimension === "count" && number.start - at <= 3) total += Math.round(number.value);
        else if (/^(?:a|an|one|the|his|her|their)\s+(?:\S+\s+){0,3}\S*[^s\s]$/.test(part) && !PLURAL_VICTIMS.test(part)) total += 1;
        else {
          counted = false;
          break;
        }
      }
      if (counted) return total;
    }
  }
  // "killed the mayor, as well as two peasants": one victim phrase per part of the list.
  const verb = /\b(?:killed|murdered|assassinated|executed|shot dead|shot to death)\s+/.exec(text);
  if (verb) {
    const rest = text.slice(verb.index + verb[0].length, verb.index + verb[0].length + 160);
    // The list ends at a clause break, at "and" before another verb ("killed 17 soldiers and
    // abducted five"), and before a subset of it ("18 people, including 11 soldiers").
    const clause =
      rest.split(
        /[.;:(]|\s(?:who|which|when|while|after|before|because|in|on|at|near|during|the (?:local|police|army|press))\s|,?\s+and\s+(?:then\s+)?(?:[a-z]+(?:ed|ing)|left|hurt|took|set|sent|burnt|fled)\b|,?\s+(?:including|among them|among whom|of whom|most of them|mostly|according to)\b/,
      )[0] ?? "";
    const parts = clause.split(/,\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+/).filter((part) => part.trim().length > 0);
    if (parts.length >= 2) {
      let total = 0;
      let offset = verb.index + verb[0].length;
      for (const part of parts) {
        const at = text.indexOf(part, offset);
        offset = at + part.length;
        const number = sentence.numbers.find((n) => n.start >= at && n.start < at + part.length && !n.isFraction && !n.isPercent);
        // "the mayor of X, a town 480 km away": an apposition with a measure ends the list.
        if (number && number.dimension !== "count") return null;
        if (number && number.start - at <= 12) total += Math.round(number.value);
        else if (
          /^(?:himself|herself)$|^(?:a|an|one|the|his|her|their|another)\s+(?:\S+\s+){0,3}\S*[^s\s]$|^(?:[\w'’-]+\s+){0,3}(?:leader|commander|official|chief|emir|governor|mayor|spokesman|financier|operative|facilitator)(?:\s+(?!(?:said|says|told)\b)[\w'’-]+){1,3}$/.test(
            part.trim(),
          ) &&
          !PLURAL_VICTIMS.test(part)
        )
          total += 1;
        else return null;
      }
      return total;
    }
  }
  // "the murder of X", "the assassination on 22 March of X": one named or singular victim.
  const ofPhrase = /\b(?:murder|assassination|killing|slaying|execution)\s+(?:on\s+[^,;.]{1,25}?\s+)?of\s+([^,;.()]{3,60})/.exec(text);
  if (ofPhrase) {
    const victim = (ofPhrase[1] ?? "").split(/\s(?:in|on|at|by|near|who|which|and|was|were|has|had)\s/)[0] ?? "";
    const counted = sentence.numbers.some((n) => n.start >= ofPhrase.index && n.start < ofPhrase.index + ofPhrase[0].length);
    if (
      !counted &&
      !PLURAL_VICTIMS.test(victim) &&
      !/\b(?:a|the)\s+\w+s$/.test(victim) &&
      !/^(?:a|an|the)\s+(?:group|number|series|wave)\b/.test(victim)
    )
      return 1;
  }
  if (/\b[a-z]+'s\s+(?:murder|assassination|killing|slaying)\b/.test(text)) return 1;
  // "killed Major General X": a titled person right after the verb.
  const person = sentence.people.find((p) =>
    /\b(?:killed|murdered|assassinated|killing|executed)\s+(?:[\w.-]+\s+){0,4}$/.test(text.slice(Math.max(0, p.start - 45), p.start)),
  );
  if (person) return 1;
  // "killing ISIS leader Usamah al-Muhajir", "killed senior al-Shabaab commander Aden Hashi": a
  // title before a name (the name finder does not know every one).
  if (TITLED_VICTIM.test(sentence.text)) return 1;
  return null;
}

const TITLED_VICTIM =
  /\b(?:killing|killed|assassinated|murdered|executed)\s+(?:(?:a|an|the|senior|top|local|regional|deputy|former|al-[\w'’-]+|[A-Z][\w'’-]*)\s+){0,3}(?:leader|commander|official|chief|emir|governor|mayor|spokesman|spokesperson|financier|operative|facilitator)\s+(?:[A-Z][\w'’-]+)(?:\s+(?:al-|bin\s+|abu\s+)?[A-Z][\w'’-]+)*(?!\s+and\b)/;

export function findFatalities(sentence: AnnotatedSentence): number | null {
  const text = sentence.lower;
  if (NOBODY.test(text) && !/\bkilled\b/.test(text.replace(NOBODY, ""))) return 0;
  let best: number | null = null;
  DEATH_WORDS.lastIndex = 0;
  for (let match = DEATH_WORDS.exec(text); match; match = DEATH_WORDS.exec(text)) {
    const wordStart = match.index;
    const wordEnd = wordStart + match[0].length;
    // "the latest in a string of attacks that have killed hundreds since 2015": a relative clause
    // about a pattern of incidents tells no toll of this one.
    if (
      /\b(?:attacks|violence|series|string|wave|campaign|insurgency|conflict|war|bombings|killings|clashes|fighting)\b[^.;]{0,40}\b(?:that|which)\s+(?:have|has|had)\s+(?:now\s+)?$/.test(
        text.slice(Math.max(0, wordStart - 70), wordStart),
      )
    )
      continue;
    // Only the first number after the word can be its count ("killed 11 and wounded 40").
    const firstAfter = sentence.numbers.find((number) => number.start >= wordEnd);
    for (const number of sentence.numbers) {
      if (number.isFraction || number.isPercent || number.value < 0 || number.value > 100000) continue;
      if (number.dimension !== "count" || isAge(text, number.start, number.end, number.value)) continue;
      // "(CANAL 12 TELEVISION) --", "(1515 GMT)": a number in brackets names or times something.
      if (insideBrackets(text, number.start)) continue;
      // "an Avianca Boeing 727", "a .45 caliber pistol": a model or a calibre.
      if (
        /(?:\b(?:boeing|airbus|dc|model|flight|route|highway|road|kilometer|km)[\s-]*|\.)$/.test(
          text.slice(Math.max(0, number.start - 10), number.start),
        ) ||
        /^\s*-?(?:caliber|calibre|mm|millimeter)\b/.test(text.slice(number.end, number.end + 14))
      )
        continue;
      // "fired 13 shots, killing him": rounds fired are not the dead.
      if (
        /^\s*(?:shots|rounds|bullets|times|bombs|grenades|rockets|mortars?|kg|kilos|sticks)\b/.test(text.slice(number.end, number.end + 12))
      )
        continue;
      // "42 people were killed" / "42 dead": the number stands shortly before the death word,
      // with no injury word or clause break between.
      if (number.end <= wordStart) {
        const between = text.slice(number.end, wordStart);
        // "Two gunmen murdered a judge", "a group of 20 terrorists murdered the mayor": the number
        // counts who killed, when the verb has an object of its own.
        if (
          ATTACKERS_BETWEEN.test(between) &&
          /^\s+(?:a|an|the|his|her|their|one|two|three|four|five|six|seven|eight|nine|ten|\d)/.test(text.slice(wordEnd, wordEnd + 8))
        )
          continue;
        // Not "kidnapped 10 passengers and killed the driver": that number is the first verb's.
        if (
          between.length <= 45 &&
          !HARM_WORDS.test(between) &&
          !/\band\s+$/.test(between) &&
          !/[;:]|\band\b.*\band\b/.test(between) &&
          !/\b(?:of|for|in|on|at)\s+\d/.test(between)
        ) {
          best = Math.max(best ?? 0, Math.round(number.value));
        }
      }
      // "killed at least 42 people", "killing one soldier", "death toll rose to 12": the first
      // number after the word, before any "and" ("killed 11 and wounded 40").
      if (number === firstAfter) {
        // "the murder on the evening of 27 February of six followers": when it was is not in the way.
        const between = withoutDates(sentence, wordEnd, number.start).replace(
          /\bon\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?(?=\s*of\b)/g,
          " ",
        );
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
  // "eight policemen and nine civilians were killed", "leaving 17 guerrillas and 2 soldiers dead":
  // two counts joined by "and" before one death word add up.
  DEATH_WORDS.lastIndex = 0;
  const death = DEATH_WORDS.exec(text);
  if (death) {
    const counts = sentence.numbers.filter((n) => n.dimension === "count" && !n.isFraction && !n.isPercent && n.end <= death.index);
    for (let i = 0; i + 1 < counts.length; i++) {
      const first = counts[i]!;
      const second = counts[i + 1]!;
      if (
        /^\s+(?:[a-z-]+\s+){1,2}and\s+$/.test(text.slice(first.end, second.start)) &&
        /^\s+(?:[a-z-]+\s+){1,2}(?:were\s+|have been\s+|had been\s+)?$/.test(text.slice(second.end, death.index)) &&
        !HARM_WORDS.test(text.slice(first.start, death.index))
      ) {
        best = Math.max(best ?? 0, Math.round(first.value + second.value));
      }
    }
  }
  // "The death toll from Saturday's bombing in Mogadishu has risen to 587": the latest toll told.
  const risen = TOLL_RISEN.exec(text);
  if (risen) {
    const at = risen.index + risen[0].length;
    const number = sentence.numbers.find((n) => n.start >= at && n.start - at <= 12 && n.dimension === "count" && !n.isPercent);
    if (number) best = Math.max(best ?? 0, Math.round(number.value));
  }
  const listed = victimCount(sentence);
  if (listed !== null && (best === null || listed > best)) return listed;
  if (best !== null) return best;
  if (SINGULAR_DEATH.test(text)) return 1;
  return null;
}
