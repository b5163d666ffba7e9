// Durability of the SQLite default, against the real server process:
// - `rencana backup` taken while writes stream in opens as a consistent database;
// - a `kill -9` in the middle of a stream of acknowledged writes loses none of them.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatePlan } from "../../domain/plan/validate.js";
import { openDatabase } from "../../store/database.js";
import { plansRepo } from "../../store/plans-repo.js";
import { captureIo } from "../../test-support/cli-io.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { signInOverHttp, startServer, type HttpCaller, type ServerProcess } from "../../test-support/server-process.js";
import { run } from "../main.js";

type Ack = { id: string; version: number; title: string };

/** One writer: creates a plan, then PUTs new versions until stopped; records every acknowledged write. */
async function writer(api: HttpCaller, name: string, acks: Ack[], shouldStop: () => boolean): Promise<void> {
  const created = await api("POST", "/api/plans", minimalPlan({ title: `${name} 1` }));
  if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  acks.push({ id, version: 1, title: `${name} 1` });
  for (let version = 1; !shouldStop(); version++) {
    const title = `${name} ${version + 1}`;
    const res = await api("PUT", `/api/plans/${id}`, minimalPlan({ title }), { "if-match": `"${version}"` });
    if (res.status !== 200) throw new Error(`put: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { version: number };
    acks.push({ id, version: body.version, title });
  }
}

describe("SQLite durability with the real server", () => {
  const dir = mkdtempSync(join(tmpdir(), "rencana-durable-"));
  const dbFile = join(dir, "rencana.db");
  let server: ServerProcess;
  let api: HttpCaller;
  const email = "penyusun@uji.go.id";
  const password = "kata-sandi-uji-123";

  beforeAll(async () => {
    // Every plan route needs a signed-in penyusun: made with the CLI, as a real installation would.
    const admin = captureIo({ RENCANA_PASSWORD: password });
    const created = await run(["user", "create", "--admin", "--role", "penyusun", "--email", email, "--name", "Penyusun Uji", "--organization", "Dinas Uji", "--db", dbFile], admin.io);
    if (created !== 0) throw new Error(admin.err());
    server = await startServer(["--db", dbFile]);
    api = await signInOverHttp(server.baseUrl, email, password);
  }, 90_000);
  afterAll(() => {
    if (server && server.child.exitCode === null) server.child.kill("SIGKILL");
  });

  it("takes a consistent backup while writes are in flight, with CLI imports beside the server", async () => {
    const acks: Ack[] = [];
    let stop = false;
    const writers = [writer(api, "Cadangan A", acks, () => stop), writer(api, "Cadangan B", acks, () => stop)];
    while (acks.length < 20) await new Promise((r) => setTimeout(r, 10));
    const ackedBefore = [...acks];
    const backupFile = join(dir, "backup.db");
    const c = captureIo();
    const code = await run(["backup", backupFile, "--db", dbFile], c.io);
    const countAtEnd = acks.length;
    // A second process writing the same file (the CLI beside the server) must not break either side.
    const planFile = join(dir, "plan.json");
    writeFileSync(planFile, JSON.stringify(minimalPlan({ title: "Impor CLI" })));
    for (let i = 0; i < 3; i++) {
      const imp = captureIo();
      expect(await run(["import", planFile, "--db", dbFile], imp.io), imp.err()).toBe(0);
      await new Promise((r) => setTimeout(r, 20));
    }
    // keep writing a little after the backup, then stop
    while (acks.length < countAtEnd + 5) await new Promise((r) => setTimeout(r, 10));
    stop = true;
    await Promise.all(writers);
    expect(code, c.err()).toBe(0);
    expect(c.out()).toContain("integrity_check ok");

    const copy = new SqliteDatabase(backupFile, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(copy.pragma("foreign_key_check")).toEqual([]);
    } finally {
      copy.close();
    }
    const database = openDatabase(backupFile, { mustExist: true });
    try {
      const repo = plansRepo(database.db);
      for (const ack of ackedBefore) expect((await repo.getRevision(ack.id, ack.version))?.plan.title).toBe(ack.title);
      // Each plan row matches its latest revision, and that revision is a valid plan.
      for (const id of new Set(acks.map((a) => a.id))) {
        const plan = await repo.get(id);
        const revisions = await repo.listRevisions(id);
        expect(plan && revisions?.[0]?.version).toBe(plan?.version);
        const latest = await repo.getRevision(id, plan!.version);
        expect(latest?.plan).toEqual(plan?.plan);
        expect(validatePlan(latest?.plan).ok).toBe(true);
      }
    } finally {
      await database.close();
    }
  }, 60_000);

  it("loses no acknowledged write when the server is killed with SIGKILL mid-stream", async () => {
    const acks: Ack[] = [];
    let stop = false;
    const writers = [writer(api, "Tahan A", acks, () => stop), writer(api, "Tahan B", acks, () => stop), writer(api, "Tahan C", acks, () => stop)];
    const target = 40 + Math.floor(Math.random() * 40);
    while (acks.length < target) await new Promise((r) => setTimeout(r, 2));
    server.child.kill("SIGKILL");
    stop = true;
    const outcomes = await Promise.allSettled(writers);
    await server.exited;
    expect(server.child.signalCode).toBe("SIGKILL");
    // Writers were cut off mid-request: the kill really happened during the stream.
    expect(outcomes.some((o) => o.status === "rejected")).toBe(true);
    const acknowledged = [...acks];
    expect(acknowledged.length).toBeGreaterThanOrEqual(target);

    const database = openDatabase(dbFile, { mustExist: true });
    try {
      expect(database.sqlite!.pragma("integrity_check", { simple: true })).toBe("ok");
      const repo = plansRepo(database.db);
      for (const ack of acknowledged) {
        const rev = await repo.getRevision(ack.id, ack.version);
        expect(rev?.plan.title, `${ack.id} v${ack.version}`).toBe(ack.title);
        expect((await repo.get(ack.id))!.version).toBeGreaterThanOrEqual(ack.version);
      }
    } finally {
      await database.close();
    }
  }, 60_000);
});
