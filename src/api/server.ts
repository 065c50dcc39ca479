// The API on a socket (node:http through @hono/node-server). Node's own limits back the app's:
// headers must arrive within 20 s and a whole request within the request time limit plus a
// margin, so a client sending a byte at a time cannot hold a connection open (slowloris).
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { createApp, DEFAULT_REQUEST_TIMEOUT_MS, type ApiOptions } from "./app.ts";

export interface ServerOptions extends ApiOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Default 127.0.0.1: the API has no authentication, so it listens on loopback unless told otherwise. */
  readonly host?: string;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const HEADERS_TIMEOUT_MS = 20_000;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = createApp(options);
  const host = options.host ?? "127.0.0.1";
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: host }) as Server;
    server.headersTimeout = HEADERS_TIMEOUT_MS;
    server.requestTimeout = requestTimeoutMs + 5_000;
    server.once("error", reject);
    server.once("listening", () => {
      const { port } = server.address() as AddressInfo;
      const shown = host === "127.0.0.1" || host === "::1" || host === "0.0.0.0" || host === "::" ? "localhost" : host;
      resolve({
        url: `http://${shown}:${port}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error === undefined ? done() : fail(error)));
            server.closeAllConnections();
          }),
      });
    });
  });
}
