// An open-addressing hash set over keys stored back to back in one string. The gazetteer holds
// about a million keys; as JS strings in a Map they would take several times the memory and
// most of the load time, as one string with offsets they take a few megabytes and a hash
// table that is built in tens of milliseconds.

/**
 * FNV-1a over the length and at most the first and last eight UTF-16 code units: long keys that
 * differ only in the middle share a slot chain, which the comparison in find() resolves.
 */
function hashOf(text: string, start: number, end: number): number {
  let hash = Math.imul(0x811c9dc5 ^ (end - start), 0x01000193);
  const headEnd = Math.min(end, start + 8);
  for (let index = start; index < headEnd; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  for (let index = Math.max(headEnd, end - 8); index < end; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 15;
  return hash >>> 0;
}

export class KeyTable {
  readonly size: number;
  private readonly blob: string;
  private readonly offsets: Uint32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** Key i is `blob.slice(offsets[i], offsets[i + 1])`; keys must be distinct. */
  constructor(blob: string, offsets: Uint32Array) {
    this.blob = blob;
    this.offsets = offsets;
    this.size = offsets.length - 1;
    let capacity = 16;
    while (capacity < this.size * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity);
    for (let key = 0; key < this.size; key++) {
      const start = offsets[key] as number;
      const end = offsets[key + 1] as number;
      let slot = hashOf(blob, start, end) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = key + 1;
    }
  }

  /** The index of `key`, or -1. */
  find(key: string): number {
    const length = key.length;
    let slot = hashOf(key, 0, length) & this.mask;
    for (;;) {
      const stored = this.slots[slot] as number;
      if (stored === 0) return -1;
      const start = this.offsets[stored - 1] as number;
      if ((this.offsets[stored] as number) - start === length && this.blob.startsWith(key, start)) {
        return stored - 1;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  key(index: number): string {
    return this.blob.slice(this.offsets[index], this.offsets[index + 1]);
  }
}
