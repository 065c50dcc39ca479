// `sitrep serve`: the HTTP API (and the dashboard, once web/dist is built) over the database,
// until interrupted. The body limit is the ingest limit (SITREP_MAX_INPUT_BYTES).
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

export function registerServeCommand(program: Command, config: () => Config, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("serve")
    .description("serve the HTTP API (and the dashboard when web/dist is built) until interrupted")
    .option("--port <n>", "port to listen on (0: any free port)", port, 8080)
    .option("--host <address>", "address to listen on; the API has no authentication, keep it on loopback", "127.0.0.1")
    .option("--request-timeout <seconds>", "longest time one request may take", seconds, 30)
    .action(async (options: { port: number; host: string; requestTimeout: number }) => {
      const settings = config();
      const store = await openStore({ path: settings.databasePath });
      try {
        const server = await startServer({
          store,
          port: options.port,
          host: options.host,
          maxBodyBytes: settings.maxInputBytes,
          requestTimeoutMs: options.requestTimeout * 1000,
          staticRoot: WEB_DIST,
        });
        io.stdout(`${server.url}\n`);
        await new Promise<void>((resolve) => {
          process.once("SIGINT", resolve);
          process.once("SIGTERM", resolve);
        });
        await server.close();
        setExitCode(0);
      } finally {
        await store.close();
      }
    });
}
