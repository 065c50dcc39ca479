// The one fetcher for every outside request (issue 6 §3). URL ingest is where products like this
// one have had their worst bugs: OpenCTI's CVE-2026-21887 fetched user URLs with axios defaults
// (reliability.md §1.1, §5.1). So the rules here follow OWASP's SSRF cheat sheet:
//   - http and https only, no credentials in the URL;
//   - the host is resolved here (every A and AAAA record) and refused when ANY record is a
//     non-public address (addresses.ts); the socket then connects to the address that was
//     checked, through a `lookup` that returns it, so no second, unchecked resolution happens
//     (DNS rebinding); the Host header and the TLS server name stay the URL's host;
//   - redirects are followed by hand, at most 5, and every hop is checked the same way;
//   - the body is counted as it streams and the request destroyed past the cap, whatever
//     Content-Length claims; a total deadline and an idle timeout bound the time.
// fetchUrl never throws: a batch reports one result per item (STYLE.md, practice 4).
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage, type ClientRequest } from "node:http";
import { request as httpsRequest, type RequestOptions as HttpsRequestOptions } from "node:https";
import type { LookupFunction } from "node:net";
import type { ErrorCode, SitrepError } from "../domain/errors.ts";
import { blockedReason, canonicalAddress } from "./addresses.ts";
import { inputError } from "./errors.ts";

export const FETCH_DEFAULTS = {
  maxBytes: 25 * 1024 * 1024,
  timeoutMs: 30_000,
  /** No byte for this long ends the fetch even before the total deadline. */
  idleTimeoutMs: 10_000,
  maxRedirects: 5,
} as const;

export interface FetchOptions {
  readonly maxBytes?: number;
  /** The whole fetch, every redirect and the body included. */
  readonly timeoutMs?: number;
  readonly idleTimeoutMs?: number;
  readonly maxRedirects?: number;
  /**
   * Addresses reachable although non-public. Empty in production; the tests name the loopback
   * address of their own server here, so the same URL without it is refused.
   */
  readonly allowAddresses?: readonly string[];
  /** Resolves a host name to every address it has. Tests inject one; default dns.lookup(all). */
  readonly resolveHost?: (hostname: string) => Promise<readonly LookupAddress[]>;
  readonly userAgent?: string;
  /** Certificates to trust instead of Node's bundled roots (the tests' self-signed one). */
  readonly ca?: string | Buffer;
  /**
   * The validators of a copy already held (RFC 9110 §13.1), sent as If-None-Match and
   * If-Modified-Since; a 304 answer is then a success with status 304 and no bytes.
   */
  readonly conditional?: { readonly etag?: string | null; readonly lastModified?: string | null };
}

export type FetchResult =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array;
      /** The URL the bytes came from, after redirects: the Document's provenance. */
      readonly finalUrl: string;
      readonly contentType: string | null;
      /** 2xx, or 304 when `conditional` was sent and the server holds nothing newer. */
      readonly status: number;
      /** The response's validators, for the next conditional request. */
      readonly etag: string | null;
      readonly lastModified: string | null;
    }
  | { readonly ok: false; readonly error: SitrepError; readonly finalUrl: string | null };

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const settings = {
    maxBytes: options.maxBytes ?? FETCH_DEFAULTS.maxBytes,
    timeoutMs: options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs,
    idleTimeoutMs: options.idleTimeoutMs ?? FETCH_DEFAULTS.idleTimeoutMs,
    maxRedirects: options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects,
    allowed: new Set((options.allowAddresses ?? []).map((address) => canonicalAddress(address) ?? address)),
    resolveHost: options.resolveHost ?? defaultResolveHost,
    userAgent: options.userAgent ?? "sitrep/0.1",
    ca: options.ca,
    conditional: conditionalHeaders(options.conditional),
  };
  const deadline = Date.now() + settings.timeoutMs;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return failed("URL_INVALID", url, "is not a valid URL", null);
  }
  for (let redirects = 0; ; redirects += 1) {
    const checked = checkUrl(current, url);
    if (checked !== null) return { ok: false, error: checked, finalUrl: current.href };
    // getaddrinfo has no timeout of its own; a resolver that never answers still ends at the deadline.
    const target = await beforeDeadline(resolveChecked(current, url, settings), deadline, (): Resolved => ({
      ok: false,
      error: fetchError("FETCH_TIMEOUT", url, `took longer than ${settings.timeoutMs} ms`),
    }));
    if (!target.ok) return { ok: false, error: target.error, finalUrl: current.href };
    const remaining = deadline - Date.now();
    if (remaining <= 0) return failed("FETCH_TIMEOUT", url, `took longer than ${settings.timeoutMs} ms`, current.href);
    const hop = await requestOnce(current, target.address, target.family, remaining, settings, url);
    if (!hop.ok) return { ok: false, error: hop.error, finalUrl: current.href };
    if (hop.kind === "redirect") {
      if (redirects >= settings.maxRedirects) {
        return failed("FETCH_TOO_MANY_REDIRECTS", url, `redirected more than ${settings.maxRedirects} times`, current.href);
      }
      try {
        current = new URL(hop.location, current);
      } catch {
        return failed("URL_INVALID", url, `redirected to an invalid URL (${hop.location})`, current.href);
      }
      continue;
    }
    const { bytes, contentType, status, etag, lastModified } = hop;
    return { ok: true, bytes, finalUrl: current.href, contentType, status, etag, lastModified };
  }
}

function conditionalHeaders(conditional: FetchOptions["conditional"]): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  // A header value with a line break would be refused by node:http; a stored validator is the server's word, so check it.
  const safe = (value: string | null | undefined): value is string => typeof value === "string" && value !== "" && !/[\r\n]/.test(value);
  if (safe(conditional?.etag)) headers["if-none-match"] = conditional.etag;
  if (safe(conditional?.lastModified)) headers["if-modified-since"] = conditional.lastModified;
  return headers;
}

/** The scheme and shape rules, before any resolution. */
function checkUrl(url: URL, origin: string): SitrepError | null {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return fetchError("URL_INVALID", origin, `uses ${url.protocol} (only http and https are fetched)`);
  }
  // Credentials in a URL would travel to every host a redirect names.
  if (url.username !== "" || url.password !== "") {
    return fetchError("URL_INVALID", origin, "holds a user name or password; sitrep does not send credentials");
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  // RFC 6761 §6.3: "localhost" and names under it are loopback whatever DNS says.
  if (host === "localhost" || host.endsWith(".localhost")) {
    return fetchError("URL_BLOCKED", origin, `${url.host} is loopback`);
  }
  return null;
}

type Resolved =
  { readonly ok: true; readonly address: string; readonly family: 4 | 6 } | { readonly ok: false; readonly error: SitrepError };

interface Settings {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly allowed: ReadonlySet<string>;
  readonly resolveHost: (hostname: string) => Promise<readonly LookupAddress[]>;
  readonly userAgent: string;
  readonly ca: string | Buffer | undefined;
  readonly conditional: Readonly<Record<string, string>>;
}

async function resolveChecked(url: URL, origin: string, settings: Settings): Promise<Resolved> {
  const hostname = bareHost(url.hostname);
  // The URL parser has already turned "127.1", "2130706433", "0x7f000001" and "0177.0.0.1" into
  // 127.0.0.1 and compressed IPv6; an address literal is checked as it is, without DNS.
  const literal = canonicalAddress(hostname);
  let addresses: readonly LookupAddress[];
  if (literal !== null) {
    addresses = [{ address: hostname, family: hostname.includes(":") ? 6 : 4 }];
  } else {
    try {
      addresses = await settings.resolveHost(hostname);
    } catch (cause) {
      return { ok: false, error: fetchError("FETCH_FAILED", origin, `${hostname} could not be resolved`, cause) };
    }
    if (addresses.length === 0) return { ok: false, error: fetchError("FETCH_FAILED", origin, `${hostname} has no address`) };
  }
  // Any blocked record refuses the host: a name that resolves to a public and a private address
  // is a rebinding set-up, and which one the socket would pick is not ours to guess.
  for (const { address } of addresses) {
    const canonical = canonicalAddress(address);
    if (canonical !== null && settings.allowed.has(canonical)) continue;
    const reason = blockedReason(address);
    if (reason !== null) {
      return { ok: false, error: fetchError("URL_BLOCKED", origin, `${url.host} resolves to ${address}, which is ${reason}`) };
    }
  }
  const first = addresses[0];
  if (first === undefined) return { ok: false, error: fetchError("FETCH_FAILED", origin, `${hostname} has no address`) };
  return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4 };
}

async function defaultResolveHost(hostname: string): Promise<readonly LookupAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true });
}

type Hop =
  | { readonly ok: true; readonly kind: "redirect"; readonly location: string }
  | {
      readonly ok: true;
      readonly kind: "body";
      readonly bytes: Uint8Array;
      readonly contentType: string | null;
      readonly status: number;
      readonly etag: string | null;
      readonly lastModified: string | null;
    }
  | { readonly ok: false; readonly error: SitrepError };

/** One request to one checked address; the response is a redirect to follow or a body under the cap. */
function requestOnce(url: URL, address: string, family: 4 | 6, remainingMs: number, settings: Settings, origin: string): Promise<Hop> {
  return new Promise<Hop>((resolvePromise) => {
    let settled = false;
    let request: ClientRequest | null = null;
    const finish = (hop: Hop): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadlineTimer);
      request?.destroy();
      resolvePromise(hop);
    };
    const deadlineTimer = setTimeout(
      () => finish({ ok: false, error: fetchError("FETCH_TIMEOUT", origin, `took longer than ${settings.timeoutMs} ms`) }),
      remainingMs,
    );

    // The socket connects where the check said, whatever name the request carries.
    const pinnedLookup: LookupFunction = (_hostname, lookupOptions, callback) => {
      if (lookupOptions.all === true) callback(null, [{ address, family }]);
      else callback(null, address, family);
    };
    const requestOptions: HttpsRequestOptions = {
      protocol: url.protocol,
      hostname: bareHost(url.hostname),
      port: url.port === "" ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: "GET",
      lookup: pinnedLookup,
      // A fresh socket per request: a pooled one could be connected to an address checked for another host.
      agent: false,
      headers: {
        host: url.host,
        "user-agent": settings.userAgent,
        accept: "text/html, application/xhtml+xml, application/pdf, text/plain, application/rss+xml, application/atom+xml, */*;q=0.5",
        // Compressed bodies would need the cap counted after inflation; asking for none is simpler.
        "accept-encoding": "identity",
        ...settings.conditional,
      },
    };
    if (settings.ca !== undefined) requestOptions.ca = settings.ca;
    // RFC 6066 §3: SNI carries a host name, never an address literal.
    if (url.protocol === "https:" && canonicalAddress(bareHost(url.hostname)) === null) requestOptions.servername = bareHost(url.hostname);

    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    try {
      request = send(requestOptions, (response) => handleResponse(response, settings, origin, finish));
    } catch (cause) {
      finish({ ok: false, error: fetchError("FETCH_FAILED", origin, "the request could not be made", cause) });
      return;
    }
    request.setTimeout(settings.idleTimeoutMs, () =>
      finish({ ok: false, error: fetchError("FETCH_TIMEOUT", origin, `sent nothing for ${settings.idleTimeoutMs} ms`) }),
    );
    request.on("error", (cause) => finish({ ok: false, error: fetchError("FETCH_FAILED", origin, describeNetworkError(cause), cause) }));
    request.end();
  });
}

function handleResponse(response: IncomingMessage, settings: Settings, origin: string, finish: (hop: Hop) => void): void {
  // Destroying the request to end a fetch early makes the response emit "aborted" errors; the
  // outcome is already decided by then, and an unheard error event would crash the process.
  response.on("error", (cause) => finish({ ok: false, error: fetchError("FETCH_FAILED", origin, describeNetworkError(cause), cause) }));
  const status = response.statusCode ?? 0;
  if (REDIRECT_STATUSES.has(status)) {
    const location = response.headers.location;
    if (location === undefined || location === "") {
      finish({ ok: false, error: fetchError("FETCH_FAILED", origin, `answered ${status} without a Location`) });
      return;
    }
    finish({ ok: true, kind: "redirect", location });
    return;
  }
  const validators = { etag: headerValue(response.headers.etag), lastModified: headerValue(response.headers["last-modified"]) };
  // RFC 9110 §15.4.5: 304 answers a conditional request only; unasked for, it is an error like any other.
  if (status === 304 && Object.keys(settings.conditional).length > 0) {
    response.resume();
    finish({ ok: true, kind: "body", bytes: new Uint8Array(0), contentType: null, status, ...validators });
    return;
  }
  if (status < 200 || status > 299) {
    finish({ ok: false, error: fetchError("FETCH_FAILED", origin, `answered HTTP ${status}`) });
    return;
  }
  const encoding = (response.headers["content-encoding"] ?? "identity").toLowerCase();
  if (encoding !== "identity") {
    finish({ ok: false, error: fetchError("FETCH_FAILED", origin, `sent a ${encoding} body although none was asked for`) });
    return;
  }
  const tooLarge = (): void =>
    finish({
      ok: false,
      error: fetchError("INPUT_TOO_LARGE", origin, `holds more than ${settings.maxBytes} bytes; the limit is ${settings.maxBytes} bytes`),
    });
  // A declared length past the cap is refused unread; an honest small one is still not trusted.
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > settings.maxBytes) {
    tooLarge();
    return;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  response.on("data", (chunk: Buffer) => {
    total += chunk.byteLength;
    if (total > settings.maxBytes) {
      tooLarge();
      return;
    }
    chunks.push(chunk);
  });
  response.on("end", () => {
    if (!response.complete) {
      finish({ ok: false, error: fetchError("FETCH_FAILED", origin, "the connection closed before the body was complete") });
      return;
    }
    finish({
      ok: true,
      kind: "body",
      bytes: Buffer.concat(chunks, total),
      contentType: response.headers["content-type"] ?? null,
      status,
      ...validators,
    });
  });
}

function headerValue(value: string | undefined): string | null {
  return value === undefined || value === "" ? null : value;
}

function beforeDeadline<T>(work: Promise<T>, deadline: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function bareHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

function describeNetworkError(cause: Error): string {
  const code = "code" in cause && typeof cause.code === "string" ? cause.code : null;
  return code === null ? `the request failed (${cause.message})` : `the request failed (${code})`;
}

function fetchError(code: ErrorCode, origin: string, detail: string, cause?: unknown): SitrepError {
  return inputError(code, origin, detail, cause);
}

function failed(code: ErrorCode, origin: string, detail: string, finalUrl: string | null): FetchResult {
  return { ok: false, error: fetchError(code, origin, detail), finalUrl };
}
