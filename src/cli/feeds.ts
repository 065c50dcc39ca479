// `sitrep feeds add|list|remove|poll`: thin front door over src/feeds and Store.feeds. `poll` polls
// every feed once and exits 1 when any feed failed; with --every it polls, waits, and polls again
// until interrupted (Ctrl-C finishes the round under way, so the cursors stay true).
import { Option, type Command } from "commander";
import type { Config } from "../config/config.ts";
import { SitrepError } from "../domain/errors.ts";
import { RuleExtractor } from "../extract/extractor.ts";
import { pollFeeds, watchFeeds, type FeedPollResult, type PollDependencies } from "../feeds/poll.ts";
import { parseInterval } from "../feeds/schedule.ts";
import type { FeedRecord } from "../store/feeds.ts";
import { openStore, type Store } from "../store/store.ts";
import type { CliIo } from "./main.ts";
import { renderTable } from "./output.ts";

async function withStore<T>(config: Config, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ path: config.databasePath });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function checkFeedUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SitrepError("USAGE", `the feed must be an http or https URL (got "${text}")`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SitrepError("USAGE", `the feed must be an http or https URL (got "${text}")`);
  }
  return url.href;
}

function feedJson(feed: FeedRecord): Record<string, unknown> {
  return {
    url: feed.url,
    name: feed.name,
    added_at: feed.addedAt,
    last_polled_at: feed.lastPolledAt,
    last_status: feed.lastStatus,
    items_stored: feed.cursor.length,
    failures: feed.failures,
    next_attempt_at: feed.nextAttemptAt,
    last_error: feed.lastErrorCode === null ? null : { code: feed.lastErrorCode, message: feed.lastError },
    etag: feed.etag,
    last_modified: feed.lastModified,
  };
}

function resultJson(result: FeedPollResult): Record<string, unknown> {
  return {
    url: result.url,
    name: result.name,
    status: result.status,
    error: result.error,
    failures: result.failures,
    next_attempt_at: result.nextAttemptAt,
    items: result.items.map((item) => ({
      id: item.id,
      title: item.title,
      link: item.link,
      status: item.status,
      source: item.source,
      document_id: item.documentId,
      events: item.events,
      error: item.error,
      link_error: item.linkError,
    })),
  };
}

function printResult(result: FeedPollResult, format: "table" | "json", io: CliIo): void {
  if (format === "json") {
    io.stdout(JSON.stringify(resultJson(result)) + "\n");
    return;
  }
  const count = (status: string): number => result.items.filter((item) => item.status === status).length;
  const items = `${result.items.length} new items (${count("ingested")} stored, ${count("unchanged")} already stored, ${count("failed")} failed)`;
  switch (result.status) {
    case "ok":
    case "partial":
      io.stdout(`${result.url}: ${result.status}, ${items}\n`);
      break;
    case "not-modified":
      io.stdout(`${result.url}: not modified\n`);
      break;
    case "skipped":
      io.stdout(`${result.url}: skipped, backing off after ${result.failures} failures until ${result.nextAttemptAt}\n`);
      break;
    case "failed":
      io.stderr(
        `${result.url}: failed [${result.error?.code}]: ${withoutName(result.error?.message ?? "", result.url)} ` +
          `(${result.failures} in a row; next attempt after ${result.nextAttemptAt})\n`,
      );
      break;
  }
  for (const item of result.items.filter((entry) => entry.status === "failed")) {
    const name = item.link ?? item.id;
    io.stderr(`  item ${name}: failed [${item.error?.code}]: ${withoutName(item.error?.message ?? "", name)}\n`);
  }
  // Stored all the same, but from the feed's own text: say why the article was not read (a link
  // the fetcher refused is worth knowing about).
  for (const item of result.items.filter((entry) => entry.status !== "failed" && entry.linkError !== null)) {
    const name = item.link ?? item.id;
    io.stderr(
      `  item ${name}: stored from the feed's own text; the link failed [${item.linkError?.code}]: ${withoutName(item.linkError?.message ?? "", name)}\n`,
    );
  }
}

/** Errors already name their input; the line does too, so once is enough. */
function withoutName(message: string, name: string): string {
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}

interface PollCommandOptions {
  every?: string;
  force?: boolean;
  format: "table" | "json";
}

async function runPoll(options: PollCommandOptions, config: Config, io: CliIo): Promise<number> {
  const interval = options.every === undefined ? null : parseInterval(options.every);
  if (options.every !== undefined && interval === null) {
    throw new SitrepError("USAGE", `--every must be a duration of at least a minute such as 15m, 1h or 90s (got "${options.every}")`);
  }
  return withStore(config, async (store) => {
    const deps: PollDependencies = {
      store,
      extractor: new RuleExtractor(),
      maxInputBytes: config.maxInputBytes,
      onFeed: (result) => printResult(result, options.format, io),
    };
    if (interval === null) {
      const results = await pollFeeds(deps, { force: options.force });
      if (results.length === 0) io.stderr("no feeds are followed; add one with `sitrep feeds add URL`\n");
      return results.some((result) => result.status === "failed") ? 1 : 0;
    }
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    try {
      io.stderr(`polling every ${options.every}; Ctrl-C to stop\n`);
      await watchFeeds(deps, interval, controller.signal);
      return 0;
    } finally {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    }
  });
}

export function registerFeedCommands(program: Command, config: () => Config, io: CliIo, setExitCode: (code: number) => void): void {
  const feeds = program.command("feeds").description("follow RSS 2.0 and Atom feeds: each new item's article is ingested");

  feeds
    .command("add")
    .description("follow a feed")
    .argument("<url>", "the feed's http(s) URL")
    .option("--name <name>", "a short name for the feed")
    .action(async (text: string, options: { name?: string }) => {
      const url = checkFeedUrl(text);
      const { feed, added } = await withStore(config(), (store) => store.feeds.addFeed(url, options.name ?? null));
      io.stderr(`${added ? "following" : "already following"} ${feed.url}${feed.name === null ? "" : ` (${feed.name})`}\n`);
      setExitCode(0);
    });

  feeds
    .command("list")
    .description("the followed feeds and how their last poll went")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .action(async (options: { format: "table" | "json" }) => {
      const list = await withStore(config(), (store) => store.feeds.listFeeds());
      if (options.format === "json") {
        io.stdout(JSON.stringify(list.map(feedJson), null, 2) + "\n");
      } else if (list.length === 0) {
        io.stderr("no feeds are followed; add one with `sitrep feeds add URL`\n");
      } else {
        const rows = list.map((feed) => [
          feed.name ?? "",
          feed.url,
          feed.lastPolledAt ?? "never",
          feed.lastStatus ?? "",
          feed.cursor.length,
          feed.failures,
          feed.nextAttemptAt ?? "",
          feed.lastErrorCode === null ? "" : `${feed.lastErrorCode}: ${feed.lastError}`,
        ]);
        io.stdout(renderTable(["name", "url", "last poll", "status", "items", "failures", "next attempt", "last error"], rows) + "\n");
      }
      setExitCode(0);
    });

  feeds
    .command("remove")
    .description("stop following a feed (what it stored stays)")
    .argument("<feed>", "the feed's URL or name")
    .action(async (urlOrName: string) => {
      const removed = await withStore(config(), async (store) => {
        const feed = await store.feeds.findFeed(urlOrName);
        if (feed === null) return null;
        await store.feeds.removeFeed(feed.url);
        return feed;
      });
      if (removed === null)
        throw new SitrepError("RECORD_NOT_FOUND", `no followed feed has the URL or name "${urlOrName}"`, { input: urlOrName });
      io.stderr(`stopped following ${removed.url}\n`);
      setExitCode(0);
    });

  feeds
    .command("poll")
    .description("fetch every followed feed once and ingest its new items; --every repeats until interrupted")
    .option("--every <interval>", "poll again after this long: 15m, 1h, 90s ...")
    .option("--force", "also poll feeds that are backing off after failures")
    .addOption(new Option("--format <format>", "how to print each feed's result").choices(["table", "json"]).default("table"))
    .action(async (options: PollCommandOptions) => {
      setExitCode(await runPoll(options, config(), io));
    });
}
