// How PostgreSQL failures reach a person: SQL errors go back to the store, every way of losing
// the server is STORE_UNAVAILABLE (exit 74) with a retry hint, and no message shows a password.
// Pure: no server needed.
import { describe, expect, it } from "vitest";
import { KuuloError } from "../../src/errors.js";
import { PgSqlError, pgFailure } from "../../src/store/pg/errors.js";

const label = "postgres://kuulo@db.example/kirjasto";

describe("pgFailure", () => {
  it("gives an SQL error (a unique constraint) back to the store with its SQLSTATE", () => {
    const e = pgFailure({ message: "duplicate key value", code: "23505" }, label);
    expect(e).toBeInstanceOf(PgSqlError);
    expect((e as PgSqlError).code).toBe("23505");
  });

  it.each([
    ["EPIPE", "write EPIPE"],
    ["ECONNRESET", "read ECONNRESET"],
    ["ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432"],
    ["ETIMEDOUT", "no reply"],
    ["57P01", "terminating connection due to administrator command"],
    ["08006", "connection failure"],
    [undefined, "Connection terminated unexpectedly"],
  ])("a lost server (%s) is STORE_UNAVAILABLE, exit 74, with a retry hint", (code, message) => {
    const e = pgFailure({ message, code }, label);
    expect(e).toBeInstanceOf(KuuloError);
    const k = e as KuuloError;
    expect([k.code, k.exitCode]).toEqual(["STORE_UNAVAILABLE", 74]);
    expect(k.hint).toMatch(/Try again/);
  });

  it("never shows a password the driver quotes", () => {
    const e = pgFailure(
      { message: "bad url postgres://staff:s3cret@db/x password=s3cret", code: "EPIPE" },
      label,
    );
    expect(`${e.message} ${(e as KuuloError).hint} ${String((e as Error).cause)}`).not.toContain("s3cret");
  });
});
