import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidHetu, maskText } from "../../src/analysis/mask.js";

describe("maskText", () => {
  it.each([
    ["Soita 040 123 4567 kiitos", "Soita [phone] kiitos"],
    ["numero 040-1234567.", "numero [phone]."],
    ["+358 40 123 4567", "[phone]"],
    ["(09) 123 4567", "[phone]"],
    ["09-1234567", "[phone]"],
    ["call +44 20 7946 0958 now", "call [phone] now"],
    ["0401234567", "[phone]"],
  ])("masks the phone number in %s", (input, expected) => {
    const m = maskText(input);
    expect(m.text).toBe(expected);
    expect(m.counts.phone).toBe(1);
  });

  it("masks e-mail addresses", () => {
    const m = maskText("kirjoita matti.meikalainen@example.fi tai åsa@bibliotek.se");
    expect(m.text).toBe("kirjoita [email] tai [email]");
    expect(m.counts.email).toBe(2);
  });

  it("masks identity codes, valid or with a wrong check character", () => {
    const m = maskText("hetu 131052-308T, 010101A123N ja 131052-308X");
    expect(m.text).toBe("hetu [id], [id] ja [id]");
    expect(m.counts.hetu).toBe(3);
    expect(m.counts.phone).toBe(0);
  });

  it("checks the identity code's check character", () => {
    expect(isValidHetu("131052-308T")).toBe(true);
    expect(isValidHetu("131052-308X")).toBe(false);
    expect(isValidHetu("010101A123N")).toBe(true);
    expect(isValidHetu("311299Y9999")).toBe(false);
    expect(isValidHetu("320152-308T")).toBe(false);
  });

  it("masks street addresses in Finnish, Swedish and English", () => {
    const m = maskText("Asun Mannerheimintie 5 A 12, Storgatan 3 ja 12 Main Street.");
    expect(m.text).toBe("Asun [address], [address] ja [address].");
    expect(m.counts.address).toBe(3);
  });

  it("leaves ordinary numbers and words alone", () => {
    const s = "Luin 40 kirjaa vuonna 2024, 3 kertaa viikossa klo 10-12. Tie on pitkä 5 km.";
    const m = maskText(s);
    expect(m.text).toBe(s);
    expect(Object.values(m.counts).every((n) => n === 0)).toBe(true);
  });

  const word = fc.stringMatching(/^[a-zåäö]{1,8}$/);
  const filler = fc.array(word, { maxLength: 4 }).map((ws) => ws.join(" "));
  const email = fc
    .tuple(
      fc.stringMatching(/^[a-z][a-z0-9.]{0,8}[a-z0-9]$/),
      fc.stringMatching(/^[a-z]{2,8}$/),
      fc.constantFrom("fi", "se", "com", "org"),
    )
    .map(([u, d, t]) => `${u}@${d}.${t}`);
  const phone = fc.oneof(
    fc
      .tuple(fc.constantFrom("040", "050", "044", "045"), fc.integer({ min: 1000000, max: 9999999 }))
      .map(([p, n]) => {
        const s = String(n);
        return fc.sample(
          fc.constantFrom(
            `${p} ${s.slice(0, 3)} ${s.slice(3)}`,
            `${p}-${s}`,
            `+358 ${p.slice(1)} ${s.slice(0, 3)} ${s.slice(3)}`,
          ),
          { numRuns: 1, seed: n },
        )[0]!;
      }),
    fc
      .integer({ min: 1000000, max: 9999999 })
      .map((n) => `(09) ${String(n).slice(0, 3)} ${String(n).slice(3)}`),
    fc
      .integer({ min: 10000000, max: 99999999 })
      .map((n) => `+44 20 ${String(n).slice(0, 4)} ${String(n).slice(4)}`),
  );
  const hetu = fc
    .tuple(
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 99 }),
      fc.constantFrom("-", "+", "A", "B", "Y", "X"),
      fc.integer({ min: 2, max: 899 }),
    )
    .map(([d, m, y, c, z]) => {
      const p2 = (n: number, w = 2) => String(n).padStart(w, "0");
      const base = `${p2(d)}${p2(m)}${p2(y)}`;
      const check = "0123456789ABCDEFHJKLMNPRSTUVWXY"[Number(`${base}${p2(z, 3)}`) % 31];
      return `${base}${c}${p2(z, 3)}${check}`;
    });

  it("never leaves an e-mail, phone number or identity code in the output", () => {
    fc.assert(
      fc.property(filler, fc.oneof(email, phone, hetu), filler, (a, secret, b) => {
        const m = maskText(`${a} ${secret} ${b}`);
        expect(m.text).not.toContain(secret);
        expect(m.counts.email + m.counts.phone + m.counts.hetu).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it("generated identity codes are valid", () => {
    fc.assert(fc.property(hetu, (h) => isValidHetu(h)));
  });
});
