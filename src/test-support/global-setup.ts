// Starts what the test suite needs that is not a library: a throw-away PostgreSQL server.
// Uses TEST_POSTGRES_URL when given; otherwise Debian's PostgreSQL binaries if installed.
// Without either, PostgreSQL tests are skipped — unless REQUIRE_ALL_BACKENDS=1 (CI), where
// a missing backend is an error, so that a green CI means both databases were tested.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

function findPgBin(): string | undefined {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = join(base, v, "bin");
    if (existsSync(join(bin, "initdb")) && existsSync(join(bin, "pg_ctl"))) return bin;
  }
  return undefined;
}

let stop: (() => void) | undefined;

export default async function setup(project: TestProject): Promise<() => void> {
  let url = process.env.TEST_POSTGRES_URL ?? "";
  const bin = url ? undefined : findPgBin();
  if (!url && bin) {
    const dir = mkdtempSync(join(tmpdir(), "rencana-pg-"));
    const asRoot = process.getuid?.() === 0;
    // initdb refuses to run as root: run the server as Debian's postgres user.
    const run = (cmd: string, args: string[]) => {
      const full = asRoot ? ["-u", "postgres", "--", join(bin, cmd), ...args] : args;
      const r = spawnSync(asRoot ? "runuser" : join(bin, cmd), full, { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
    };
    if (asRoot) {
      const { uid, gid } = userIds("postgres");
      chownSync(dir, uid, gid);
    }
    const port = await freePort();
    run("initdb", ["-D", join(dir, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
    run("pg_ctl", ["-D", join(dir, "data"), "-w", "-l", join(dir, "log"), "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`, "start"]);
    url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    stop = () => {
      try { run("pg_ctl", ["-D", join(dir, "data"), "-m", "immediate", "stop"]); } catch { /* already down */ }
      rmSync(dir, { recursive: true, force: true });
    };
  }
  if (!url && process.env.REQUIRE_ALL_BACKENDS === "1") {
    throw new Error("REQUIRE_ALL_BACKENDS=1 but no PostgreSQL: install postgresql or set TEST_POSTGRES_URL");
  }
  if (!url) console.warn("\n[rencana] PostgreSQL not installed: PostgreSQL tests are skipped (apt-get install postgresql)\n");
  project.provide("postgresUrl", url);
  return () => stop?.();
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
  return { uid, gid };
}
