// How full the pages of the paper form are: the layout engine measures the height it uses on
// each page, the printed words agree with it, and no page is less than half full unless the
// question after it would not fit in what was left.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSurvey } from "../../src/definition/load.js";
import type { Survey } from "../../src/definition/model.js";
import { parseSurvey } from "../../src/definition/parse.js";
import { FORM_MARGINS, renderQuestionnairePdf } from "../../src/render/questionnaire-pdf.js";
import { ROOT } from "../helpers/cli.js";
import { textBottoms } from "../helpers/print-pdf-tools.js";

const BUNDLED = ["welcome-baseline", "welcome-followup", "workshop-feedback"].map((id) =>
  loadSurvey(join(ROOT, "surveys", `${id}.yaml`)),
);
const SECOND = parseSurvey(
  readFileSync(join(ROOT, "test/fixtures/surveys/second-library.yaml"), "utf8"),
  "second-library.yaml",
).survey as Survey;

const CASES = [...BUNDLED, SECOND].flatMap((survey) =>
  ["fi", "sv", "en"].flatMap((lang) =>
    [true, false].map((plain) => ({ survey, id: survey.id, lang, plain })),
  ),
);

describe("page fill", () => {
  it.each(CASES)(
    "$id $lang plain=$plain: every page at least half full, or the next question did not fit",
    async ({ survey, lang, plain }) => {
      const r = await renderQuestionnairePdf(survey, { lang, plain });
      expect(r.use).toHaveLength(r.pages);
      // The engine's own account agrees with the page: no word below the height it says it used.
      const bottoms = textBottoms(r.bytes, (h) => h - FORM_MARGINS.bottom);
      expect(bottoms).toHaveLength(r.pages);
      bottoms.forEach((b, i) => {
        const used = r.use[i]?.used ?? 0;
        expect(b, `page ${i + 1}: words end within the used height`).toBeLessThanOrEqual(
          FORM_MARGINS.top + used + 1,
        );
        expect(b, `page ${i + 1} has words`).toBeGreaterThan(FORM_MARGINS.top);
      });
      const thin = r.use.slice(0, -1).flatMap((u, i) => {
        if (u.used >= u.height / 2) return [];
        // Less than half full: only when the next question (or its first rows) needed more room.
        return u.refused && u.refused.height > u.refused.room
          ? []
          : [`page ${i + 1}: ${Math.round(u.used)} pt`];
      });
      expect(thin).toEqual([]);
    },
  );
});
