// Response ids: UUIDv7 (RFC 9562). The first 48 bits are the Unix time in milliseconds, so ids
// made one after another sort together and land side by side in the store's id index; a million
// random (v4) ids would each touch another page of it. Within one millisecond a 12-bit counter
// (starting at a random value below 2048) keeps them increasing; the remaining 62 bits are random.
// Ids stay opaque strings: older v4 ids in a store are just as valid.
import { randomFillSync } from "node:crypto";

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const POOL = Buffer.alloc(8 * 1024);
let pos = POOL.length;
let lastMs = -1;
let counter = 0;

function byte(): number {
  if (pos === POOL.length) {
    randomFillSync(POOL);
    pos = 0;
  }
  return POOL[pos++]!;
}

/** A new UUIDv7, greater than every id this process made before (even if the clock steps back). */
export function newResponseId(now: number = Date.now()): string {
  let ms = now;
  if (ms > lastMs) counter = ((byte() & 0x07) << 8) | byte();
  else {
    ms = lastMs;
    if (++counter > 0xfff) {
      // 4096 ids in one millisecond: borrow the next one, as RFC 9562 allows.
      ms++;
      counter = ((byte() & 0x07) << 8) | byte();
    }
  }
  lastMs = ms;
  const t = ms.toString(16).padStart(12, "0");
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${HEX[counter >> 8]![1]}${HEX[counter & 0xff]}-${HEX[(byte() & 0x3f) | 0x80]}${HEX[byte()]}-${HEX[byte()]}${HEX[byte()]}${HEX[byte()]}${HEX[byte()]}${HEX[byte()]}${HEX[byte()]}`;
}
