// The API on a socket (node:http through @hono/node-server). Node's own limits back the app's:
// headers must arrive within 20 s and a whole request within the request time limit plus a
// margin, so a client sending a byte at a time cannot hold a connection open (slowloris).
import type { AddressInfo } from "node:net";
import { createServer } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { CACHED_PATHS, createApi, CONTENT_SECURITY_POLICY, DEFAULT_REQUEST_TIMEOUT_MS, SECURITY_HEADERS, type ApiOptions } from "./app.ts";
import { answerFromCache } from "./cache.ts";

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
  const { app, answers } = createApi(options);
  const host = options.host ?? "127.0.0.1";
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const listener = getRequestListener(app.fetch);
  const headers = { ...SECURITY_HEADERS, "Content-Security-Policy": CONTENT_SECURITY_POLICY };
  const server = createServer((request, response) => {
    if (answers === null) return void listener(request, response);
    // A kept answer goes out from here; anything else, or a failure reading the version, to the app.
    answerFromCache(options.store, answers, CACHED_PATHS, headers, request, response).then(
      (sent) => (sent ? undefined : listener(request, response)),
      () => listener(request, response),
    );
  });
  return new Promise((resolve, reject) => {
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
    server.listen(options.port, host);
  });
}
