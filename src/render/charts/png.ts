// PNG encoding of the chart pixels as opaque RGB (charts have a white background, so alpha carries
// nothing): smaller and faster than the canvas's RGBA encoder, and pdfkit can embed RGB PNG data
// without decoding it. Records the print resolution in a pHYs chunk. No file system.
import { deflate, deflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Charts are drawn at twice their layout size (CSS pixels, PDF points before scaling). */
export const CHART_SCALE = 2;

/** Width and height of a PNG in pixels, from its header; layout sizes divide by CHART_SCALE. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * Scanlines for PNG (filter byte 0, then RGB) from premultiplied RGBA pixels, composited on
 * white so that any stray transparency comes out as it looks on paper.
 */
export function rgbScanlines(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 3 + 1;
  const out = Buffer.allocUnsafe(height * stride);
  let s = 0;
  for (let y = 0; y < height; y++) {
    let o = y * stride;
    out[o++] = 0;
    for (let x = 0; x < width; x++, s += 4) {
      const white = 255 - rgba[s + 3]!;
      out[o++] = rgba[s]! + white;
      out[o++] = rgba[s + 1]! + white;
      out[o++] = rgba[s + 2]! + white;
    }
  }
  return out;
}

function assemble(width: number, height: number, pixelsPerMetre: number, idat: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const phys = Buffer.alloc(9);
  phys.writeUInt32BE(pixelsPerMetre, 0);
  phys.writeUInt32BE(pixelsPerMetre, 4);
  phys[8] = 1; // unit: metre
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", ihdr),
    chunk("pHYs", phys),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export interface Pixels {
  rgba: Uint8Array;
  width: number;
  height: number;
  /** Dots per inch, recorded for page layout programs. */
  dpi: number;
}

const ppm = (dpi: number) => Math.round(dpi / 0.0254);

export function encodeRgbPng(p: Pixels): Buffer {
  const idat = deflateSync(rgbScanlines(p.rgba, p.width, p.height), { level: 6 });
  return assemble(p.width, p.height, ppm(p.dpi), idat);
}

/** The same; the compression (most of the time) runs on the thread pool. */
export function encodeRgbPngAsync(p: Pixels): Promise<Buffer> {
  const lines = rgbScanlines(p.rgba, p.width, p.height);
  return new Promise((resolve, reject) => {
    deflate(lines, { level: 6 }, (err, idat) => {
      if (err) reject(err);
      else resolve(assemble(p.width, p.height, ppm(p.dpi), idat));
    });
  });
}
