// Binary model files. Layout (little-endian):
//   "NCLM" · u8 version · u32 header length · header JSON (labels, features, scales, bias, temperature,
//   row count, layout) · weights.
// Weights are the int8 table itself ("dense") or, when smaller, only the rows with a non-zero
// weight: delta-encoded varint row ids followed by their K int8 weights each ("sparse").
import type { ClassifierModel } from './model.ts';
import type { FeatureSpec } from './features.ts';

const MAGIC = [0x4e, 0x43, 0x4c, 0x4d]; // "NCLM"
const VERSION = 1;

interface Header {
  format: ClassifierModel['format'];
  labels: string[];
  features: FeatureSpec;
  scales: number[];
  bias: number[];
  temperature: number;
  layout: 'dense' | 'sparse';
  rows: number;
  meta?: Record<string, string | number>;
}

export function serializeModel(model: ClassifierModel): Uint8Array {
  const K = model.labels.length;
  const w = model.weights;
  const totalRows = w.length / K;
  const rowIds: number[] = [];
  for (let r = 0; r < totalRows; r++) {
    for (let k = 0; k < K; k++) if (w[r * K + k] !== 0) { rowIds.push(r); break; }
  }
  let idBytes = 0;
  for (let i = 0, prev = 0; i < rowIds.length; prev = rowIds[i++]) idBytes += varintSize(rowIds[i] - prev);
  const sparse = idBytes + rowIds.length * K < w.length;
  const header: Header = {
    format: model.format, labels: model.labels, features: model.features,
    scales: [...model.scales], bias: [...model.bias], temperature: model.temperature,
    layout: sparse ? 'sparse' : 'dense', rows: sparse ? rowIds.length : totalRows,
    ...(model.meta ? { meta: model.meta } : {}),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const body = sparse ? idBytes + rowIds.length * K : w.length;
  const out = new Uint8Array(9 + json.length + body);
  out.set(MAGIC, 0);
  out[4] = VERSION;
  new DataView(out.buffer).setUint32(5, json.length, true);
  out.set(json, 9);
  let pos = 9 + json.length;
  if (!sparse) {
    out.set(new Uint8Array(w.buffer, w.byteOffset, w.length), pos);
    return out;
  }
  for (let i = 0, prev = 0; i < rowIds.length; prev = rowIds[i++]) pos = writeVarint(out, pos, rowIds[i] - prev);
  for (const r of rowIds) for (let k = 0; k < K; k++) out[pos++] = w[r * K + k] & 0xff;
  return out;
}

export function deserializeModel(bytes: Uint8Array): ClassifierModel {
  if (bytes.length < 9 || MAGIC.some((b, i) => bytes[i] !== b)) throw new Error('not a Nhịp Cầu classifier model (bad magic)');
  if (bytes[4] !== VERSION) throw new Error(`unsupported classifier model version ${bytes[4]}`);
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.length).getUint32(5, true);
  if (9 + jsonLength > bytes.length) throw new Error('truncated classifier model header');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(9, 9 + jsonLength))) as Header;
  if (header.format !== 'nhipcau-linear-1') throw new Error(`unknown classifier model format ${String(header.format)}`);
  const K = header.labels?.length ?? 0;
  const bits = header.features?.bits;
  if (K < 2 || !Number.isInteger(bits) || bits < 1 || bits > 26 || header.scales?.length !== K || header.bias?.length !== K) {
    throw new Error('corrupt classifier model header');
  }
  const weights = new Int8Array((1 << header.features.bits) * K);
  let pos = 9 + jsonLength;
  const signed = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  if (header.layout === 'dense') {
    if (pos + weights.length > bytes.length) throw new Error('truncated classifier model weights');
    weights.set(signed.subarray(pos, pos + weights.length));
  } else {
    const rowIds = new Int32Array(header.rows);
    for (let i = 0, row = 0; i < header.rows; i++) {
      let value = 0, shift = 0, byte: number;
      do {
        if (pos >= bytes.length) throw new Error('truncated classifier model row index');
        byte = bytes[pos++];
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      row += value;
      rowIds[i] = row;
    }
    if (pos + header.rows * K > bytes.length) throw new Error('truncated classifier model weights');
    for (const r of rowIds) for (let k = 0; k < K; k++) weights[r * K + k] = signed[pos++];
  }
  return {
    format: header.format, labels: header.labels, features: header.features, weights,
    scales: Float32Array.from(header.scales), bias: Float32Array.from(header.bias), temperature: header.temperature,
    ...(header.meta ? { meta: header.meta } : {}),
  };
}

const varintSize = (v: number): number => (v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : 4);

function writeVarint(out: Uint8Array, pos: number, v: number): number {
  while (v >= 0x80) { out[pos++] = (v & 0x7f) | 0x80; v >>>= 7; }
  out[pos++] = v;
  return pos;
}
