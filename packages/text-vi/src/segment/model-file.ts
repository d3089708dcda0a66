// The segmenter's file format: small, versioned, and readable without any dependency.
//
//   "NCSG" | u32 header length | header JSON (UTF-8) | payload
//   payload = weight indices (LEB128 deltas) | weights (int16, × header.weightScale)
//           | word hashes (LEB128 deltas) | word flags (4 bits each, two per byte)
//
// Only non-zero weights are stored; decoding expands them into the dense table the decoder uses.
import { WordHashSet } from './dictionary.ts';
import type { SegmenterMeta, SegmenterModel } from './model.ts';

const MAGIC = 0x4753434e; // "NCSG" little-endian

interface Header {
  format: 1;
  bits: number;
  transitions: number[];
  weightScale: number;
  weightCount: number;
  dictCount: number;
  meta: SegmenterMeta;
}

export function encodeModel(model: SegmenterModel): Uint8Array {
  const w = model.weights;
  let maxAbs = 0;
  for (let i = 0; i < w.length; i++) if (Math.abs(w[i]) > maxAbs) maxAbs = Math.abs(w[i]);
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const idx: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < w.length; i++) {
    const q = Math.round(w[i] / scale);
    if (q !== 0) { idx.push(i); vals.push(q); }
  }
  const { hashes, flags } = model.dict.entries();
  const header: Header = {
    format: 1,
    bits: model.bits,
    transitions: Array.from(model.transitions),
    weightScale: scale,
    weightCount: idx.length,
    dictCount: hashes.length,
    meta: model.meta,
  };
  const out = new ByteWriter();
  const json = new TextEncoder().encode(JSON.stringify(header));
  out.u32(MAGIC);
  out.u32(json.length);
  out.bytes(json);
  writeDeltas(out, idx);
  for (const v of vals) out.i16(v);
  writeDeltas(out, hashes);
  for (let i = 0; i < flags.length; i += 2) out.u8((flags[i] & 15) | ((i + 1 < flags.length ? flags[i + 1] & 15 : 0) << 4));
  return out.finish();
}

export function decodeModel(bytes: Uint8Array): SegmenterModel {
  const r = new ByteReader(bytes);
  if (r.u32() !== MAGIC) throw new Error('not a segmenter model (bad magic)');
  const header = JSON.parse(new TextDecoder().decode(r.bytes(r.u32()))) as Header;
  if (header.format !== 1) throw new Error(`unsupported segmenter model format ${header.format}`);
  const weights = new Float32Array(1 << header.bits);
  const idx = readDeltas(r, header.weightCount);
  for (let k = 0; k < idx.length; k++) weights[idx[k]] = r.i16() * header.weightScale;
  const hashes = readDeltas(r, header.dictCount);
  const flags = new Uint8Array(header.dictCount);
  for (let i = 0; i < flags.length; i += 2) {
    const b = r.u8();
    flags[i] = b & 15;
    if (i + 1 < flags.length) flags[i + 1] = b >> 4;
  }
  return {
    bits: header.bits,
    weights,
    transitions: Float32Array.from(header.transitions),
    dict: new WordHashSet(hashes, flags),
    meta: header.meta,
    cache: new Map(),
  };
}

function writeDeltas(out: ByteWriter, sorted: ArrayLike<number>): void {
  let prev = 0;
  for (let i = 0; i < sorted.length; i++) { out.varint(sorted[i] - prev); prev = sorted[i]; }
}

function readDeltas(r: ByteReader, count: number): Uint32Array {
  const out = new Uint32Array(count);
  let prev = 0;
  for (let i = 0; i < count; i++) { prev += r.varint(); out[i] = prev; }
  return out;
}

class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  private len = 0;
  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  u8(v: number): void { this.reserve(1); this.buf[this.len++] = v; }
  i16(v: number): void { this.reserve(2); this.buf[this.len++] = v & 255; this.buf[this.len++] = (v >> 8) & 255; }
  u32(v: number): void { this.reserve(4); for (let k = 0; k < 4; k++) this.buf[this.len++] = (v >>> (8 * k)) & 255; }
  bytes(b: Uint8Array): void { this.reserve(b.length); this.buf.set(b, this.len); this.len += b.length; }
  /** Unsigned LEB128 for values up to 2^32. */
  varint(v: number): void {
    this.reserve(5);
    while (v >= 128) { this.buf[this.len++] = (v & 127) | 128; v = Math.floor(v / 128); }
    this.buf[this.len++] = v;
  }
  finish(): Uint8Array { return this.buf.slice(0, this.len); }
}

class ByteReader {
  private pos = 0;
  constructor(private readonly buf: Uint8Array) {}
  private need(n: number): void { if (this.pos + n > this.buf.length) throw new Error('segmenter model file is truncated'); }
  u8(): number { this.need(1); return this.buf[this.pos++]; }
  i16(): number { this.need(2); const v = this.buf[this.pos] | (this.buf[this.pos + 1] << 8); this.pos += 2; return (v << 16) >> 16; }
  u32(): number { this.need(4); let v = 0; for (let k = 0; k < 4; k++) v += this.buf[this.pos++] * 2 ** (8 * k); return v; }
  bytes(n: number): Uint8Array { this.need(n); const b = this.buf.subarray(this.pos, this.pos + n); this.pos += n; return b; }
  varint(): number {
    let v = 0, mul = 1;
    for (;;) { const b = this.u8(); v += (b & 127) * mul; if (b < 128) return v; mul *= 128; }
  }
}
