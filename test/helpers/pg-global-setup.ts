// Vitest global setup: one throw-away PostgreSQL cluster for the whole run, when PostgreSQL is
// installed (.ci/run installs it). Tests find it in KUULO_TEST_PG (and KUULO_TEST_PG_TCP); the
// PostgreSQL halves of the store tests are skipped without it, and say so.
import { findPgBin, type PgCluster, removeCluster, startCluster } from "./pg-cluster.js";

let cluster: PgCluster | undefined;

export async function setup(): Promise<void> {
  if (process.env.KUULO_TEST_PG || process.env.KUULO_TEST_NO_PG) return;
  const bin = findPgBin();
  if (!bin) {
    // CI installs PostgreSQL: there, its tests must run, never be skipped in silence.
    if (process.env.KUULO_TEST_REQUIRE_PG)
      throw new Error("KUULO_TEST_REQUIRE_PG is set but no PostgreSQL programs (initdb) were found.");
    return;
  }
  cluster = await startCluster(bin);
  process.env.KUULO_TEST_PG = cluster.url;
  process.env.KUULO_TEST_PG_TCP = cluster.tcpUrl;
  process.env.KUULO_TEST_PG_DIR = cluster.dir;
  process.env.KUULO_TEST_PG_PORT = String(cluster.port);
  process.env.KUULO_TEST_PG_BIN = bin;
}

export async function teardown(): Promise<void> {
  if (cluster) removeCluster(cluster);
}
