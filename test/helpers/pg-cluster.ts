// A throw-away PostgreSQL cluster for the tests: initdb into a temporary folder, listening on a
// Unix socket there and on 127.0.0.1 (password logins, for the tests of wrong passwords). Started
// once per test run by pg-global-setup.ts when PostgreSQL's programs are installed.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PgCluster {
  dir: string;
  port: number;
  /** postgres://… over the socket, as the superuser, to database kuulo_test. */
  url: string;
  /** The same database over TCP as role kuulo_pw with PASSWORD. */
  tcpUrl: string;
  bin: string;
}

export const TEST_PASSWORD = "Sal4sana-ei-saa-nakya";

/** The newest installed PostgreSQL's program folder (Debian: /usr/lib/postgresql/N/bin). */
export function findPgBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], "bin");
  }
  try {
    const dir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
    return existsSync(join(dir, "initdb")) ? dir : undefined;
  } catch {
    return undefined;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, its programs run as the postgres user. */
function asOwner(bin: string, program: string, args: string[]): void {
  const cmd = join(bin, program);
  const root = process.getuid?.() === 0;
  execFileSync(root ? "runuser" : cmd, root ? ["-u", "postgres", "--", cmd, ...args] : args, {
    stdio: ["ignore", "ignore", "pipe"],
    cwd: tmpdir(),
  });
}

export async function startCluster(bin: string): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), "kuulo-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const data = join(dir, "data");
  asOwner(bin, "initdb", [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth-local=trust",
    "--auth-host=scram-sha-256",
    "--no-sync",
    "-E",
    "UTF8",
  ]);
  const conf = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300 -c full_page_writes=off`;
  asOwner(bin, "pg_ctl", ["-D", data, "-l", join(dir, "log"), "-w", "-o", conf, "start"]);
  const psql = (sql: string, db = "postgres") =>
    execFileSync(join(bin, "psql"), ["-h", dir, "-p", String(port), "-U", "postgres", "-d", db, "-qc", sql], {
      stdio: ["ignore", "ignore", "pipe"],
    });
  psql("CREATE DATABASE kuulo_test");
  psql(`CREATE ROLE kuulo_pw LOGIN PASSWORD '${TEST_PASSWORD}'`);
  psql("GRANT CREATE ON DATABASE kuulo_test TO kuulo_pw", "kuulo_test");
  return {
    dir,
    port,
    bin,
    url: `postgres://postgres@/kuulo_test?host=${dir}&port=${port}`,
    tcpUrl: `postgres://kuulo_pw:${TEST_PASSWORD}@127.0.0.1:${port}/kuulo_test`,
  };
}

export function stopCluster(
  c: Pick<PgCluster, "dir" | "bin">,
  mode: "fast" | "immediate" = "immediate",
): void {
  try {
    asOwner(c.bin, "pg_ctl", ["-D", join(c.dir, "data"), "-m", mode, "stop"]);
  } catch {
    // Stopped already.
  }
}

export function startAgain(c: PgCluster): void {
  const conf = `-k ${c.dir} -p ${c.port} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300 -c full_page_writes=off`;
  asOwner(c.bin, "pg_ctl", ["-D", join(c.dir, "data"), "-l", join(c.dir, "log"), "-w", "-o", conf, "start"]);
}

export function removeCluster(c: Pick<PgCluster, "dir" | "bin">): void {
  stopCluster(c);
  rmSync(c.dir, { recursive: true, force: true });
}
