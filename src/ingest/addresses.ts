// Which IP addresses the fetcher may connect to. A block-list over the resolved address, as the
// OWASP SSRF cheat sheet asks when any public host must be reachable (reliability.md §5.1): every
// IANA special-purpose range (RFC 6890 and its IPv4 / IPv6 registries) that is not globally
// reachable is refused, so loopback, RFC 1918, link-local (cloud metadata at 169.254.169.254),
// unique-local, multicast and unspecified addresses cannot be reached through a report's URL.
// Pure functions over strings: the fetcher calls them on the address it is about to connect to.

/**
 * Parses an IPv4 address in any spelling the WHATWG URL standard and inet_aton accept (§4.5,
 * "IPv4 parser"): one to four parts, each decimal, octal (leading 0) or hex (0x). "127.1",
 * "2130706433", "0x7f000001" and "0177.0.0.1" are all 127.0.0.1. Returns the four bytes, or null.
 */
export function parseIPv4(text: string): readonly number[] | null {
  const parts = text.split(".");
  if (parts.length > 4 || parts.some((part) => part === "")) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) value = Number.parseInt(part.slice(1), 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) value = Number(part);
    else return null;
    if (!Number.isSafeInteger(value)) return null;
    numbers.push(value);
  }
  const last = numbers[numbers.length - 1] ?? 0;
  const leading = numbers.slice(0, -1);
  if (leading.some((value) => value > 255)) return null;
  // The last part fills the bytes the earlier parts left: "127.1" puts 1 in the last three bytes.
  if (last >= 256 ** (5 - numbers.length)) return null;
  const bytes = [...leading];
  for (let index = 4 - numbers.length; index >= 0; index -= 1) bytes.push(Math.floor(last / 256 ** index) % 256);
  return bytes;
}

/** Parses an IPv6 address (RFC 4291 §2.2 text forms, with an IPv4 tail) into eight 16-bit groups. */
export function parseIPv6(text: string): readonly number[] | null {
  // A zone id ("fe80::1%eth0") only ever names a link-local address; nothing to fetch there.
  if (text.includes("%")) return null;
  let body = text;
  const lastColon = body.lastIndexOf(":");
  if (lastColon >= 0 && body.slice(lastColon + 1).includes(".")) {
    const tail = body.slice(lastColon + 1);
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(tail)) return null;
    const v4 = tail.split(".").map(Number);
    if (v4.some((value) => value > 255)) return null;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    body = `${body.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (half: string): number[] | null => {
    if (half === "") return [];
    const groups = half.split(":");
    if (groups.some((group) => !/^[0-9a-f]{1,4}$/i.test(group))) return null;
    return groups.map((group) => Number.parseInt(group, 16));
  };
  const left = groupsOf(halves[0] ?? "");
  const right = halves.length === 2 ? groupsOf(halves[1] ?? "") : [];
  if (left === null || right === null) return null;
  if (halves.length === 1) return left.length === 8 ? left : null;
  const zeros = 8 - left.length - right.length;
  if (zeros < 1) return null;
  return [...left, ...new Array<number>(zeros).fill(0), ...right];
}

type Range = readonly [base: number, prefixLength: number, reason: string];

/** IANA IPv4 Special-Purpose Address Registry, the entries not globally reachable, plus multicast. */
const IPV4_BLOCKED: readonly Range[] = [
  [ipv4Number(0, 0, 0, 0), 8, "unspecified ('this network', RFC 1122)"],
  [ipv4Number(10, 0, 0, 0), 8, "private (RFC 1918)"],
  [ipv4Number(100, 64, 0, 0), 10, "shared carrier-grade NAT (RFC 6598)"],
  [ipv4Number(127, 0, 0, 0), 8, "loopback"],
  [ipv4Number(169, 254, 0, 0), 16, "link-local (cloud metadata lives here)"],
  [ipv4Number(172, 16, 0, 0), 12, "private (RFC 1918)"],
  [ipv4Number(192, 0, 0, 0), 24, "IETF protocol assignments"],
  [ipv4Number(192, 0, 2, 0), 24, "documentation"],
  [ipv4Number(192, 88, 99, 0), 24, "6to4 relay anycast"],
  [ipv4Number(192, 168, 0, 0), 16, "private (RFC 1918)"],
  [ipv4Number(198, 18, 0, 0), 15, "benchmarking"],
  [ipv4Number(198, 51, 100, 0), 24, "documentation"],
  [ipv4Number(203, 0, 113, 0), 24, "documentation"],
  [ipv4Number(224, 0, 0, 0), 4, "multicast"],
  [ipv4Number(240, 0, 0, 0), 4, "reserved (and broadcast)"],
];

function ipv4Number(a: number, b: number, c: number, d: number): number {
  return ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
}

function ipv4Reason(bytes: readonly number[]): string | null {
  const [a = 0, b = 0, c = 0, d = 0] = bytes;
  const value = ipv4Number(a, b, c, d);
  for (const [base, prefixLength, reason] of IPV4_BLOCKED) {
    const size = 2 ** (32 - prefixLength);
    if (value >= base && value < base + size) return reason;
  }
  return null;
}

function ipv6Reason(groups: readonly number[]): string | null {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embeddedV4 = [g6 >> 8, g6 & 255, g7 >> 8, g7 & 255];
  const firstFive = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (firstFive && g5 === 0 && g6 === 0 && g7 === 0) return "unspecified";
  if (firstFive && g5 === 0 && g6 === 0 && g7 === 1) return "loopback";
  // ::ffff:a.b.c.d reaches a.b.c.d itself, so it is judged as that address.
  if (firstFive && g5 === 0xffff) return reasonWithPrefix("IPv4-mapped", ipv4Reason(embeddedV4));
  // ::a.b.c.d (RFC 4291 §2.5.5.1) is deprecated; some stacks still route it to a.b.c.d.
  if (firstFive && g5 === 0) return "IPv4-compatible (deprecated)";
  // NAT64 (RFC 6052) translates to the embedded IPv4 address; judge that one.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return reasonWithPrefix("NAT64", ipv4Reason(embeddedV4));
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return "local-use NAT64 (RFC 8215)";
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return "discard-only (RFC 6666)";
  if (g0 === 0x2001 && g1 < 0x200) return "IETF protocol assignments (incl. Teredo)";
  if (g0 === 0x2001 && g1 === 0xdb8) return "documentation";
  // 6to4 (RFC 3056) carries the IPv4 address in groups 1-2.
  if (g0 === 0x2002) return reasonWithPrefix("6to4", ipv4Reason([g1 >> 8, g1 & 255, g2 >> 8, g2 & 255]));
  if ((g0 & 0xfe00) === 0xfc00) return "unique-local (fc00::/7)";
  if ((g0 & 0xffc0) === 0xfe80) return "link-local (fe80::/10)";
  if ((g0 & 0xffc0) === 0xfec0) return "site-local (deprecated)";
  if ((g0 & 0xff00) === 0xff00) return "multicast";
  return null;
}

function reasonWithPrefix(prefix: string, reason: string | null): string | null {
  return reason === null ? null : `${prefix} ${reason}`;
}

/** A canonical text for an IP address (dotted quad, or eight lower-case hex groups); null if not one. */
export function canonicalAddress(address: string): string | null {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  if (bare.includes(":")) {
    const groups = parseIPv6(bare);
    return groups === null ? null : groups.map((group) => group.toString(16)).join(":");
  }
  const bytes = parseIPv4(bare);
  return bytes === null ? null : bytes.join(".");
}

/**
 * Why connecting to this address is refused, or null when it is a public unicast address.
 * Anything that does not parse as an address is refused: the fetcher only ever asks about
 * addresses it is about to connect to, and an address it cannot read it must not reach.
 */
export function blockedReason(address: string): string | null {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  if (bare.includes(":")) {
    const groups = parseIPv6(bare);
    return groups === null ? "not a valid IPv6 address" : ipv6Reason(groups);
  }
  const bytes = parseIPv4(bare);
  return bytes === null ? "not a valid IP address" : ipv4Reason(bytes);
}
