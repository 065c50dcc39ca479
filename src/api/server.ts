// The API on a socket (node:http through @hono/node-server). Node's own limits back the app's:
// headers must arrive within 20 s and a whole request within the request time limit plus a
// margin, so a client sending a byte at a time cannot hold a connection open (slowloris).
import type { AddressInfo } from "node:net";
import { createServer } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { CACHED_PATHS, createApi, CONTENT_SECURITY_POLICY, DEFAULT_REQUEST_TIMEOUT_MS, SECURITY_HEADERS, type ApiOptions } from "./app.ts";
import { answerFromCache } from "./cache.ts";
import { PROBLEM_CONTENT_TYPE, problem } from "./problems.ts";

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

/** A Host header a URL can hold: a name or an address, and a port; absent counts as valid (HTTP/1.0). */
function validHost(host: string | undefined): boolean {
  if (host === undefined) return true;
  try {
    return new URL(`http://${host}/`).host !== "";
  } catch {
    return false;
  }
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { app, answers } = createApi(options);
  const host = options.host ?? "127.0.0.1";
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const listener = getRequestListener(app.fetch);
  const headers = { ...SECURITY_HEADERS, "Content-Security-Policy": CONTENT_SECURITY_POLICY };
  const server = createServer((request, response) => {
    // A Host header no URL can hold ("a b"): the adapter would answer a bare 400 itself, without
    // the headers every answer carries.
    if (!validHost(request.headers.host)) {
      const body = JSON.stringify(problem("REQUEST_INVALID", "the Host header is not a host name", request.url ?? "/"));
      response.writeHead(400, { ...headers, "Content-Type": PROBLEM_CONTENT_TYPE, "Content-Length": Buffer.byteLength(body) });
      response.end(body);
      return;
    }
    if (answers === null) return void listener(request, response);
    // A kept answer goes out from here; anything else, or a failure reading the version, to the app.
    answerFromCache(options.store, answers, CACHED_PATHS, headers, request, response).then(
      (sent) => (sent ? undefined : listener(request, response)),
      () => listener(request, response),
    );
  });
  // A request Node cannot parse (a malformed request line, headers over its 16 KiB) is answered
  // here rather than by Node's bare default, so it too carries the policy and a problem body.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify({
      ...problem("REQUEST_INVALID", tooLarge ? "the request's headers are too large" : "the request is malformed", "/"),
      status,
    });
    const lines = [
      `HTTP/1.1 ${status} ${tooLarge ? "Request Header Fields Too Large" : "Bad Request"}`,
      ...Object.entries({ ...headers, "Content-Type": PROBLEM_CONTENT_TYPE, "Content-Length": String(Buffer.byteLength(body)) }).map(
        ([name, value]) => `${name}: ${value}`,
      ),
      "Connection: close",
    ];
    socket.end(`${lines.join("\r\n")}\r\n\r\n${body}`);
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
