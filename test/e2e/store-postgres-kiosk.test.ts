// The network dropped mid-kiosk: the built binary as a kiosk in a real pseudo-terminal (80 × 24)
// saving over TCP to a PostgreSQL server of this test's own, which is stopped between two answers.
// The participant sees the calm page in their language, the facilitator then gets exit 74, and
// every answer given before the drop is on the server when it is back.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listResponses, openStore } from "../../src/store/index.js";
import { ROOT, runBin, tempDir } from "../helpers/cli.js";
import {
  type PgCluster,
  removeCluster,
  startAgain,
  startCluster,
  stopCluster,
  TEST_PASSWORD,
} from "../helpers/pg-cluster.js";
import { KEY, PtyRun, sleep } from "../helpers/run-pty.js";
import { PG_URL } from "../helpers/store-data.js";

const tmp = tempDir("kuulo-pg-kiosk-");
const MINIMAL = join(ROOT, "fixtures/surveys/valid/minimal.yaml");
const { down, enter } = KEY;

describe.skipIf(!PG_URL)("the network drops mid-kiosk", () => {
  let own: PgCluster | undefined;
  afterAll(() => {
    if (own) removeCluster(own);
    tmp.cleanup();
  });

  it("the participant sees a calm page in Swedish, then exit 74; the answers before the drop are kept", {
    timeout: 120_000,
  }, async () => {
    // A cluster of this test's own: stopping the shared one would fail the tests beside it.
    own = await startCluster(process.env.KUULO_TEST_PG_BIN!);
    // Over TCP with a password, as a kiosk on a library's network reaches its server.
    const db = ["--db", own.tcpUrl, "--schema", "kiosk"];
    for (const args of [
      ["surveys", "add", MINIMAL],
      ["sessions", "create", "ws1"],
    ]) {
      const r = runBin([...args, ...db], { cwd: tmp.dir });
      expect(r.code, r.stderr).toBe(0);
    }
    const t = new PtyRun(["run", MINIMAL, "--kiosk", "--session", "ws1", ...db], { cwd: tmp.dir });
    try {
      await t.expect(/Paina Enter, niin tervetulonäkymä tulee esiin/);
      await t.step(enter, /Tervetuloa! Välkommen! Welcome!/);
      await t.step(enter, /Valitse kieli \/ Välj språk \/ Choose a language/);
      await t.step(down + enter, /Hur ofta besöker du biblioteket\?/); // Svenska
      await t.step(enter, /Tycker du om att läsa\?/); // weekly
      await t.step(enter, /Jag tycker om att läsa/); // yes
      // The server goes away between two answers; the participant answers the next question.
      // Stopping it models a dropped network more fully than pg_terminate_backend would: the
      // kiosk's connection is gone and no new one can be made either.
      stopCluster(own, "immediate");
      await t.step(enter, /Det gick inte att spara/);
      const page = (await t.screen()).join("\n");
      expect(page).toMatch(/^Det gick inte att spara$/m);
      expect(page).toContain("Ditt senaste svar kunde inte sparas just nu. Dina tidigare svar är sparade.");
      expect(page).toContain("Be bibliotekets personal om hjälp.");
      expect(page).toMatch(/❯ Okej/);
      // No error, code or address for the participant to read; the page waits for them.
      expect(page).not.toMatch(/STORE_|postgres|Error|Virhe|Fel\b/);
      expect(await Promise.race([t.exited.then(() => "ended"), sleep(500).then(() => "waiting")])).toBe(
        "waiting",
      );

      t.send(enter);
      expect((await t.exited).exitCode).toBe(74);
      const after = t.text.slice(t.text.lastIndexOf("Okej"));
      expect(after).toMatch(/STORE_UNAVAILABLE/);
      expect(t.text).not.toContain(TEST_PASSWORD);
    } finally {
      t.kill("SIGKILL");
      t.dispose();
    }

    startAgain(own);
    const s = openStore(`${own.url}&schema=kiosk`, { readonly: true });
    try {
      const rs = listResponses(s, "minimal");
      expect(rs.map((r) => [r.status, r.language, r.sessionId, r.answers])).toEqual([
        ["partial", "sv", "ws1", { visit_freq: "weekly", likes: "yes" }],
      ]);
    } finally {
      s.close();
    }
  });
});
