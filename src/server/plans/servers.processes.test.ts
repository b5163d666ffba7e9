// Several servers and hard stops (issue 14), with real `rencana serve` processes:
// - two servers on one PostgreSQL, writers PATCHing the same plan and their own plans through
//   both at once: every version is acknowledged to exactly one writer (a stale write gets 409,
//   never a silent overwrite), every acknowledged write reads back afterwards, and sign-in
//   throttling counts the failures made on both servers;
// - a server killed with SIGKILL during a stream of acknowledged PATCHes, on SQLite and on
//   PostgreSQL: after a restart every acknowledged write is there.
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../store/database.js";
import { plansRepo } from "../../store/plans-repo.js";
import { createOrganization, createUser, TEST_PASSWORD } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { signInOverHttp, startServer, type HttpCaller, type ServerProcess, stopServers } from "../../test-support/server-process.js";

type Ack = { planId: string; version: number; title: string };
type Outcome = { acks: Ack[]; stale: number; other: string[] };

/** PATCHes the title `writes` times; on 409 it takes the current version from the answer and tries again. */
async function patchWriter(api: HttpCaller, planId: string, name: string, writes: number, startVersion: number): Promise<Outcome> {
  const out: Outcome = { acks: [], stale: 0, other: [] };
  let version = startVersion;
  for (let n = 0; n < writes; n++) {
    const title = `${name} #${n}`;
    const res = await api("PATCH", `/api/plans/${planId}`, [{ op: "replace", path: "/title", value: title }], { "if-match": `"${version}"`, "content-type": "application/json-patch+json" });
    const body = (await res.json()) as { version?: number; currentVersion?: number; error?: { code: string } };
    if (res.status === 200) {
      out.acks.push({ planId, version: body.version!, title });
      version = body.version!;
    } else if (res.status === 409 && body.error?.code === "version.conflict") {
      out.stale++;
      version = body.currentVersion!;
    } else out.other.push(`${res.status} ${JSON.stringify(body)}`);
  }
  return out;
}

const postgres = testDatabases().find((t) => t.dialect === "postgres")!;

describe.skipIf(!postgres.available)("two server processes on one PostgreSQL", () => {
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    await stopServers(servers);
  });

  it("loses no update: concurrent PATCHes to one plan and to separate plans through both servers", async () => {
    const { database, url } = await openMigrated(postgres);
    const org = await createOrganization(database, "Dinas Dua Server");
    const user = await createUser(database, org.id, ["penyusun"], "Penyusun Dua Server");
    const guessed = await createUser(database, org.id, ["penyusun"], "Akun Ditebak");
    await database.close();
    servers.push(...(await Promise.all([startServer(["--db", url]), startServer(["--db", url])])));
    const apis = await Promise.all(servers.map((s) => signInOverHttp(s.baseUrl, user.email, TEST_PASSWORD)));
    const create = async (title: string) => {
      const res = await apis[0]!("POST", "/api/plans", minimalPlan({ title }));
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const shared = await create("Rencana bersama");
    const own = await Promise.all([0, 1, 2, 3].map((i) => create(`Rencana sendiri ${i}`)));

    const WRITES = 15;
    const outcomes = await Promise.all([
      // Six writers on one plan, three through each server.
      ...[0, 1, 2, 3, 4, 5].map((w) => patchWriter(apis[w % 2]!, shared, `bersama ${w}`, WRITES, 1)),
      // One writer per plan, through alternating servers: nobody else writes those plans.
      ...own.map((id, w) => patchWriter(apis[w % 2]!, id, `sendiri ${w}`, WRITES, 1)),
    ]);
    for (const o of outcomes) expect(o.other, "every answer is 200 or 409").toEqual([]);
    const sharedOutcomes = outcomes.slice(0, 6);
    const sharedAcks = sharedOutcomes.flatMap((o) => o.acks);
    const stale = sharedOutcomes.reduce((n, o) => n + o.stale, 0);
    console.log(`two servers, 6 writers × ${WRITES} PATCHes on one plan: ${sharedAcks.length} acknowledged, ${stale} answered 409`);
    // Contention really happened, and each new version went to exactly one writer.
    expect(stale).toBeGreaterThan(0);
    expect(sharedAcks.length + stale).toBe(6 * WRITES);
    const versions = sharedAcks.map((a) => a.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: sharedAcks.length }, (_, i) => i + 2));
    // Writers alone on their plan never meet a 409.
    for (const o of outcomes.slice(6)) expect([o.acks.length, o.stale]).toEqual([WRITES, 0]);

    const check = openDatabase(url);
    try {
      const repo = plansRepo(check.db);
      for (const ack of outcomes.flatMap((o) => o.acks)) expect((await repo.getRevision(ack.planId, ack.version))?.plan.title, `${ack.planId} v${ack.version}`).toBe(ack.title);
      const last = sharedAcks.reduce((a, b) => (b.version > a.version ? b : a));
      expect(await repo.get(shared)).toMatchObject({ version: last.version, title: last.title });
      for (const id of own) expect((await repo.get(id))?.version).toBe(WRITES + 1);
    } finally {
      await check.close();
    }

    // Sign-in throttling (issue 13) counts the failures made on either server: 3 on one, 2 on the
    // other, and then both refuse even the right password from that address.
    const signIn = (s: ServerProcess, password: string) =>
      fetch(`${s.baseUrl}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: guessed.email, password }) }).then(
        async (r) => ((await r.json()) as { error?: { code: string } }).error?.code ?? String(r.status),
      );
    const wrong: string[] = [];
    for (let i = 0; i < 5; i++) wrong.push(await signIn(servers[i < 3 ? 0 : 1]!, `salah-${i}`));
    expect(wrong).toEqual(Array.from({ length: 5 }, () => "auth.invalid_credentials"));
    expect(await signIn(servers[0]!, TEST_PASSWORD)).toBe("auth.throttled");
    expect(await signIn(servers[1]!, TEST_PASSWORD)).toBe("auth.throttled");
  }, 240_000);
});

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`SIGKILL during acknowledged writes on ${target.dialect}`, () => {
    let server: ServerProcess | undefined;
    afterAll(async () => {
      if (server && server.child.exitCode === null) server.child.kill("SIGKILL");
    });

    it("finds every acknowledged PATCH after a restart", async () => {
      const { database, url } = await openMigrated(target);
      const org = await createOrganization(database, "Dinas Tahan Banting");
      const user = await createUser(database, org.id, ["penyusun"], "Penyusun Tahan Banting");
      await database.close();
      server = await startServer(["--db", url]);
      const api = await signInOverHttp(server.baseUrl, user.email, TEST_PASSWORD);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await api("POST", "/api/plans", minimalPlan({ title: `Tahan ${i}` }));
        ids.push(((await res.json()) as { id: string }).id);
      }
      const acks: Ack[] = [];
      let stopped = false;
      const writers = ids.map(async (id, w) => {
        for (let version = 1; !stopped; ) {
          const title = `Tahan ${w} v${version + 1}`;
          const res = await api("PATCH", `/api/plans/${id}`, [{ op: "replace", path: "/title", value: title }], { "if-match": `"${version}"`, "content-type": "application/json-patch+json" });
          if (res.status !== 200) throw new Error(`patch: ${res.status} ${await res.text()}`);
          version = ((await res.json()) as { version: number }).version;
          acks.push({ planId: id, version, title });
        }
      });
      const enough = 40 + Math.floor(Math.random() * 40);
      while (acks.length < enough) await new Promise((r) => setTimeout(r, 2));
      server.child.kill("SIGKILL");
      stopped = true;
      const settled = await Promise.allSettled(writers);
      await server.exited;
      expect(server.child.signalCode).toBe("SIGKILL");
      // Cut off mid-request: the kill came during the stream, not after it.
      expect(settled.some((o) => o.status === "rejected")).toBe(true);
      const acknowledged = [...acks];

      // A new server on the same database, and the database itself, have every acknowledged write.
      server = await startServer(["--db", url]);
      const again = await signInOverHttp(server.baseUrl, user.email, TEST_PASSWORD);
      for (const id of ids) {
        const latest = acknowledged.filter((a) => a.planId === id).reduce((a, b) => (b.version > a.version ? b : a));
        const res = await again("GET", `/api/plans/${id}`);
        const body = (await res.json()) as { version: number; plan: { title: string } };
        expect(body.version).toBeGreaterThanOrEqual(latest.version);
        if (body.version === latest.version) expect(body.plan.title).toBe(latest.title);
      }
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
      const check = openDatabase(url);
      try {
        if (check.sqlite) expect(check.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
        const repo = plansRepo(check.db);
        for (const ack of acknowledged) expect((await repo.getRevision(ack.planId, ack.version))?.plan.title, `${ack.planId} v${ack.version}`).toBe(ack.title);
      } finally {
        await check.close();
      }
    }, 180_000);
  });
}
