// The container the gazetteer build writes and the runtime reads: named sections of typed arrays,
// strings and JSON in one gzip file. Typed arrays are stored little-endian and 8-byte aligned, so
// that reading is a view over the decompressed bytes, not a parse.
import { endianness } from "node:os";
import { gunzipSync, gzipSync } from "node:zlib";

const MAGIC = "SITREP-GAZETTEER";
export const GAZETTEER_FORMAT_VERSION = 1;

export type SectionValue = Int32Array | Uint32Array | Uint16Array | Uint8Array | string;

type SectionType = "i32" | "u32" | "u16" | "u8" | "text";

interface SectionEntry {
  readonly name: string;
  readonly type: SectionType;
  readonly byteOffset: number;
  readonly byteLength: number;
}

interface Header {
  readonly magic: string;
  readonly version: number;
  readonly meta: unknown;
  readonly sections: readonly SectionEntry[];
}

function typeOf(value: SectionValue): SectionType {
  if (typeof value === "string") return "text";
  if (value instanceof Int32Array) return "i32";
  if (value instanceof Uint32Array) return "u32";
  if (value instanceof Uint16Array) return "u16";
  return "u8";
}

function align8(length: number): number {
  return (length + 7) & ~7;
}

/** Packs the sections and a JSON `meta` object, gzipped. */
export function writeGazetteerFile(meta: unknown, sections: ReadonlyMap<string, SectionValue>): Buffer {
  const bodies: Buffer[] = [];
  const entries: SectionEntry[] = [];
  let offset = 0;
  for (const [name, value] of sections) {
    const bytes = typeof value === "string" ? Buffer.from(value, "utf8") : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    entries.push({ name, type: typeOf(value), byteOffset: offset, byteLength: bytes.length });
    const padded = Buffer.alloc(align8(bytes.length));
    bytes.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  }
  const header: Header = { magic: MAGIC, version: GAZETTEER_FORMAT_VERSION, meta, sections: entries };
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const prefix = Buffer.alloc(8);
  prefix.writeUInt32LE(headerBytes.length, 0);
  const headerPadded = Buffer.alloc(align8(headerBytes.length));
  headerBytes.copy(headerPadded);
  return gzipSync(Buffer.concat([prefix, headerPadded, ...bodies]), { level: 9 });
}

export interface GazetteerFile {
  readonly meta: unknown;
  text(name: string): string;
  int32(name: string): Int32Array;
  uint32(name: string): Uint32Array;
  uint16(name: string): Uint16Array;
  uint8(name: string): Uint8Array;
}

/**
 * Reads a file written by writeGazetteerFile; throws on a foreign or newer file. The typed
 * arrays returned are views over one decompressed buffer: copy (slice) those to be kept, so
 * that the buffer can be freed.
 */
export function readGazetteerFile(compressed: Uint8Array): GazetteerFile {
  if (endianness() !== "LE") throw new Error("the gazetteer file is little-endian; this machine is not");
  let bytes: Uint8Array = gunzipSync(compressed);
  // Typed-array views need 8-byte-aligned offsets; copy only when the buffer is not aligned.
  if (bytes.byteOffset % 8 !== 0) {
    const aligned = new Uint8Array(new ArrayBuffer(bytes.length));
    aligned.set(bytes);
    bytes = aligned;
  }
  const base = bytes.byteOffset;
  const headerLength = new DataView(bytes.buffer, base).getUint32(0, true);
  const header = JSON.parse(Buffer.from(bytes.buffer, base + 8, headerLength).toString("utf8")) as Header;
  if (header.magic !== MAGIC || header.version !== GAZETTEER_FORMAT_VERSION) {
    throw new Error(`not a sitrep gazetteer file of version ${GAZETTEER_FORMAT_VERSION}`);
  }
  const bodyStart = base + 8 + align8(headerLength);
  const byName = new Map(header.sections.map((entry) => [entry.name, entry]));
  function section(name: string, type: SectionType): SectionEntry {
    const entry = byName.get(name);
    if (entry === undefined || entry.type !== type) throw new Error(`gazetteer file lacks section ${name}`);
    return entry;
  }
  return {
    meta: header.meta,
    text(name) {
      const entry = section(name, "text");
      return Buffer.from(bytes.buffer, bodyStart + entry.byteOffset, entry.byteLength).toString("utf8");
    },
    int32(name) {
      const entry = section(name, "i32");
      return new Int32Array(bytes.buffer, bodyStart + entry.byteOffset, entry.byteLength / 4);
    },
    uint32(name) {
      const entry = section(name, "u32");
      return new Uint32Array(bytes.buffer, bodyStart + entry.byteOffset, entry.byteLength / 4);
    },
    uint16(name) {
      const entry = section(name, "u16");
      return new Uint16Array(bytes.buffer, bodyStart + entry.byteOffset, entry.byteLength / 2);
    },
    uint8(name) {
      const entry = section(name, "u8");
      return new Uint8Array(bytes.buffer, bodyStart + entry.byteOffset, entry.byteLength);
    },
  };
}
