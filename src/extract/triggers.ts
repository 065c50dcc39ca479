// Event triggers: words and phrases that report an incident, mapped to ACLED's event types and
// sub-event types (ACLED Codebook 2023, §"Event types"). Written from the codebook's definitions and
// ordinary news usage, not from any one report. Patterns run on lower-cased sentences, so they
// hold for all-capitals wire copy too.
import type { EventType } from "../domain/taxonomy.ts";

export type TriggerClass =
  | "foiled"
  | "defused"
  | "arrest"
  | "abduction"
  | "air_strike"
  | "shelling"
  | "suicide_bomb"
  | "explosive"
  | "grenade"
  | "chemical"
  | "clash"
  | "territory_taken"
  | "territory_regained"
  | "killing"
  | "armed_attack"
  | "property_destruction"
  | "riot"
  | "protest"
  | "agreement"
  | "withdrawal"
  | "security_operation";

export interface TriggerRule {
  readonly triggerClass: TriggerClass;
  readonly eventType: EventType;
  readonly subEventType: string;
  readonly pattern: RegExp;
  /**
   * Casualty and generic-attack words report an incident only when nothing more specific in the
   * sentence does: "a car bomb killed 12" is one explosion, not also a killing.
   */
  readonly generic: boolean;
}

/** Things whose burning or wrecking is destruction of property (ACLED: Looting/property destruction). */
const PROPERTY =
  "exchanges?|substations?|transformers?|buses|bus|vehicles?|cars?|trucks?|ambulances?|houses?|homes?|cabins?|huts?|buildings?|offices?|headquarters|stores?|shops?|banks?|branch(?:es)?|restaurants?|establishments?|factory|factories|plants?|warehouses?|farms?|fields|crops|coffee|facilities|facility|property|stations?|schools?|churches|church|town hall|city hall|mayor's office|installations?|towers?|pylons?|bridges?|pipelines?|equipment|machinery|ballot boxes|polling stations?|studios?";

function rule(triggerClass: TriggerClass, eventType: EventType, subEventType: string, source: string, generic = false): TriggerRule {
  return { triggerClass, eventType, subEventType, pattern: new RegExp(source, "g"), generic };
}

/**
 * A role denied, not the incident: "denied involvement in", "denies carrying out", "denied that it
 * was behind". Events keep the incident (events.ts); the group that denies is not its actor (context.ts).
 */
export const DENIED_ROLE_SOURCE = String.raw`den(?:ied|y|ies|ying)\s+(?:any\s+)?(?:involvement|responsibility|role|part|links?|carrying out|staging|conducting|being behind|(?:that\s+)?(?:it|they|he|she)\s+(?:was|were|had been)\s+(?:behind|involved|responsible))\b`;

export const TRIGGER_RULES: readonly TriggerRule[] = [
  rule(
    "foiled",
    "Strategic developments",
    "Disrupted weapons use",
    String.raw`\b(?:thwart(?:ed|s|ing)?|foil(?:ed|s|ing)?|before (?:he|she|they|it) could (?:set off|detonate|blow|carry out|launch|attack)|(?:prevented|averted|intercepted) (?:a|an|the) (?:planned )?(?:attack|bombing|plot))\b`,
  ),
  // A device planted at its target and made safe there is a bombing that failed (status
  // "attempted"), as GTD counts a defused bomb an unsuccessful attack: the group carried it out
  // as far as the target. A plot stopped before that ("foiled", above) is ACLED's disrupted
  // weapons use.
  rule(
    "defused",
    "Explosions/Remote violence",
    "Remote explosive/landmine/IED",
    String.raw`\b(?:defus(?:ed|ing)|(?:able|managed|succeeded) to defuse|deactivated|dismantled (?:a|an|the) (?:bomb|explosive|device)|found and (?:defused|destroyed) (?:a|an|the)? ?(?:bomb|explosive))\b`,
  ),
  rule(
    "arrest",
    "Strategic developments",
    "Arrests",
    String.raw`\b(?:arrest(?:ed|s|ing)?|detain(?:ed|ing|s)?|apprehend(?:ed|ing|s)?|taken into custody|took into custody|rounded up|nabbed|captured (?:\w+ ){0,3}(?:suspects?|militants?|members?|fighters?|operatives?|leaders?|commanders?|men|people|persons|terrorists|guerrillas|envoys|facilitators))\b`,
  ),
  rule(
    "abduction",
    "Violence against civilians",
    "Abduction/forced disappearance",
    String.raw`\b(?:kidnap(?:ped|ping|pings|pers?|s|ed|ing)?|abduct(?:ed|ion|ions|ing|s)?|taken hostage|took (?:\w+ )?hostages?|took (?:[\w-]+ ){1,5}(?:as )?hostages?|(?:seized|seizing|taking) (?:[\w-]+ ){0,3}hostages|held hostage|hostage[- ]taking|disappeared|forcibly disappeared|(?:was|were) (?:taken|dragged) (?:away )?from (?:their|his|her) (?:homes?|houses?|beds?)(?=[^.]*\b(?:whereabouts|unknown|missing|disappeared|not been seen)\b)|took (?:\w+ ){1,3}to an unknown (?:place|destination|location))\b`,
  ),
  rule(
    "air_strike",
    "Explosions/Remote violence",
    "Air/drone strike",
    String.raw`\b(?:air ?strikes?|airstrikes?|air[- ]raids?|drone (?:strikes?|attacks?)|drones? (?:loaded|laden|packed|carrying|armed|rigged) with explosives|flying bombs?|uas attacks?|unmanned aerial (?:system|vehicle)s?(?: \(\w+\))? attacks?|(?:one-way )?attack drones?|aerial (?:bombardment|bombing|attack)s?|air force (?:bombing|bombardment|raid|strike)s?|bombed by (?:the )?(?:air force|warplanes?|aircraft|planes?|helicopters?)|bombed from (?:the air|aircraft|planes?)|(?:warplanes?|war planes?|fighter jets?|jets|aircraft|helicopters?) (?:struck|bombed|hit|pounded|targeted)(?! by\b)(?!\s+(?:a |the )?(?:mountain|hill|hillside|power lines?|tree|trees|ground|runway|building while)\b)|helicopter gunships?|precision strikes?|(?:conducted|carried out|launched) (?:a |an |\w+ )?(?:series of |number of )?(?:\w+ )?strikes)\b`,
  ),
  rule(
    "chemical",
    "Explosions/Remote violence",
    "Chemical weapon",
    String.raw`\b(?:chemical (?:attack|weapons? attack)|sarin|chlorine (?:gas )?attack|mustard gas|nerve agent attack)\b`,
  ),
  rule(
    "shelling",
    "Explosions/Remote violence",
    "Shelling/artillery/missile attack",
    String.raw`\b(?:shell(?:ed|ing)|mortar(?:s| rounds?| fire| attacks?)?|rockets?|rocket[- ]propelled|artillery|ballistic missiles?|missiles?|indirect[- ]fire|katyushas?)\b`,
  ),
  rule(
    "suicide_bomb",
    "Explosions/Remote violence",
    "Suicide bomb",
    String.raw`\b(?:suicide (?:bomb(?:er|ers|ing|ings|s)?|attack(?:er|ers|s)?|car bomb(?:er|ing)?s?|vest|belt|truck bomb)|blew (?:himself|herself|themselves) up)\b`,
  ),
  rule(
    "explosive",
    "Explosions/Remote violence",
    "Remote explosive/landmine/IED",
    String.raw`\b(?:car[- ]bombs?|truck[- ]bombs?|bomb(?:s|ed|ing|ings)?|explosions?|explod(?:ed|es|ing)|blasts?|ieds?|vbieds?|improvised explosive|explosive (?:device|charge)s?|dynamite(?:d)?|land ?mines?|detonat(?:ed|ion|ions)|blew up|blown up|booby[- ]trap(?:ped|s)?|(?:with|using|hurled|threw|thrown|planted|placed|detonated) (?:[\w-]+ ){0,2}explosives|sticky bombs?|explosive[- ]laden)\b`,
  ),
  // ("grenade launchers" are weapons held, not grenades thrown.)
  rule("grenade", "Explosions/Remote violence", "Grenade", String.raw`\b(?:hand )?grenades?\b(?! launchers?)`),
  rule(
    "territory_taken",
    "Battles",
    "Non-state actor overtakes territory",
    String.raw`\b(?:(?:seized|captured|overran|overrun|took) (?:control of )?(?:the )?(?:town|city|village|district|area|province|capital|base|airport|territory|region)|took control of|fell to (?:the )?(?:rebels?|insurgents?|militants?|guerrillas?|fighters|jihadists|forces|opposition|islamic state|taliban|is\b)|(?:was|were) overthrown|(?:was|were) toppled|advanced on|stormed the capital)\b`,
  ),
  rule(
    "territory_regained",
    "Battles",
    "Government regains territory",
    String.raw`\b(?:retook|recaptured|retaken|regained control|liberated (?:the )?(?:town|city|village|district|area|territory|province))\b`,
  ),
  rule(
    "clash",
    "Battles",
    "Armed clash",
    String.raw`\b(?:clash(?:ed|es)?|fighting|firefights?|fire ?fights?|gun ?fights?|gunfights?|gun ?battles?|gunbattles?|battles?|battled|skirmish(?:es)?|engag(?:ed|ements?) (?:with|in|by)|engagements?|exchanged fire|exchange of fire|ambush(?:ed|es)?|fought|(?:heavy|fierce) combat|combat between)\b`,
  ),
  rule(
    "armed_attack",
    "Battles",
    "Armed clash",
    // "storm" only as a verb after "to" ("attempted to storm a checkpoint"), never the weather.
    String.raw`\b(?:attack(?:ed|s|ing)?|assault(?:ed|s)?|raid(?:ed|s)?|stormed|storm(?<=\bto storm)|opened fire|fired (?:on|at|upon)|fired (?:their |his |her )?(?:weapons|shots|rifles|guns|machine ?guns) (?:on|at|upon)|shooting(?:s)?|shot at)\b`,
    true,
  ),
  rule(
    "killing",
    "Violence against civilians",
    "Attack",
    // (Lookbehinds sit after the words they qualify: put first, they ran at every position of every
    // sentence, five times the cost of the whole pattern otherwise.)
    String.raw`\b(?:kill(?:ed|ings?|s)?|murder(?:ed|s|ing)?|assassinat(?:ed|ion|ions|e|ing)|slaughter(?:ed|ing)?|shot (?:dead|to death|and killed)|gunned down|massacre(?:d|s)?|executed|slain|slaying|beheaded|lynched|(?:stabbed|hacked|beaten|burned|burnt|tortured|clubbed)(?: [\w-]+){0,3} to death|attempts? on (?:the )?li(?:fe|ves) of|attempt on (?:his|her|their) li(?:fe|ves)|assassination attempts?|machine[- ]?gunned|riddled with bullets|(?:wounded|injured)(?<=\b(?:was|were|been) (?:seriously |slightly |critically |gravely |badly )?(?:wounded|injured))(?= (?:by|when|in|during|as|after|on|at)\b)|deaths? of(?<=\b(?:involved|implicated|participated|participating) in (?:the )?deaths? of)|deaths? of(?<=\b(?:responsible|blamed|accused|charged|tried) (?:for|of|with) (?:the )?deaths? of)|bodies (?:of|were found)|body was found|body of (?:[\w'’.-]+ ){1,6}(?:was|has been) (?:found|discovered)|found dead|shot)\b`,
    true,
  ),
  rule(
    "property_destruction",
    "Strategic developments",
    "Looting/property destruction",
    // Arson is told many ways: "set fire to", "set two schools on fire", "burned five buses", "a bus
    // was burned", "the burning of a factory". Destroying or damaging property counts only when no
    // explosive did it (then it is the explosion's damage; see events.ts).
    String.raw`\b(?:set (?:fire to|on fire|ablaze)|set (?:[\w-]+ ){1,6}(?:on fire|ablaze)|torched|(?:burning|torching) of (?:[\w-]+ ){0,3}(?:${PROPERTY})|burn(?:ed|t) (?:down )?(?:[\w-]+ ){0,4}(?:${PROPERTY})|(?:was|were|been|being) (?:partially |completely |totally |partly )?(?:burn(?:ed|t)(?: down)?|torched|set on fire|(?:destroyed|gutted) by fire)|arson|sabotag(?:e|ed|ing)|loot(?:ed|ing)|ransack(?:ed|ing)|robbed|robbery|stole|made off with|(?:took|carried off|seized) (?:large |huge |great |unknown |undetermined )?(?:quantities|amounts|sums) of|vandali[sz]ed|(?:destroyed|damaged|wrecked) (?:[\w-]+ ){0,4}(?:${PROPERTY})|(?:${PROPERTY}) (?:was|were) (?:partially |completely |totally |partly |seriously |heavily )?(?:destroyed|damaged|wrecked))\b`,
  ),
  rule(
    "riot",
    "Riots",
    "Violent demonstration",
    String.raw`\b(?:riot(?:s|ers|ed|ing)?|storm(?:ed|ing) (?:the )?(?:[\w.]+ )?(?:embassy|compound|parliament|building|ministry|headquarters)|violent (?:protests?|demonstrations?))\b`,
  ),
  rule(
    "protest",
    "Protests",
    "Peaceful protest",
    // Nouns, and "protested": "as we have demonstrated" is not a demonstration.
    String.raw`\b(?:protest(?:s|ers|ed)?|demonstrations?|demonstrators|rall(?:y|ies) (?:in|against|outside|near)|sit-ins?)\b`,
  ),
  rule(
    "agreement",
    "Strategic developments",
    "Agreement",
    String.raw`\b(?:(?:peace|ceasefire|cease-fire) (?:accord|agreement|deal|pact)|signed (?:a |an |the )?(?:peace|ceasefire|cease-fire|truce)|agreed (?:to )?(?:a )?(?:ceasefire|cease-fire|truce)|truce (?:was )?(?:agreed|signed))\b`,
  ),
  rule(
    "withdrawal",
    "Strategic developments",
    "Non-violent transfer of territory",
    String.raw`\b(?:withdr(?:ew|awn) from (?:the )?(?:\w+ )?(?:bases?|positions?|areas?|town|city)|departed from (?:\w+ )?(?:\w+ )?bases?|handed over (?:control of )?(?:the )?(?:\w+ )?(?:bases?|positions?)|(?:consolidat(?:ed|ing)|reposition(?:ed|ing)) (?:\w+ )?forces to fewer bases|transferred (?:control of )?(?:the )?(?:\w+ )?bases?)\b`,
  ),
  rule(
    "security_operation",
    "Strategic developments",
    "Other",
    String.raw`\b(?:(?:conducted|completed|launched) (?:a |an )?(?:major |large-scale |\d+-day |[a-z]+-day )?(?:security|clearing|clearance|counter-terrorism|counterterrorism|sweep) operations?|operation to clear)\b`,
  ),
];

/** Nouns and phrases that show a trigger is about a plan, threat or capability, not an incident. */
export const HYPOTHETICAL_CUES =
  /\b(?:may|might|could|would|will|shall|plans? to|planning to|plotting|intend(?:s|ed)? to|threat(?:en(?:ed|s)?)? to|vowed to|warned (?:of|that)|fears? (?:of|that)|risk of|possible|potential|capable of|capacity to|ability to|in order to|for the purpose of|with the aim of|in an effort to|aim(?:s|ed)? (?:to|at)|seeks? to|sought to|try(?:ing)? to|tried to|attempt to|if|unless|instead of|rather than|so that|prevent(?:s|ed|ing)?|to (?:launch|carry out|conduct|mount|stage))\b/;

/** Targets that make an armed attack a battle (armed opponents) rather than violence against civilians. */
export const ARMED_TARGETS =
  /\b(?:soldiers?|troops?|army|military|police(?:men|man)?|patrols?|convoys?|checkpoints?|bases?|garrisons?|barracks|outposts?|posts?|security forces|guards?|militiam[ae]n|militias?|fighters?|rebels?|guerrillas?|insurgents?|militants?|officers|servicem[ae]n|service members|personnel|national guard|forces|helicopters?|gunships?|warplanes?|marines?|civil defen[cs]e|civil patrols?)\b/;

/** Words that place an incident against civilians. */
export const CIVILIAN_TARGETS =
  /\b(?:civilians?|residents?|villagers?|peasants?|farmers?|students?|teachers?|journalists?|reporters|priests?|nuns?|children|women|worshippers|passengers|shoppers|people|persons?|man|woman|businessm[ae]n|mayor|judges?|lawyers?|leaders?|politicians?|candidates?|officials?|workers?|employees?|citizens?|nationals?(?!\s+(?:guard|police|army|guardsm[ae]n))|tourists?|foreigners?|family|families|bodies|body)\b/;
