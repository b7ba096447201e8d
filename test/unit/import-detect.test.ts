import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectDelimiter, parseDelimiterOption } from "../../src/import/delimiter.js";
import { checkUtf8, chunkDecoder, detectEncoding, parseEncodingName } from "../../src/import/encoding.js";

describe("detectEncoding", () => {
  it("knows BOMs", () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toMatchObject({
      encoding: "utf-8",
      bomLength: 3,
    });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]))).toMatchObject({
      encoding: "utf-16le",
      bomLength: 2,
    });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x61]))).toMatchObject({
      encoding: "utf-16be",
      bomLength: 2,
    });
  });
  it("tells UTF-8 from Windows-1252 and finds UTF-16 without a BOM", () => {
    expect(detectEncoding(Buffer.from("kyllä;ei\r\n", "utf8")).encoding).toBe("utf-8");
    expect(detectEncoding(iconv.encode("kyllä;ei\r\nViikoittain", "win1252")).encoding).toBe("windows-1252");
    expect(detectEncoding(Buffer.from("visit_freq\tbooks\r\n", "utf16le")).encoding).toBe("utf-16le");
    expect(detectEncoding(Buffer.from("a;b\n")).reason).toMatch(/ASCII/);
  });
  it("accepts a UTF-8 sequence cut at the end of the sample", () => {
    const b = Buffer.from("abcä", "utf8");
    expect(checkUtf8(b.subarray(0, b.length - 1))).toBe("valid");
    expect(checkUtf8(Buffer.from([0x61, 0xe4, 0x62]))).toBe("invalid");
  });
  it("decodes characters split across chunks", () => {
    const b = Buffer.from("ää", "utf8");
    const d = chunkDecoder("utf-8");
    expect(d.write(b.subarray(0, 1)) + d.write(b.subarray(1)) + d.end()).toBe("ää");
    const w = chunkDecoder("windows-1252");
    expect(w.write(Buffer.from([0xe4, 0x80]))).toBe("ä€");
  });
  it("resolves user names and rejects unknown ones", () => {
    expect(parseEncodingName("latin1")).toBe("windows-1252");
    expect(parseEncodingName("UTF8")).toBe("utf-8");
    expect(() => parseEncodingName("ebcdic")).toThrow(/Unknown encoding/);
  });
});

describe("detectDelimiter", () => {
  const known = new Set(["visit_freq", "books", "form_no", "wishes"]);
  const isKnown = (h: string) => known.has(h);
  it("prefers the delimiter whose header names survey columns", () => {
    expect(detectDelimiter("form_no;visit_freq;books\r\n1;weekly;3,5\r\n", isKnown).delimiter).toBe(";");
    expect(detectDelimiter("form_no,visit_freq,books\n1,weekly,3\n", isKnown).delimiter).toBe(",");
    expect(detectDelimiter("form_no\tvisit_freq\tbooks\n1\tweekly\t3\n", isKnown).delimiter).toBe("\t");
  });
  it("is not fooled by commas inside a semicolon file", () => {
    expect(detectDelimiter('form_no;wishes\n1;"more books, please, and games"\n', isKnown).delimiter).toBe(
      ";",
    );
  });
  it("falls back to the most even split when nothing is known", () => {
    expect(detectDelimiter("a;b;c\n1;2;3\n4;5;6\n", () => false).delimiter).toBe(";");
  });
  it("parses option values", () => {
    expect(parseDelimiterOption("tab")).toBe("\t");
    expect(parseDelimiterOption("semicolon")).toBe(";");
    expect(() => parseDelimiterOption("::")).toThrow();
  });
});
