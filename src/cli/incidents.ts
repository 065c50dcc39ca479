// `sitrep unmerge | merge | sources`, and what `sitrep show` prints about an incident: its
// reports, why they were merged, its history of claims and confirmations, and its sources'
// grades (docs/ARCHITECTURE.md, ADR-14).
import { Command, Option } from "commander";
import type { Config } from "../config/config.ts";
import { SitrepError } from "../domain/errors.ts";
import { CREDIBILITY_WORDS, RELIABILITY_GRADES, RELIABILITY_WORDS, type EventAssessment } from "../domain/incidents.ts";
import type { Event } from "../domain/records.ts";
import { isReliabilityGrade } from "../resolve/incidents/sources.ts";
import { foldName } from "../store/fold.ts";
import type { IncidentDetails } from "../store/incidents.ts";
import { openStore } from "../store/store.ts";
import type { CliIo } from "./main.ts";
import { renderTable } from "./output.ts";

const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

/** The lines `sitrep show` adds after an event's fields. */
export function incidentLines(event: Event, details: IncidentDetails | null): string[] {
  const lines: string[] = [];
  const assessment = event.assessment;
  if (assessment !== undefined) lines.push("", ...assessmentLines(assessment));
  if (details === null) return lines;
  if (details.reports.length > 0) {
    lines.push("", "Reports (each one's own reading)");
    for (const report of details.reports) {
      lines.push(
        `  ${report.partId}  ${report.documentId}  ${report.reportedOn ?? "undated"}  ${report.publisher ?? report.title ?? "(no publisher)"} [${report.grade}]  fatalities ${report.fatalities ?? "-"}${report.claimantAccount ? " (the group's own account)" : ""}`,
      );
    }
  }
  if (details.reasons.length > 0) {
    lines.push("", "Why these reports are one event");
    for (const reason of details.reasons) lines.push(`  ${reason.partId} matches ${reason.comparedWith}: ${reason.matched.join("; ")}`);
  }
  if (details.assertions.length > 0) {
    lines.push("", "History");
    for (const assertion of details.assertions) {
      const who = [
        assertion.by ?? (assertion.assertionKind === "reported" ? "a report with no publisher" : "unnamed"),
        assertion.group !== null && assertion.group !== assertion.by ? `-> ${assertion.group}` : "",
        assertion.channel !== null ? `via ${assertion.channel}` : "",
      ]
        .filter(Boolean)
        .join(" ");
      const quote = assertion.evidence === null ? "" : `  "${oneLine(assertion.evidence.text)}"`;
      lines.push(`  ${(assertion.assertedOn ?? "undated").padEnd(10)}  ${assertion.assertionKind.padEnd(10)}  ${who}${quote}`);
    }
  }
  if (details.sources.length > 0) {
    lines.push("", "Sources (Admiralty reliability)");
    for (const source of details.sources) {
      lines.push(`  ${source.grade}  ${source.name} (${source.sourceKind}, ${source.gradeSet === "user" ? "set by user" : "default"})`);
    }
  }
  if (details.separatedFrom.length > 0) {
    lines.push("", "Kept apart (unmerged) from");
    for (const other of details.separatedFrom) lines.push(`  ${other.partId} (now event ${other.incidentId})`);
  }
  return lines;
}

function assessmentLines(assessment: EventAssessment): string[] {
  const claim = assessment.claim;
  const range =
    assessment.fatalitiesLow === null
      ? "not reported"
      : `low ${assessment.fatalitiesLow}, high ${assessment.fatalitiesHigh ?? "-"}${assessment.fatalitiesClaimed !== null ? `; the claim said ${assessment.fatalitiesClaimed}` : ""}`;
  return [
    "Assessment",
    `  reports       ${assessment.reports} from ${assessment.corroboration} independent source${assessment.corroboration === 1 ? "" : "s"}`,
    `  reliability   ${assessment.reliability} (${RELIABILITY_WORDS[assessment.reliability]}), the best source`,
    `  credibility   ${assessment.credibility} (${CREDIBILITY_WORDS[assessment.credibility]})`,
    `  fatalities    ${range}`,
    `  claimed       ${
      claim === null
        ? "no claim reported"
        : `by ${claim.by ?? "an unnamed group"}${claim.channel !== null ? ` via ${claim.channel}` : ""}${claim.claimedOn !== null ? ` on ${claim.claimedOn}` : ""}${claim.daysAfterEvent !== null ? `, ${claim.daysAfterEvent} day${claim.daysAfterEvent === 1 ? "" : "s"} after the event` : ""}${claim.claimants.length > 1 ? ` (competing claims: ${claim.claimants.join(", ")})` : ""}`
    }`,
  ];
}

/** The `incident` object of `sitrep show --format json`. */
export function incidentJson(details: IncidentDetails | null): Record<string, unknown> | null {
  if (details === null) return null;
  return {
    reports: details.reports.map((report) => ({
      part_id: report.partId,
      document_id: report.documentId,
      publisher: report.publisher,
      reported_on: report.reportedOn,
      fatalities: report.fatalities,
      claimant_account: report.claimantAccount,
      reliability: report.grade,
    })),
    merged_because: details.reasons.map((reason) => ({
      part_id: reason.partId,
      compared_with: reason.comparedWith,
      matched: [...reason.matched],
    })),
    history: details.assertions.map((assertion) => ({
      kind: assertion.assertionKind,
      by: assertion.by,
      group: assertion.group,
      channel: assertion.channel,
      date: assertion.assertedOn,
      document_id: assertion.documentId,
      evidence:
        assertion.evidence === null
          ? null
          : { start: assertion.evidence.start, end: assertion.evidence.end, text: assertion.evidence.text },
    })),
    sources: details.sources.map((source) => ({
      name: source.name,
      kind: source.sourceKind,
      reliability: source.grade,
      grade_set: source.gradeSet,
    })),
    kept_apart_from: details.separatedFrom.map((other) => ({ part_id: other.partId, event_id: other.incidentId })),
  };
}

export function registerIncidentCommands(program: Command, config: () => Config, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("unmerge")
    .description("split a merged event back into one event per report, and keep them apart on later ingests")
    .argument("<event-id>")
    .action(async (id: string) => {
      const store = await openStore({ path: config().databasePath });
      try {
        const result = await store.incidents.unmerge(id);
        io.stdout(`Event ${result.incidentId} unmerged into ${result.events.length} events: ${result.events.join(", ")}\n`);
        io.stdout("These reports stay apart on later ingests; `sitrep merge <id> <id>` lifts that decision.\n");
        setExitCode(0);
      } finally {
        await store.close();
      }
    });

  program
    .command("merge")
    .description("lift a kept 'do not merge' decision between two events; they merge again if their reports match")
    .argument("<event-id>")
    .argument("<other-event-id>")
    .action(async (left: string, right: string) => {
      if (left === right) throw new SitrepError("USAGE", `merge needs two different events (got ${left} twice)`, { input: left });
      const store = await openStore({ path: config().databasePath });
      try {
        const result = await store.incidents.merge(left, right);
        if (result.merged) io.stdout(`Merged into event ${result.incidentId}\n`);
        else io.stdout(`Not merged: the reports do not match (${result.conflict ?? "no reason given"})\n`);
        setExitCode(result.merged ? 0 : 1);
      } finally {
        await store.close();
      }
    });

  const sources = program.command("sources").description("sources and their Admiralty reliability grades (A-F)");
  sources
    .command("list")
    .description("every publisher and attributed source in the database, with its kind and grade")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .action(async (options: { format: "table" | "json" }) => {
      const store = await openStore({ path: config().databasePath });
      try {
        const list = await store.incidents.listSources();
        if (options.format === "json") {
          io.stdout(
            JSON.stringify(
              list.map((source) => ({
                name: source.name,
                kind: source.sourceKind,
                reliability: source.grade,
                grade_set: source.gradeSet,
                documents: source.documents,
              })),
              null,
              2,
            ) + "\n",
          );
        } else {
          io.stdout(
            renderTable(
              ["source", "kind", "grade", "set by", "documents"],
              list.map((source) => [source.name, source.sourceKind, source.grade, source.gradeSet, source.documents]),
            ) + `\n${list.length} sources\n`,
          );
        }
        setExitCode(0);
      } finally {
        await store.close();
      }
    });
  sources
    .command("grade")
    .description(`set a source's reliability grade (${RELIABILITY_GRADES.join(", ")}), or "default" to return it to its kind's default`)
    .argument("<source>", "the source's name, as `sitrep sources list` shows it (case and accents ignored)")
    .argument("<grade>")
    .action(async (name: string, grade: string) => {
      const letter = grade.toUpperCase();
      if (letter !== "DEFAULT" && !isReliabilityGrade(letter)) {
        throw new SitrepError("USAGE", `grade must be one of ${RELIABILITY_GRADES.join(", ")} or "default" (got "${grade}")`, {
          input: grade,
        });
      }
      const store = await openStore({ path: config().databasePath });
      try {
        // A grade may be set before the source's first report arrives; a name no stored report
        // gives is more often a typo, so the command says so.
        const known = (await store.incidents.listSources()).some((source) => foldName(source.name) === foldName(name));
        if (!known) io.stderr(`${name}: no stored report names this source yet; the grade applies when one does (check the spelling)\n`);
        await store.incidents.gradeSource(name, isReliabilityGrade(letter) ? letter : null);
        io.stdout(
          isReliabilityGrade(letter)
            ? `${name}: graded ${letter} (${RELIABILITY_WORDS[letter]})\n`
            : `${name}: back to its default grade\n`,
        );
        setExitCode(0);
      } finally {
        await store.close();
      }
    });
}
