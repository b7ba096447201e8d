// The workshop kiosk: welcome → language → one person's turn → thank-you → a cleared screen →
// welcome again, until the facilitator ends it. Ctrl+C during a turn asks the person whether to
// stop (answers so far stay saved) and never ends the program; only the facilitator's word does.
import type { Survey } from "../definition/model.js";
import { pickText, translator } from "../i18n/index.js";
import { isInterrupt, type KioskPrompter } from "./prompter.js";
import { type AnswerSink, runSession } from "./run-session.js";

export interface KioskOptions {
  survey: Survey;
  prompter: KioskPrompter;
  /** Languages offered, the default first. */
  languages: string[];
  plain: boolean;
  emoji: boolean;
  /** A fresh sink for each person's turn. */
  newSink: (language: string, startedAt: Date) => AnswerSink;
  now?: () => Date;
}

export interface KioskSummary {
  complete: number;
  stopped: number;
}

export async function runKiosk(o: KioskOptions): Promise<KioskSummary> {
  const { prompter, survey, languages } = o;
  const now = o.now ?? (() => new Date());
  const first = languages[0] ?? "fi";
  const t0 = translator(first);
  const summary: KioskSummary = { complete: 0, stopped: 0 };
  for (;;) {
    prompter.clear();
    const welcome = await ignoringCtrlC(() =>
      prompter.welcome({
        title: pickText(survey.title, first, first),
        text: languages.map((l) => translator(l)("run.welcome.title")).join("   "),
        press: languages.map((l) => translator(l)("run.welcome.press")).join("\n"),
        more: { above: t0("run.moreAbove"), below: t0("run.moreBelow") },
      }),
    );
    if (welcome === undefined) continue;
    if (welcome === "exit") {
      const sure = await ignoringCtrlC(() =>
        prompter.confirm({ title: t0("run.exit.title"), no: t0("run.exit.no"), yes: t0("run.exit.yes") }),
      );
      if (sure) break;
      continue;
    }
    const language =
      languages.length > 1 ? await ignoringCtrlC(() => chooseLanguage(prompter, languages)) : first;
    if (language === undefined) continue;
    const t = translator(language);
    const result = await runSession({
      survey,
      prompter,
      sink: o.newSink(language, now()),
      language,
      plain: o.plain,
      emoji: o.emoji,
      now,
      onInterrupt: async () => {
        const stop = await ignoringCtrlC(() =>
          prompter.confirm({
            title: t("run.stop.title"),
            text: t("run.stop.saved"),
            no: t("run.stop.no"),
            yes: t("run.stop.yes"),
          }),
        );
        return stop ? "stop" : "resume";
      },
    });
    summary[result.status === "complete" ? "complete" : "stopped"]++;
  }
  prompter.clear();
  return summary;
}

function chooseLanguage(prompter: KioskPrompter, languages: string[]): Promise<string> {
  const title = languages.map((l) => translator(l)("run.language.choose")).join(" / ");
  const options = languages.map((code) => {
    const name = translator(code)("lang.name");
    return { code, label: name.charAt(0).toUpperCase() + name.slice(1) };
  });
  return prompter.chooseLanguage(options, title);
}

/** Ctrl+C on a kiosk screen outside the questions: the screen is shown again (undefined). */
async function ignoringCtrlC<T>(show: () => Promise<T>): Promise<T | undefined> {
  try {
    return await show();
  } catch (e) {
    if (isInterrupt(e)) return undefined;
    throw e;
  }
}
