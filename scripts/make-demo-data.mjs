#!/usr/bin/env node
// The bundled demo data: fixtures/demo/baseline.csv (62 paper forms from two spring workshops) and
// fixtures/demo/followup.csv (46 forms from two autumn workshops), typed in as Finnish Excel saves
// "CSV (semicolon)": Windows-1252, ";", CRLF, a decimal comma, ticks as "x", and in one workshop
// Finnish labels instead of codes. Made-up people: deterministic (seeded), never real answers.
// Usage: npm run build && node scripts/make-demo-data.mjs [--out fixtures/demo]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import iconv from "iconv-lite";
import { loadSurvey } from "../dist/definition/load.js";
import { createRng, generateResponses } from "../dist/fixtures/synthetic.js";
import { exportColumns, exportRow } from "../dist/store/export-table.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { out: { type: "string", default: join(root, "fixtures/demo") } } });

/** Workshops: the session id typed on each form, its day, and how many forms came back. */
const BASELINE = [
  { session: "kevat-1", day: "2025-03-12", count: 31, labels: false },
  { session: "kevat-2", day: "2025-04-09", count: 31, labels: true },
];
const FOLLOWUP = [
  { session: "syksy-1", day: "2025-10-15", count: 24, labels: false },
  { session: "syksy-2", day: "2025-11-12", count: 22, labels: true },
];

/**
 * Free texts as people write them on these forms, per question (the generator's own few phrases
 * would repeat). Finnish mostly; the forms in Swedish or English get texts in their language.
 */
const TEXTS = {
  first_word: {
    fi: [
      "kirjat",
      "rauha",
      "hiljaisuus",
      "lapsuus",
      "apu",
      "tylsä",
      "lämmin",
      "ilmainen",
      "sivistys",
      "kahvi",
      "lehdet",
      "tietokone",
      "kaikille",
      "rauhallinen paikka",
      "vanhanaikainen",
    ],
    sv: ["böcker", "lugn", "tystnad"],
    en: ["books", "quiet", "free"],
  },
  come_more: {
    fi: [
      "Jos olisi auki myös sunnuntaisin",
      "Kaverin kanssa olisi helpompi tulla",
      "Jos tietäisin mitä siellä voi tehdä",
      "Lyhyempi matka, nyt pitää vaihtaa bussia",
      "Selkokirjoja ja äänikirjoja enemmän",
      "Apua CV:n tekoon",
      "Jos siellä ei tarvitsisi olla niin hiljaa",
      "Kahvila",
      "Jos olisi joku joka neuvoo",
      "Ilmaiset tulostukset työhakemuksiin",
      "En tiedä",
      "Lukupiiri aikuisille",
    ],
    sv: ["Om det var öppet längre på kvällen", "Hjälp med datorn"],
    en: ["Longer opening hours", "Someone to help with forms"],
  },
  wishes: {
    fi: [
      "Lisää kirjoja selkosuomeksi",
      "Ystävällinen henkilökunta, kiitos!",
      "Iltaisin pidempään auki",
      "Tietokoneita lisää, aina varattu",
      "Hiljainen huone jossa voi soittaa työhaastattelun",
      "Kirjavinkkejä somessa",
      "Kursseja puhelimen käyttöön",
      "Lehtiä enemmän",
      "Kiitos että kysytte",
      "Pelejä ja lautapelejä",
      "Ääneen lukemista aikuisille",
      "Lisää pistorasioita",
    ],
    sv: ["Fler böcker på lätt svenska", "Tack för en bra dag"],
    en: ["More books in English", "Thank you for asking"],
  },
  other: {
    fi: [
      "Lautapelit",
      "Tulostan Kelan papereita",
      "Tapaan kaveria",
      "Lämmittelen talvella",
      "Käyn vessassa",
      "Musiikki",
      "Lasten satutunti",
      "Ei mitään erityistä",
      "Kelan lomakkeet",
      "Sää",
      "Kirjastoauto",
    ],
    sv: ["Brädspel", "Träffar vänner"],
    en: ["Board games", "Meeting friends"],
  },
};

/** Some texts people really write on paper: contact details that the report must mask. */
const CONTACT_TEXTS = [
  "Soittakaa jos tulee lukupiiri, 040 123 4567",
  "Lisää selkokirjoja. Voin auttaa: maija.esimerkki@example.fi",
  "Iltaisin auki pidempään. Puh. 050 765 4321",
];

/**
 * The free texts of one response from the pools above; "other" ticked by fewer people than the
 * generator's uniform picks (a third of them keep it), as on real forms.
 */
function rewriteTexts(survey, r, rng) {
  const lang = TEXTS.wishes[r.language] ? r.language : "fi";
  const pick = (pool) => pool[lang][Math.floor(rng() * pool[lang].length)];
  for (const s of survey.sections)
    for (const q of s.questions) {
      if (q.type === "text" && typeof r.answers[q.id] === "string")
        r.answers[q.id] = pick(TEXTS[q.id] ?? TEXTS.wishes);
      const picked = r.answers[q.id];
      if (q.type !== "multi" || !q.other || !Array.isArray(picked) || !picked.includes("other")) continue;
      if (picked.length > 1 && rng() < 0.67) {
        r.answers[q.id] = picked.filter((c) => c !== "other");
        delete r.answers[`${q.id}.other`];
      } else r.answers[`${q.id}.other`] = pick(TEXTS.other);
    }
}

/**
 * Follow-up answers nudged towards what the project aimed at (made-up data, said so in the README):
 * a scale answer moves one point up now and then, so the comparison has something to show.
 */
function nudge(survey, responses, seed) {
  const rng = createRng(seed);
  const scales = new Map();
  for (const s of survey.sections)
    for (const q of s.questions) {
      if (q.type === "matrix")
        for (const it of q.items) scales.set(`${q.id}.${it.id}`, { q, reverse: it.reverse === true });
      if (q.type === "likert" || q.type === "scale") scales.set(q.id, { q, reverse: false });
    }
  for (const r of responses)
    for (const [slot, { q, reverse }] of scales) {
      const v = r.answers[slot];
      if (typeof v !== "number" || rng() > 0.3) continue;
      const codes = (q.type === "matrix" ? q.scale : q.choices)
        .filter((c) => !c.missing)
        .map((c) => Number(c.value));
      const next = v + (reverse ? -1 : 1);
      if (codes.includes(next)) r.answers[slot] = next;
    }
}

/** "2025-03-12T09:14:00.000Z" → "12.3.2025 9:14", as a Finnish Excel writes a date and time. */
function finnishTime(iso) {
  const d = new Date(iso);
  return `${d.getUTCDate()}.${d.getUTCMonth() + 1}.${d.getUTCFullYear()} ${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
}

function cellText(col, value, useLabels) {
  if (value === null || value === undefined) return "";
  if (col.kind === "flag") return value === 1 ? "x" : "";
  if (col.kind === "points") return value === 0 ? "" : String(value);
  if (useLabels && col.kind === "slot" && col.slot.question.type === "single" && typeof value === "string") {
    const choice = col.slot.question.choices.find((c) => c.value === value);
    if (choice && !col.slot.other) return choice.label.fi ?? value;
  }
  if (typeof value === "number") return String(value).replace(".", ",");
  return String(value);
}

function quote(s) {
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function makeFile(surveyPath, workshops, seed, nudged) {
  const survey = loadSurvey(join(root, surveyPath));
  const columns = exportColumns(survey).filter(
    (c) => c.kind !== "meta" || ["session", "language", "submitted_at"].includes(c.name),
  );
  const header = ["form_no", ...columns.map((c) => c.name)];
  const lines = [header.join(";")];
  let formNo = 0;
  let contact = 0;
  workshops.forEach((w, k) => {
    const responses = generateResponses(survey, {
      count: w.count,
      seed: seed + k,
      sessionId: w.session,
      source: "paper",
      start: `${w.day}T09:00:00Z`,
      partialRate: 0,
    });
    if (nudged) nudge(survey, responses, seed + 100 + k);
    const rng = createRng(seed + 200 + k);
    for (const r of responses) rewriteTexts(survey, r, rng);
    // Workshop forms are handed in within the afternoon, not six minutes apart for hours.
    responses.forEach((r, i) => {
      const t = Date.parse(`${w.day}T09:30:00Z`) + Math.floor((i * 150 * 60_000) / w.count);
      r.submittedAt = new Date(t).toISOString();
      r.startedAt = r.submittedAt;
    });
    const textSlot =
      columns.find((c) => c.kind === "slot" && c.slot.id === "wishes") ??
      columns.findLast((c) => c.kind === "slot" && c.slot.question.type === "text");
    for (const [i, r] of responses.entries()) {
      // Every tenth form or so carries a phone number or an e-mail address in its text.
      if (textSlot && i % 11 === 4)
        r.answers[textSlot.slot.id] = CONTACT_TEXTS[contact++ % CONTACT_TEXTS.length];
      const row = exportRow(survey, columns, r);
      formNo++;
      const cells = row.map((v, j) => {
        const col = columns[j];
        if (col.kind === "meta" && col.name === "submitted_at") return finnishTime(v);
        if (col.kind === "meta") return v === null ? "" : String(v);
        return cellText(col, v, w.labels);
      });
      lines.push([String(formNo), ...cells].map(quote).join(";"));
    }
  });
  return { survey, text: `${lines.join("\r\n")}\r\n`, forms: formNo };
}

mkdirSync(values.out, { recursive: true });
for (const [name, surveyPath, workshops, seed, nudged] of [
  ["baseline.csv", "surveys/welcome-baseline.yaml", BASELINE, 2025_03, false],
  ["followup.csv", "surveys/welcome-followup.yaml", FOLLOWUP, 2025_10, true],
]) {
  const { text, forms } = makeFile(surveyPath, workshops, seed, nudged);
  const bytes = iconv.encode(text, "win1252");
  // Windows-1252 cannot hold every character; a "?" in the output would be a silent loss.
  if (iconv.decode(bytes, "win1252") !== text) throw new Error(`${name}: text outside Windows-1252`);
  writeFileSync(join(values.out, name), bytes);
  process.stdout.write(`${name}: ${forms} forms, ${bytes.length} bytes\n`);
}
