// Every chart type renders a valid PNG of the promised size and resolution, the same bytes every
// time, and the text is drawn in the bundled font only.
import { crc32, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { ChartSpec } from "../../src/render/charts/index.js";
import { inspectChart, renderChart, renderChartAsync, renderCharts } from "../../src/render/charts/index.js";
import { rgbScanlines, tableCrc32 } from "../../src/render/charts/png.js";
import {
  ALL_SPECS,
  bars,
  diverging,
  gaps,
  histogram,
  ipa,
  ordered,
  paired,
} from "../helpers/charts-specs.js";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The chunks of a PNG file, checking the structure on the way. */
function chunks(png: Buffer): { type: string; data: Buffer }[] {
  expect(png.subarray(0, 8).equals(SIGNATURE)).toBe(true);
  const out: { type: string; data: Buffer }[] = [];
  let at = 8;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(
      crc32(png.subarray(at + 4, at + 8 + length)),
    );
    out.push({ type, data });
    at += 12 + length;
  }
  expect(at).toBe(png.length);
  expect(out[0]?.type).toBe("IHDR");
  expect(out.at(-1)?.type).toBe("IEND");
  return out;
}

function size(png: Buffer): { width: number; height: number } {
  const ihdr = chunks(png)[0]!.data;
  return { width: ihdr.readUInt32BE(0), height: ihdr.readUInt32BE(4) };
}

describe.each(ALL_SPECS.map((s) => [s.type, s] as const))("%s chart", (_type, spec) => {
  it.each(["fi", "sv", "en"])("renders a 1600 px wide PNG in %s", (locale) => {
    const png = renderChart(spec, { locale });
    const { width, height } = size(png);
    expect(width).toBe(1600);
    expect(height).toBeGreaterThan(400);
    expect(height).toBeLessThan(4000);
  });

  it("gives the same bytes every time", () => {
    const a = renderChart(spec, { locale: "fi" });
    const b = renderChart(spec, { locale: "fi" });
    expect(a.equals(b)).toBe(true);
  });

  it("draws every text in the bundled font", () => {
    const { texts } = inspectChart(spec, { locale: "fi" });
    expect(texts.length).toBeGreaterThan(3);
    for (const t of texts) expect(t.font).toMatch(/KuuloSans/);
  });
});

describe("sizes and resolution", () => {
  it("is an opaque 8-bit RGB image whose scanlines decompress to the full size", () => {
    const png = renderChart(bars, { locale: "fi" });
    const all = chunks(png);
    const ihdr = all[0]!.data;
    expect([ihdr[8], ihdr[9], ihdr[12]]).toEqual([8, 2, 0]);
    const { width, height } = size(png);
    const raw = inflateSync(Buffer.concat(all.filter((c) => c.type === "IDAT").map((c) => c.data)));
    expect(raw.length).toBe(height * (width * 3 + 1));
    // The first pixel is the white background.
    expect([...raw.subarray(1, 4)]).toEqual([255, 255, 255]);
  });

  it("records the print resolution: 1600 px over 16 cm", () => {
    const phys = chunks(renderChart(bars, { locale: "fi" })).find((c) => c.type === "pHYs");
    expect(phys).toBeDefined();
    const perMetre = phys!.data.readUInt32BE(0);
    expect(perMetre / 39.3701).toBeCloseTo(254, 0);
    expect(phys!.data[8]).toBe(1);
  });

  it("follows width and scale", () => {
    expect(size(renderChart(bars, { locale: "fi", scale: 1 })).width).toBe(800);
    expect(size(renderChart(bars, { locale: "fi", width: 600, scale: 3 })).width).toBe(1800);
  });

  it("grows with the number of rows", () => {
    const few = size(renderChart({ ...bars, items: bars.items.slice(0, 2) }, { locale: "fi" })).height;
    const many = size(
      renderChart({ ...bars, items: [...bars.items, ...bars.items] }, { locale: "fi" }),
    ).height;
    expect(many).toBeGreaterThan(few + 400);
  });

  it("honours a fixed height", () => {
    expect(size(renderChart(diverging, { locale: "fi", height: 500 })).height).toBe(1000);
  });

  it("compressed the fast way (for a PDF only), holds the same pixels in more bytes", async () => {
    const pixels = (png: Buffer) =>
      inflateSync(
        Buffer.concat(
          chunks(png)
            .filter((c) => c.type === "IDAT")
            .map((c) => c.data),
        ),
      );
    for (const spec of ALL_SPECS) {
      const file = renderChart(spec, { locale: "fi" });
      const fast = renderChart(spec, { locale: "fi", compression: "fast" });
      expect(fast.equals(file), spec.type).toBe(false);
      expect(fast.length, spec.type).toBeGreaterThan(file.length);
      expect(pixels(fast).equals(pixels(file)), spec.type).toBe(true);
      expect(chunks(fast).map((c) => c.type)).toEqual(chunks(file).map((c) => c.type));
      // Off the thread the same bytes as on it.
      expect((await renderChartAsync(spec, { locale: "fi", compression: "fast" })).equals(fast)).toBe(true);
    }
  });

  it("renders the same bytes in batch (parallel encoding) as one by one", async () => {
    const batch = await renderCharts(ALL_SPECS, { locale: "sv" }, 3);
    expect(batch).toHaveLength(ALL_SPECS.length);
    ALL_SPECS.forEach((spec, i) => {
      expect(batch[i]!.equals(renderChart(spec, { locale: "sv" }))).toBe(true);
    });
  });
});

describe("PNG scanlines", () => {
  /** The plain definition: byte by byte, composited on white. */
  function reference(rgba: Uint8Array, width: number, height: number): Buffer {
    const out = Buffer.alloc(height * (width * 3 + 1));
    let o = 0;
    for (let y = 0; y < height; y++) {
      out[o++] = 0;
      for (let x = 0; x < width; x++) {
        const s = 4 * (y * width + x);
        const white = 255 - rgba[s + 3]!;
        for (let c = 0; c < 3; c++) out[o++] = rgba[s + c]! + white;
      }
    }
    return out;
  }

  it("are the composited RGB bytes, for white, coloured and transparent pixels at any alignment", () => {
    const width = 37;
    const height = 11;
    // Premultiplied RGBA: mostly white, some colours, some partly or fully transparent.
    const pixels = Buffer.alloc(width * height * 4 + 3);
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % 256;
    };
    for (let i = 0; i < width * height; i++) {
      const kind = random() % 4;
      const a = kind === 0 ? 255 : kind === 1 ? random() : 255;
      const rgb = kind === 2 ? [255, 255, 255] : [random(), random(), random()].map((v) => Math.min(v, a));
      pixels.set([...rgb, a], 3 + 4 * i);
    }
    for (const offset of [0, 1, 3]) {
      const copy = new Uint8Array(width * height * 4 + 4);
      copy.set(pixels.subarray(3), offset);
      const rgba = copy.subarray(offset, offset + width * height * 4);
      expect(
        rgbScanlines(rgba, width, height).equals(reference(rgba, width, height)),
        `offset ${offset}`,
      ).toBe(true);
      // Written into a reused, larger buffer that still holds an earlier chart's bytes.
      const used = Buffer.alloc(height * (width * 3 + 1) + 99, 0x5a);
      expect(
        rgbScanlines(rgba, width, height, used).equals(reference(rgba, width, height)),
        `reused, offset ${offset}`,
      ).toBe(true);
    }
  });
});

describe("edge cases", () => {
  const empty: ChartSpec[] = [
    { ...bars, items: [] },
    { ...diverging, rows: [] },
    { ...histogram, bins: [], markers: [] },
    { ...ordered, items: [] },
    { ...paired, items: [] },
    { ...ipa, points: [] },
    { ...gaps, rows: [] },
  ];
  it.each(empty.map((s) => [s.type, s] as const))("renders %s with no data", (_t, spec) => {
    expect(size(renderChart(spec, { locale: "fi" })).width).toBe(1600);
  });

  it("leaves the don't-know column empty for rows that have no such answer", () => {
    const spec = {
      ...diverging,
      rows: diverging.rows.slice(0, 2).map((r, i) => (i === 0 ? { ...r, dontKnow: undefined } : r)),
    };
    const { texts } = inspectChart(spec, { locale: "fi" });
    expect(texts.filter((t) => t.text === "< 5")).toEqual([]);
  });
});

describe("the CRC-32 table (used where zlib has no crc32)", () => {
  it("gives the known check values", () => {
    // The standard check value of CRC-32 (ISO-HDLC), and the CRC every PNG's IEND chunk carries.
    expect(tableCrc32(Buffer.from("123456789", "latin1"))).toBe(0xcbf43926);
    expect(tableCrc32(Buffer.from("IEND", "latin1"))).toBe(0xae426082);
    expect(tableCrc32(new Uint8Array(0))).toBe(0);
  });

  it("agrees with zlib over every byte value", () => {
    const bytes = Uint8Array.from({ length: 1024 }, (_, i) => (i * 151 + 7) & 0xff);
    expect(tableCrc32(bytes)).toBe(crc32(bytes));
  });
});
