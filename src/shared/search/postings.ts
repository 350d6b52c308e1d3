/**
 * Packed posting lists: for each index term, the documents that contain it and the term's weight
 * in each (lunr's BM25 field weights, boosts included, summed over fields). Stored as one varint
 * byte stream, base64 in the JSON index, so loading parses one string instead of millions of tiny
 * objects (lunr's own JSON for 10,000 notes is over 100 MB and takes seconds to parse).
 *
 * Per term: [byte length][count][doc deltas…][weights × 1000…], every number an unsigned varint.
 */

/** Weights keep lunr's precision (lunr rounds field weights to three decimals). */
const WEIGHT_SCALE = 1000;

export interface Posting {
  docs: Int32Array;
  weights: Float64Array;
}

class ByteWriter {
  private bytes = new Uint8Array(1 << 16);
  length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  varint(value: number): void {
    this.ensure(5);
    let rest = value >>> 0;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.bytes[this.length++] = rest;
  }

  append(other: ByteWriter): void {
    this.ensure(other.length);
    this.bytes.set(other.bytes.subarray(0, other.length), this.length);
    this.length += other.length;
  }

  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Encodes posting lists in term order; `docs` ascending within each list. */
export function encodePostings(lists: readonly { docs: readonly number[]; weights: readonly number[] }[]): Uint8Array {
  const out = new ByteWriter();
  const body = new ByteWriter();
  for (const { docs, weights } of lists) {
    body.length = 0;
    body.varint(docs.length);
    let previous = 0;
    for (const doc of docs) {
      body.varint(doc - previous);
      previous = doc;
    }
    for (const weight of weights) body.varint(Math.round(weight * WEIGHT_SCALE));
    out.varint(body.length);
    out.append(body);
  }
  return out.result();
}

class ByteReader {
  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
  ) {}

  varint(): number {
    let value = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = this.bytes[this.at++]!;
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return value;
  }
}

/** The byte offset of each term's list (after its length prefix), found by hopping over lengths. */
export function postingOffsets(bytes: Uint8Array, terms: number): Int32Array {
  const offsets = new Int32Array(terms);
  const reader = new ByteReader(bytes, 0);
  for (let term = 0; term < terms; term++) {
    const length = reader.varint();
    offsets[term] = reader.at;
    reader.at += length;
  }
  if (reader.at !== bytes.length) throw new Error('the search index is damaged: posting lists do not add up');
  return offsets;
}

/** How many documents a list holds, without decoding it. */
export function postingCount(bytes: Uint8Array, offset: number): number {
  return new ByteReader(bytes, offset).varint();
}

export function decodePosting(bytes: Uint8Array, offset: number): Posting {
  const reader = new ByteReader(bytes, offset);
  const count = reader.varint();
  const docs = new Int32Array(count);
  const weights = new Float64Array(count);
  let doc = 0;
  for (let i = 0; i < count; i++) {
    doc += reader.varint();
    docs[i] = doc;
  }
  for (let i = 0; i < count; i++) weights[i] = reader.varint() / WEIGHT_SCALE;
  return { docs, weights };
}

/** base64 without Node's Buffer, so the same code runs in the renderer's worker. */
export function toBase64(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) chunks.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return btoa(chunks.join(''));
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
