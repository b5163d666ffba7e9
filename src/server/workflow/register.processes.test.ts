// The register under real concurrency: two `rencana serve` processes on one PostgreSQL database,
// twenty approvals sent to them at once, half to each. Every approval gets its own number, the
// numbers are 1…20 without a gap, and the database holds each once (the unique constraint).
import { afterAll, describe, expect, it } from "vitest";
import { peopleRepo } from "../../store/people-repo.js";
import { plansRepo } from "../../store/plans-repo.js";
import type { Database } from "../../store/database.js";
import { createOrganization, createUser, TEST_PASSWORD } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { signInOverHttp, startServer, type ServerProcess, stopServers } from "../../test-support/server-process.js";

const postgres = testDatabases().find((t) => t.dialect === "postgres")!;
const APPROVALS = 20;

describe.skipIf(!postgres.available)("decree register with two server processes on one PostgreSQL", () => {
  let database: Database | undefined;
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    await stopServers(servers);
    await database?.close();
  });

  it("gives twenty approvals sent at once to two servers twenty distinct numbers", async () => {
    const opened = await openMigrated(postgres);
    database = opened.database;
    const org = await createOrganization(database, "Dinas Dua Server");
    await peopleRepo(database.db).updateOrganizationSettings(org.id, { decreeNumberTemplate: "800/{counter:3}/{unitCode}/{year}", unitCode: "DISDUK" });
    const penyusun = await createUser(database, org.id, ["penyusun"], "Penyusun Dua Server");
    const signatory = await createUser(database, org.id, ["penandatangan"], "Kepala Dua Server");
    const repo = plansRepo(database.db);
    const ids: string[] = [];
    for (let i = 0; i < APPROVALS; i++) {
      const p = await repo.create(minimalPlan({ title: `Rencana paralel ${i + 1}` }), { organizationId: org.id, createdBy: penyusun.id });
      await repo.setTeam(p.id, [
        { userId: penyusun.id, role: "penyusun", position: 0 },
        { userId: signatory.id, role: "penandatangan", position: 0 },
      ]);
      ids.push(p.id);
    }
    // Submitted, waiting for the signatory (no reviewers): straight in the database, to keep the test short.
    await database.db.updateTable("plans").set({ status: "submitted", review_step: 1, review_cycle: 1 }).where("id", "in", ids).execute();

    servers.push(...(await Promise.all([startServer(["--db", opened.url]), startServer(["--db", opened.url])])));
    const callers = await Promise.all(servers.map((s) => signInOverHttp(s.baseUrl, signatory.email, TEST_PASSWORD)));
    const answers = await Promise.all(ids.map((id, i) => callers[i % 2]!("POST", `/api/plans/${id}/approve`, {})));
    const bodies = await Promise.all(answers.map(async (r) => ({ status: r.status, body: (await r.json()) as { plan?: { decree: { number?: string } } } })));
    expect(bodies.filter((b) => b.status !== 200), JSON.stringify(bodies.filter((b) => b.status !== 200)).slice(0, 500)).toEqual([]);
    const numbers = bodies.map((b) => b.body.plan?.decree.number ?? "");
    expect(new Set(numbers).size).toBe(APPROVALS);
    const year = Number(numbers[0]!.slice(-4));
    expect([...numbers].sort()).toEqual(Array.from({ length: APPROVALS }, (_, i) => `800/${String(i + 1).padStart(3, "0")}/DISDUK/${year}`));
    const rows = await database.db.selectFrom("decree_register").select(["number", "plan_id"]).where("organization_id", "=", org.id).execute();
    expect(rows).toHaveLength(APPROVALS);
    expect(new Set(rows.map((r) => r.plan_id))).toEqual(new Set(ids));
  }, 180_000);
});
