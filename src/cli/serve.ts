// `sitrep serve`: the HTTP API (and the dashboard, once web/dist is built) over the database,
// until interrupted. The body limit is the ingest limit (SITREP_MAX_INPUT_BYTES).
//
// With --workers N, N processes (node:cluster) share the port, each with its own connection:
// SQLite in WAL mode lets them read at once, and writes wait for each other (BEGIN IMMEDIATE with
// a busy timeout). The primary brings the schema up to date before forking, so that workers never
// race to migrate.
import cluster from "node:cluster";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { startServer } from "../api/server.ts";
import type { Config } from "../config/config.ts";
import { SitrepError } from "../domain/errors.ts";
import { openStore } from "../store/store.ts";
import type { CliIo } from "./main.ts";

const WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new SitrepError("USAGE", `--port must be 0-65535 (got "${value}")`);
  return parsed;
}

function seconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0)
    throw new SitrepError("USAGE", `--request-timeout must be a positive number of seconds (got "${value}")`);
  return parsed;
}

function workers(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 64) throw new SitrepError("USAGE", `--workers must be 1-64 (got "${value}")`);
  return parsed;
}

interface ServeOptions {
  port: number;
  host: string;
  requestTimeout: number;
  workers: number;
}

function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
}

/** The primary of --workers: migrates, forks, prints the first worker's URL, stops them on a signal. */
async function runPrimary(options: ServeOptions, config: Config, io: CliIo): Promise<void> {
  await (await openStore({ path: config.databasePath })).close();
  const forked = Array.from({ length: options.workers }, () => cluster.fork());
  const url = await new Promise<string>((resolve, reject) => {
    for (const worker of forked) {
      worker.on("message", (message: unknown) => {
        if (typeof message === "object" && message !== null && "url" in message && typeof message.url === "string") resolve(message.url);
      });
      worker.once("exit", (code) => reject(new SitrepError("CONFIG_INVALID", `a server worker exited with code ${code}`)));
    }
  });
  io.stdout(`${url}\n`);
  await interrupted();
  await Promise.all(
    forked.map(
      (worker) => new Promise<void>((done) => (worker.isDead() ? done() : (worker.once("exit", () => done()), worker.kill("SIGTERM")))),
    ),
  );
}

async function runServer(options: ServeOptions, config: Config, io: CliIo): Promise<void> {
  const store = await openStore({ path: config.databasePath });
  try {
    const server = await startServer({
      store,
      port: options.port,
      host: options.host,
      maxBodyBytes: config.maxInputBytes,
      requestTimeoutMs: options.requestTimeout * 1000,
      staticRoot: WEB_DIST,
    });
    if (cluster.isWorker) process.send?.({ url: server.url });
    else io.stdout(`${server.url}\n`);
    await interrupted();
    await server.close();
  } finally {
    await store.close();
  }
  // A worker's channel to the primary would keep it alive: its work is done.
  if (cluster.isWorker) process.exit(0);
}

export function registerServeCommand(program: Command, config: () => Config, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("serve")
    .description("serve the HTTP API (and the dashboard when web/dist is built) until interrupted")
    .option("--port <n>", "port to listen on (0: any free port)", port, 8080)
    .option("--host <address>", "address to listen on; the API has no authentication, keep it on loopback", "127.0.0.1")
    .option("--request-timeout <seconds>", "longest time one request may take", seconds, 30)
    .option("--workers <n>", "processes answering requests, each with its own database connection", workers, 1)
    .action(async (options: ServeOptions) => {
      if (options.workers > 1 && cluster.isPrimary) await runPrimary(options, config(), io);
      else await runServer(options, config(), io);
      setExitCode(0);
    });
}
