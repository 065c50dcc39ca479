import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import { after, before, beforeEach, describe, test } from "node:test";
import { blockedReason, canonicalAddress, parseIPv4 } from "./addresses.ts";
import { FETCH_DEFAULTS, fetchUrl, type FetchResult } from "./fetch.ts";

// The project's own servers on loopback (STYLE.md, practice 8: no network). `main` on 127.0.0.1
// is reachable only through the allow-list; `forbidden` on 127.0.0.2 is never allowed, so every
// refusal can be checked by counting the connections its listener saw.
interface TestServer {
  readonly server: Server;
  readonly port: number;
  connections: number;
  readonly hosts: string[];
}

let main: TestServer;
let forbidden: TestServer;
const ALLOW = { allowAddresses: ["127.0.0.1"] } as const;
const ZEROS = Buffer.alloc(64 * 1024);

async function startServer(address: string, handle: (path: string, response: ServerResponse, port: number) => void): Promise<TestServer> {
  const server = createServer();
  const state: TestServer = { server, port: 0, connections: 0, hosts: [] };
  server.on("connection", () => {
    state.connections += 1;
  });
  server.on("request", (request, response) => {
    state.hosts.push(request.headers.host ?? "");
    handle(request.url ?? "/", response, state.port);
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  return Object.assign(state, { port: (server.address() as AddressInfo).port });
}

/** Streams zeros with back-pressure until `limit` bytes or until the client goes away. */
function streamZeros(response: ServerResponse, limit: number, sent: { bytes: number }): void {
  const pump = (): void => {
    while (!response.destroyed && sent.bytes < limit) {
      sent.bytes += ZEROS.byteLength;
      if (!response.write(ZEROS)) {
        response.once("drain", pump);
        return;
      }
    }
    if (!response.destroyed) response.end();
  };
  pump();
}

const TWO_GB = 2 * 1024 ** 3;
const hugeSent = { bytes: 0 };

function route(path: string, response: ServerResponse, port: number): void {
  const chain = /^\/chain\/(\d+)$/.exec(path);
  if (chain !== null) {
    const left = Number(chain[1]);
    if (left === 0) response.end("end of chain");
    else response.writeHead(302, { location: `/chain/${left - 1}` }).end();
    return;
  }
  switch (path) {
    case "/article":
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<html><body><p>Hello</p></body></html>");
      return;
    case "/moved":
      response.writeHead(301, { location: "/article" }).end();
      return;
    case "/to-forbidden":
      response.writeHead(302, { location: `http://127.0.0.2:${forbidden.port}/article` }).end();
      return;
    case "/to-localhost":
      response.writeHead(307, { location: `http://localhost:${forbidden.port}/article` }).end();
      return;
    case "/to-metadata":
      response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      return;
    case "/to-file":
      response.writeHead(302, { location: "file:///etc/passwd" }).end();
      return;
    case "/to-self":
      // Allowed address, but a hop must be checked on its own: 127.1 is the same address.
      response.writeHead(302, { location: `http://127.1:${port}/article` }).end();
      return;
    case "/huge-declared":
      response.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(TWO_GB) });
      streamZeros(response, TWO_GB, hugeSent);
      return;
    case "/huge-chunked":
      response.writeHead(200, { "content-type": "application/octet-stream" });
      streamZeros(response, TWO_GB, hugeSent);
      return;
    case "/drip": {
      response.writeHead(200, { "content-type": "text/plain" });
      const timer = setInterval(() => response.write("x"), 50);
      response.on("close", () => clearInterval(timer));
      return;
    }
    case "/stall":
      response.writeHead(200, { "content-type": "text/plain" });
      response.flushHeaders();
      return;
    case "/missing":
      response.writeHead(404).end("not here");
      return;
    default:
      response.writeHead(500).end();
  }
}

before(async () => {
  main = await startServer("127.0.0.1", route);
  forbidden = await startServer("127.0.0.2", route);
});

after(async () => {
  for (const { server } of [main, forbidden]) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

beforeEach(() => {
  main.connections = 0;
  forbidden.connections = 0;
  main.hosts.length = 0;
});

function assertFailed(result: FetchResult, code: string): string {
  assert.equal(result.ok, false, "expected a failure");
  if (result.ok) return "";
  assert.equal(result.error.code, code, result.error.message);
  return result.error.message;
}

describe("the fetcher's defaults", () => {
  // Every outside request, feed documents included, gets these unless its caller sets its own;
  // the 25 MB cap is also checked by streaming past it below.
  test("a request has 30 s in all", () => {
    assert.equal(FETCH_DEFAULTS.timeoutMs, 30_000);
  });

  test("a body is capped at 25 MB (25 MiB: 26,214,400 bytes)", () => {
    assert.equal(FETCH_DEFAULTS.maxBytes, 26_214_400);
  });
});

describe("address rules", () => {
  test("odd IPv4 spellings are read as WHATWG URL and inet_aton read them", () => {
    for (const spelling of ["127.0.0.1", "127.1", "2130706433", "0x7f000001", "0177.0.0.1", "0x7f.1", "127.0.1"]) {
      assert.deepEqual(parseIPv4(spelling), [127, 0, 0, 1], spelling);
    }
    assert.equal(parseIPv4("256.1.1.1"), null);
    assert.equal(parseIPv4("1.2.3.4.5"), null);
    assert.equal(parseIPv4("08.1.1.1"), null);
  });

  test("every non-public range is refused, with the reason named", () => {
    const blocked: Record<string, RegExp> = {
      "127.0.0.1": /loopback/,
      "127.255.255.254": /loopback/,
      "0.0.0.0": /unspecified/,
      "10.1.2.3": /private/,
      "172.16.0.1": /private/,
      "172.31.255.255": /private/,
      "192.168.0.1": /private/,
      "169.254.169.254": /link-local/,
      "100.64.0.1": /carrier-grade/,
      "224.0.0.251": /multicast/,
      "255.255.255.255": /broadcast/,
      "::1": /loopback/,
      "::": /unspecified/,
      "::ffff:127.0.0.1": /IPv4-mapped loopback/,
      "::ffff:7f00:1": /IPv4-mapped loopback/,
      "::ffff:169.254.169.254": /IPv4-mapped link-local/,
      "::ffff:10.0.0.1": /IPv4-mapped private/,
      "::127.0.0.1": /IPv4-compatible/,
      "64:ff9b::a9fe:a9fe": /NAT64 link-local/,
      "2002:7f00:1::": /6to4 loopback/,
      "fc00::1": /unique-local/,
      "fd00:ec2::254": /unique-local/,
      "fe80::1": /link-local/,
      "febf:ffff::1": /link-local/,
      "ff02::1": /multicast/,
      "2001:db8::1": /documentation/,
      "[::1]": /loopback/,
      "fe80::1%eth0": /not a valid/,
      "example.org": /not a valid/,
    };
    for (const [address, reason] of Object.entries(blocked)) {
      assert.match(blockedReason(address) ?? "allowed", reason, address);
    }
  });

  test("public unicast addresses, including the edges of private ranges, are allowed", () => {
    for (const address of [
      "93.184.216.34",
      "8.8.8.8",
      "172.15.255.255",
      "172.32.0.0",
      "192.169.0.1",
      "11.0.0.1",
      "2606:4700::1111",
      "2001:4860::8888",
      "::ffff:93.184.216.34",
    ]) {
      assert.equal(blockedReason(address), null, address);
    }
  });

  test("canonical forms make the allow-list match every spelling of one address", () => {
    assert.equal(canonicalAddress("::ffff:127.0.0.1"), canonicalAddress("[::ffff:7f00:1]"));
    assert.equal(canonicalAddress("0x7f000001"), "127.0.0.1");
  });
});

describe("fetchUrl", () => {
  test("fetches from the test server through the allow-list, and records the final URL", async () => {
    const result = await fetchUrl(`http://127.0.0.1:${main.port}/moved`, ALLOW);
    assert.equal(result.ok, true, result.ok ? "" : result.error.message);
    if (!result.ok) return;
    assert.equal(Buffer.from(result.bytes).toString("utf8"), "<html><body><p>Hello</p></body></html>");
    assert.equal(result.finalUrl, `http://127.0.0.1:${main.port}/article`);
    assert.equal(result.contentType, "text/html; charset=utf-8");
  });

  test("without the allow-list the same URL is refused and no connection is made", async () => {
    const message = assertFailed(await fetchUrl(`http://127.0.0.1:${main.port}/article`), "URL_BLOCKED");
    assert.match(message, /loopback/);
    assert.equal(main.connections, 0);
  });

  test("every blocked address form is refused before any connection", async () => {
    const port = main.port;
    const hosts = [
      "127.0.0.1",
      "127.1",
      "2130706433",
      "0x7f000001",
      "0177.0.0.1",
      "[::1]",
      "[::ffff:127.0.0.1]",
      "[::ffff:7f00:1]",
      "0.0.0.0",
      "0",
      "[::]",
      "localhost",
      "LOCALHOST.",
      "api.localhost",
      "169.254.169.254",
      "[::ffff:169.254.169.254]",
      "10.0.0.1",
      "172.16.0.1",
      "172.31.1.1",
      "192.168.1.1",
      "[fc00::1]",
      "[fd12:3456::1]",
      "[fe80::1]",
      "224.0.0.1",
      "[ff02::1]",
    ];
    for (const host of hosts) {
      const result = await fetchUrl(`http://${host}:${port}/article`, { timeoutMs: 500 });
      assertFailed(result, "URL_BLOCKED");
    }
    assert.equal(main.connections, 0);
  });

  test("a host name is refused when ANY address it resolves to is blocked", async () => {
    const resolveHost = async (): Promise<{ address: string; family: number }[]> => [
      { address: "93.184.216.34", family: 4 },
      { address: "127.0.0.1", family: 4 },
    ];
    const message = assertFailed(await fetchUrl(`http://rebind.example:${main.port}/article`, { resolveHost }), "URL_BLOCKED");
    assert.match(message, /127\.0\.0\.1, which is loopback/);
    assert.equal(main.connections, 0);
  });

  test("the socket connects to the checked address while Host keeps the URL's name", async () => {
    const resolveHost = async (): Promise<{ address: string; family: number }[]> => [{ address: "127.0.0.1", family: 4 }];
    const result = await fetchUrl(`http://news.example:${main.port}/article`, { ...ALLOW, resolveHost });
    assert.equal(result.ok, true);
    assert.deepEqual(main.hosts, [`news.example:${main.port}`]);
  });

  test("HTTPS: the socket goes to the checked address, the certificate is checked against the URL's name", async () => {
    const fixtures = new URL("../../test/fixtures/fetch/", import.meta.url);
    const cert = readFileSync(new URL("news.example.cert.pem", fixtures));
    const server = createHttpsServer({ cert, key: readFileSync(new URL("news.example.key.pem", fixtures)) }, (request, response) => {
      response.end(`servername ${(request.socket as TLSSocket).servername}; host ${request.headers.host ?? ""}`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const resolveHost = async (): Promise<{ address: string; family: number }[]> => [{ address: "127.0.0.1", family: 4 }];
    try {
      const result = await fetchUrl(`https://news.example:${port}/`, { ...ALLOW, resolveHost, ca: cert });
      assert.equal(
        result.ok ? Buffer.from(result.bytes).toString("utf8") : result.error.message,
        `servername news.example; host news.example:${port}`,
      );
      // The same address under another name: the certificate does not match, so nothing is read.
      const other = assertFailed(await fetchUrl(`https://other.example:${port}/`, { ...ALLOW, resolveHost, ca: cert }), "FETCH_FAILED");
      assert.match(other, /ERR_TLS_CERT_ALTNAME_INVALID/);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test("a redirect to a blocked address is refused, and that listener sees no connection", async () => {
    for (const path of ["/to-forbidden", "/to-localhost", "/to-metadata"]) {
      const result = await fetchUrl(`http://127.0.0.1:${main.port}${path}`, { ...ALLOW, timeoutMs: 1000 });
      assertFailed(result, "URL_BLOCKED");
    }
    assert.equal(forbidden.connections, 0);
  });

  test("a redirect to file: is refused", async () => {
    const message = assertFailed(await fetchUrl(`http://127.0.0.1:${main.port}/to-file`, ALLOW), "URL_INVALID");
    assert.match(message, /file:/);
  });

  test("each hop is checked again: a redirect to another spelling of an allowed address follows the same rule", async () => {
    const result = await fetchUrl(`http://127.0.0.1:${main.port}/to-self`, ALLOW);
    assert.equal(result.ok, true);
    if (result.ok) assert.equal(result.finalUrl, `http://127.0.0.1:${main.port}/article`);
  });

  test("five redirects are followed; a chain of six is refused", async () => {
    const five = await fetchUrl(`http://127.0.0.1:${main.port}/chain/5`, ALLOW);
    assert.equal(five.ok, true);
    if (five.ok) assert.equal(five.finalUrl, `http://127.0.0.1:${main.port}/chain/0`);
    assertFailed(await fetchUrl(`http://127.0.0.1:${main.port}/chain/6`, ALLOW), "FETCH_TOO_MANY_REDIRECTS");
  });

  test("only http and https are fetched", async () => {
    for (const url of [
      "file:///etc/passwd",
      "ftp://example.org/a",
      "gopher://example.org/",
      "data:text/plain,hi",
      "javascript:alert(1)",
      "ws://example.org/",
    ]) {
      assertFailed(await fetchUrl(url), "URL_INVALID");
    }
    assertFailed(await fetchUrl("not a url"), "URL_INVALID");
    assertFailed(await fetchUrl(`http://user:secret@127.0.0.1:${main.port}/article`, ALLOW), "URL_INVALID");
    assert.equal(main.connections, 0);
  });

  test("a 2 GB body declared in Content-Length is refused unread", async () => {
    hugeSent.bytes = 0;
    const started = Date.now();
    assertFailed(await fetchUrl(`http://127.0.0.1:${main.port}/huge-declared`, ALLOW), "INPUT_TOO_LARGE");
    assert.ok(Date.now() - started < 2000);
  });

  test("a 2 GB body without a length stops at the cap", async () => {
    hugeSent.bytes = 0;
    const started = Date.now();
    const cap = 1024 * 1024;
    const message = assertFailed(
      await fetchUrl(`http://127.0.0.1:${main.port}/huge-chunked`, { ...ALLOW, maxBytes: cap }),
      "INPUT_TOO_LARGE",
    );
    assert.match(message, /1048576 bytes/);
    assert.ok(Date.now() - started < 2000);
    // The server could push a few socket buffers more before it saw the close; not gigabytes.
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(hugeSent.bytes < 64 * 1024 * 1024, `server sent ${hugeSent.bytes} bytes`);
  });

  test("the default cap is 25 MB", async () => {
    hugeSent.bytes = 0;
    const message = assertFailed(await fetchUrl(`http://127.0.0.1:${main.port}/huge-chunked`, ALLOW), "INPUT_TOO_LARGE");
    assert.match(message, /26214400 bytes/);
  });

  test("a dripping body ends with FETCH_TIMEOUT at the total deadline", async () => {
    const started = Date.now();
    const message = assertFailed(await fetchUrl(`http://127.0.0.1:${main.port}/drip`, { ...ALLOW, timeoutMs: 300 }), "FETCH_TIMEOUT");
    const elapsed = Date.now() - started;
    assert.match(message, /300 ms/);
    assert.ok(elapsed >= 250 && elapsed < 1500, `took ${elapsed} ms`);
  });

  test("a server that stops sending ends with FETCH_TIMEOUT after the idle time", async () => {
    const started = Date.now();
    const message = assertFailed(
      await fetchUrl(`http://127.0.0.1:${main.port}/stall`, { ...ALLOW, idleTimeoutMs: 200, timeoutMs: 5000 }),
      "FETCH_TIMEOUT",
    );
    assert.match(message, /sent nothing/);
    assert.ok(Date.now() - started < 2000);
  });

  test("an HTTP error status is a failure with the status named", async () => {
    const message = assertFailed(await fetchUrl(`http://127.0.0.1:${main.port}/missing`, ALLOW), "FETCH_FAILED");
    assert.match(message, /HTTP 404/);
  });

  test("a resolver that never answers ends at the deadline", async () => {
    const resolveHost = (): Promise<never> => new Promise(() => undefined);
    const started = Date.now();
    assertFailed(await fetchUrl("http://slow-dns.example/", { resolveHost, timeoutMs: 200 }), "FETCH_TIMEOUT");
    assert.ok(Date.now() - started < 1000);
  });

  test("an unresolvable name is FETCH_FAILED", async () => {
    const resolveHost = async (): Promise<never> => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    assertFailed(await fetchUrl("http://nowhere.example/", { resolveHost }), "FETCH_FAILED");
  });
});
