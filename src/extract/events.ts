// Events from annotated sentences: find triggers, drop hypothetical and aggregate mentions, attach
// date, place, actors, fatalities, status and sources, then merge the mentions of one incident.
import type { DatePrecision, Event, Evidence, GeoPrecision, PartialDate, Place } from "../domain/records.ts";
import { datePrecisionOf } from "../domain/records.ts";
import { recordId } from "../domain/ids.ts";
import type { EventStatus, EventType } from "../domain/taxonomy.ts";
import { MONTH_NAMES } from "../nlp/calendar.ts";
import { distanceKm } from "../resolve/places/gazetteer.ts";
import type { DateMention } from "../nlp/dates.ts";
import type { AnnotatedSentence, DocumentContext } from "./context.ts";
import { ARMED_TARGETS, CIVILIAN_TARGETS, DENIED_ROLE_SOURCE, HYPOTHETICAL_CUES, TRIGGER_RULES, type TriggerRule } from "./triggers.ts";
import { findFatalities } from "./fatalities.ts";
import { APPOSITION_END, countryOfDemonym, demonymOf, type PlaceMention } from "./places.ts";
import { allMatches } from "../nlp/patterns.ts";

interface TriggerHit {
  readonly rule: TriggerRule;
  readonly start: number;
  readonly end: number;
}

/** "the attack", "that explosion": a reference back to an incident already reported. */
// ("Yesterday's attack was the second against the elite police": a day's incident, named again;
// it refers back only to an incident of that day.)
const ANAPHORIC_BEFORE =
  /\b(?:the|this|that|these|those|such|its|their|his|her|same|latest|last|previous|recent|earlier|yesterday['’]s|today['’]s|tonight['’]s|[a-z]+day['’]s)\s+(?:[a-z]+\s+)?$/;
/** "In another apparent terrorist attack", "a second bomb": another incident than the one before. */
const ANOTHER_BEFORE =
  /\b(?<!\b(?:is|was|be|are|were)\s+(?:yet\s+|just\s+)?)(?:(?:another|a second|a third)\s+(?:[a-z.-]+\s+){0,2}|other\s+)$/;
/** A trigger that names the incident itself ("another attack"), not an act ("another vehicle opened fire"). */
const INCIDENT_NAMED =
  /^(?:[a-z-]+\s+)?(?:attacks?|explosions?|blasts?|bombs?|bombings?|murders?|assassinations?|kidnappings?|massacres?|ambush(?:es)?|clash(?:es)?|shootings?|raids?|missiles?|rockets?|grenades?)$/;
/** A sentence opening on another incident: "Another U.S. citizen, James Donelley, was kidnapped". */
const ANOTHER_LEAD =
  /^(?:(?:meanwhile|also|in addition),?\s+)?(?:another|a second|a third)\b(?!\s+(?:[a-z]+\s+)?(?:reports?|theory|version|sources?|communiques?|statements?|spokesman|officials?|hypothesis|possibility|explanation|account|cable|dispatch|bulletin|time|day|way|thing|point|aspect|issue|question|case|example)\b)[^;]*$/;
/** "This morning", "this afternoon" before a verb: a time, not "this attack". */
const TIME_THIS_BEFORE = /\bthis\s+(?:morning|afternoon|evening|night|week|weekend|month|year)\s+$/;

/** Before a trigger naming an act as known: a determiner, a relative pronoun, a charge or an inquiry. */
const KNOWN_ACT_BEFORE =
  /\b(?:(?:the|this|that|these|those|its|their|his|her)\s+(?:(?!(?:was|were|is|are|has|have|had|been|being)\s)[a-z-]+\s+){0,2}|(?:who|which|whom)\s+(?:had\s+|has\s+|have\s+)?|(?:charges?|charged|accused|convicted|suspected|trial|investigation|inquiry)\s+(?:[a-z-]+\s+){0,3})$/;

/** Before a place named only as near the incident. */
const NEAR_BEFORE = /\b(?:near|outside|close to|on the outskirts of|in the vicinity of)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$/;
/** How far a town may be from the place an incident was "near" and still be where it happened. */
const NEAR_KM = 25;

function kilometresApart(a: PlaceMention, b: PlaceMention): number | null {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return null;
  return distanceKm({ latitude: a.latitude, longitude: a.longitude }, { latitude: b.latitude, longitude: b.longitude });
}

/** Before a trigger: an incident before the one the report is about ("the last attack", "a previous bombing"). */
const EARLIER_ONE_BEFORE = /\b(?:the\s+(?:last|previous|prior)|an?\s+(?:earlier|previous|prior|similar))\s+(?:[a-z-]+\s+)?$/;
const DAY_POSSESSIVE_BEFORE = /\b(?:yesterday|today|tonight|[a-z]+day)['’]s\s+(?:[a-z]+\s+)?$/;

/** "after the", "following the", "on the eve of the": an incident used to say when something else happened. */
const TIME_REFERENCE_BEFORE =
  /\b(?:before|after|prior to|following|since|in the wake of|on the eve of|the eve of|the day of|the night of)\s+(?:the|this|that|these|those)\s+(?:[a-z]+\s+)?$/;

/** An event as found in one sentence, before mentions of the same incident are merged. */
interface EventMention {
  /** True when the mention only refers back ("the attack"); it never starts a new event. */
  anaphoric: boolean;
  /** An explosion or a kidnapping told as an act of its own, which needs no other particular. */
  toldAsAct: boolean;
  /** "An attack near San Salvador": the place named after "near", a town close by being as good. */
  nearPlace: string | null;
  /**
   * "The last attack ... occurred in June", "another explosion occurred in the south": another
   * incident than those told before, however alike.
   */
  earlierOne: boolean;
  /** Named by its day ("yesterday's attack"): it refers back only to an incident of that day. */
  namedByDay: boolean;
  /** "A councilman was also killed": a toll to add to the incident's, not a restatement of it. */
  additionalToll: boolean;
  /** Named as a point in time ("after the killing of the priests"): an incident known already. */
  timeReference: boolean;
  eventType: EventType;
  subEventType: string;
  generic: boolean;
  triggerClass: TriggerRule["triggerClass"];
  /** Property destroyed or damaged, with no word of how: the damage of an incident told before it. */
  damageOnly: boolean;
  sentenceIndex: number;
  paragraph: number;
  eventDate: PartialDate | null;
  /** False when the date was not in the sentence but taken from the report's reference date. */
  dateExplicit: boolean;
  place: PlaceMention | null;
  country: string | null;
  actor1: string | null;
  actor2: string | null;
  perpetratorGroup: string | null;
  /** The sentence is a wire report's lead, or says "here": the dateline's town is its place by default. */
  filedHere: boolean;
  /** The town the paragraph last named before this sentence: where an unplaced incident is set ("In Kirkuk, ... A bomb exploded"). */
  paragraphPlace: PlaceMention | null;
  /** Words naming who was hit ("the murder of Father Ellacuria"), for telling mentions of one incident apart. */
  victimWords: string[];
  /** Told as a murder, an assassination, a massacre or an execution: a deliberate killing, not a toll of fighting. */
  deliberate: boolean;
  /** The first state force the sentence names, for actors of later merges. */
  stateForce: string | null;
  fatalities: number | null;
  status: EventStatus;
  sources: string[];
  evidence: Evidence[];
}

const NEGATION_BEFORE = /\b(?:no|not|never|neither|nor|without|denied|deny|denies|false|rumou?rs? of|no one|nobody)\b[^.;,]{0,25}$/;
const DENIED_ROLE = new RegExp(String.raw`\b${DENIED_ROLE_SOURCE}`);
const ATTEMPT_CUES =
  /\b(?:attempt(?:ed)?|tried to|failed (?:attempt|to)|escaped (?:unharmed|unhurt|uninjured|injury)|survived|unsuccessful|(?:was|were) (?:going|about|set) to (?:explode|go off|detonate|blow up))\b/;
const ALLEGED_CUES = /\b(?:allegedly|alleged|accused of|suspected of|reportedly|unconfirmed)\b/;
const CLAIM_CUES = /\bclaim(?:ed|s|ing)? (?:responsibility|credit)\b/;
const AGGREGATE_NOUNS =
  /\b(?:attacks|strikes|assaults|operations|plots|plans|bombings|claims|incidents|arrests|raids|kidnappings|killings|explosions|ambushes|clashes|engagements|operatives|fighters|members)\b/;
const GENERIC_PERIOD_WORDS =
  /\b(?:this year|last year|the previous year|so far this year|since (?:the )?(?:start|beginning)|per (?:month|week|year)|a month|each month|every month|annually|in recent (?:months|years|weeks))\b/;

function triggerHits(sentence: AnnotatedSentence): TriggerHit[] {
  const hits: TriggerHit[] = [];
  for (const rule of TRIGGER_RULES) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(sentence.lower); match; match = rule.pattern.exec(sentence.lower)) {
      hits.push({ rule, start: match.index, end: match.index + match[0].length });
    }
  }
  // "M23 rebels captured Goma", "the army retook Mosul": a verb of taking right before a named
  // town or region. Who took it decides the sub-type (ACLED: a government regains, others overtake).
  const taken = TRIGGER_RULES.find((rule) => rule.triggerClass === "territory_taken");
  const regained = TRIGGER_RULES.find((rule) => rule.triggerClass === "territory_regained");
  for (const place of sentence.places) {
    if (place.precision === "country") continue;
    const verb = TAKING_BEFORE.exec(sentence.lower.slice(Math.max(0, place.start - 40), place.start));
    if (!verb || !taken || !regained) continue;
    const start = place.start - verb[0].length;
    if (hits.some((hit) => hit.start <= start && start < hit.end)) continue;
    const byState = sentence.forces.some((force) => force.start < start) && !sentence.groups.some((group) => group.start < start);
    hits.push({ rule: byState || /^re/.test(verb[1] ?? "") ? regained : taken, start, end: place.start });
  }
  return hits.sort((a, b) => a.start - b.start);
}

const TAKING_BEFORE =
  /\b(seized|captured|overran|took control of|took over|retook|recaptured|liberated)\s+(?:the\s+)?(?:(?:town|city|village|district|province|region|capital)\s+of\s+)?$/;

// Plural incident nouns that, without a number, a date or a place, describe a pattern ("ISIS
// continued to conduct ambushes and IED attacks") rather than an incident.
const PLURAL_INCIDENT =
  /^(?:attacks|assaults|bombings|explosions|blasts|ambushes|clashes|strikes|air ?strikes|airstrikes|raids|ieds|kidnappings|abductions|killings|assassinations|murders|shellings|arrests|detentions|engagements|firefights|operations|rockets|missiles|mortars|protests|demonstrations|riots)$/;
const COUNTED_BEFORE =
  /\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens of|a series of|a string of|a wave of|a spate of|several|both|simultaneous|twin|coordinated)\s+(?:[a-z-]+\s+){0,2}$/;
// Weapons seized or found are not weapons used.
const SEIZURE_BEFORE =
  /\b(?:confiscat\w*|seiz\w*|found|recover\w*|discover\w*|cache[sd]?|stockpil\w*|possess\w*|carrying(?! out)|manufactur\w*|smuggl\w*|supply\w*|suppl(?:y|ies|ied|ying)|transport\w*|bought|purchas\w*|storing|stored|hid(?:den|ing)?)\b[^.;]{0,60}$/;

const HABITUAL_BEFORE =
  /\b(?:majority of|most of|many of|some of|number of|frequency of|rate of|tempo of|pace of|continued to|continue to|continues to|still (?:carry|carries|launch|launches|stage|stages|mount|mounts|conduct|conducts)|increasingly|mostly|mainly|primarily|largely|generally|typically|usually|often|regularly|routinely|sporadic|frequent|recurring|numerous|countless|repeated)\b[^.;]{0,50}$/;

function isPattern(sentence: AnnotatedSentence, hit: TriggerHit): boolean {
  const word = sentence.lower.slice(hit.start, hit.end);
  // "They have burned buses, gasoline stations and ...": property of a kind, destroyed over time,
  // told in the perfect with no number, article or place.
  if (
    hit.rule.triggerClass === "property_destruction" &&
    /\b(?:has|have)\s+(?:also\s+|repeatedly\s+|often\s+)?$/.test(sentence.lower.slice(Math.max(0, hit.start - 20), hit.start)) &&
    /^[a-z]+\s+[a-z]+s\b/.test(word) &&
    !/^[^;]*\b(?:in|at|near)\s+[A-Z]/.test(sentence.text.slice(hit.end, hit.end + 80))
  )
    return true;
  // "the police who kidnap, torture and murder our relatives": what someone does, in the present.
  if (
    /^(?:kidnap|abduct|kill|murder|assassinate|massacre|torture|attack|bomb|shoot|execute|burn|loot|ambush|arrest|detain)$/.test(word) &&
    /\b(?:who|which)\s+(?:(?:still|often|always|usually|regularly|routinely|also|continue to|continually)\s+)?(?:[a-z]+,\s+)*$/.test(
      sentence.lower.slice(Math.max(0, hit.start - 60), hit.start),
    )
  )
    return true;
  if (/s$/.test(word) && HABITUAL_BEFORE.test(sentence.lower.slice(Math.max(0, hit.start - 150), hit.start))) return true;
  // "targeting mainly security forces with small arms and improvised explosive devices": the means
  // of a way of fighting, not one use of them.
  if (
    /\b(?:with|using)\s+(?:[\w-]+\s+){0,4}$/.test(sentence.lower.slice(Math.max(0, hit.start - 40), hit.start)) &&
    /^(?:\s+[\w-]+)?s\b|^s\b/.test(sentence.lower.slice(hit.end, hit.end + 12)) &&
    HABITUAL_BEFORE.test(sentence.lower.slice(Math.max(0, hit.start - 150), hit.start))
  )
    return true;
  // "who have dynamited the pipeline 23 times thus far this year": a count of acts over a period,
  // a pattern ("shot him five times" is one act: the count must run over a period).
  if (
    /^[^.;]{0,80}?\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|several|many|countless)\s+times\s+(?:so far|thus far|this year|last year|since|in the past|over the past)\b/.test(
      sentence.lower.slice(hit.end, hit.end + 130),
    )
  )
    return true;
  // "more than five decades of fighting", "after years of war": how long a conflict has lasted.
  if (
    /^(?:fighting|war|warfare|conflict|violence|bloodshed|insurgency)/.test(sentence.lower.slice(hit.start, hit.end)) &&
    /\b(?:decades?|years?|months?|weeks?)\s+of\s+(?:[a-z-]+\s+)?$/.test(sentence.lower.slice(Math.max(0, hit.start - 40), hit.start))
  )
    return true;
  // "employed tactics of assassinations, ambushes and the burning of crops": a repertoire, not an incident.
  if (/\b(?:tactics|methods|techniques|modus operandi)\b[^.;]{0,120}$/.test(sentence.lower.slice(Math.max(0, hit.start - 120), hit.start)))
    return true;
  // "Bomb attacks on shopping centers are less frequent", "kidnappings have become common": how
  // often such acts happen, wherever they are placed.
  if (
    /^[^.;,]{0,60}?\b(?:are|were|have been|had been|remain|remained|have become|had become|became|is)\s+(?:now\s+|still\s+|much\s+|far\s+)?(?:less|more|increasingly|very|quite|rather|so)?\s*(?:frequent|common|rare|infrequent|widespread|commonplace|routine|daily|everyday|usual)\b/.test(
      sentence.lower.slice(hit.end, hit.end + 90),
    )
  )
    return true;
  // "the people most affected by all this fighting": the conflict at large, not a clash.
  if (
    /^(?:fighting|violence|war|bloodshed|clashes|combat)$/.test(word) &&
    /\ball\s+(?:this|that|the|these)\s+$/.test(sentence.lower.slice(Math.max(0, hit.start - 20), hit.start))
  )
    return true;
  // "the MRTA, which has detonated about 20 car bombs", "the terrorists have perpetrated 10,621
  // attacks": a tally of acts so far.
  if (
    /\b(?:has|have|had)\s+(?:now\s+|already\s+)?(?:carried out|detonated|staged|committed|perpetrated|planted|launched|set off|exploded|conducted|claimed)\s+(?:about\s+|some\s+|more than\s+|over\s+|at least\s+|nearly\s+|almost\s+|around\s+)?[\d,]+\s+(?:[a-z-]+\s+){0,2}$/.test(
      sentence.lower.slice(Math.max(0, hit.start - 90), hit.start),
    )
  )
    return true;
  // ("... which has detonated about 20 car bombs": the verb itself, with its count after it.)
  if (
    /\b(?:has|have|had)\s+(?:now\s+|already\s+)?$/.test(sentence.lower.slice(Math.max(0, hit.start - 20), hit.start)) &&
    /^\s+(?:about\s+|some\s+|more than\s+|over\s+|at least\s+|nearly\s+|almost\s+|around\s+)?(?:[2-9]|[1-9][\d,]+|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds)\s+(?:[a-z-]+\s+){0,2}(?:bombs|attacks|car bombs|explosives|charges|devices|kidnappings|murders|killings)\b/.test(
      sentence.lower.slice(hit.end, hit.end + 60),
    )
  )
    return true;
  // "because we are all being murdered": a lament, not an incident.
  if (/\b(?:we|you|they)\s+are\s+(?:all\s+)?being\s+$/.test(sentence.lower.slice(Math.max(0, hit.start - 25), hit.start))) return true;
  if (!PLURAL_INCIDENT.test(word.split(/\s+/).pop() ?? "")) return false;
  // "claimed credit for several guerrilla attacks in the past": acts over an open past, however
  // counted; "the clashes that have taken place since 11 November": every one since a day.
  if (
    /^[^.;,]{0,30}?\b(?:in the past(?!\s+(?:\d+|few|several|two|three)?\s*(?:hours?|days?|nights?|weeks?|months?)\b)|over the (?:past )?years|in recent (?:years|months)|over the last (?:few )?(?:years|months))\b/.test(
      sentence.lower.slice(hit.end, hit.end + 60),
    ) ||
    /^[^.;]{0,80}?\b(?:that|which)\s+(?:have|has)\s+(?:taken place|occurred|been (?:carried out|staged|reported))\s+since\b/.test(
      sentence.lower.slice(hit.end, hit.end + 120),
    )
  )
    return true;
  if (COUNTED_BEFORE.test(sentence.lower.slice(Math.max(0, hit.start - 40), hit.start))) return false;
  // "the murders of three reporters", "the killings of the Spanish Jesuits": counted or definite
  // victims make them particular incidents ("killings of civilians" stays a pattern).
  if (
    /^\s+of\s+(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s/.test(
      sentence.lower.slice(hit.end, hit.end + 20),
    ) ||
    (/^(?:killings|murders|assassinations)$/.test(word) && /^\s+of\s+the\s+/.test(sentence.lower.slice(hit.end, hit.end + 10)))
  )
    return false;
  // "Turkish airstrikes killed SDF personnel": plural, but the subject of one reported action.
  if (
    /^\s+(?:\w+\s+)?(?:killed|destroyed|hit|struck|targeted|wounded|damaged|injured|left)\b/.test(
      sentence.lower.slice(hit.end, hit.end + 30),
    )
  )
    return false;
  const dated = sentence.dates.some((date) => date.value !== null && date.value.length >= 7);
  const placed = sentence.places.some((place) => place.precision === "town" || place.precision === "district");
  return !dated && !placed;
}

/**
 * A raid by police or troops on a house or an office is a search, not an attack (ACLED codes
 * what it finds: arrests, seizures); one by militants on a village is an attack.
 */
function isSearchRaid(sentence: AnnotatedSentence, hit: TriggerHit): boolean {
  if (!/^raid/.test(sentence.lower.slice(hit.start, hit.end))) return false;
  if (/\b(?:was|were|been|being)\s+$/.test(sentence.lower.slice(Math.max(0, hit.start - 12), hit.start))) return true;
  // "The raids were conducted by 13th Brigade troops in Chia and Pacho": the state's, told in the passive.
  if (
    /^s?\s+(?:(?:were|was|have been|had been)\s+)?(?:\w+\s+)?(?:conducted|carried out|made|staged|mounted|led)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:police(?:men)?|troops|soldiers|army|security forces|agents|officers|brigade|battalion|detectives|military)\b/.test(
      sentence.lower.slice(hit.end, hit.end + 100),
    )
  )
    return true;
  const subject = sentence.lower.slice(Math.max(0, hit.start - 40), hit.start);
  const byState =
    sentence.forces.some((force) => force.start < hit.start) ||
    /\b(?:police(?:men)?|troops|soldiers|army|security forces|agents|officers|carabineros|gendarmes|detectives|guardsmen)\s+(?:(?:in|of|from)\s+[\w'-]+\s+|\w+\s+)?$/.test(
      subject,
    );
  return byState && !sentence.groups.some((group) => group.start < hit.start);
}

// "the battle against drug trafficking", "Colombia is on the front line of this battle": a struggle
// in the figurative sense, not combat.
const FIGURATIVE_BATTLE =
  /^(?:battles?|fight(?:ing)?|war)\s+(?:against|on)\s+(?:the\s+)?(?:drug|narco|cocaine|corruption|crime|terror|poverty|impunity|inflation|disease|hunger|illiteracy)|^(?:battles?|fight(?:ing)?)\s+(?:for|over)\s+(?:the\s+)?(?:votes?|hearts|control of (?:the )?(?:party|congress|parliament)|power)/;

/**
 * "Guerrillas ambushed a bus near Apopa, killing four passengers": an ambush of civilians is an
 * attack on them, not a clash; one of a patrol or a convoy stays a clash.
 */
function isAmbushOfCivilians(sentence: AnnotatedSentence, hit: TriggerHit): boolean {
  if (hit.rule.triggerClass !== "clash" || !/^ambush/.test(sentence.lower.slice(hit.start, hit.end))) return false;
  const target = sentence.lower.slice(hit.end, hit.end + 80).split(/[,;.]/)[0] ?? "";
  const victims = sentence.lower.slice(hit.end, hit.end + 140);
  return (
    /\b(?:bus|buses|car|cars|vehicle|vehicles|truck|passengers|civilians|villagers|travell?ers|motorists|farmers|peasants|family|wedding)\b/.test(
      target,
    ) &&
    !ARMED_TARGETS.test(target) &&
    !/\bguardsm[ae]n\b/.test(victims) &&
    !ARMED_TARGETS.test(victims.replace(/\b(?:bus|car|vehicle|truck)\b/g, ""))
  );
}

/** The state's forces named before a trigger: a force the sentence names, or police, soldiers, troops. */
function stateForcesBefore(sentence: AnnotatedSentence, hit: TriggerHit): boolean {
  return (
    sentence.forces.some((force) => force.start < hit.start) ||
    /\b(?:police(?:men)?|soldiers|troops|army|security forces|riot police|guards)\b/.test(
      sentence.lower.slice(Math.max(0, hit.start - 60), hit.start),
    )
  );
}

function isStateViolenceOnProtest(sentence: AnnotatedSentence, hit: TriggerHit, all: readonly TriggerHit[]): boolean {
  const violent = all.some(
    (other) =>
      other !== hit &&
      (other.rule.triggerClass === "killing" || other.rule.triggerClass === "armed_attack") &&
      !/^fired tear gas/.test(sentence.lower.slice(other.start, other.start + 16)),
  );
  return violent && stateForcesBefore(sentence, hit);
}

/**
 * "The gunmen also set fire to the church": damage the attackers of an incident told before did
 * as well, with no day of its own, is part of that incident.
 */
function isDamageAlsoDone(sentence: AnnotatedSentence, hit: TriggerHit): boolean {
  if (hit.rule.triggerClass !== "property_destruction" || sentence.index === 0) return false;
  if (sentence.dates.some((date) => date.value !== null && date.value.length === 10)) return false;
  return /^(?:the\s+(?:gunmen|attackers|assailants|militants|insurgents|rebels|raiders|fighters|jihadists|terrorists|guerrillas)|they)\s+(?:also|then|later|subsequently)\b/.test(
    sentence.lower,
  );
}

/**
 * "A suicide bomber targeted an election rally", "gunmen opened fire on protesters, killing 12":
 * the rally or the protesters are what was hit, not a protest of its own to code, when another
 * trigger in the sentence tells the violence.
 */
function isProtestTargeted(sentence: AnnotatedSentence, hit: TriggerHit, all: readonly TriggerHit[]): boolean {
  // "Hundreds protested in Mogadishu against the bombing": what a protest is against is told
  // elsewhere, not here again.
  if (
    hit.rule.triggerClass !== "protest" &&
    hit.rule.eventType !== "Protests" &&
    PROTESTED_AGAINST.test(sentence.lower.slice(0, hit.start))
  )
    return true;
  if (hit.rule.triggerClass !== "protest") return false;
  // Another trigger must tell violence (not "police fired tear gas at protesters and arrested 30"),
  // by others than the state's forces: police or soldiers firing on protesters is excessive force
  // against a protest, which stays a protest.
  if (
    !all.some(
      (other) =>
        other !== hit &&
        other.rule.eventType !== "Protests" &&
        other.rule.eventType !== "Riots" &&
        other.rule.eventType !== "Strategic developments",
    )
  )
    return false;
  if (stateForcesBefore(sentence, hit)) return false;
  return PROTEST_AS_TARGET.test(sentence.lower.slice(Math.max(0, hit.start - 50), hit.start));
}

const PROTESTED_AGAINST =
  /\b(?:protest(?:ed|s|ing)?|demonstrat(?:ed|ing|ions?)|rall(?:y|ied|ies)|march(?:ed|es)?)\b[^.;]{0,60}?\b(?:against|over)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$/;
const PROTEST_AS_TARGET =
  /\b(?:target(?:ed|ing)|attack(?:ed|ing)?|struck|hit|bomb(?:ed|ing)|stormed|kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing)|shot|(?:opened|open|fired|firing)\s+(?:fire\s+)?(?:on|at|into)|on|at|near|into|against)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}$/;

function isFigurative(sentence: AnnotatedSentence, hit: TriggerHit): boolean {
  if (hit.rule.triggerClass === "protest") return isDiplomaticProtest(sentence, hit);
  // "the commission, which emerged from the Esquipulas peace agreement": an accord named, not made.
  if (hit.rule.triggerClass === "agreement")
    return (
      /(?:accord|agreement|deal|pact)$/.test(sentence.lower.slice(hit.start, hit.end)) &&
      !/\b(?:sign(?:ed|s|ing)?|reach(?:ed|es|ing)?|conclud(?:ed|es|ing)|struck|strikes|seal(?:ed|s)?|broker(?:ed|s)?|agreed|clinched|finali[sz]ed)\b/.test(
        sentence.lower,
      )
    );
  if (hit.rule.triggerClass !== "clash") return false;
  const from = sentence.lower.slice(hit.start, hit.start + 60);
  if (FIGURATIVE_BATTLE.test(from)) return true;
  // "the commemoration of the Battle of Tarapaca": a battle remembered, not fought.
  if (
    /^battle\b/.test(from) &&
    /\b(?:commemorat\w*|anniversary|celebrat\w*|memorial|monument|museum|heroes)\s+(?:of\s+)?(?:the\s+)?$/.test(
      sentence.lower.slice(Math.max(0, hit.start - 40), hit.start),
    )
  )
    return true;
  return (
    /\b(?:this|that|our|their|the same)\s+$/.test(sentence.lower.slice(Math.max(0, hit.start - 12), hit.start)) &&
    /^battle\b/.test(from) &&
    !sentence.places.some((place) => place.precision !== "country")
  );
}

/**
 * "The note represents a protest from our government", "lodged a formal protest with the embassy":
 * a government's objection, sent in words, not people in the street.
 */
function isDiplomaticProtest(sentence: AnnotatedSentence, hit: TriggerHit): boolean {
  const word = sentence.lower.slice(hit.start, hit.end);
  if (!/^protests?$/.test(word)) return false;
  const before = sentence.lower.slice(Math.max(0, hit.start - 40), hit.start);
  const after = sentence.lower.slice(hit.end, hit.end + 60);
  return (
    /\b(?:lodged|filed|sent|delivered|issued|registered|made|presented|formal|diplomatic|official|strong|note of|letter of)\s+(?:an?\s+|its\s+|a\s+formal\s+)?$/.test(
      before,
    ) ||
    /^\s+(?:note|letter)s?\b/.test(after) ||
    // "as a sign of protest, his party will not attend the session": a motive, not a protest held.
    /\b(?:as\s+an?|in)\s+(?:sign|form|mark|gesture|token|act)\s+of\s+$/.test(before) ||
    /^\s+(?:from|by)\s+(?:the\s+|our\s+|its\s+)?(?:[a-z]+\s+)?(?:government|ministry|foreign ministry|embassy|state department|president)\b/.test(
      after,
    ) ||
    /^\s+(?:with|to)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:government|embassy|ambassador|ministry|foreign minister|un|united nations)\b/.test(
      after,
    )
  );
}

/**
 * "issued an arrest warrant for X", "a warrant for the arrest of X": an order, not an arrest;
 * "X is currently under arrest": a state, not the arrest ("was placed under arrest" is one).
 */
function isNoArrest(sentence: AnnotatedSentence, hit: TriggerHit): boolean {
  if (hit.rule.triggerClass !== "arrest") return false;
  const before = sentence.lower.slice(Math.max(0, hit.start - 40), hit.start);
  if (/^\s+warrants?\b/.test(sentence.lower.slice(hit.end, hit.end + 12)) || /\bwarrants?\s+for\s+(?:the\s+)?$/.test(before)) return true;
  return /\bunder\s+$/.test(before) && !/\b(?:placed|put)\s+(?:[\w'-]+\s+){0,4}under\s+$/.test(before);
}

/** "killed in an airplane accident", "died of natural causes": a death, but no political violence (ACLED leaves accidents out). */
function isAccident(sentence: AnnotatedSentence, hit: TriggerHit): boolean {
  return /^\s+(?:(?:in|during)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:accident|crash)\b|of\s+(?:natural causes|(?:a\s+)?heart attack|illness|cancer)\b)/.test(
    sentence.lower.slice(hit.end, hit.end + 50),
  );
}

function isSeizure(sentence: AnnotatedSentence, hit: TriggerHit): boolean {
  const explosiveClasses = ["explosive", "grenade", "shelling", "suicide_bomb"];
  if (!explosiveClasses.includes(hit.rule.triggerClass)) return false;
  if (SEIZURE_BEFORE.test(sentence.lower.slice(Math.max(0, hit.start - 80), hit.start))) return true;
  // "An M-16 rifle, five grenades, and material for explosives were found in the same place."
  return /^[^.;]{0,80}?\b(?:was|were|have been|had been|has been)\s+(?:also\s+)?(?:found|seized|confiscated|discovered|recovered|captured)\b/.test(
    sentence.lower.slice(hit.end, hit.end + 120),
  );
}

/** After a protest noun: the protest is announced, not held. */
const PROTEST_TO_COME =
  /^\s+(?:(?:will|would|may|might|could|plan(?:s|ned)?\s+to|intend(?:s|ed)?\s+to|vow(?:s|ed)?\s+to|threaten(?:s|ed)?\s+to)\b|(?:is|are|was|were|has been|have been)\s+(?:planned|scheduled|called|expected|due|set)\b)/;

function isHypothetical(sentence: AnnotatedSentence, hit: TriggerHit): boolean {
  const from = Math.max(0, hit.start - 60);
  // Dates are blanked first: "In May, troops killed..." is not the modal "may".
  let before = sentence.lower.slice(from, hit.start);
  for (const date of sentence.dates) {
    if (date.end <= from || date.start >= hit.start) continue;
    const start = Math.max(date.start, from) - from;
    const end = Math.min(date.end, hit.start) - from;
    before = before.slice(0, start) + " ".repeat(end - start) + before.slice(end);
  }
  // The month in a date the sentence does not count as its own ("LIMA, 30 MAY 89 (AFP) -- A bomb
  // exploded": the dateline's) is no modal either.
  before = before.replace(/\b\d{1,2}\s+may\b|\bmay\s+\d{1,2}\b/g, (month) => " ".repeat(month.length));
  const clause = before.split(/[;:]|,\s(?:but|while|although)\s/).pop() ?? before;
  // "an investigation will be conducted into the murders of three reporters": an inquiry, planned
  // or refused, presupposes the incident it looks into.
  if (
    !/^\s+(?:threats?|scares?|hoax(?:es)?|alerts?|alarms?)\b/.test(sentence.lower.slice(hit.end, hit.end + 12)) &&
    /\b(?:investigations?|inquiry|inquiries|probe|trial)\s+(?:(?:will|would|was|is|has|had|have|to)\s+(?:be\s+|been\s+|being\s+)?)?(?:(?:conducted|opened|launched|carried out|ordered|under way|underway)\s+)?(?:into|of|for|over|on)\s+(?:the\s+)?$/.test(
      clause,
    )
  )
    return false;
  // "The Taliban denied involvement in the blast that killed 8": who did it is denied, not the blast.
  if (NEGATION_BEFORE.test(clause) && !DENIED_ROLE.test(clause)) return true;
  const words = clause.trim().split(/\s+/).slice(-7).join(" ");
  // "orders to assault", "plans to attack": an intention. "tried to kill" is an attempt, kept.
  // ("duty to identify, arrest and try the culprits": each verb of the list is the infinitive's.)
  if (
    /\bto\s+(?:[a-z]+,\s+)*(?:[a-z]+,?\s+(?:and|or)\s+)?$/.test(before) &&
    !/\b(?:attempt(?:ed|s|ing)?|tried|try(?:ing)?|failed)\s+to\s+(?:[a-z]+,\s+)*(?:[a-z]+,?\s+(?:and|or)\s+)?$/.test(before)
  )
    return true;
  // "until the rebels stop attacks", "a pledge to halt the bombing": an end asked for, not an incident.
  if (
    /\b(?:stop|halt|cease|renounce|suspend|end)(?:s|ped|ed|ing)?["'”’]?\s+(?:the\s+|their\s+|all\s+|its\s+)?(?:use\s+of\s+)?(?:[\w-]+\s+)?$/.test(
      before,
    )
  )
    return true;
  // "Protesters will march on Friday", "a rally is planned for Sunday": a protest to come.
  if (
    (hit.rule.triggerClass === "protest" || hit.rule.triggerClass === "riot") &&
    PROTEST_TO_COME.test(sentence.lower.slice(hit.end, hit.end + 40))
  )
    return true;
  // "reports of two other explosions ..., but these have not yet been confirmed": rumour.
  if (/\b(?:have|has|had)\s+not\s+(?:yet\s+)?been\s+confirmed\b|\bunconfirmed\b/.test(sentence.lower.slice(hit.end))) return true;
  // "From now on, bombs will not only explode in the villages of ...": what will happen.
  if (
    /^\s+(?:will|would|shall|could|might|may|are going to|is going to)\s+(?:not\s+)?(?:only\s+|also\s+|soon\s+)?(?:continue to\s+)?(?:explode|go off|kill|fall|hit|strike|be)\b/.test(
      sentence.lower.slice(hit.end, hit.end + 50),
    )
  )
    return true;
  // "several bomb threats", "a bomb scare": a warning, not an explosion.
  if (/^\s+(?:threats?|scares?|hoax(?:es)?|alerts?|alarms?)\b/.test(sentence.lower.slice(hit.end, hit.end + 12))) return true;
  if (/\b(?:attempt(?:ed|s|ing)?|tried|try(?:ing)?|failed)\s+to\s+$/.test(before)) return false;
  // "supplies bombs so that the army -- which has planes -- can bomb the population": a purpose.
  if (
    /\bso\s+(?:that|as to)\b[^.;]{0,120}\b(?:can|could|may|might|would|will)\s+(?:\w+\s+)?$/.test(
      sentence.lower.slice(Math.max(0, hit.start - 160), hit.start),
    )
  )
    return true;
  return HYPOTHETICAL_CUES.test(words);
}

/**
 * "38 strikes in Syria in the first five months of 2025" reports a count over a period: that is
 * a figure (./figures.ts), not an incident.
 */
/** Whether the sentence counts at least `least` of something (fractions and percentages aside). */
function hasCountOf(sentence: AnnotatedSentence, least: number): boolean {
  return sentence.numbers.some((number) => !number.isFraction && !number.isPercent && number.value >= least);
}

/** Incidents spread over a country, not one at a place. */
const SPREAD_OUT =
  /\b(?:in\s+(?:several|various|different|many|numerous)\s+(?:places|parts|areas|regions|towns|cities|departments|provinces)\b|throughout\s+the\s+country|across\s+the\s+country|all\s+over\s+the\s+country|nationwide)/;

function isAggregateStatement(sentence: AnnotatedSentence): boolean {
  // "More than 70,000 people have been killed in the 10-year civil war": a war's toll so far (in
  // the main clause: "a string of attacks that have killed hundreds since 2015" qualifies an incident).
  if (
    /(?<!\b(?:that|which|who)\s)\b(?:has|have)\s+(?:been\s+)?(?:killed|died|lost their lives)\b[^.;]{0,60}\b(?:war|conflict|violence|insurgency|fighting|since)\b/.test(
      sentence.lower,
    ) &&
    hasCountOf(sentence, 100)
  )
    return true;
  // "The Shining Path ... is responsible for the death of about 12,000 people": a group's toll.
  if (/\b(?:is|are|has been|have been)\s+responsible\s+for\s+(?:the\s+)?deaths?\s+of\b/.test(sentence.lower) && hasCountOf(sentence, 100))
    return true;
  // A month or a year named as such ("in October 2024") is a period as much as "the first half".
  const hasPeriod =
    sentence.dates.some((date) => date.kind === "period" || (date.value !== null && date.value.length <= 7)) ||
    GENERIC_PERIOD_WORDS.test(sentence.lower);
  if (!hasPeriod) return false;
  // A day of its own makes an incident; a day that names another occasion ("the violence around
  // the 12 November municipal elections") does not.
  const occasion =
    /^\s+(?:(?:municipal|presidential|legislative|general|parliamentary|local)\s+)?(?:elections?|vote|polls|referendum|anniversary)\b/;
  if (
    sentence.dates.some(
      (date) =>
        date.kind === "point" &&
        date.value !== null &&
        date.value.length === 10 &&
        !occasion.test(sentence.lower.slice(date.end, date.end + 40)),
    )
  )
    return false;
  // "Some 1,600 people were murdered during the last quarter", "1,335 civilians killed since the
  // start of the operation": a toll over a period.
  if (
    (sentence.dates.some((date) => date.kind === "period") || /\bsince (?:the )?(?:start|beginning)\b/.test(sentence.lower)) &&
    hasCountOf(sentence, 100)
  )
    return true;
  // "Economic losses last year due to guerrilla sabotage surpassed $100 million": the cost of a
  // period's acts, an economic figure, not an incident.
  if (
    /\b(?:losses|damages?|cost)\b[^.;]{0,80}\b(?:due to|caused by|from|because of|owing to)\b/.test(sentence.lower) &&
    /(?:\$|\b(?:dollars|pesos|colones|soles|million|billion)\b)/.test(sentence.lower)
  )
    return true;
  // "In 2023, the SDF detained 1,200 ISIS suspects": arrests over a year or a month, not one raid's.
  if (/\b(?:arrested|detained|apprehended|captured)\b/.test(sentence.lower) && hasCountOf(sentence, 50)) return true;
  // "Jihadist violence has killed more than 2,000 people in Burkina Faso this year": a toll over
  // the year so far, told in the perfect.
  if (/\b(?:has|have)\s+(?:now\s+)?(?:killed|left|claimed the lives of)\b/.test(sentence.lower) && hasCountOf(sentence, 100)) return true;
  for (const number of sentence.numbers) {
    if (number.isFraction || number.isPercent) continue;
    const after = sentence.lower
      .slice(number.end, number.end + 40)
      .split(/\s+/)
      .slice(0, 4)
      .join(" ");
    const noun = AGGREGATE_NOUNS.exec(after);
    if (noun === null) continue;
    // "killing five SDF fighters" in October is one ambush's toll; "1,200 ISIS operatives" a total,
    // and so is "15 members of the SDF in attacks across Deir ez-Zor".
    if (
      /^(?:operatives|fighters|members)$/.test(noun[0]) &&
      number.value < 20 &&
      !/\bin\s+(?:\w+\s+)?(?:attacks|operations|clashes|raids|strikes|ambushes)\b/.test(sentence.lower.slice(number.end, number.end + 80))
    )
      continue;
    return true;
  }
  return false;
}

/** The event's date from the sentence, as a partial date, and whether the text gave it. */
function dateOf(sentence: AnnotatedSentence, hit: TriggerHit, context: DocumentContext): { date: PartialDate | null; explicit: boolean } {
  // "Investigations into the killing of the six Jesuits continue": the news is the follow-up, and
  // the incident it names happened before; only a date told with the noun ("the killing of the
  // Jesuits on 16 November") is the incident's. Otherwise it takes its date from elsewhere in the report.
  const followUp = isFollowUp(sentence, hit);
  const candidates = sentence.dates.filter(
    (date) =>
      (date.value !== null || date.kind === "period") &&
      !datesAnotherClause(sentence, hit, date) &&
      (!followUp || (date.start >= hit.end && date.start - hit.end <= 250 && toldWithNoun(sentence.lower.slice(hit.end, date.start)))),
  );
  if (candidates.length > 0) {
    // "killed 12 people in Konduga on Sunday and abducted 20 women in Gwoza on Monday": a date
    // before "and" and the verb belongs to the clause before; the verb's own comes after it.
    // (Not a date in a clause of speech after it: "attacked Gajiram on Friday ..., a resident said on Sunday".)
    const ownAfter = candidates.filter(
      (date) =>
        date.start >= hit.end &&
        !/,[^,;]*\b(?:said|says|told|reported|announced|added|stated)\b/.test(sentence.lower.slice(hit.end, date.start)),
    );
    const usable =
      ownAfter.length > 0
        ? candidates.filter(
            (date) =>
              date.start >= hit.end ||
              !/\band\s+(?:then\s+)?$/.test(sentence.lower.slice(date.end, hit.start).replace(/^[^,;]*?(?=\band\b)/, "")),
          )
        : candidates;
    const nearest = usable.reduce((best, date) => (Math.abs(date.start - hit.start) < Math.abs(best.start - hit.start) ? date : best));
    const date = partialDateOf(nearest);
    if (date) return { date, explicit: true };
  }
  // "Heavy clashes are continuing in Mejicanos", "clashes also continue in San Miguel city": told
  // as going on when the report was filed, on the report's day.
  if (
    context.referenceDate !== null &&
    context.referenceDate.length === 10 &&
    (context.referenceDateSource === "dateline" || context.referenceDateSource === "published") &&
    GOING_ON.test(sentence.lower) &&
    !isKnownIncident(sentence, hit, followUp)
  )
    return { date: context.referenceDate, explicit: true };
  // A report's lead tells the news of its own date ("A bomb damaged an office today"): with no date
  // of its own, the lead's incident is placed in the report's month and does not take the date of
  // an older incident told further down.
  if (
    !isKnownIncident(sentence, hit, followUp) &&
    sentence.index <= 1 &&
    (context.referenceDateSource === "dateline" || context.referenceDateSource === "published")
  ) {
    return { date: fallbackDate(context), explicit: true };
  }
  return { date: fallbackDate(context), explicit: false };
}

/** An incident told as going on as the report is filed. */
const GOING_ON =
  /\b(?:(?:is|are)\s+(?:still\s+)?(?:continuing|taking place|under ?way|going on|raging)|(?:continues|continue)\s+(?:in|at|on|near|around|this|today)\b|at this (?:time|moment|hour)|right now|as we speak)\b/;

// "X, who left the ministry in May 1989, was shot": a relative clause set off by commas has its
// own time. "Police today confirmed foreign help in the murder of X": a date beside a verb of
// saying dates the statement, not the incident the noun names.
const SPEECH_VERB =
  /\b(?:said|says|reported|announced|confirmed|stated|denied|charged|denounced|condemned|disclosed|revealed|added|declared|told|asked|demanded|accused|admitted|indicated|explained|noted|repudiated)\b/;
const INCIDENT_NOUN =
  /^(?:murders?|assassinations?|killings?|kidnappings?|abductions?|attacks?|bombings?|massacres?|explosions?|slayings?)$/;

/** Words that follow an incident up: the inquiry, the trial, the charges, those implicated. */
const FOLLOW_UP_BEFORE =
  /\b(?:investigations?|investigating|investigated|investigate|inquiry|inquiries|inquest|probe|trials?|case|charged|charges|implicated|involvement|suspected|accused|regarding|concerning|connection with|convicted|sentenced|testified|testimony|statements?|clarify|clarification|solve|solving|solved|condemn(?:s|ed|ing)?|condemnation|deplor(?:es|ed|ing)|repudiat(?:es|ed|ing)|regrett?(?:s|ed|ing)?|denounc(?:es|ed|ing)|lament(?:s|ed|ing)?|mourn(?:s|ed|ing)?|outrage|condolences|reacted|reaction|recall(?:s|ed)?|remember(?:s|ed)?)(?:\s+(?:into|of|on|about|for|in|with|over|at|to))?\s+(?:the|this|that)\s+(?:[a-z-]+\s+){0,2}$/;

/**
 * An incident named as one the report has told or the reader knows: followed up ("the
 * investigation into the murder of"), or named by its victim ("Lopez Albujar's murder", "after her
 * arrest"). It joins an earlier incident of its type however far back, and is no lead's news.
 */
function isKnownIncident(sentence: AnnotatedSentence, hit: TriggerHit, followUp = isFollowUp(sentence, hit)): boolean {
  const word = sentence.lower.slice(hit.start, hit.end);
  const before = sentence.lower.slice(Math.max(0, hit.start - 8), hit.start);
  return (
    followUp ||
    (INCIDENT_NOUN.test(word) && /[a-z]['’]s?\s+$/.test(before.slice(-4))) ||
    (/^(?:arrest|detention|capture|abduction|kidnapping)$/.test(word) && /\b(?:his|her|their)\s+$/.test(before))
  );
}

/** Whether the text between an incident noun and a date after it keeps to the noun's phrase. */
function toldWithNoun(between: string): boolean {
  return !/[;:]|,\s*(?:who|which|where|while|but|when|as|after|before)\b/.test(between) && !SPEECH_VERB.test(between);
}

function isFollowUp(sentence: AnnotatedSentence, hit: TriggerHit): boolean {
  return (
    INCIDENT_NOUN.test(sentence.lower.slice(hit.start, hit.end)) &&
    FOLLOW_UP_BEFORE.test(sentence.lower.slice(Math.max(0, hit.start - 80), hit.start))
  );
}

function datesAnotherClause(sentence: AnnotatedSentence, hit: TriggerHit, date: DateMention): boolean {
  const text = sentence.lower;
  for (const clause of allMatches(/,\s+(?:who|which|whose|where)\b[^,;]*,/g, text)) {
    const start = clause.index;
    const end = start + clause[0].length;
    if (date.start >= start && date.end <= end && !(hit.start >= start && hit.end <= end)) return true;
  }
  // "The MRTA has kidnapped businessman Hector Delgado, police said today": the day of the
  // statement that closes the sentence, not of the incident before it.
  if (
    date.start > hit.end &&
    /,\s*(?:[a-z'’.-]+\s+){0,5}(?:said|says|reported|reports|announced|stated|confirmed|told)\s+(?:[a-z'’.-]+\s+){0,3}$/.test(
      text.slice(hit.end, date.start),
    ) &&
    !/[,;]/.test(text.slice(hit.end, date.start).replace(/^[^,]*,/, ""))
  )
    return true;
  // "..., kidnapped by the ELN, resides in Colombia and ..., it was officially reported today": the
  // impersonal report closing the sentence is dated, however long the sentence before it.
  if (
    date.start > hit.end &&
    /,\s*it\s+(?:was|has been|had been)\s+(?:[a-z]+\s+)?(?:reported|announced|learned|confirmed|stated|disclosed)\s+$/.test(
      text.slice(hit.end, date.start),
    )
  )
    return true;
  if (!INCIDENT_NOUN.test(text.slice(hit.start, hit.end)) || date.start > hit.start) return false;
  // ("The source noted that in 1984, the first attack ...": the date is inside what was said.)
  if (/\bthat\s+(?:in|on|since|during)?\s*$/.test(text.slice(Math.max(0, date.start - 12), date.start))) return false;
  const around = `${text.slice(Math.max(0, date.start - 20), date.start)} ${text.slice(date.end, date.end + 20)}`;
  return SPEECH_VERB.test(around);
}

/** The sentence with only [start, end) left: the rest blanked, offsets kept, mentions outside dropped. */
function sentencePart(sentence: AnnotatedSentence, start: number, end: number): AnnotatedSentence {
  const inside = <T extends { start: number; end: number }>(mentions: readonly T[]): T[] =>
    mentions.filter((mention) => mention.start >= start && mention.end <= end);
  return {
    ...sentence,
    lower: " ".repeat(start) + sentence.lower.slice(start, end) + " ".repeat(Math.max(0, sentence.lower.length - end)),
    numbers: inside(sentence.numbers),
    people: inside(sentence.people),
  };
}

/** Whether a later trigger stands in a clause of its own after an earlier one (", while", "; ", ", and"). */
/**
 * Two triggers of different kinds told apart: "and" or a clause mark between them, and each with
 * a place of its own that the other does not name ("killed 12 in Konduga ... and abducted 20 in
 * Gwoza"), unlike one fight that began on one day and ended with the town taken the next.
 */
function apartIn(sentence: AnnotatedSentence, one: TriggerHit, other: TriggerHit, context: DocumentContext): boolean {
  if (!/\band\b|[,;]/.test(between(sentence, one, other))) return false;
  const first = one.start < other.start ? one : other;
  const second = first === one ? other : one;
  const firstPlaces = placesOf(sentence, first, context.documentCountries, context.allCapitals).filter(
    (place) => place.end <= second.start,
  );
  const secondPlaces = placesOf(sentence, second, context.documentCountries, context.allCapitals).filter(
    (place) => place.start >= second.end,
  );
  return (
    firstPlaces.length > 0 &&
    secondPlaces.length > 0 &&
    secondPlaces.every((place) => !firstPlaces.some((earlier) => earlier.name === place.name))
  );
}

/** The text between two hits, whichever comes first. */
function between(sentence: AnnotatedSentence, one: TriggerHit, other: TriggerHit): string {
  return one.end <= other.start ? sentence.lower.slice(one.end, other.start) : sentence.lower.slice(other.end, one.start);
}

function ownClause(sentence: AnnotatedSentence, earlier: TriggerHit, later: TriggerHit): boolean {
  if (later.start <= earlier.end) return false;
  return /(?:,\s+(?:and|while|but|whereas)\s|;\s|\swhile\s|\swhereas\s)/.test(sentence.lower.slice(earlier.end, later.start));
}

/** The day a trigger's own date gives, when it is a day written in its sentence. */
function ownDay(sentence: AnnotatedSentence, hit: TriggerHit, context: DocumentContext): string | null {
  const { date, explicit } = dateOf(sentence, hit, context);
  return explicit && date !== null && date.length === 10 && sentence.dates.some((mention) => mention.value === date) ? date : null;
}

function partialDateOf(date: DateMention): PartialDate | null {
  if (date.kind === "point" && date.value) return date.value;
  const start = date.periodStart;
  const end = date.periodEnd;
  if (!start || !end) return null;
  if (start.slice(0, 7) === end.slice(0, 7)) return start.slice(0, 7);
  if (start.slice(0, 4) === end.slice(0, 4)) return start.slice(0, 4);
  return null;
}

/**
 * With no date in the sentence, the incident is placed in the report's month (or year, when
 * inferred). A periodic report ("the report covers the period October 1 to December 31, 2019")
 * tells of its period, not of the month it was released in: there, the period's month or year.
 */
function fallbackDate(context: DocumentContext): PartialDate | null {
  const period = context.coveredPeriod;
  if (period !== null) {
    if (period.periodStart.slice(0, 7) === period.periodEnd.slice(0, 7)) return period.periodStart.slice(0, 7);
    if (period.periodStart.slice(0, 4) === period.periodEnd.slice(0, 4)) return period.periodStart.slice(0, 4);
  }
  if (!context.referenceDate) return null;
  return context.referenceDateSource === "inferred" ? context.referenceDate.slice(0, 4) : context.referenceDate.slice(0, 7);
}

// Civilian buildings: a facility, an installation or a station may be a prison or a barracks.
const PROPERTY_TARGET =
  /\b(?:residences?|houses?|homes?|offices?|studios?|headquarters|hotels?|banks?|stores?|shops?|businesses|factory|factories|warehouses?|churches|church|schools?|newspapers?|buildings?|vehicles?|ambulances?|buses|bus|cars?|trucks?|plants?)\b/;
const CASUALTY_WORDS =
  /\b(?:kill(?:ed|ing)?|dead|died|deaths?|wounded|wounding|injur(?:ed|ing|ies)|hurt|casualties|victims?|bodies|murder(?:ed)?)\b/;

const FORMER_SERVICE =
  /\b(?:former|retired|ex-)\s+(?:[a-z-]+\s+){0,3}?(?:commanders?|officers?|generals?|colonels?|majors?|captains?|soldiers?|police(?:man|men)?|guards?|members?|chiefs?|servicem[ae]n|guerrillas?|rebels?|fighters?)\b/g;

function typeOfGenericHit(sentence: AnnotatedSentence, hit: TriggerHit): { eventType: EventType; subEventType: string } {
  // Who was hit: after an active verb ("guerrillas killed two soldiers"), before a passive one
  // ("six priests were killed by men in uniform"). The agent after "by" is not the target.
  // "The presidential residence was the target of an attack": the subject was hit, as in the passive.
  // ("There were fewer attacks on stores": "there were" says the attacks exist, and is no passive.)
  const passive =
    (/\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$/.test(sentence.lower.slice(Math.max(0, hit.start - 20), hit.start)) &&
      !/\bthere\s+(?:was|were|is|are|have been|has been|had been)\s+(?:\w+\s+)?$/.test(
        sentence.lower.slice(Math.max(0, hit.start - 30), hit.start),
      )) ||
    /\b(?:was|were|been|is|are)\s+(?:the\s+)?(?:target|object)\s+of\s+(?:an?|the)\s+(?:[a-z]+\s+)?$/.test(
      sentence.lower.slice(Math.max(0, hit.start - 45), hit.start),
    );
  const following = sentence.lower.slice(hit.start, hit.end + 90).split(/\s(?:by|when|while|as|because)\s|[,;:]\s/)[0] ?? "";
  const subject =
    sentence.lower
      .slice(Math.max(0, hit.start - 80), hit.start)
      .split(/[,;:]|\s(?:and|but|that|which|who)\s/)
      .pop() ?? "";
  // "U.S. forces killed five ISIS fighters in a raid": the raid is how, and who was hit is the
  // object of the verb before it.
  const verbBefore =
    /\b(?:killed|killing|murdered|wounded|wounding|injured|injuring|shot|executed)\s+((?:[\w'’.-]+\s+){1,6}?)(?:in|during)\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,2}$/.exec(
      sentence.lower.slice(Math.max(0, hit.start - 80), hit.start),
    );
  const instrument = !passive && verbBefore !== null;
  // ("On 27 March, the police base in Uchiza, San Martin department, was attacked": the subject
  // stands before the commas of its appositions.)
  const clauseHead =
    passive && /,\s*(?:was|were)\s+(?:\w+\s+)?$/.test(sentence.lower.slice(Math.max(0, hit.start - 25), hit.start))
      ? ((sentence.lower.slice(0, hit.start).split(/;/).pop() ?? "")
          .replace(/^[^]*?--\s*(?:\[[^\]]*\]\s*)*/, "")
          .split(/,/)
          .find(
            (chunk) =>
              !/^\s*(?:on|from|in|at|during|after|before|according|last|early|late|yesterday|today|meanwhile|however|\d)/.test(chunk),
          ) ?? "")
      : "";
  const after = passive
    ? `${subject} ${clauseHead} ${sentence.lower.slice(hit.start, hit.end)}`
    : instrument
      ? `${verbBefore?.[1] ?? ""} ${following}`
      : following;
  // "a retired general, a former armed forces commander": no longer under arms, a civilian.
  const serving = after.replace(FORMER_SERVICE, " ");
  const armed =
    ARMED_TARGETS.test(serving) ||
    // "attacked four towns, leaving 17 guerrillas and 2 soldiers dead": the dead were fighters.
    /^[^.;]*?\b(?:killing|leaving|left)\s+(?:[\w-]+\s+){0,3}(?:soldiers?|troops|policem[ae]n|guerrillas?|rebels?|militants?|insurgents?|fighters?)\b/.test(
      sentence.lower.slice(hit.end, hit.end + 120),
    ) ||
    (sentence.forces.length > 0 &&
      /\b(?:kill(?:ed|ing)|attack(?:ed|s)?)\b[^.]{0,40}\b(?:soldiers?|troops?|police|officers?|personnel|members)\b/.test(sentence.lower));
  // "U.S. forces killed the ISIS leader": a group's member hit by the other side is an armed clash.
  const groupTargeted = sentence.groups.some(
    (group) =>
      (group.start >= hit.end && group.start - hit.end <= 30) ||
      (instrument && group.end <= hit.start && hit.start - group.end <= 40 && sentence.forces.some((force) => force.end <= group.start)),
  );
  const civilian = CIVILIAN_TARGETS.test(after) && !groupTargeted;
  if (groupTargeted && sentence.forces.some((force) => force.start < hit.start))
    return { eventType: "Battles", subEventType: "Armed clash" };
  if (hit.rule.triggerClass === "armed_attack") {
    if (armed && !civilian) return { eventType: "Battles", subEventType: "Armed clash" };
    // "The residence of the ambassador was attacked", "the attack on the newspaper's offices": a
    // building attacked, no one named as hit and no one hurt, is destruction of property.
    // ("The attack on the church came during morning mass": "the attack" told again, after the
    // sentence that gave its toll, is that attack, not damage to a building.)
    const toldAgain = sentence.index > 0 && /^(?:the|this|that)\s+(?:[a-z-]+\s+)?$/.test(sentence.lower.slice(0, hit.start));
    // (A car with someone in it is an attack on them: "his car was shot at", "an attack on the car
    // in which he was travelling".)
    const occupied =
      /\b(?:his|her|their)\s+(?:[a-z-]+\s+)?(?:car|vehicle|truck|jeep|motorcade)\b|\b(?:car|vehicle|truck|jeep|bus)\s+(?:in which|carrying|transporting)\b/.test(
        sentence.lower,
      );
    // ("the shooting of private vehicles, Red Cross vehicles, and reporters": people in the list.)
    const listed = /^\s+(?:of|on|against|at)\s+([^.;:"]*)/.exec(sentence.lower.slice(hit.end, hit.end + 120))?.[1] ?? "";
    if (
      !civilian &&
      !toldAgain &&
      !occupied &&
      !CIVILIAN_TARGETS.test(listed) &&
      PROPERTY_TARGET.test(after) &&
      !CASUALTY_WORDS.test(sentence.lower)
    )
      return { eventType: "Strategic developments", subEventType: "Looting/property destruction" };
    return { eventType: "Violence against civilians", subEventType: "Attack" };
  }
  if (armed && !civilian) return { eventType: "Battles", subEventType: "Armed clash" };
  return { eventType: "Violence against civilians", subEventType: "Attack" };
}

/** "350 km east of", "20 miles from", "some 30 kilometres north-west of": a distance from a landmark. */
const DISTANCE_FROM =
  /\b\d+(?:[.,]\d+)?\s*(?:km|kms|kilometers?|kilometres?|miles?|mi)\s+(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+)?(?:of|from)\s+(?:the\s+)?(?:(?:city|town|capital|village)\s+(?:of\s+)?)?$/i;

/** A turn to another clause: ", but", "; ", "whereas". */
const CLAUSE_TURN = /,\s*but\b|;|\bwhereas\b/i;

/** Places the event happened at: towns joined by "and" give one event each (ACLED codes per location). */
const LOCATIVE_BEFORE =
  /\b(?:in|at|near|outside|inside|from|of|to|into|toward|towards|between|around|across|and|town|city|village|municipality|department|province|neighborhood|district|jurisdiction|canton|hamlet)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}$/i;

// "the Cano Limon-Covenas oil pipeline", "the San Salvador - Santa Ana highway": the towns a route
// runs between name the route, not where along it the incident happened.
// A route's ends are names: not an Arabic article ("Ras al-Ain on the road") nor a function word.
const ROUTE_END = String.raw`(?!(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|on|the|to|of|in|near|and|from)\b)[\p{L}]+`;
const ROUTE = new RegExp(
  String.raw`\b${ROUTE_END}(?:\s+${ROUTE_END})?\s?-\s?${ROUTE_END}(?:\s+${ROUTE_END}){0,2}?\s+(?:oil\s+)?(?:pipeline|highway|road|railway|railroad)\b`,
  "giu",
);

/** The spans of route names ("Limon-Covenas pipeline") in a sentence. */
function routeSpans(text: string): { start: number; end: number }[] {
  // Most sentences name no route: a plain word test spares the scan from every word.
  if (!/pipeline|highway|road|rail/i.test(text)) return [];
  return allMatches(ROUTE, text).map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/**
 * After a country: a word it qualifies ("U.S. advice"), not the end of a phrase ("of Peru and",
 * "of Iraq, said"), a verb ("of Mali killed") or a time ("of Congo yesterday").
 */
const COUNTRY_AS_ADJECTIVE =
  /^\.?\s+(?!(?:and|or|in|on|at|to|is|was|were|has|had|have|said|says|since|during|after|before|for|by|with|where|which|who|that|this|last|the|a|an|yesterday|today|tonight|overnight|early|late|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)\b)(?![a-z]+ed\b)[a-z]/i;

/** After a country: its mission, government, agencies, forces or people, which act or stand far from it. */
const COUNTRY_BODY_AFTER =
  /^\.?\s+(?:embassy|consulate|mission|congress(?:men)?|congressional|senate|senators?|legislators|government|administration|president|envoy|ambassador|diplomats?|delegation|officials?|state department|intelligence|secret service|(?:southern\s+)?command|army|military|forces|special forces|troops|navy|air force|marines|bases?|installations?|citizens?|nationals?|compan(?:y|ies)|firms?)\b/i;

const OWNER_BEFORE = /\b(?:belong(?:ing|s|ed)?\s+to|owned\s+by|property\s+of|owners?\s+of)\s+$/i;

/** Before a place where something was said: "reported in", "told reporters today in". */
const SPOKEN_IN_BEFORE =
  /\b(?:(?:said|says|reported|announced|stated|declared|disclosed|told (?:reporters|journalists|the press|a news conference))\s+(?:(?:today|yesterday|here|on \w+)\s+)?in|(?:reports?|news|information|cables?|dispatch(?:es)?)\s+(?:(?:we|that)\s+(?:have\s+)?)?(?:received|coming|arriving)\s+(?:in|from)|speech\s+(?:[a-z]+\s+){0,2}in(?:\s+the\s+(?:town|city)\s+of)?)\s+$/;
/** Before a place where someone is based: "the FMLN leaders in Managua", "the commission's branch in San Jose". */
const BASED_IN_BEFORE =
  /\b(?:leaders?|leadership|officials?|representatives?|spokesm[ae]n|spokespersons?|delegations?|delegates|branch|envoys?|ambassadors?|exiles?|headquartered|based)\s+in\s+$/;
/** After a place where something was said: "In Cartagena it was reported that ...". */
const SPOKEN_IN_AFTER =
  /^,?\s+(?:it\s+(?:was|has\s+been)\s+(?:reported|announced|learned|said|disclosed)|(?:sources|officials|authorities)\s+(?:said|reported|announced))\b/;

function placesOf(
  sentence: AnnotatedSentence,
  hit: TriggerHit,
  documentCountries: ReadonlySet<string>,
  allCapitals: boolean,
): PlaceMention[] {
  // A town in a country the report never names is where the event happened only when its country
  // is named in the sentence, or
  // it is a capital after a locative word ("in Damascus", not "Washington would go after"):
  // elsewhere a foreign match is more often a surname, a government or a misread word.
  const named = new Set(sentence.places.filter((place) => place.precision === "country").map((place) => place.country));
  const routes = routeSpans(sentence.text);
  let places = sentence.places.filter(
    (place) =>
      place.precision !== "country" &&
      !routes.some((route) => route.start <= place.start && place.end <= route.end) &&
      // "a radio station belonging to Santiago Jao": an owner is a person, whatever place shares the name.
      !OWNER_BEFORE.test(sentence.text.slice(Math.max(0, place.start - 30), place.start)) &&
      // "A spokesman reported in Lima that soldiers have arrested 22 miners": where it was said.
      !(
        place.end <= hit.start &&
        (SPOKEN_IN_BEFORE.test(sentence.lower.slice(Math.max(0, place.start - 40), place.start)) ||
          BASED_IN_BEFORE.test(sentence.lower.slice(Math.max(0, place.start - 40), place.start)) ||
          SPOKEN_IN_AFTER.test(sentence.lower.slice(place.end, place.end + 40)))
      ) &&
      (documentCountries.size === 0 ||
        (place.country !== null && documentCountries.has(place.country)) ||
        named.has(place.country) ||
        (place.capital && LOCATIVE_BEFORE.test(sentence.text.slice(Math.max(0, place.start - 40), place.start)))) &&
      // In all-capitals copy a surname reads like a town ("ANDERSON LIVED NEAR..."): a small place
      // counts only after a locative word.
      (!allCapitals ||
        place.notable ||
        place.precision === "region" ||
        LOCATIVE_BEFORE.test(sentence.text.slice(Math.max(0, place.start - 40), place.start))),
  );
  if (places.length === 0) {
    // A country is where the event happened only after a locative word ("in Syria"), not as an
    // adjective ("a U.S. military convoy", "Syria's government").
    const countries = sentence.places.filter((place) => {
      if (place.precision !== "country" && place.precision !== "region") return false;
      const before = sentence.text.slice(Math.max(0, place.start - 40), place.start);
      const cue =
        /\b(in|inside|across|throughout|near|at|into|within|of|from|northern|southern|eastern|western|central)\s+(?:the\s+)?$/i.exec(
          before,
        );
      // "in Boni, Mali": the country set after a place the gazetteer does not know there.
      if (cue === null)
        return (
          /\b(?:in|at|near|attacked|outside)\s+(?:[A-Z][\p{L}'’-]*\s+){0,3}[A-Z][\p{L}'’-]*,\s*$/u.test(before) &&
          APPOSITION_END.test(sentence.text.slice(place.end, place.end + 30))
        );
      // "in the U.S. Embassy", "for the benefit of the U.S. Congress": a country's mission, body
      // or forces, wherever they are.
      const after = sentence.text.slice(place.end, place.end + 24);
      if (COUNTRY_BODY_AFTER.test(after)) return false;
      // "ten years of U.S. advice", "a delegation from the U.S. embassy": after "of" or "from", a
      // country that qualifies the next word; not "the north of Mali", "troops of Ethiopia clashed".
      return !(
        /^(?:of|from)$/i.test(cue[1] ?? "") &&
        !/\b(?:north|south|east|west|northeast|northwest|southeast|southwest|centre|center|border|borders|part|parts|interior|outskirts|capital|rest|coast|provinces?|regions?)\s+(?:of|from)\s+(?:the\s+)?$/i.test(
          before,
        ) &&
        COUNTRY_AS_ADJECTIVE.test(after)
      );
    });
    const nearest = countries.find((place) => place.start > hit.start) ?? countries[0];
    return nearest ? [nearest] : [];
  }
  // "In the town of Huancayo, 350 km east of Lima, ...": a place a distance is measured from is a
  // landmark, not where it happened, when the sentence names another place.
  const landmarks = places.filter((place) => DISTANCE_FROM.test(sentence.text.slice(Math.max(0, place.start - 60), place.start)));
  if (landmarks.length > 0 && landmarks.length < places.length) places = places.filter((place) => !landmarks.includes(place));
  const after = places.filter((place) => place.start >= hit.start);
  // With no place after the trigger, the place named last before it.
  // "In Huaraz, the capital of Ancash department, terrorists set fire to...": the town, not its region.
  const lastTown =
    [...places].reverse().find((place) => place.precision === "town" || place.precision === "district") ?? places[places.length - 1];
  if (!lastTown) return [];
  // "in the Chapinero neighborhood of northern Bogota, two bombs exploded": the quarter the town holds.
  const quarter = places.find(
    (place) =>
      place.local &&
      place.end <= lastTown.start &&
      lastTown.start - place.end <= 40 &&
      place.admin1 !== null &&
      place.admin1 === lastTown.admin1 &&
      place.latitude === lastTown.latitude,
  );
  const fallback = quarter ?? lastTown;
  // "... talks in Caracas on 20 November, but after the assassination of 10 labour leaders ...":
  // a place named only before the trigger, across a clause that turns to another matter, is
  // that clause's place, not the incident's.
  if (after.length === 0 && CLAUSE_TURN.test(sentence.text.slice(fallback.end, hit.start))) return [];
  let first = after[0] ?? fallback;
  // "in the Baghdad neighbourhoods of Husseiniyah and Yarmouk": the places named after "of" are
  // where it happened; the first only encloses them.
  // Not "in the Santa Barbara neighborhood of Medellin", where the quarter comes first.
  const next = places.find((place) => place.start > first.start);
  if (
    next &&
    !(
      first.local &&
      !first.unnamed &&
      !next.local &&
      next.population > first.population &&
      /^\s+(?:neighbou?rhood|district|suburb|quarter|barrio|sector)\s+of\b/i.test(sentence.text.slice(first.end, next.start))
    ) &&
    /^\s+(?:city\s+|province\s+)?(?:neighbou?rhoods?|districts?|suburbs?|areas?|towns?|villages?|quarters?)\s+of\s+(?:the\s+)?$/i.test(
      sentence.text.slice(first.end, next.start),
    )
  ) {
    first = next;
  }
  // "a bomb exploded in a district of Medellin known as Las Americas": the quarter the report
  // names by its kind is more precise than the city around it.
  const local = places.find((place) => place.local && !place.unnamed && place.start > first.start && place.start - first.end <= 60);
  if (local && !first.local) first = local;
  const group = [first];
  // Where the list has got to, and whether the last item was a province holding the town before it.
  let end = first.end;
  let afterHolder = false;
  for (const place of places) {
    if (place === first || place.start < first.start) continue;
    const previous = group[group.length - 1]!;
    const between = sentence.text.slice(end, place.start);
    // "in Aipe, Huila department", "in Agua Caliente, Soyapango": the province or town after a comma
    // holds the place before it; it is no second place. The list may go on after it with "and"
    // ("Boko Haram attacked Bama, Borno and Gujba").
    if (
      !afterHolder &&
      /^\s*,\s*$/.test(between) &&
      place.admin1 !== null &&
      place.admin1 === previous.admin1 &&
      (place.precision !== previous.precision || previous.local)
    ) {
      end = place.end;
      afterHolder = true;
      continue;
    }
    const listed = afterHolder
      ? /^\s*(?:and|,\s*and|or)\s*(?:the\s+)?$/i.test(between)
      : // "in Kirkuk city and the eponymous province's towns of Dibis and Tuz Khurmatu"
        /^\s*(?:city\s+)?(?:,|and|,\s*and|or)\s*(?:the\s+)?(?:(?:[\w'’-]+\s+){0,3}?(?:towns?|city|cities|villages?)\s+of\s+)?$/i.test(
          between,
        );
    if (!listed) break;
    group.push(place);
    end = place.end;
    afterHolder = false;
  }
  return group;
}

// Nouns a demonym qualifies when it says where something happened: a country's own forces, officials
// and people ("the Salvadoran army", "Guatemalan students"), not its embassy or diplomats abroad.
const NATIONAL_NOUNS =
  /^(?:army|armed forces|troops|soldiers|military|police|policemen|national guard|air force|guerrillas?|rebels?|insurgents?|death squads?|students?|peasants?|farmers?|workers?|priests?|jesuits?|nuns?|journalists?|newsmen|reporters?|minister|mayor|judges?|magistrates?|senators?|deputy|deputies|congressm[ae]n|legislators?|governors?|union|leaders?|politicians?|civilians?|people|businessm[ae]n|capital|town|city|village|villagers?)\b/i;
// The forces among NATIONAL_NOUNS, and a verb of speech just after them.
const NATIONAL_FORCES =
  /^(?:(?:[A-Za-z]+\s+)?(?:army|armed forces|troops|soldiers|military|police|policemen|national guard|air force|guerrillas?|rebels?|insurgents?|death squads?))\b/i;
const SPEECH_AFTER = /^\s+(?:[A-Za-z]+\s+){0,3}?(?:said|says|reported|told|announced|stated|confirmed|condemned|denounced|mourned)\b/i;
// Powers whose forces and citizens act far from home: their demonym says who, not where.
const EXPEDITIONARY = new Set(["US", "GB", "FR", "RU", "CN"]);

/**
 * A report filed in one country about another ("MANAGUA: ... the Salvadoran army killed six
 * priests") says where by the nationality of the forces or people it names. The country of a
 * demonym before such a noun, when the sentence names no place and it is not the filing country.
 */
function nationalOf(sentence: AnnotatedSentence, context: DocumentContext): string | null {
  if (sentence.places.some((place) => place.precision !== "country")) return null;
  const filed = context.datelinePlace?.country ?? context.mainCountry;
  let foreign: string | null = null;
  for (const match of allMatches(/\b([A-Z][A-Za-z]+)(?=\s+((?:[A-Za-z]+\s+)?[A-Za-z]+(?:\s+[A-Za-z]+)?))/g, sentence.text)) {
    const word = match[1] ?? "";
    if (!/(?:an|ian|ese|ish|i|ean)$/i.test(word)) continue;
    const country = countryOfDemonym(word);
    if (!country || EXPEDITIONARY.has(country)) continue;
    const after = (match[2] ?? "").split(/\s+/);
    if (!NATIONAL_NOUNS.test(after.join(" ")) && !NATIONAL_NOUNS.test(after.slice(1).join(" "))) continue;
    if (country === filed) {
      // "members of the Salvadoran army ... the murder of six Spanish Jesuits" (filed in San
      // Salvador): the filing country's own forces acting in the sentence keep it there, and the
      // other nationality is the victims'. Not its people ("Nicaraguan peasants" killed by the
      // Salvadoran army), nor forces that only speak ("Colombian police said that Venezuelan
      // troops killed five guerrillas").
      const rest = sentence.text.slice((match.index ?? 0) + word.length, (match.index ?? 0) + word.length + 60);
      if (NATIONAL_FORCES.test(rest.trimStart()) && !SPEECH_AFTER.test(rest)) return null;
      continue;
    }
    foreign ??= country;
  }
  return foreign;
}

/**
 * "TOKYO: A truck packed with dynamite exploded in front of the headquarters of Colombia's
 * security police": a report filed abroad about another country, whose sentence names that
 * country in the possessive ("Colombia's") and no place in it, tells of that country.
 */
function abroadNamed(sentence: AnnotatedSentence, context: DocumentContext): string | null {
  const filed = context.datelinePlace?.country;
  if (!filed || sentence.places.some((place) => place.precision !== "country")) return null;
  // Only the country's own, in the possessive: "Colombia's police" (not "ambassador to Spain", nor
  // "the Venezuelan government ordered a trial", which acts on an incident wherever it was).
  const named = new Set<string>();
  for (const place of sentence.places)
    if (place.country && /^['’]s\s/i.test(sentence.text.slice(place.end, place.end + 3))) named.add(place.country);
  if (named.size !== 1) return null;
  const [country] = [...named];
  return country !== undefined && country !== filed && !EXPEDITIONARY.has(country) && context.documentCountries.has(country)
    ? country
    : null;
}

const RESPONSIBILITY =
  /\b(?:claimed (?:responsibility|credit)|(?:is|are|was|were) (?:believed|suspected|thought|said) to (?:have|be)|blamed|responsible for|attributed)\b/;

function pickActors(
  sentence: AnnotatedSentence,
  next: AnnotatedSentence | undefined,
  hit: TriggerHit,
  eventType: EventType,
  country: string | null,
  paragraphGroup: string | null,
): { actor1: string | null; actor2: string | null; perpetratorGroup: string | null } {
  // "... The Shining Path is believed to have planted the device.": a group blamed or claiming in
  // the next sentence is the perpetrator.
  const blamed =
    next && next.paragraph === sentence.paragraph && RESPONSIBILITY.test(next.lower) ? (next.groups[0]?.canonical ?? null) : null;
  // "... Medellin cartel boss Pablo Escobar following the death of nine people in an attack by the
  // Extraditables": the group after "by" did it, whichever the sentence names first.
  const byAgent = /^\s+by\s+(?:the\s+)?/.exec(sentence.lower.slice(hit.end, hit.end + 12));
  const byGroup = byAgent
    ? (sentence.groups.find((g) => g.start >= hit.end + byAgent[0].length - 1 && g.start <= hit.end + byAgent[0].length + 4)?.canonical ??
      null)
    : null;
  const group = byGroup ?? sentence.groups[0]?.canonical ?? blamed;
  const force = sentence.forces[0] ?? null;
  const forceName = force ? force.text.replace(/^(?:the|a)\s+/i, "") : null;
  const perpetratorGroup = group ?? paragraphGroup;
  const stateActs =
    hit.rule.triggerClass === "arrest" ||
    hit.rule.triggerClass === "foiled" ||
    hit.rule.triggerClass === "air_strike" ||
    hit.rule.triggerClass === "territory_regained" ||
    hit.rule.triggerClass === "security_operation";
  if (stateActs) {
    let actor1 = forceName;
    if (!actor1 && (hit.rule.triggerClass === "arrest" || hit.rule.triggerClass === "foiled") && country) {
      const demonym = demonymOf(country);
      actor1 = demonym ? `${demonym} security forces` : null;
    }
    return {
      actor1,
      actor2: group ?? (perpetratorGroup && eventType !== "Explosions/Remote violence" ? perpetratorGroup : null),
      perpetratorGroup,
    };
  }
  // "The bomb squad defused a bomb the FMLN had planted": the squad made it safe; the bomber is the actor.
  if (hit.rule.triggerClass === "defused") return { actor1: group, actor2: null, perpetratorGroup };
  // Who acted: the actor named before the trigger, or after "by".
  const byMatch = /\bby\s+(?:the\s+)?/.exec(sentence.lower.slice(hit.end, hit.end + 80));
  const candidates = [
    ...sentence.groups.map((g) => ({ name: g.canonical, start: g.start })),
    ...sentence.forces.map((f) => ({ name: f.text.replace(/^(?:the|a)\s+/i, ""), start: f.start })),
  ].sort((a, b) => a.start - b.start);
  let actor1: string | null = null;
  if (byMatch) {
    const byAt = hit.end + byMatch.index;
    actor1 = candidates.find((c) => c.start >= byAt && c.start <= byAt + 20)?.name ?? null;
  }
  actor1 ??= candidates.filter((c) => c.start < hit.start).pop()?.name ?? group ?? null;
  const actor2 = candidates.find((c) => c.name !== actor1)?.name ?? null;
  return { actor1, actor2, perpetratorGroup };
}

function statusOf(sentence: AnnotatedSentence, hit: TriggerHit): EventStatus {
  if (hit.rule.triggerClass === "foiled") return "foiled";
  if (hit.rule.triggerClass === "defused") return "attempted";
  const window = sentence.lower;
  // (The trigger's own words do not count: "an attempt on the life of the judge" names the attack.)
  if (ATTEMPT_CUES.test(window.slice(0, hit.start) + " ".repeat(hit.end - hit.start) + window.slice(hit.end))) return "attempted";
  if (ALLEGED_CUES.test(window.slice(Math.max(0, hit.start - 40), hit.end + 20))) return "alleged";
  // "IS claimed an attack on a checkpoint near Kirkuk": known only from the group's own claim,
  // when nobody else in the sentence reports it.
  const claim =
    CLAIM_CUES.exec(window.slice(0, hit.start)) ?? /\bclaim(?:ed|s)\s+(?:an?|the)\s+(?:\w+\s+){0,2}$/.exec(window.slice(0, hit.start));
  if (
    claim &&
    sentence.groups.some((group) => group.start < claim.index) &&
    sentence.attributions.every((a) => sentence.groups.some((g) => a.source.includes(g.text)))
  ) {
    return "claimed";
  }
  return "occurred";
}

function evidenceOf(context: DocumentContext, sentence: AnnotatedSentence): Evidence {
  return { documentId: context.documentId, start: sentence.start, end: sentence.end, text: sentence.text };
}

/** "in an attack on", "during the raid": the words that make a toll before them the attack's. */
const TOLL_OF_ATTACK = /^[^.;:]{0,60}?\b(?:in|during)\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,2}$/;

/**
 * Of a sentence's casualty and attack words, the one that says what happened: the first, except
 * that "two people were killed ... in an attack on the military post" is the attack, with its
 * toll (ACLED types by the attack and its target, not by the word the toll is told with).
 */
function tollOf(sentence: AnnotatedSentence, hits: readonly TriggerHit[]): TriggerHit {
  const first = hits[0]!;
  if (first.rule.triggerClass !== "killing") return first;
  const attack = hits.find(
    (hit) =>
      hit.rule.triggerClass === "armed_attack" && hit.start > first.end && TOLL_OF_ATTACK.test(sentence.lower.slice(first.end, hit.start)),
  );
  return attack ?? first;
}

const ARREST_IN_BATTLE =
  /^[^.;]{0,40}?\b(?:after|during|in)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:clash|clashes|fighting|battles?|combat|firefights?|engagements?)\b/;

/** State forces as the subject just before a verb. */
const STATE_SUBJECT_BEFORE =
  /\b(?:army|troops|soldiers|police|security forces|armed forces|military|government forces|national guard)\s+(?:(?:later|then|again|finally|soon|quickly|also)\s+)?$/;

/**
 * "Conducted lightning attacks on those positions and then withdrew from the area": attackers
 * leaving the place of their attack, the attack's end; not a base or a town handed over.
 */
function isRetreat(sentence: AnnotatedSentence, hit: TriggerHit, found: readonly TriggerHit[]): boolean {
  if (hit.rule.triggerClass !== "withdrawal") return false;
  return (
    /\b(?:and\s+)?then\s+$|\band\s+$/.test(sentence.lower.slice(Math.max(0, hit.start - 12), hit.start)) &&
    found.some((other) => other.start < hit.start && (other.rule.triggerClass === "armed_attack" || other.rule.triggerClass === "clash"))
  );
}

function mentionsInSentence(
  context: DocumentContext,
  sentence: AnnotatedSentence,
  next: AnnotatedSentence | undefined,
  paragraphGroup: string | null,
  previousCountry: string | null,
  paragraphPlace: PlaceMention | null,
): EventMention[] {
  // A question ("How can 40 men not hear shots being fired?") reports nothing.
  if (/\?["'”’)\]]*$/.test(sentence.text.trim())) return [];
  const found = triggerHits(sentence);
  const hits = found.filter(
    (hit) =>
      !isHypothetical(sentence, hit) &&
      !isPattern(sentence, hit) &&
      !isSeizure(sentence, hit) &&
      !isNoArrest(sentence, hit) &&
      !isAccident(sentence, hit) &&
      !isSearchRaid(sentence, hit) &&
      !isFigurative(sentence, hit) &&
      !isProtestTargeted(sentence, hit, found) &&
      !isDamageAlsoDone(sentence, hit) &&
      !isRetreat(sentence, hit, found),
  );
  if (hits.length === 0) return [];
  // Casualty words that follow a pattern or a plan ("attacks continued, killing dozens") are part of
  // it: a set-aside trigger before the first kept one. (Not a protest that was only the target:
  // "opened fire on protesters, killing 12"; nor a plan told after the incident: "attacked the
  // prison in an attempt to free detained members".)
  const firstKept = hits[0]?.start ?? 0;
  if (
    !hits.some((hit) => !hit.rule.generic) &&
    found.some((hit) => !hit.rule.generic && hit.start < firstKept && !isProtestTargeted(sentence, hit, found))
  )
    return [];
  if (isAggregateStatement(sentence)) return [];
  // "Several ambushes, attacks, and sabotage ... were carried out in several places throughout the
  // country": a summary of many incidents, none of them told (unless a town is named).
  if (
    SPREAD_OUT.test(sentence.lower) &&
    !sentence.places.some((place) => place.precision === "town" || place.precision === "district" || place.precision === "point")
  )
    return [];
  const specific = hits.filter((hit) => !hit.rule.generic);
  // "Checkpoint shootings and bomb blasts", "a car bomb, a roadside blast and a shooting": a
  // shooting listed beside a bombing is an incident of its own, not the bombing's casualties.
  const listed = hits.filter(
    (hit) =>
      hit.rule.triggerClass === "armed_attack" &&
      /^shootings?$/.test(sentence.lower.slice(hit.start, hit.end)) &&
      specific.some((other) => {
        const between = hit.end <= other.start ? sentence.lower.slice(hit.end, other.start) : sentence.lower.slice(other.end, hit.start);
        return between.length <= 30 && /^(?:\s+and\s+|,\s+|,?\s+and\s+)(?:an?\s+)?(?:[a-z-]+\s+){0,2}$/.test(between);
      }),
  );
  // "A bomb destroyed two shops": the damage an explosion did is part of the explosion.
  const exploded = specific.some((hit) => hit.rule.eventType === "Explosions/Remote violence");
  const ownAct = specific.filter(
    (hit) =>
      !(
        exploded &&
        hit.rule.triggerClass === "property_destruction" &&
        /\b(?:destroyed|damaged|wrecked)\b/.test(sentence.lower.slice(hit.start, hit.end))
      ),
  );
  const chosen = ownAct.length > 0 ? [...ownAct, ...listed] : specific.length > 0 ? [] : [tollOf(sentence, hits)];
  // "During the Soacha demonstration, during which Galan was killed": a peaceful protest has no
  // toll (ACLED), so a killing told with it, with no state force firing on it, is an attack of its own.
  if (ownAct.length > 0 && ownAct.every((hit) => hit.rule.triggerClass === "protest" && !isStateViolenceOnProtest(sentence, hit, found))) {
    const killing = hits.find((hit) => killedAtProtest(sentence, hit));
    if (killing) chosen.push(killing);
  }
  // Casualty words alone name one toll, unless they are dated to different days of their own.
  if (specific.length === 0 && chosen[0] !== undefined) {
    const days = new Set([ownDay(sentence, chosen[0], context)]);
    for (const hit of hits) {
      if (hit.rule.triggerClass !== chosen[0].rule.triggerClass) continue;
      const day = ownDay(sentence, hit, context);
      if (day === null || days.has(day)) continue;
      days.add(day);
      chosen.push(hit);
    }
  }
  // "killed 12 people in Konduga on Sunday and abducted 20 women in Gwoza on Monday": casualty
  // words dated to a day of their own, apart from every specific trigger's, tell their own incident.
  if (ownAct.length > 0) {
    const days = new Set(ownAct.map((hit) => ownDay(sentence, hit, context)));
    for (const hit of hits) {
      if (!hit.rule.generic || chosen.includes(hit)) continue;
      const day = ownDay(sentence, hit, context);
      if (day === null || days.has(day)) continue;
      // (Or told in a relative clause of its own: "arrested 15,000 people in a dragnet for the
      // assassins of X, who was murdered yesterday".)
      // (Or named with its victim and its own day: "arrested ... for the assassination of six
      // Jesuits on 16 November".)
      const named =
        INCIDENT_NOUN.test(sentence.lower.slice(hit.start, hit.end)) &&
        /^\s+of\s/.test(sentence.lower.slice(hit.end, hit.end + 5)) &&
        sentence.dates.some(
          (date) =>
            date.value?.length === 10 &&
            date.start > hit.end &&
            date.start - hit.end <= 80 &&
            toldWithNoun(sentence.lower.slice(hit.end, date.start)) &&
            !/\band\b/.test(sentence.lower.slice(hit.end, date.start)),
        );
      if (
        !named &&
        !ownAct.every((other) => apartIn(sentence, other, hit, context) || /,\s+(?:who|which)\s/.test(between(sentence, other, hit)))
      )
        continue;
      days.add(day);
      chosen.push(hit);
    }
  }
  // One mention per event type in a sentence; the first rule in TRIGGER_RULES order wins the sub-type.
  // A second trigger of the type dated to another day of its own ("the murder on 26 February of
  // the mayor and the murder on 27 February of six followers") is another incident, keyed by its day.
  const byType = new Map<string, { hit: TriggerHit; eventType: EventType; subEventType: string }>();
  // "On 6 September three bombs exploded -- three others were defused": the blasts are the incident
  // the sentence tells; the defusal would otherwise take the type (its rule comes first).
  const blastToo =
    chosen.some((hit) => hit.rule.triggerClass === "defused") &&
    chosen.some((hit) => hit.rule.eventType === "Explosions/Remote violence" && hit.rule.triggerClass !== "defused") &&
    WENT_OFF.test(sentence.lower);
  const ordered = chosen
    .filter((hit) => !blastToo || hit.rule.triggerClass !== "defused")
    .sort((a, b) => TRIGGER_RULES.indexOf(a.rule) - TRIGGER_RULES.indexOf(b.rule));
  for (const hit of ordered) {
    const typed = hit.rule.generic
      ? typeOfGenericHit(sentence, hit)
      : // "After which the army took control of that entire area": the state's forces taking an area
        // back (ACLED: government regains territory), not a group overtaking it.
        hit.rule.triggerClass === "territory_taken" &&
          STATE_SUBJECT_BEFORE.test(sentence.lower.slice(Math.max(0, hit.start - 40), hit.start))
        ? { eventType: "Battles" as const, subEventType: "Government regains territory" }
        : { eventType: hit.rule.eventType, subEventType: hit.rule.subEventType };
    const listedShooting = listed.includes(hit);
    // A listed shooting at a checkpoint or a patrol is a clash; the target may stand before it.
    const shootingType: { eventType: EventType; subEventType: string } | null = listedShooting
      ? ARMED_TARGETS.test(sentence.lower.slice(Math.max(0, hit.start - 25), hit.end + 60))
        ? { eventType: "Battles", subEventType: "Armed clash" }
        : { eventType: "Violence against civilians", subEventType: "Attack" }
      : null;
    // "Police opened fire on protesters, killing two": the state's forces' violence against a
    // protest (ACLED's excessive force against protesters).
    const entry =
      shootingType ??
      (hit.rule.triggerClass === "protest" && isStateViolenceOnProtest(sentence, hit, found)
        ? { eventType: typed.eventType, subEventType: "Excessive force against protesters" }
        : isAmbushOfCivilians(sentence, hit)
          ? { eventType: "Violence against civilians" as const, subEventType: "Attack" }
          : typed);
    const first = byType.get(entry.eventType);
    if (first === undefined) byType.set(entry.eventType, { hit, ...entry });
    else {
      const day = ownDay(sentence, hit, context);
      const firstDay = ownDay(sentence, first.hit, context);
      // ("killed 12 people in Konduga on Sunday and abducted 20 women in Gwoza on Monday": two
      // kinds of one type, each with its day, are two incidents as well.)
      if (
        (hit.rule.triggerClass === first.hit.rule.triggerClass || apartIn(sentence, first.hit, hit, context)) &&
        day !== null &&
        firstDay !== null &&
        day !== firstDay &&
        !byType.has(`${entry.eventType}@${day}`)
      )
        byType.set(`${entry.eventType}@${day}`, { hit, ...entry });
      // "Two explosions in Husseiniyah killed four, while a car bomb in the town of Tarmiyah hurt
      // nine": a second trigger of the type in a clause of its own, at a place of its own.
      else if (ownClause(sentence, first.hit, hit) && !byType.has(`${entry.eventType}#${hit.start}`)) {
        const firstPlaces = placesOf(sentence, first.hit, context.documentCountries, context.allCapitals);
        const ownPlaces = placesOf(sentence, hit, context.documentCountries, context.allCapitals);
        if (
          ownPlaces.length > 0 &&
          firstPlaces.length > 0 &&
          ownPlaces.every((place) => place.start > hit.start && !firstPlaces.some((other) => other.name === place.name))
        )
          byType.set(`${entry.eventType}#${hit.start}`, { hit, ...entry });
      }
    }
  }

  /** Drops a type's mention, with those of other days split off it. */
  const dropType = (eventType: EventType): void => {
    for (const key of [...byType.keys()]) if (key === eventType || key.startsWith(`${eventType}@`)) byType.delete(key);
  };

  // "Two rebels were killed and four arrested after clashes": people taken in a battle are part of
  // it (ACLED codes an arrest apart when it is the event itself), not an arrest event of their own.
  const arrest = byType.get("Strategic developments");
  if (
    arrest?.hit.rule.triggerClass === "arrest" &&
    byType.get("Battles")?.hit.rule.triggerClass === "clash" &&
    ARREST_IN_BATTLE.test(sentence.lower.slice(arrest.hit.end, arrest.hit.end + 80))
  )
    dropType("Strategic developments");
  // A foiled bombing is not also a bombing; demonstrators burning buses are a riot, not a protest
  // and a separate act of destruction (ACLED: "Violent demonstration").
  if (byType.has("Strategic developments") && byType.get("Strategic developments")?.hit.rule.triggerClass === "foiled")
    dropType("Explosions/Remote violence");
  const protest = byType.get("Protests");
  const attack = byType.get("Violence against civilians");
  if (
    protest &&
    (byType.get("Strategic developments")?.hit.rule.triggerClass === "property_destruction" ||
      (attack !== undefined && !killedAtProtest(sentence, attack.hit)) ||
      // "Demonstrators killed a policeman": the crowd's own violence, whoever was hit.
      hits.some(
        (hit) =>
          (hit.rule.triggerClass === "killing" || hit.rule.triggerClass === "armed_attack") &&
          CROWD_BEFORE.test(sentence.lower.slice(Math.max(0, hit.start - 40), hit.start)),
      ) ||
      byType.has("Riots"))
  ) {
    dropType("Protests");
    if (byType.get("Strategic developments")?.hit.rule.triggerClass === "property_destruction") dropType("Strategic developments");
    dropType("Violence against civilians");
    byType.set("Riots", { hit: protest.hit, eventType: "Riots", subEventType: "Violent demonstration" });
  }
  const fatalities = findFatalities(sentence);
  // Incidents of several days in one sentence: each toll is read in its own stretch of the
  // sentence, from its trigger to the next's (the first's from the sentence's start).
  const entries = [...byType.values()];
  // Most sentences give one mention: their days are not looked at. Incidents split by day or by
  // clause and place each read their toll in their own part of the sentence.
  const splitIncidents =
    (entries.length > 1 && new Set(entries.map((entry) => ownDay(sentence, entry.hit, context)).filter((day) => day !== null)).size > 1) ||
    [...byType.keys()].some((key) => key.includes("#"));
  // Each incident's stretch starts at the clause break before its trigger ("Six people were killed
  // on 26 February, and four people were killed on 27 February": the second toll stands before
  // its trigger), or at the trigger when no break comes between it and the one before.
  const starts = entries
    .map((entry) => entry.hit)
    .sort((a, b) => a.start - b.start)
    .map((hit, index, hits) => {
      if (index === 0) return { hit, from: 0 };
      const between = sentence.lower.slice(hits[index - 1]!.end, hit.start);
      const breaks = allMatches(/,\s+(?:and\s+|while\s+|but\s+)?|;\s+|\s+and\s+/g, between);
      const last = breaks[breaks.length - 1];
      return { hit, from: last === undefined ? hit.start : hits[index - 1]!.end + last.index };
    });
  const mentions: EventMention[] = [];
  for (const { hit, eventType, subEventType } of entries) {
    const at = starts.findIndex((start) => start.hit === hit);
    const from = starts[at]?.from ?? 0;
    const until = starts[at + 1]?.from ?? sentence.lower.length;
    const toll = splitIncidents ? findFatalities(sentencePart(sentence, from, until)) : fatalities;
    const { date, explicit } = dateOf(sentence, hit, context);
    const places = placesOf(sentence, hit, context.documentCountries, context.allCapitals);
    const placeList: (PlaceMention | null)[] = places.length > 0 ? places : [null];
    // Wire copy says where it was filed: the lead's incident, or one "here" or "in the capital",
    // happened there unless the report names another place for it (applied after merging).
    const filedHere = sentence.index <= 1 || /\b(?:here|this capital|in the capital)\b/.test(sentence.lower);
    for (const place of placeList) {
      // With nothing else to go on, a group's main theatre ("CLANDESTINE, 19 OCT 89 -- the FMLN ...").
      const theatre = sentence.groups[0]?.country ?? null;
      const country =
        place?.country ??
        nationalOf(sentence, context) ??
        abroadNamed(sentence, context) ??
        previousCountry ??
        context.mainCountry ??
        theatre;
      const actors = pickActors(sentence, next, hit, eventType, country, paragraphGroup);
      // "the attack" refers back; "the assassination of six priests" reports an incident in full.
      const complement = /^\s+(?:of|on|against|at|in)\s/.test(sentence.lower.slice(hit.end, hit.end + 12));
      // "The last attack with similar characteristics occurred in June": an earlier incident, told with its own date.
      const earlierOne = explicit && EARLIER_ONE_BEFORE.test(sentence.lower.slice(Math.max(0, hit.start - 30), hit.start));
      // "Another explosion occurred in the south of Bogota", "another U.S. citizen was kidnapped on 12 February".
      const another =
        (INCIDENT_NAMED.test(sentence.lower.slice(hit.start, hit.end)) &&
          ANOTHER_BEFORE.test(sentence.lower.slice(Math.max(0, hit.start - 30), hit.start))) ||
        ANOTHER_LEAD.test(sentence.lower.slice(0, hit.start));
      const anaphoric =
        !complement &&
        !earlierOne &&
        !another &&
        // ("Commandos this morning killed an employee": a time, not a reference back.)
        !TIME_THIS_BEFORE.test(sentence.lower.slice(Math.max(0, hit.start - 30), hit.start)) &&
        (hit.rule.generic || /^(?:explosion|blast|bomb|attack)/.test(sentence.lower.slice(hit.start, hit.end))) &&
        ANAPHORIC_BEFORE.test(sentence.lower.slice(Math.max(0, hit.start - 30), hit.start));
      mentions.push({
        anaphoric,
        earlierOne: earlierOne || another,
        // ("At that moment, a grenade hit his car": a device or a kidnapping told as news is an act,
        // not commentary, with no particular; not one named as known: "the persons who kidnapped
        // the three men", "charges over the bombing".)
        toldAsAct:
          !hit.rule.generic &&
          !anaphoric &&
          (hit.rule.eventType === "Explosions/Remote violence" || hit.rule.triggerClass === "abduction") &&
          // (Not the doers: "her kidnappers", "the bombers".)
          !/ers?$/.test(sentence.lower.slice(hit.start, hit.end)) &&
          !KNOWN_ACT_BEFORE.test(sentence.lower.slice(Math.max(0, hit.start - 40), hit.start)),
        namedByDay: anaphoric && DAY_POSSESSIVE_BEFORE.test(sentence.lower.slice(Math.max(0, hit.start - 30), hit.start)),
        additionalToll: /\b(?:was|were)\s+also\s+(?:killed|murdered|shot dead|slain)\b|\balso\s+(?:died|killed)\b/.test(sentence.lower),
        timeReference:
          TIME_REFERENCE_BEFORE.test(sentence.lower.slice(Math.max(0, hit.start - 40), hit.start)) || isKnownIncident(sentence, hit),
        eventType,
        subEventType,
        generic: hit.rule.generic && !listed.includes(hit),
        triggerClass: hit.rule.triggerClass,
        damageOnly:
          hit.rule.triggerClass === "property_destruction" &&
          /\b(?:destroyed|damaged|wrecked)\b/.test(sentence.lower.slice(hit.start, hit.end)),
        sentenceIndex: sentence.index,
        paragraph: sentence.paragraph,
        eventDate: date,
        dateExplicit: explicit,
        place: place && place.precision !== "country" ? place : null,
        nearPlace: place !== null && NEAR_BEFORE.test(sentence.lower.slice(Math.max(0, place.start - 25), place.start)) ? place.name : null,
        country,
        ...actors,
        stateForce: sentence.forces[0]?.text.replace(/^(?:the|a)\s+/i, "") ?? null,
        victimWords: victimWordsOf(sentence, hit),
        deliberate: /^(?:murder|assassinat|massacre|execut)/.test(sentence.lower.slice(hit.start, hit.end)),
        filedHere,
        paragraphPlace,
        fatalities: placeList.length > 1 ? null : toll,
        status: statusOf(sentence, hit),
        sources: sentence.attributions.map((attribution) => attribution.source),
        evidence: [evidenceOf(context, sentence)],
      });
    }
  }
  return mentions;
}

const VICTIM_STOP = new Set([
  "the",
  "and",
  "his",
  "her",
  "their",
  "two",
  "three",
  "four",
  "five",
  "six",
  "other",
  "others",
  "former",
  "leader",
  "president",
  "minister",
  "father",
  "priest",
  "priests",
  "people",
  "persons",
  "members",
  "civilians",
  "soldiers",
  "some",
  "several",
  "this",
  "that",
  "with",
  "from",
  "who",
  "were",
  "was",
  "have",
  "been",
  "also",
  "jesuit",
  "jesuits",
  "mayor",
  "judge",
  "journalist",
  "director",
  "businessman",
  "candidate",
  "presidential",
  "liberal",
  "national",
  "leftist",
  "more",
  // A date inside the phrase ("the murder on 26 February of the mayor") says when, not who.
  ...MONTH_NAMES,
  "morning",
  "afternoon",
  "evening",
  "night",
]);

/** Distinctive words of the victim phrase: after "of" for a noun ("the murder of X"), before "was" for a verb. */
function victimWordsOf(sentence: AnnotatedSentence, hit: TriggerHit): string[] {
  const after = /^\s+(?:of|against|on)\s+([^,.;:()"]{3,80})/.exec(sentence.lower.slice(hit.end));
  const window = sentence.lower.slice(Math.max(0, hit.start - 90), hit.start);
  // (The capture scans every start in the window: run it only where a passive verb ends it.)
  const before = /\b(?:was|were|been)\s+(?:\w+\s+)?$/.test(window)
    ? /([^,.;:()"]{3,80})\s+(?:was|were|had been|has been|have been)\s+(?:\w+\s+)?$/.exec(window)
    : null;
  // "the murder of the mayor and the murder of six followers": the phrase ends where the next begins.
  const phrase = (after?.[1] ?? before?.[1] ?? "").split(/\s+and\s+(?:the|a|an)\s+/)[0] ?? "";
  return phrase
    .split(/[^a-z]+/)
    .filter((word) => word.length >= 4 && !VICTIM_STOP.has(word))
    .slice(0, 6);
}

function sameVictim(a: EventMention, b: EventMention): boolean {
  return a.victimWords.some((word) => b.victimWords.includes(word));
}

function datesCompatible(a: EventMention, b: EventMention): boolean {
  if (!a.eventDate || !b.eventDate || !a.dateExplicit || !b.dateExplicit) return true;
  const n = Math.min(a.eventDate.length, b.eventDate.length);
  return a.eventDate.slice(0, n) === b.eventDate.slice(0, n);
}

function placesCompatible(a: EventMention, b: EventMention): boolean {
  if (a.country && b.country && a.country !== b.country) return false;
  if (!a.place || !b.place) return true;
  return (
    a.place.name === b.place.name ||
    // "An attack near San Salvador ... his car was shot at near the town of Zaragoza, 10 km from San Salvador".
    ((a.nearPlace === a.place.name || b.nearPlace === b.place.name) && (kilometresApart(a.place, b.place) ?? Infinity) <= NEAR_KM) ||
    (a.place.admin1 !== null && a.place.admin1 === b.place.admin1 && (a.place.precision === "region" || b.place.precision === "region"))
  );
}

/**
 * Whether a later mention refers to an earlier event. A mention that names its own place and date
 * merges only when both agree; one that names neither ("the explosion damaged furniture") joins
 * the closest earlier event of its type.
 */
function sameIncident(earlier: EventMention, later: EventMention): boolean {
  if (earlier.eventType !== later.eventType) return false;
  if (later.earlierOne) return false;
  // A device made safe is not the one that went off: the bomb it names was taken in already when
  // told just before (extractEvents), so an explosion further back, or one told after that went
  // off, is another device. (A bomb told as one that failed may be the one defused.)
  if (later.triggerClass === "defused" && earlier.triggerClass !== "defused" && earlier.status !== "attempted") return false;
  if (earlier.triggerClass === "defused" && later.triggerClass !== "defused" && WENT_OFF.test(later.evidence[0]?.text ?? "")) return false;
  // "After the killing of the Jesuits, ...": the report has told of that killing already, however
  // far back; a time reference that conflicts with nothing is that incident.
  // (Its country too may be only the report's or the victims' nationality: "the Guatemalan
  // foreign ministry condemned the assassination of Salvadoran leader Oqueli", filed in Guatemala.)
  if (later.timeReference && datesCompatible(earlier, later) && (placesCompatible(earlier, later) || later.place === null)) return true;
  // The same person killed or taken is the same incident, however the report dates it later on.
  if (sameVictim(earlier, later) && (earlier.eventType === "Violence against civilians" || earlier.eventType === "Battles")) return true;
  if (!datesCompatible(earlier, later) || !placesCompatible(earlier, later)) return false;
  const laterIsBare = !later.place && !later.dateExplicit;
  const earlierIsBare = !earlier.place && !earlier.dateExplicit;
  if (laterIsBare || earlierIsBare)
    return later.sentenceIndex - earlier.sentenceIndex <= 6 || earlier.eventType !== "Violence against civilians";
  // Nothing the two mentions say conflicts (compatible dates and places were checked above), and
  // they are close in the report: one incident told twice.
  return later.sentenceIndex - earlier.sentenceIndex <= 8;
}

function mergeInto(target: EventMention, other: EventMention): void {
  if (target.generic && !other.generic) {
    target.subEventType = other.subEventType;
    target.generic = false;
    target.triggerClass = other.triggerClass;
  }
  if (!target.dateExplicit && other.dateExplicit) {
    target.eventDate = other.eventDate;
    target.dateExplicit = true;
  } else if (
    target.dateExplicit &&
    other.dateExplicit &&
    other.eventDate &&
    target.eventDate &&
    other.eventDate.length > target.eventDate.length
  ) {
    target.eventDate = other.eventDate;
  }
  if (!target.place && other.place) target.place = other.place;
  if (target.place && other.place && other.place.precision === "town" && target.place.precision === "region") target.place = other.place;
  // A later sentence naming the quarter or village ("in the Olaya neighbourhood") makes the city precise.
  else if (
    target.place &&
    other.place?.local &&
    !other.place.unnamed &&
    !target.place.local &&
    target.place.country === other.place.country
  )
    target.place = other.place;
  target.country ??= other.country;
  target.actor1 ??= other.actor1;
  target.actor2 ??= other.actor2;
  target.perpetratorGroup ??= other.perpetratorGroup;
  // The first toll reported stays: later sentences often give totals for the day or the month;
  // but "a councilman was also killed" adds to it.
  if (target.fatalities === null) target.fatalities = other.fatalities;
  else if (other.additionalToll && other.fatalities !== null) target.fatalities += other.fatalities;
  // A foiled or attempted attack stays so; an incident reported as having happened stays
  // "occurred" when a later sentence says it was claimed; a claim alone is confirmed by a report.
  if (other.status === "foiled" || (target.status === "occurred" && other.status === "attempted")) target.status = other.status;
  else if (target.status === "claimed" && other.status === "occurred") target.status = "occurred";
  for (const source of other.sources) if (!target.sources.includes(source)) target.sources.push(source);
  for (const span of other.evidence) if (!target.evidence.some((e) => e.start === span.start)) target.evidence.push(span);
  for (const word of other.victimWords) if (!target.victimWords.includes(word)) target.victimWords.push(word);
  target.filedHere ||= other.filedHere;
}

/** Adds what an elaborating sentence says (casualties, sources, evidence) without changing the type. */
function mergeDetails(target: EventMention, other: EventMention): void {
  const { eventType, subEventType, generic, triggerClass } = target;
  mergeInto(target, other);
  Object.assign(target, { eventType, subEventType, generic, triggerClass });
}

/**
 * "During the demonstration, during which Galan was killed": someone killed at a protest, with no
 * word that the crowd did it, was attacked; the protest stays what it was ("demonstrators killed a
 * policeman" is a riot).
 */
function killedAtProtest(sentence: AnnotatedSentence, hit: TriggerHit): boolean {
  return (
    hit.rule.triggerClass === "killing" &&
    /\b(?:was|were|had been|has been|have been)\s+(?:\w+\s+)?$/.test(sentence.lower.slice(Math.max(0, hit.start - 30), hit.start)) &&
    !CROWD_AGENT_AFTER.test(sentence.lower.slice(hit.end))
  );
}

/** Who makes up a protest's crowd. */
const CROWD = "demonstrators|protesters|protestors|rioters|marchers|mob|crowd";
/** "... was killed by the demonstrators": the crowd as the agent after a passive verb. */
const CROWD_AGENT_AFTER = new RegExp(String.raw`^\s+by\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:${CROWD})\b`);
/** "Demonstrators killed a policeman": the crowd as the subject just before the verb. */
const CROWD_BEFORE = new RegExp(String.raw`\b(?:${CROWD})\s+(?:[a-z]+\s+){0,2}$`);

/** Incidents that cause no casualties of their own. */
const NOT_A_CAUSE: ReadonlySet<TriggerRule["triggerClass"]> = new Set([
  "arrest",
  "agreement",
  "withdrawal",
  "foiled",
  "defused",
  "protest",
]);

/** A quarter word after a name: "Olaya neighborhood", "San Benito district". */
const QUARTER_AFTER = /^\s+(?:neighbou?rhoods?|barrios?|quarters?|districts?|sectors?|suburbs?)\b/i;

const SAME_TIME =
  /^\s*(?:at (?:about |around |roughly )?the same time|simultaneously|at the same moment|minutes later|moments later|shortly (?:afterwards?|after that)|(?:a few |several )?minutes afterwards?)\b/i;

/** A device that went off. */
const WENT_OFF = /\b(?:explo(?:ded|sions?)|blasts?|went off|detonated|blew up)\b/i;

const ANOTHER_DEVICE =
  /\b(?:another|a second|a third|other|more)\s+(?:[a-z]+\s+){0,2}(?:bombs?|charges?|devices?|explosives?|mines?|grenades?|packages?)\b/i;

/** Whether a sentence after `from`, up to `to`, introduces another explosive device. */
function anotherDeviceBetween(context: DocumentContext, from: number, to: number): boolean {
  for (let index = from + 1; index <= to; index++) if (ANOTHER_DEVICE.test(context.sentences[index]?.text ?? "")) return true;
  return false;
}

export function extractEvents(context: DocumentContext): { events: Event[]; places: Place[] } {
  const mentions: EventMention[] = [];
  let paragraphGroup: string | null = null;
  let currentParagraph = -1;
  let previousCountry: string | null = null;
  let paragraphPlace: PlaceMention | null = null;
  context.sentences.forEach((sentence, index) => {
    if (sentence.paragraph !== currentParagraph) {
      currentParagraph = sentence.paragraph;
      previousCountry = null;
      paragraphPlace = null;
    }
    const found = mentionsInSentence(
      context,
      sentence,
      context.sentences[index + 1],
      paragraphGroup ?? sentence.groups[0]?.canonical ?? null,
      previousCountry,
      paragraphPlace,
    );
    // "At the same time, bombs exploded in ...": an incident told as simultaneous with the one
    // before it took place on its day, whatever the report's own date.
    const previous = SAME_TIME.test(sentence.text)
      ? mentions.findLast((mention) => mention.dateExplicit && !mention.damageOnly)
      : undefined;
    if (previous && sentence.index - previous.sentenceIndex <= 6) {
      // Only a date the sentence itself gives stands (the lead's fallback to the report's month does not).
      const ownDate = sentence.dates.some((date) => date.value !== null || date.kind === "period");
      for (const mention of found) {
        if (ownDate) continue;
        mention.eventDate = previous.eventDate;
        mention.dateExplicit = true;
      }
    }
    mentions.push(...found);
    if (sentence.groups.length > 0) paragraphGroup = sentence.groups[sentence.groups.length - 1]!.canonical;
    // A place in a country the report never names (a loose match abroad) does not set the paragraph's country.
    const countryHere = sentence.places.find(
      (place) =>
        place.country &&
        place.precision !== "country" &&
        (context.documentCountries.size === 0 || context.documentCountries.has(place.country)),
    )?.country;
    if (countryHere) previousCountry = countryHere;
    const townHere = [...sentence.places]
      .reverse()
      .find(
        (place) =>
          (place.precision === "town" || place.precision === "district") &&
          place.country !== null &&
          (context.documentCountries.size === 0 || context.documentCountries.has(place.country)),
      );
    if (townHere) paragraphPlace = townHere;
  });

  // A foiled attack is not also an attack: a disrupted-weapons mention absorbs explosions reported
  // next to it (same paragraph, compatible place and date).
  const kept: EventMention[] = [];
  /** References back ("the bombing") kept for want of an earlier incident to join. */
  const unresolved: EventMention[] = [];
  for (const mention of mentions) {
    // "A bomb was planted at the park ... The bomb squad defused it": one bombing, which failed.
    if (mention.triggerClass === "foiled" || mention.triggerClass === "defused") {
      const foiled = mention.triggerClass === "foiled";
      for (let i = kept.length - 1; i >= 0; i--) {
        const earlier = kept[i]!;
        // (An explosion that took lives was another device than the one defused.)
        const takes = foiled
          ? earlier.eventType === "Explosions/Remote violence" || earlier.eventType === "Violence against civilians"
          : earlier.eventType === "Explosions/Remote violence" && (earlier.fatalities ?? 0) === 0;
        if (!takes) continue;
        if (mention.sentenceIndex - earlier.sentenceIndex > 2 || !placesCompatible(earlier, mention) || !datesCompatible(earlier, mention))
          continue;
        // "Bombs exploded ... Another charge was placed ... That bomb was defused": another device,
        // so another incident; the explosion stays an explosion.
        if (anotherDeviceBetween(context, earlier.sentenceIndex, mention.sentenceIndex)) continue;
        kept.splice(i, 1);
        const absorbed: EventMention = foiled
          ? {
              ...earlier,
              eventType: mention.eventType,
              subEventType: mention.subEventType,
              triggerClass: "foiled",
              generic: false,
              status: "foiled",
              actor1: mention.actor1 ?? earlier.stateForce ?? earlier.actor1,
              actor2: earlier.perpetratorGroup ?? earlier.actor2,
            }
          : { ...earlier, triggerClass: "defused", generic: false, status: "attempted" };
        mergeInto(absorbed, mention);
        mention.evidence = absorbed.evidence;
        Object.assign(mention, absorbed);
      }
    }
    if (mention.triggerClass === "defused") {
      // "A bomb was found under a bridge in Mosul on Monday. It was defused ...", "A bomb exploded at
      // a bank in Medellin on Monday. The police defused another bomb nearby": the sentence before,
      // in the paragraph, tells where and when.
      const before = context.sentences[mention.sentenceIndex - 1];
      const ownDates = context.sentences[mention.sentenceIndex]?.dates.filter((date) => date.value !== null) ?? [];
      if (mention.place === null && ownDates.length === 0 && before !== undefined && before.paragraph === mention.paragraph) {
        mention.place = before.places.find((place) => place.country === null || place.country === mention.country) ?? null;
        const day = before.dates.find((date) => date.value !== null);
        const date = day === undefined ? null : partialDateOf(day);
        if (date !== null) {
          mention.eventDate = date;
          mention.dateExplicit = true;
        }
      }
    }
    // "The terrorist attack at the central market, in which 2 people were killed ... The hurling
    // of the bomb at the central market was ...": a bomb or grenade told just after an attack or
    // a killing whose means were not said, with no place or date of its own (or a reference back to
    // it: "the explosion"), is how that attack was carried out: one incident, typed by its means
    // (ACLED types an attack by its weapon).
    const attack = kept[kept.length - 1];
    if (
      attack !== undefined &&
      attack.generic &&
      (attack.triggerClass === "armed_attack" || attack.triggerClass === "killing") &&
      // A raid on a base or a post is fought (a clash), and a bomb at its gate is part of it.
      attack.eventType === "Violence against civilians" &&
      !mention.generic &&
      (mention.triggerClass === "explosive" || mention.triggerClass === "grenade") &&
      datesCompatible(attack, mention) &&
      ((mention.place === null && mention.sentenceIndex - attack.sentenceIndex <= 3) ||
        // "the death of nine people in an attack in Medellin ... Nine people died when a car bomb
        // exploded in a district of Medellin": the same toll at the same town (or a quarter of it).
        (attack.fatalities !== null &&
          attack.fatalities > 0 &&
          mention.fatalities === attack.fatalities &&
          mention.sentenceIndex - attack.sentenceIndex <= 8 &&
          (mention.place === null ||
            attack.place === null ||
            mention.place.name === attack.place.name ||
            (mention.place.local === true && (mention.place.admin1 === null || mention.place.admin1 === attack.place.admin1)))))
    ) {
      // The attack is generic and the bomb is not: mergeInto takes the bomb's sub-type and class.
      mergeInto(attack, mention);
      attack.eventType = mention.eventType;
      continue;
    }
    const target = [...kept].reverse().find((earlier) => sameIncident(earlier, mention));
    if (target) {
      mergeInto(target, mention);
      continue;
    }
    // A reference back ("the attack", "the wounded were taken to hospital") or a bare generic
    // mention without its own place or date elaborates the incident just reported.
    const bare = mention.generic && !mention.place && !mention.dateExplicit;
    if (mention.anaphoric || bare) {
      // "The raid comes as Baghdad and Washington negotiate...": a reference back takes nothing
      // from the places or dates around it.
      const previous = kept[kept.length - 1];
      if (
        previous &&
        mention.sentenceIndex - previous.sentenceIndex <= 5 &&
        // ("That bomb was defused" after an explosion names the device made safe, not the blast.)
        (mention.triggerClass !== "defused" || previous.triggerClass === "defused") &&
        ((mention.anaphoric && (!mention.namedByDay || datesCompatible(previous, mention))) ||
          // (A bare killing told after an arrest or a deal is not its detail: they kill no one.)
          (!(NOT_A_CAUSE.has(previous.triggerClass) && (mention.triggerClass === "killing" || mention.fatalities !== null)) &&
            !(mention.deliberate && previous.eventType === "Battles") &&
            placesCompatible(previous, mention) &&
            datesCompatible(previous, mention)))
      ) {
        if (mention.anaphoric) {
          // "The bomb explosion took place in the Olaya neighbourhood": a reference back takes no
          // other place, but the quarter or village it names makes the incident's town precise.
          const named = mention.place;
          const quarter =
            named !== null &&
            named.unnamed !== true &&
            (named.local === true || QUARTER_AFTER.test(context.sentences[mention.sentenceIndex]?.text.slice(named.end) ?? "")) &&
            previous.place !== null &&
            !previous.place.local &&
            previous.place.name !== named.name &&
            previous.place.country === named.country
              ? // A quarter of the town: the town's point and province, not those of a namesake elsewhere.
                {
                  ...named,
                  local: true,
                  admin1: previous.place.admin1,
                  admin1Name: previous.place.admin1Name,
                  latitude: previous.place.latitude,
                  longitude: previous.place.longitude,
                  precision: previous.place.precision,
                  geonameId: null,
                }
              : null;
          mention.place = quarter;
          mention.dateExplicit = false;
        }
        mergeDetails(previous, mention);
        continue;
      }
    }
    // "A row of houses was destroyed" after a bombing is the bombing's damage, not a second incident.
    if (mention.damageOnly) {
      const cause = [...kept]
        .reverse()
        .find(
          (earlier) =>
            earlier.eventType !== "Strategic developments" &&
            mention.sentenceIndex - earlier.sentenceIndex <= 5 &&
            placesCompatible(earlier, mention) &&
            datesCompatible(earlier, mention),
        );
      if (cause) {
        mergeDetails(cause, mention);
        continue;
      }
    }
    // Killings and attacks reported at the place and time of a bombing, a strike or an abduction
    // told just before are its casualties, not a second incident.
    if (mention.generic) {
      const cause = [...kept].reverse().find(
        (earlier) =>
          !earlier.generic &&
          // An arrest, a deal or a peaceful protest kills no one: a killing told after one is its own.
          !NOT_A_CAUSE.has(earlier.triggerClass) &&
          // Nor does fighting murder: "the war became dirty with the murder of six Jesuit priests".
          !(mention.deliberate && earlier.eventType === "Battles") &&
          mention.sentenceIndex - earlier.sentenceIndex <= 8 &&
          placesCompatible(earlier, mention) &&
          datesCompatible(earlier, mention) &&
          (earlier.place === null || mention.place === null || earlier.place.name === mention.place.name),
      );
      if (cause) {
        mergeDetails(cause, mention);
        continue;
      }
    }
    kept.push(mention);
    if (mention.anaphoric) unresolved.push(mention);
  }
  // "The man who rented the truck used in the bombing" told before the bombing itself: a reference
  // with no incident before it to refer to is the one of its type told later, if there is one.
  for (const reference of unresolved) {
    const later = kept.find(
      (other) =>
        other.sentenceIndex > reference.sentenceIndex &&
        !unresolved.includes(other) &&
        other.eventType === reference.eventType &&
        placesCompatible(other, reference),
    );
    // Another rule may have taken the reference out of the kept ones already.
    const position = kept.indexOf(reference);
    if (position < 0) continue;
    // "Three persons suspected of participating in the attack were released": a bare "the attack"
    // with no incident of its type to refer to names the report's incident of another kind (the
    // bombing told before it).
    const target =
      later ??
      (reference.generic
        ? kept
            .slice(0, position)
            .reverse()
            .find(
              (other) =>
                !unresolved.includes(other) &&
                (other.eventType === "Explosions/Remote violence" ||
                  other.eventType === "Violence against civilians" ||
                  other.eventType === "Battles") &&
                placesCompatible(other, reference) &&
                (!reference.namedByDay || datesCompatible(other, reference)),
            )
        : undefined);
    if (target === undefined) continue;
    reference.dateExplicit = false;
    // (What the reference's own sentence attempted, "tried to dispose of the phones", says
    // nothing of whether the incident it names happened.)
    const status = target.status;
    mergeDetails(target, reference);
    if (target !== later) target.status = status;
    kept.splice(position, 1);
  }

  // An incident is reported with at least one particular: when, where, who or how many. A mention
  // with none of them ("the violence continued") is commentary, not an event record.
  const particular = kept.filter(
    (mention) =>
      mention.dateExplicit ||
      mention.place !== null ||
      mention.fatalities !== null ||
      mention.actor1 !== null ||
      mention.perpetratorGroup !== null ||
      mention.toldAsAct,
  );
  for (const mention of particular) {
    const around = mention.paragraphPlace;
    if (mention.place === null && around && !mention.filedHere && mention.country === around.country) mention.place = around;
  }
  const filed = context.datelinePlace;
  if (filed) {
    for (const mention of particular) {
      if (mention.place === null && mention.filedHere && (mention.country === null || mention.country === filed.country)) {
        mention.place = filed;
        mention.country = filed.country;
      }
    }
  }
  // ACLED codes one battle per place and day: clashes told again further down a running report
  // ("clashes also continue in San Miguel city ... the report from San Miguel states that clashes
  // continue") are that battle, however far apart the sentences, and so is one told there with no
  // date of its own in the same month (unless two groups are named).
  const battles = new Map<string, EventMention[]>();
  const reported = particular.filter((mention) => {
    const place = mention.place;
    if (mention.eventType !== "Battles" || !place || place.unnamed || mention.eventDate === null) return true;
    const key = `${mention.subEventType}\u0000${place.name}\u0000${mention.country ?? ""}`;
    const here = battles.get(key) ?? [];
    const date = mention.eventDate;
    const same = here.find(
      (first) =>
        first.eventDate !== null &&
        ((first.eventDate === date && date.length === 10) ||
          (!mention.dateExplicit && first.eventDate.startsWith(date)) ||
          (!first.dateExplicit && date.startsWith(first.eventDate))) &&
        !(first.perpetratorGroup && mention.perpetratorGroup && first.perpetratorGroup !== mention.perpetratorGroup),
    );
    if (same === undefined) {
      battles.set(key, [...here, mention]);
      return true;
    }
    mergeDetails(same, mention);
    return false;
  });
  // The places events happened at, once each, for the store's gazetteer of places seen.
  const places = new Map<string, Place>();
  for (const mention of reported) {
    const place = mention.place;
    if (!place || !place.country || place.unnamed) continue;
    const pointLike = place.precision === "town" || place.precision === "point" || place.precision === "district";
    places.set(`${place.name}\u0000${place.country}\u0000${place.admin1Name ?? ""}`, {
      kind: "place",
      name: place.name,
      country: place.country,
      admin1: place.admin1Name,
      latitude: pointLike ? place.latitude : null,
      longitude: pointLike ? place.longitude : null,
      geoPrecision: place.precision,
      geonameId: place.geonameId,
    });
  }
  return { events: reported.map((mention) => toEvent(context, mention)), places: [...places.values()] };
}

function toEvent(context: DocumentContext, mention: EventMention): Event {
  // A place told only by description kept the incident apart; it has no name or point to record.
  const place = mention.place?.unnamed ? null : mention.place;
  const geoPrecision: GeoPrecision | null = place ? place.precision : mention.country ? "country" : null;
  const pointLike = place !== null && (place.precision === "town" || place.precision === "point" || place.precision === "district");
  const datePrecision: DatePrecision | null = mention.eventDate ? datePrecisionOf(mention.eventDate) : null;
  const id = recordId("ev", [
    context.documentId,
    mention.eventType,
    mention.subEventType,
    mention.eventDate,
    mention.place?.name ?? mention.country,
    mention.evidence[0]?.start,
  ]);
  return {
    kind: "event",
    id,
    documentId: context.documentId,
    eventType: mention.eventType,
    subEventType: mention.subEventType,
    eventDate: mention.eventDate,
    datePrecision,
    country: mention.country,
    admin1: place?.admin1Name ?? null,
    location: place?.name ?? null,
    latitude: pointLike ? place.latitude : null,
    longitude: pointLike ? place.longitude : null,
    geoPrecision,
    actor1: mention.actor1,
    actor2: mention.actor2,
    perpetratorGroup: mention.perpetratorGroup,
    fatalities: mention.fatalities,
    status: mention.status,
    sources: mention.sources,
    evidence: mention.evidence,
  };
}
