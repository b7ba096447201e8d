// A PostgreSQL statement's iterate() reads through a server-side cursor a page at a time (never
// the whole result at once), in a read transaction of its own when none is open, which a write
// ends first, so that nothing written waits in it. Needs the test run's PostgreSQL.
import { afterEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/index.js";
import { CURSOR_PAGE } from "../../src/store/pg/cursor.js";
import { PG_URL, pgStoreUrl } from "../helpers/store-data.js";

const opened: Store[] = [];
const open = (url = pgStoreUrl()) => {
  const s = openStore(url, { create: true });
  opened.push(s);
  return s;
};
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

/** What the server says the store's connection is doing now, asked over another connection. */
function stateOf(s: Store, watcher: Store): string {
  const pid = s.sql("SELECT pg_backend_pid()").pluck().get();
  return watcher.sql("SELECT state FROM pg_stat_activity WHERE pid = ?").pluck().get(pid) as string;
}

const series = (n: number) => `SELECT n, 'row ' || n AS label FROM generate_series(1, ${n}) n ORDER BY n`;

describe.skipIf(!PG_URL)("iterating a PostgreSQL statement", () => {
  it("gives every row in order, a page at a time, at any count around the page size", () => {
    const s = open();
    for (const n of [
      0,
      1,
      CURSOR_PAGE - 1,
      CURSOR_PAGE,
      CURSOR_PAGE + 1,
      2 * CURSOR_PAGE,
      2 * CURSOR_PAGE + 7,
    ]) {
      const rows = [...s.sql(series(n)).iterate()] as { n: number; label: string }[];
      expect(rows).toHaveLength(n);
      expect(rows.every((r, i) => r.n === i + 1 && r.label === `row ${i + 1}`)).toBe(true);
      expect(s.sql(series(n)).pluck().iterate().next().value).toBe(n > 0 ? 1 : undefined);
    }
    expect([...s.sql(series(3)).raw(true).iterate()]).toEqual([
      [1, "row 1"],
      [2, "row 2"],
      [3, "row 3"],
    ]);
  });

  it("holds a cursor, not the result: one is open while iterating, none and no transaction after", () => {
    const s = open();
    const watcher = open();
    const it = s.sql(series(3 * CURSOR_PAGE)).iterate();
    for (let i = 0; i < CURSOR_PAGE + 10; i++) it.next();
    expect(s.sql("SELECT count(*) FROM pg_cursors WHERE name LIKE 'kuulo%'").pluck().get()).toBe(1);
    expect(stateOf(s, watcher)).toBe("idle in transaction");
    let rest = 0;
    for (const _ of it) rest++;
    expect(rest).toBe(2 * CURSOR_PAGE - 10);
    expect(s.sql("SELECT count(*) FROM pg_cursors WHERE name LIKE 'kuulo%'").pluck().get()).toBe(0);
    expect(stateOf(s, watcher)).toBe("idle");

    // Leaving the loop early closes the cursor and ends its transaction too.
    for (const row of s.sql(series(3 * CURSOR_PAGE)).iterate()) if ((row as { n: number }).n === 5) break;
    expect(s.sql("SELECT count(*) FROM pg_cursors WHERE name LIKE 'kuulo%'").pluck().get()).toBe(0);
    expect(stateOf(s, watcher)).toBe("idle");
  });

  it("lets a write during an iteration commit at once, and the iteration goes on whole", () => {
    const s = open();
    const watcher = open(`${PG_URL}&schema=${s.sql("SELECT current_schema()").pluck().get()}`);
    s.db.exec("CREATE TABLE notes (n bigint)");
    const seen: number[] = [];
    for (const row of s.sql(series(2 * CURSOR_PAGE + 1)).iterate()) {
      const n = (row as { n: number }).n;
      seen.push(n);
      if (n === 10) s.sql("INSERT INTO notes VALUES (?)").run(n);
      if (n === 20) s.write(() => s.sql("INSERT INTO notes VALUES (?)").run(n));
      if (n === 30) expect(watcher.sql("SELECT count(*) FROM notes").pluck().get()).toBe(2);
    }
    expect(seen).toEqual(Array.from({ length: 2 * CURSOR_PAGE + 1 }, (_, i) => i + 1));
    expect(stateOf(s, watcher)).toBe("idle");
  });

  it("inside a transaction of the caller, reads that transaction's own snapshot and ends with it", () => {
    const s = open();
    const watcher = open();
    s.db.exec("BEGIN");
    const it = s.sql(series(CURSOR_PAGE + 1)).iterate();
    expect(it.next().value).toEqual({ n: 1, label: "row 1" });
    s.db.exec("COMMIT");
    // The rows not yet read were kept before the transaction (and its cursor) ended.
    expect([...it]).toHaveLength(CURSOR_PAGE);
    expect(stateOf(s, watcher)).toBe("idle");
  });

  it("a query that fails, fails where iterate is called, and leaves no transaction open", () => {
    const s = open();
    const watcher = open();
    expect(() => s.sql("SELECT * FROM no_such_table").iterate()).toThrow(/no_such_table/);
    expect(stateOf(s, watcher)).toBe("idle");
    expect(s.sql("SELECT 1").pluck().get()).toBe(1);
  });
});
