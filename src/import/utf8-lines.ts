// Decoding a file that should be UTF-8 one line at a time, so that a line saved in another
// encoding (one row pasted from a Windows-1252 file into a UTF-8 one) is found by its line
// number: read as Windows-1252 and reported, or refused. Pure: bytes in, text and lines out.
import iconv from "iconv-lite";

const LF = 0x0a;
const CR = 0x0d;
/** A "line" longer than this without a break is decoded as it stands (a runaway record). */
const MAX_PENDING = 16 << 20;

export interface Utf8LineDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

/** What to do with a line that is not UTF-8: its line number (1 = the first) and its bytes. */
export type OnBadLine = (line: number, bytes: Buffer) => string;

/** Windows-1252, the encoding such a line is in when Finnish Excel saved it. */
export function decodeWindows1252(bytes: Buffer): string {
  return iconv.decode(bytes, "win1252");
}

/**
 * A streaming UTF-8 decoder that hands each line with bytes that are not UTF-8 to `onBadLine`
 * and uses what it returns. Lines end with LF, CRLF or a lone CR, as the CSV scanner counts them.
 */
export function utf8LineDecoder(onBadLine: OnBadLine): Utf8LineDecoder {
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let pending: Buffer = Buffer.alloc(0);
  let line = 1;
  // Whether the last byte decoded was a CR, so that the LF of a CRLF split between two
  // chunks is not counted as another line.
  let prevCr = false;

  const tryUtf8 = (b: Buffer): string | null => {
    try {
      return strict.decode(b);
    } catch {
      return null;
    }
  };

  const countBreaks = (b: Buffer) => {
    for (let i = b.indexOf(LF); i >= 0; i = b.indexOf(LF, i + 1))
      if (i === 0 ? !prevCr : b[i - 1] !== CR) line++;
    for (let i = b.indexOf(CR); i >= 0; i = b.indexOf(CR, i + 1)) line++;
    if (b.length > 0) prevCr = b[b.length - 1] === CR;
  };

  /** Decodes whole lines: all at once when they are UTF-8 (nearly always), else line by line. */
  const decode = (region: Buffer): string => {
    const whole = tryUtf8(region);
    if (whole !== null) {
      countBreaks(region);
      return whole;
    }
    let text = "";
    let start = 0;
    for (let i = 0; i <= region.length; i++) {
      const c = i < region.length ? region[i]! : -1;
      if (c !== LF && c !== CR && c !== -1) continue;
      const content = region.subarray(start, i);
      if (content.length > 0) {
        text += tryUtf8(content) ?? onBadLine(line, content);
        prevCr = false;
      }
      if (c === LF) {
        text += "\n";
        if (!prevCr) line++;
        prevCr = false;
      } else if (c === CR) {
        text += "\r";
        line++;
        prevCr = true;
      }
      start = i + 1;
    }
    return text;
  };

  return {
    write(chunk) {
      const data = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      let cut = Math.max(data.lastIndexOf(LF), data.lastIndexOf(CR));
      if (cut < 0 && data.length > MAX_PENDING) cut = data.length - 1;
      if (cut < 0) {
        pending = data;
        return "";
      }
      pending = Buffer.from(data.subarray(cut + 1));
      return decode(data.subarray(0, cut + 1));
    },
    end() {
      const rest = pending;
      pending = Buffer.alloc(0);
      return rest.length > 0 ? decode(rest) : "";
    },
  };
}
