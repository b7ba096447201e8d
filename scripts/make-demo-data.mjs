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
import { compileShowIf, evaluate } from "../dist/definition/expr/index.js";
import { loadSurvey } from "../dist/definition/load.js";
import { allQuestions } from "../dist/definition/model.js";
import { answerFor, createRng } from "../dist/fixtures/synthetic.js";
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
};

/** What people write after "Other, what?", per question: it has to answer that question. */
const OTHER_TEXTS = {
  visit_reasons: {
    fi: [
      "Tulostan Kelan papereita",
      "Tapaan kaveria",
      "Pelaan lautapelejä",
      "Lämmittelen talvella",
      "Kuuntelen musiikkia",
    ],
    sv: ["Träffar vänner", "Spelar brädspel"],
    en: ["Meeting friends", "Board games"],
  },
  lib_barriers: {
    fi: [
      "Bussilippu on kallis",
      "Lasten kanssa vaikea lähteä",
      "En tiedä missä lähin kirjasto on",
      "Jännittää mennä yksin",
    ],
    sv: ["Bussen är dyr", "Svårt att komma med barnen"],
    en: ["The bus is expensive", "Hard to come with the children"],
  },
  read_what: {
    fi: ["Sarjakuvat", "Reseptit", "Raamattu", "Kelan kirjeet", "Pelien ohjeet"],
    sv: ["Serier", "Recept"],
    en: ["Comics", "Recipes"],
  },
  read_sources: {
    fi: ["Kirpputorilta", "Työkkärin lehtihyllystä", "Kirjastoauto", "Lasten koulusta"],
    sv: ["Från loppis", "Bokbussen"],
    en: ["Flea market", "The mobile library"],
  },
  read_barriers: {
    fi: ["Silmät väsyvät", "Lukihäiriö", "Lapset vievät ajan", "Suomen kieli on vielä vaikeaa"],
    sv: ["Ögonen blir trötta", "Barnen tar all tid"],
    en: ["My eyes get tired", "Finnish is still hard for me"],
  },
  services_wish: {
    fi: ["Lautapeli-illat", "Apua Kelan lomakkeisiin", "Kielikahvila", "Läksykerho lapsille"],
    sv: ["Språkcafé", "Spelkvällar"],
    en: ["Language café", "Board game evenings"],
  },
  project_continue: {
    fi: ["Kielikahvila", "Yhteiset kirjastokäynnit", "Lukupiiri"],
    sv: ["Språkcafé", "Läsecirkel"],
    en: ["Language café", "Reading circle"],
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
      } else if (OTHER_TEXTS[q.id]) r.answers[`${q.id}.other`] = pick(OTHER_TEXTS[q.id]);
      else {
        r.answers[q.id] = picked.length > 1 ? picked.filter((c) => c !== "other") : null;
        delete r.answers[`${q.id}.other`];
      }
    }
}

/** A value by weights: `pickWeighted(rng, { weekly: 3, monthly: 2 })`. */
function pickWeighted(rng, weights) {
  const entries = Object.entries(weights).filter(([, w]) => w > 0);
  let r = rng() * entries.reduce((a, [, w]) => a + w, 0);
  for (const [k, w] of entries) {
    r -= w;
    if (r <= 0) return k;
  }
  return entries.at(-1)[0];
}

function normal(rng) {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/**
 * How much this group of workshop participants wants each service (a share of interest): job
 * and digital help first, then easy-read books and a quiet space; not everyone the same.
 */
const SERVICE_APPEAL = {
  job_help: 3.2,
  digital_help: 2.6,
  easy_books: 2.0,
  quiet_space: 1.8,
  media_help: 1.2,
  recommendations: 1.1,
  read_aloud: 0.8,
  group_visits: 0.7,
};

/** How the participants of a wave use the library and read; the follow-up a little more. */
const USE = {
  baseline: { regular: 0.2, occasional: 0.25, lapsed: 0.3, never: 0.25 },
  followUp: { regular: 0.25, occasional: 0.3, lapsed: 0.27, never: 0.18 },
};
const READER = {
  baseline: { regular: 0.3, lapsed: 0.4, never_really: 0.3 },
  followUp: { regular: 0.33, lapsed: 0.4, never_really: 0.27 },
};

/**
 * `n` values in these shares, in a shuffled order: a workshop of 24 is a sample, but the story
 * of the demo should not hang on a lucky or unlucky draw of the seed.
 */
function quota(rng, n, shares) {
  const keys = Object.keys(shares);
  const out = keys.flatMap((k) => Array(Math.floor(n * shares[k])).fill(k));
  const byRest = [...keys].sort((a, b) => ((n * shares[b]) % 1) - ((n * shares[a]) % 1));
  for (let i = 0; out.length < n; i++) out.push(byRest[i % byRest.length]);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * One made-up participant: how they use the library and reading, and their attitude. The
 * answers below follow from it, so that they agree with each other (nobody who "never visited
 * a library" visits weekly).
 */
function person(rng, followUp, use, reader) {
  const useShift = { regular: 0.8, occasional: 0.3, lapsed: -0.2, never: -0.7 }[use];
  const readShift = { regular: 0.8, lapsed: 0, never_really: -0.8 }[reader];
  const mood = normal(rng) * 0.7 + (followUp ? 0.1 : 0);
  const wants = Object.fromEntries(
    Object.entries(SERVICE_APPEAL).map(([k, w]) => [k, w * Math.exp(normal(rng) * 0.8)]),
  );
  return { use, reader, libraryLatent: mood + useShift, readingLatent: mood * 0.5 + readShift, wants };
}

const bySize = (wants) =>
  Object.entries(wants)
    .sort((a, b) => b[1] - a[1])
    .map(([k]) => k);

/** The questions whose answers follow from the person; the rest come from the generic generator. */
function decide(q, p, rng) {
  const dk = (w) => (rng() < w ? "dk" : undefined);
  switch (q.id) {
    case "visited_12m":
      return { regular: "yes", occasional: "yes", lapsed: "earlier", never: "never" }[p.use];
    case "visit_freq":
      if (p.use === "regular") return rng() < 0.45 ? "weekly" : "monthly";
      if (p.use === "occasional") return rng() < 0.2 ? "monthly" : "less";
      if (p.use === "lapsed") return dk(0.05) ?? (rng() < 0.6 ? "less" : "never");
      return dk(0.05) ?? "never";
    case "library_card":
      return pickWeighted(
        rng,
        {
          regular: { yes: 0.92, lost: 0.05, dk: 0.03 },
          occasional: { yes: 0.75, lost: 0.1, no: 0.1, dk: 0.05 },
          lapsed: { yes: 0.4, lost: 0.3, no: 0.2, dk: 0.1 },
          never: { no: 0.7, dk: 0.2, lost: 0.1 },
        }[p.use],
      );
    case "read_freq":
      if (p.reader === "regular") return rng() < 0.55 ? "weekly" : "monthly";
      if (p.reader === "lapsed") return dk(0.05) ?? (rng() < 0.25 ? "monthly" : "less");
      return dk(0.05) ?? (rng() < 0.7 ? "never" : "less");
    case "reader_identity":
      return rng() < 0.06 ? "dk" : p.reader;
    case "read_formats":
      if (p.reader === "never_really" && rng() < 0.6) return ["none"];
      return undefined;
    case "services_wish": {
      const order = bySize(p.wants);
      const n = 2 + Math.floor(rng() * 3);
      const codes = q.choices.map((c) => c.value);
      const picked = order.slice(0, n);
      if (rng() < 0.08) picked.push("other");
      return codes.filter((c) => picked.includes(c));
    }
    case "services_top3":
      return bySize(p.wants).slice(0, q.top);
    case "services_dots": {
      // Ten points over the three or four services this person wants most, more to the first.
      const order = bySize(p.wants).slice(0, 3 + (rng() < 0.4 ? 1 : 0));
      const weights = order.map((k) => p.wants[k]);
      const total = weights.reduce((a, b) => a + b, 0);
      // Each gets its share rounded down; what is left goes to the most wanted one.
      const shares = weights.map((w) => Math.floor((q.points * w) / total));
      shares[0] += q.points - shares.reduce((a, b) => a + b, 0);
      const pts = {};
      order.forEach((k, i) => {
        if (shares[i] > 0) pts[k] = shares[i];
      });
      return pts;
    }
    case "age_group":
      return pickWeighted(rng, {
        under_25: 0.2,
        "25_34": 0.3,
        "35_44": 0.22,
        "45_54": 0.16,
        "55_plus": 0.12,
      });
    case "client_duration":
      return pickWeighted(rng, {
        under_6m: 0.25,
        "6_12m": 0.25,
        "1_2y": 0.22,
        over_2y: 0.2,
        not_client: 0.03,
        dk: 0.05,
      });
    case "home_language":
      return pickWeighted(rng, { fi: 0.72, sv: 0.06, other: 0.22 });
    case "answered_baseline":
      return pickWeighted(rng, { yes: 0.45, no: 0.4, dk: 0.15 });
    default:
      return undefined;
  }
}

/** Matrices and scales about reading follow the reading attitude; the others the library one. */
function latentFor(q, p) {
  return q.id.startsWith("read") ? p.readingLatent : p.libraryLatent;
}

/**
 * `count` participants' forms, walking the survey's own flow: a question is answered only when
 * its show_if holds for the answers before it, as on a form filled in order.
 */
function generateForms(survey, { count, seed, sessionId, start, followUp }) {
  const rng = createRng(seed);
  const questions = allQuestions(survey);
  const wave = followUp ? "followUp" : "baseline";
  const uses = quota(rng, count, USE[wave]);
  const readers = quota(rng, count, READER[wave]);
  const out = [];
  for (let i = 0; i < count; i++) {
    const p = person(rng, followUp, uses[i], readers[i]);
    const lang = pickWeighted(rng, { fi: 0.86, sv: 0.07, en: 0.07 });
    const answers = {};
    for (const q of questions) {
      if (q.showIf && !evaluate(compileShowIf(q.showIf), answers)) continue;
      const own = decide(q, p, rng);
      if (own !== undefined) answers[q.id] = own;
      else answerFor(q, rng, latentFor(q, p), lang, answers);
    }
    const id = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join("");
    out.push({
      id: `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-8${id.slice(17, 20)}-${id.slice(20)}`,
      surveyId: survey.id,
      surveyHash: survey.hash,
      sessionId,
      wave: null,
      source: "paper",
      language: lang,
      plain: false,
      startedAt: start,
      submittedAt: start,
      status: "complete",
      answers,
    });
  }
  return out;
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
    const responses = generateForms(survey, {
      count: w.count,
      seed: seed + k,
      sessionId: w.session,
      start: `${w.day}T09:00:00Z`,
      followUp: nudged,
    });
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
