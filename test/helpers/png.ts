/**
 * A real check that bytes are a PNG, as a platform stand-in would want before it shows
 * them: the signature, every chunk's CRC, IHDR first and IEND last, and the image data
 * inflating to exactly one filter byte plus one row of pixels per line. No vitest
 * imports: the stand-ins use it.
 */
import { crc32, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Samples per pixel by PNG colour type (greyscale, RGB, palette, grey+alpha, RGBA). */
const SAMPLES: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** A decoded PNG's size; throws with what is wrong when the bytes are not a whole, valid PNG. */
export function checkPng(bytes: Uint8Array): { width: number; height: number } {
  const png = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: bad signature');
  let offset = 8;
  const types: string[] = [];
  const data: Buffer[] = [];
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | null = null;
  while (offset < png.length) {
    if (offset + 12 > png.length) throw new Error('not a PNG: truncated chunk');
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > png.length) throw new Error(`not a PNG: chunk ${type} runs past the end`);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (crc32(png.subarray(offset + 4, offset + 8 + length)) !== png.readUInt32BE(offset + 8 + length)) throw new Error(`not a PNG: bad CRC in ${type}`);
    types.push(type);
    if (type === 'IHDR') header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8]!, colour: body[9]!, interlace: body[12]! };
    if (type === 'IDAT') data.push(body);
    offset = end;
  }
  if (types[0] !== 'IHDR' || !header) throw new Error('not a PNG: IHDR is not first');
  if (types.at(-1) !== 'IEND') throw new Error('not a PNG: no IEND at the end');
  if (data.length === 0) throw new Error('not a PNG: no image data');
  const samples = SAMPLES[header.colour];
  if (samples === undefined || header.interlace !== 0) throw new Error(`unsupported PNG: colour type ${header.colour}, interlace ${header.interlace}`);
  const rowBytes = Math.ceil((header.width * samples * header.depth) / 8);
  const pixels = inflateSync(Buffer.concat(data));
  if (pixels.length !== header.height * (1 + rowBytes)) throw new Error(`not a PNG: image data is ${pixels.length} bytes, expected ${header.height * (1 + rowBytes)}`);
  return { width: header.width, height: header.height };
}
