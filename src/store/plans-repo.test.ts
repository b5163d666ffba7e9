import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "../test-support/databases.js";
import { minimalPlan } from "../test-support/fixtures.js";
import { openMigrated } from "../test-support/open-store.js";
import type { Database } from "./database.js";
import { auditRepo } from "./audit-repo.js";
import { peopleRepo } from "./people-repo.js";
import { plansRepo, type PlansRepo } from "./plans-repo.js";

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`plansRepo on ${target.dialect}`, () => {
    let database: Database;
    let repo: PlansRepo;
    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      repo = plansRepo(database.db);
    });
    afterAll(async () => database?.close());

    it("creates, reads back an equal document, and keeps revision 1", async () => {
      const plan = minimalPlan();
      const created = await repo.create(plan);
      expect(created.version).toBe(1);
      expect(created.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
      const got = await repo.get(created.id);
      expect(got?.plan).toEqual(plan);
      expect(got).toMatchObject({ title: plan.title, fiscalYear: 2027, status: "draft", version: 1, unit: plan.organization.unit });
      expect(await repo.listRevisions(created.id)).toEqual([
        { planId: created.id, version: 1, title: plan.title, createdAt: created.createdAt, authorId: null },
      ]);
      expect(await repo.get("nope")).toBeUndefined();
      expect(await repo.listRevisions("nope")).toBeUndefined();
    });

    it("replaces with the expected version, keeps every revision, and refuses a stale version", async () => {
      const created = await repo.create(minimalPlan({ title: "Revisi" }));
      const v2 = await repo.replace(created.id, 1, minimalPlan({ title: "Revisi dua" }));
      expect(v2.ok && v2.plan.version).toBe(2);
      const v3 = await repo.replace(created.id, 2, minimalPlan({ title: "Revisi tiga" }));
      expect(v3.ok && v3.plan.title).toBe("Revisi tiga");
      const stale = await repo.replace(created.id, 2, minimalPlan({ title: "Basi" }));
      expect(stale.ok).toBe(false);
      if (!stale.ok && stale.reason === "conflict") expect(stale.current.version).toBe(3);
      else throw new Error("expected a conflict");
      expect((await repo.get(created.id))?.title).toBe("Revisi tiga");
      const revisions = await repo.listRevisions(created.id);
      expect(revisions?.map((r) => [r.version, r.title])).toEqual([[3, "Revisi tiga"], [2, "Revisi dua"], [1, "Revisi"]]);
      expect((await repo.getRevision(created.id, 2))?.plan.title).toBe("Revisi dua");
      expect(await repo.getRevision(created.id, 9)).toBeUndefined();
      expect(await repo.replace("nope", 1, minimalPlan())).toEqual({ ok: false, reason: "not_found" });
    });

    it("lets exactly one of two concurrent writers with the same version win", async () => {
      for (let round = 0; round < 5; round++) {
        const created = await repo.create(minimalPlan({ title: `Balapan ${round}` }));
        const results = await Promise.all([
          repo.replace(created.id, 1, minimalPlan({ title: "A" })),
          repo.replace(created.id, 1, minimalPlan({ title: "B" })),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.filter((r) => !r.ok && r.reason === "conflict")).toHaveLength(1);
        const winner = results.find((r) => r.ok);
        const stored = await repo.get(created.id);
        expect(stored?.version).toBe(2);
        expect(winner?.ok && stored?.title).toBe(winner?.ok ? winner.plan.title : "");
        expect(await repo.listRevisions(created.id)).toHaveLength(2);
      }
    });

    it("archives as a new version and hides archived plans from the default list", async () => {
      const created = await repo.create(minimalPlan({ title: "Akan diarsipkan zzq" }));
      const archived = await repo.archive(created.id);
      expect(archived.ok && archived.plan).toMatchObject({ status: "archived", version: 2 });
      expect((await repo.list({ q: "zzq" })).total).toBe(0);
      expect((await repo.list({ q: "zzq", status: "archived" })).items.map((i) => i.id)).toEqual([created.id]);
      const stale = await repo.archive(created.id, 1);
      expect(!stale.ok && stale.reason).toBe("conflict");
    });

    it("searches titles case-insensitively (also beyond ASCII), filters by year, pages, and counts the total", async () => {
      const tag = `Paging-${target.dialect}`;
      for (let i = 0; i < 7; i++) {
        await repo.create(minimalPlan({ title: `${tag} Ölçü ${i}`, fiscalYear: i % 2 === 0 ? 2030 : 2031 }));
      }
      await repo.create(minimalPlan({ title: "100%_literal" }));
      const all = await repo.list({ q: tag.toUpperCase(), limit: 3 });
      expect(all.total).toBe(7);
      expect(all.items).toHaveLength(3);
      const rest = await repo.list({ q: tag.toLowerCase(), limit: 10, offset: 3 });
      expect(rest.items).toHaveLength(4);
      expect(new Set([...all.items, ...rest.items].map((i) => i.id)).size).toBe(7);
      expect((await repo.list({ q: "ÖLÇÜ", fiscalYear: 2030 })).total).toBe(4);
      expect((await repo.list({ q: "ölçü", fiscalYear: 2031 })).total).toBe(3);
      // LIKE wildcards in the query are literal characters
      expect((await repo.list({ q: "0%_l" })).total).toBe(1);
      expect((await repo.list({ q: "%" })).total).toBe(1);
      expect(all.items[0]).toEqual({
        id: expect.any(String), title: expect.stringContaining(tag), fiscalYear: expect.any(Number),
        organizationName: expect.any(String), unit: expect.any(String), status: "draft", version: 1, updatedAt: expect.any(String), organizationId: null, reviewStep: null,
      });
    });

    it("counts rows", async () => {
      const before = await repo.count();
      await repo.create(minimalPlan());
      const after = await repo.count();
      expect(after).toEqual({ plans: before.plans + 1, revisions: before.revisions + 1 });
    });

    it("creates a plan in an organisation with its author on the team, scopes lists, and audits writes in the same transaction", async () => {
      const people = peopleRepo(database.db);
      const org = await people.createOrganization("Dinas Uji Repo");
      const other = await people.createOrganization("Dinas Lain");
      const author = await people.createUser({ organizationId: org.id, email: `penulis-${target.dialect}@uji.go.id`, name: "Penulis", roles: ["penyusun"], passwordHash: "x" });
      const actor = { userId: author.id, organizationId: org.id };
      const created = await repo.create(minimalPlan({ title: "Bertim" }), { organizationId: org.id, createdBy: author.id, actor });
      await repo.create(minimalPlan({ title: "Bertim lain" }), { organizationId: other.id });
      expect(await repo.team(created.id)).toEqual([{ userId: author.id, role: "penyusun", position: 0 }]);
      expect((await repo.list({ organizationId: org.id })).items.map((i) => i.id)).toEqual([created.id]);
      expect((await repo.list({ organizationId: org.id, memberUserId: "someone-else" })).total).toBe(0);
      expect((await repo.list({ organizationId: org.id, memberUserId: author.id })).items.map((i) => i.id)).toEqual([created.id]);

      const written = await repo.replace(created.id, 1, minimalPlan({ title: "Bertim v2" }), { actor });
      expect(written.ok).toBe(true);
      expect((await repo.listRevisions(created.id))?.map((r) => [r.version, r.authorId])).toEqual([[2, author.id], [1, author.id]]);
      const audit = await auditRepo(database.db).list({ organizationId: org.id, planId: created.id });
      expect(audit.map((a) => [a.action, a.version, a.userId])).toEqual([["plan.update", 2, author.id], ["plan.create", 1, author.id]]);
      // The entry says what changed, readably.
      expect(audit[0]?.detail.changes).toEqual({ count: 1, items: [{ path: "title", kind: "changed", label: expect.objectContaining({ id: expect.stringMatching(/judul/i) }) }] });

      // A change function that throws rolls back the revision and the audit entry with it.
      await expect(repo.write(created.id, 2, () => { throw new Error("refused"); }, { actor, action: "plan.update" })).rejects.toThrow("refused");
      expect((await auditRepo(database.db).list({ organizationId: org.id, planId: created.id })).length).toBe(2);
      expect((await repo.get(created.id))?.version).toBe(2);
    });
  });
}
