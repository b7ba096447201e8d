// The network link to the server drops silently mid-kiosk: the built binary in an 80 × 24
// pseudo-terminal saves over TCP through a proxy that stops forwarding without closing anything
// (no reset arrives, as with a lost Wi-Fi or VPN). The participant sees the calm page within the
// kiosk's save limit, not minutes later; the facilitator gets exit 74; nothing saved is lost, and
// a save that reached the server is there once, also after the kiosk is started again.
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { SAVE_REPLY_LIMIT } from "../../src/session/run-survey.js";
import { listResponses, openStore } from "../../src/store/index.js";
import { ROOT, runBin, tempDir } from "../helpers/cli.js";
import { TEST_PASSWORD } from "../helpers/pg-cluster.js";
import { KEY, PtyRun } from "../helpers/run-pty.js";
import { PG_URL } from "../helpers/store-data.js";
import { BlackHoleProxy } from "../helpers/tcp-blackhole.js";

const tmp = tempDir("kuulo-pg-blackhole-");
const MINIMAL = join(ROOT, "fixtures/surveys/valid/minimal.yaml");
const { down, enter, ctrlC } = KEY;
const TCP = process.env.KUULO_TEST_PG_TCP;
const PORT = Number(process.env.KUULO_TEST_PG_PORT);
/** How much later than the limit the page may come on a busy machine. */
const SLACK = 5_000;

let proxy: BlackHoleProxy | undefined;
let schemas = 0;

/** A new schema holding the minimal survey and an open session, reached through a new proxy. */
async function setUp(): Promise<{ viaProxy: string[]; direct: string }> {
  const schema = `blackhole_${process.pid}_${++schemas}`;
  const direct = ["--db", TCP!, "--schema", schema];
  for (const args of [
    ["surveys", "add", MINIMAL],
    ["sessions", "create", "ws1"],
  ]) {
    const r = runBin([...args, ...direct], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
  }
  proxy = await BlackHoleProxy.start(PORT);
  const viaProxy = TCP!.replace(`:${PORT}/`, `:${proxy.port}/`);
  return { viaProxy: ["--db", viaProxy, "--schema", schema], direct: `${PG_URL}&schema=${schema}` };
}

function stored(url: string) {
  const s = openStore(url, { readonly: true });
  try {
    return listResponses(s, "minimal").map((r) => [r.id, r.status, r.language, r.answers] as const);
  } finally {
    s.close();
  }
}

/** A kiosk through the proxy, driven by `drive`; killed if it is still running afterwards. */
async function kiosk(viaProxy: string[], drive: (t: PtyRun) => Promise<void>): Promise<void> {
  const t = new PtyRun(["run", MINIMAL, "--kiosk", "--session", "ws1", ...viaProxy], { cwd: tmp.dir });
  try {
    await drive(t);
  } finally {
    t.kill("SIGKILL");
    t.dispose();
  }
}

/** Answer the kiosk's screens up to the second question, in English. */
async function firstAnswer(t: PtyRun): Promise<void> {
  await t.expect(/Paina Enter, niin tervetulonäkymä tulee esiin/);
  await t.step(enter, /Tervetuloa! Välkommen! Welcome!/);
  await t.step(enter, /Valitse kieli \/ Välj språk \/ Choose a language/);
  await t.step(down + down + enter, /How often do you visit the library\?/);
  await t.step(enter, /Do you like reading\?/); // weekly
}

/** The link is cut: the next answer brings the calm page within the limit, then exit 74. */
async function calmPageInTime(t: PtyRun): Promise<void> {
  const sent = Date.now();
  t.send(enter); // "yes" to "Do you like reading?"
  await t.expect(/Your answer could not be saved/, SAVE_REPLY_LIMIT + SLACK);
  const waited = Date.now() - sent;
  // The limit ended the wait: no reset came through the black hole to end it sooner.
  expect(waited).toBeGreaterThanOrEqual(SAVE_REPLY_LIMIT - 500);
  expect(waited).toBeLessThan(SAVE_REPLY_LIMIT + SLACK);
  const page = (await t.screen()).join("\n");
  expect(page).toMatch(/^Your answer could not be saved$/m);
  expect(page).toContain("Your earlier answers are saved.");
  expect(page).toContain("Please ask a member of the library staff for help.");
  expect(page).toMatch(/❯ OK/);
  expect(page).not.toMatch(/STORE_|postgres|Error/);
  t.send(enter);
  expect((await t.exited).exitCode).toBe(74);
  const after = t.text.slice(t.text.lastIndexOf("OK"));
  expect(after).toMatch(/STORE_UNAVAILABLE/);
  expect(after).toContain(`did not answer within ${SAVE_REPLY_LIMIT / 1000} s`);
  expect(after).toMatch(/Check the network/);
  expect(t.text).not.toContain(TEST_PASSWORD);
}

describe.skipIf(!PG_URL || !TCP)("the network link drops silently mid-kiosk", () => {
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });
  afterAll(() => tmp.cleanup());

  it("before a save reaches the server: the calm page within the limit, the earlier answer kept", {
    timeout: 60_000,
  }, async () => {
    const { viaProxy, direct } = await setUp();
    await kiosk(viaProxy, async (t) => {
      await firstAnswer(t);
      proxy!.swallow();
      await calmPageInTime(t);
    });
    expect(stored(direct).map(([, ...r]) => r)).toEqual([["partial", "en", { visit_freq: "weekly" }]]);
  });

  it("after a save reached the server: stored once, and a restarted kiosk adds only its own turn", {
    timeout: 90_000,
  }, async () => {
    const { viaProxy, direct } = await setUp();
    await kiosk(viaProxy, async (t) => {
      await firstAnswer(t);
      proxy!.swallowAfterCommit();
      await calmPageInTime(t);
    });
    const before = stored(direct);
    expect(before.map(([, ...r]) => r)).toEqual([["partial", "en", { visit_freq: "weekly", likes: "yes" }]]);

    // The link is back; the facilitator starts the kiosk again and the next person answers once.
    proxy!.heal();
    await kiosk(viaProxy, async (t) => {
      await firstAnswer(t);
      await t.step(ctrlC, /Do you want to stop answering\?/);
      await t.step(down + enter, /Tervetuloa! Välkommen! Welcome!/);
      await t.step("lopeta" + enter, /Lopetetaanko kysely/);
      t.send(down + enter);
      expect((await t.exited).exitCode).toBe(0);
    });
    const after = stored(direct);
    expect(after).toHaveLength(2);
    expect(after).toContainEqual(before[0]);
    expect(after.filter(([id]) => id !== before[0]![0]).map(([, ...r]) => r)).toEqual([
      ["partial", "en", { visit_freq: "weekly" }],
    ]);
  });
});
