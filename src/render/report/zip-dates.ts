// Sets every entry's modification time in a ZIP archive (an .xlsx) to one fixed DOS date, so that
// the same workbook gives the same bytes: the zip library stamps entries with the clock and offers
// no option for it. Edits the local and central headers in place; refuses archives it does not know.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** A copy of `zip` with every entry dated `when` (UTC). Throws on a malformed or ZIP64 archive. */
export function fixZipDates(zip: Buffer, when: Date): Buffer {
  const out = Buffer.from(zip);
  const { time, date } = dosDateTime(when);
  // The end-of-central-directory record is within the last 64 KiB + 22 bytes (it may carry a comment).
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 65_557); i--)
    if (out.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error("not a ZIP archive: no end of central directory");
  const entries = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (out.readUInt32LE(at) !== CENTRAL) throw new Error(`bad ZIP central directory entry at ${at}`);
    out.writeUInt16LE(time, at + 12);
    out.writeUInt16LE(date, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL) throw new Error(`bad ZIP local header at ${local}`);
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
