// More of the catalogue of inputs once mishandled on their way through import and export: labels
// typed without the survey's typography, question ids that are the export's own columns, a slip
// in --session, a file of another survey. Each case runs the built binary.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runBin } from "../helpers/cli.js";
import { HEADER, importWorkspace, ok, type Stored, SURVEY } from "../helpers/import-workspace.js";

const { path, file } = importWorkspace("kuulo-bad-inputs-");

describe("labels typed without the survey's typography", () => {
  const survey = () =>
    file(
      "ages.yaml",
      `kuulo: 1
id: ages
title: { fi: Ikä, en: Age }
languages: [fi, en]
sections:
  - id: s
    title: { fi: Osa, en: Part }
    questions:
      - id: age
        type: single
        text: { fi: Ikäsi?, en: Your age? }
        choices:
          - { value: a18, label: { fi: 18–24 vuotta, en: 18–24 years } }
          - { value: a25, label: { fi: 25–34 vuotta, en: 25–34 years } }
          - { value: dk, label: { fi: "En osaa sanoa", en: "Don't know" } }
          - { value: quoted, label: { fi: "”Muu” ryhmä", en: "“Other” group" } }
`,
    );

  it("a hyphen, a minus or an em dash matches the label's en dash; curly quotes match straight ones", () => {
    const db = path("ages.db");
    const csv = file(
      "ages.csv",
      'form_no;age\r\n1;25-34 vuotta\r\n2;18\u221224 years\r\n3;25 \u2014 34 vuotta\r\n4;Don\u2019t know\r\n5;"""Other"" group"\r\n6;25-34\u00a0vuotta\r\n',
    );
    const r = runBin(["import", survey(), csv, "--db", db]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const out = path("ages.json");
    ok(["export", "ages", "--db", db, "--format", "json", "--out", out]);
    const rows = (JSON.parse(readFileSync(out, "utf8")) as { responses: Stored[] }).responses;
    expect(rows.map((x) => x.answers.age)).toEqual(["a25", "a18", "a25", "dk", "quoted", "a25"]);
  });

  it("a label that is really wrong still says that dashes and quotes do not matter (CSV_BAD_VALUE)", () => {
    const db = path("ages-bad.db");
    const r = runBin([
      "import",
      survey(),
      file("ages-bad.csv", "form_no;age\r\n1;35-44 vuotta\r\n"),
      "--db",
      db,
    ]);
    expect(r.code).toBe(65);
    expect(r.stdout + r.stderr).toMatch(
      /dashes, quotes and spaces of any kind count as the same.*\[CSV_BAD_VALUE\]/,
    );
  });
});

describe("question ids that are the export's own columns", () => {
  for (const id of [
    "status",
    "language",
    "form_no",
    "response_id",
    "reject_reason",
    "session",
    "source",
    "submitted_at",
  ])
    it(`validate refuses the question id "${id}" with its position and a new name (SURVEY_RESERVED_ID)`, () => {
      const yaml = file(
        `reserved-${id}.yaml`,
        `kuulo: 1
id: reserved
title: { fi: Kysely, en: Survey }
languages: [fi, en]
sections:
  - id: s
    title: { fi: Osa, en: Part }
    questions:
      - id: visits
        type: yesno
        text: { fi: Käytkö?, en: Do you visit? }
        plain: { fi: Käytkö? }
      - id: ${id}
        type: text
        text: { fi: Mitä?, en: What? }
        plain: { fi: Mitä? }
`,
      );
      const r = runBin(["validate", yaml]);
      expect(r.code, r.stdout + r.stderr).toBe(65);
      const all = r.stdout + r.stderr;
      expect(all).toContain(`:13:13`);
      expect(all).toContain("SURVEY_RESERVED_ID");
      expect(all).toContain(`"${id}_q"`);
    });
});

describe("import --session with a slip of the keyboard", () => {
  const setup = () => {
    const db = path("sessions.db");
    ok(["sessions", "create", "kirjasto-1", "--db", db]);
    return db;
  };
  const forms = () => file("forms.csv", `${HEADER}\r\n1;weekly;yes;3;\r\n`);
  const sessions = (db: string) => {
    const r = runBin(["sessions", "list", "--db", db, "--json"]);
    return (JSON.parse(r.stdout) as { id: string }[]).map((s) => s.id);
  };

  for (const typo of ["kirjasto1", "Kirjasto_1", "kirjsato-1"])
    it(`"${typo}" for kirjasto-1 is refused with did-you-mean (STORE_UNKNOWN_SESSION) and creates nothing`, () => {
      const db = setup();
      const r = runBin(["import", SURVEY, forms(), "--db", db, "--session", typo]);
      expect(r.code, r.stdout + r.stderr).toBe(66);
      expect(r.stderr).toContain('Did you mean "kirjasto-1"?');
      expect(r.stderr).toContain("STORE_UNKNOWN_SESSION");
      expect(r.stderr).toContain("--new-session");
      expect(sessions(db)).toEqual(["kirjasto-1"]);
      // Nothing stored: the database holds no response (not even the survey) to export.
      expect(runBin(["export", "paper_forms", "--db", db, "--format", "json"]).code).toBe(66);
    });

  it("a new workshop's session is created with a notice; --new-session creates a look-alike on purpose", () => {
    const db = setup();
    const r = runBin(["import", SURVEY, forms(), "--db", db, "--session", "kirjasto-2"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Session "kirjasto-2" was new: it was created');
    const other = file("forms2.csv", `${HEADER}\r\n1;never;no;0;\r\n`);
    const r2 = runBin(["import", SURVEY, other, "--db", db, "--session", "kirjasto1", "--new-session"]);
    expect(r2.code, r2.stdout + r2.stderr).toBe(0);
    expect(r2.stdout).toContain('Session "kirjasto1" was new');
    expect(sessions(db).sort()).toEqual(["kirjasto-1", "kirjasto-2", "kirjasto1"]);
  });
});

describe("a file of another survey", () => {
  const baselineForms = () => {
    const csv = path("baseline-template.csv");
    ok(["template", "surveys/welcome-baseline.yaml", "--out", csv]);
    writeFileSync(csv, `${readFileSync(csv, "utf8").trimEnd()}\r\n1;yes;weekly\r\n`);
    return csv;
  };

  it("says first that it looks like another survey, with how many columns match (CSV_OTHER_SURVEY)", () => {
    const db = path("other.db");
    const r = runBin(["import", SURVEY, baselineForms(), "--db", db]);
    expect(r.code, r.stdout + r.stderr).toBe(65);
    expect(r.stderr).toMatch(
      /looks like a file of another survey: only \d+ of its \d+ question column\(s\) are columns of paper_forms \[CSV_OTHER_SURVEY\]/,
    );
    expect(r.stderr.split("\n").length).toBeLessThan(10); // not one line per unknown column
  });

  it("names the survey the database knows that fits the file better", () => {
    const db = path("other-known.db");
    ok(["surveys", "add", "surveys/welcome-baseline.yaml", "--db", db]);
    const r = runBin(["import", SURVEY, baselineForms(), "--db", db]);
    expect(r.code, r.stdout + r.stderr).toBe(65);
    expect(r.stderr).toMatch(/fits the survey welcome-baseline better: (\d+) of its \1 question column/);
    expect(r.stderr).toContain("CSV_OTHER_SURVEY");
  });
});
