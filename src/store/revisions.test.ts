// Revisions as patches (issue 14): every version reads back exactly as written across several
// snapshot intervals; the migration converts revisions stored whole; and one single-field edit
// of a 10,000-activity plan adds at most 10 KB to the database — on SQLite and PostgreSQL.
import { Migrator, sql, type Kysely, type MigrationProvider } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePlan } from "../../bench/schedule/generate.js";
import { applyJsonPatch } from "../domain/plan/patch.js";
import type { Plan } from "../domain/plan/schema.js";
import { testDatabases } from "../test-support/databases.js";
import { minimalPlan } from "../test-support/fixtures.js";
import { openMigrated } from "../test-support/open-store.js";
import { openDatabase, type Database } from "./database.js";
import { migrations, type DialectName } from "./migrations/index.js";
import { plansRepo } from "./plans-repo.js";
import { SNAPSHOT_EVERY } from "./revision-codec.js";

const edited = (plan: Plan, i: number): Plan => ({
  ...plan,
  title: `Versi ${i}`,
  activities: i % 5 === 0 ? [...plan.activities, { id: `x${i}`, name: `Tambahan ${i}`, durationDays: 1, dependsOn: [] }] : plan.activities.map((a, k) => (k === 0 ? { ...a, durationDays: 1 + (i % 9) } : a)),
});

async function migrateUpTo(db: Kysely<unknown>, dialect: DialectName, last: string) {
  const upTo = migrations.slice(0, migrations.findIndex((m) => m.name === last) + 1);
  const provider: MigrationProvider = { getMigrations: async () => Object.fromEntries(upTo.map((m) => [m.name, { up: (trx: Kysely<unknown>) => m.up(trx, dialect) }])) };
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
}

/** Bytes in use: SQLite pages not on the free list (after a checkpoint, so the WAL is in the file). */
async function sqliteBytesInUse(database: Database): Promise<number> {
  const s = database.sqlite!;
  s.pragma("wal_checkpoint(TRUNCATE)");
  const pageSize = Number(s.pragma("page_size", { simple: true }));
  return (Number(s.pragma("page_count", { simple: true })) - Number(s.pragma("freelist_count", { simple: true }))) * pageSize;
}

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`revisions as patches on ${target.dialect}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = (await openMigrated(target)).database;
    });
    afterAll(async () => database?.close());

    it(`reads back every version exactly, across ${SNAPSHOT_EVERY * 2 + 5} versions (patches between snapshots)`, async () => {
      const repo = plansRepo(database.db);
      const written = [minimalPlan()];
      const created = await repo.create(written[0]!);
      for (let v = 2; v <= SNAPSHOT_EVERY * 2 + 5; v++) {
        const next = edited(written.at(-1)!, v);
        const r = await repo.replace(created.id, v - 1, next);
        expect(r.ok).toBe(true);
        written.push(next);
      }
      for (let v = 1; v <= written.length; v++) expect((await repo.getRevision(created.id, v))?.plan, `version ${v}`).toEqual(written[v - 1]);
      const kinds = await database.db.selectFrom("plan_revisions").select(["version", "kind"]).where("plan_id", "=", created.id).orderBy("version").execute();
      expect(kinds.filter((k) => k.kind === "snapshot").map((k) => Number(k.version))).toEqual([1, SNAPSHOT_EVERY, SNAPSHOT_EVERY * 2]);
      expect(kinds.filter((k) => k.kind === "patch")).toHaveLength(written.length - 3);
      expect(await repo.getRevision(created.id, written.length + 1)).toBeUndefined();
      expect(await repo.getRevision(created.id, 0)).toBeUndefined();
    });

    it("a patch larger than the compressed document is stored as a snapshot", async () => {
      const repo = plansRepo(database.db);
      const small = minimalPlan();
      const created = await repo.create(small);
      const big = generatePlan({ activities: 2_000 });
      expect((await repo.replace(created.id, 1, big)).ok).toBe(true);
      const row = await database.db.selectFrom("plan_revisions").select(["kind", "document"]).where("plan_id", "=", created.id).where("version", "=", 2).executeTakeFirstOrThrow();
      expect(row).toEqual({ kind: "snapshot", document: "" });
      expect((await repo.getRevision(created.id, 2))?.plan).toEqual(big);
    });

    it("one single-field edit of a 10,000-activity plan adds at most 10 KB", async () => {
      const repo = plansRepo(database.db);
      const plan = generatePlan({ activities: 10_000 });
      const created = await repo.create(plan);
      // Past version 1, so the edit is stored as a patch, as all but one in SNAPSHOT_EVERY are.
      const v2 = applyJsonPatch(plan, [{ op: "replace", path: "/title", value: "Rencana uji (v2)" }]);
      expect(v2.ok && (await repo.replace(created.id, 1, v2.value as Plan, { actor: { userId: null, organizationId: null }, action: "plan.update" })).ok).toBe(true);
      const before = database.dialect === "sqlite" ? await sqliteBytesInUse(database) : 0;
      const v3 = applyJsonPatch(v2.ok ? v2.value : plan, [{ op: "replace", path: "/activities/5000/durationDays", value: 7 }]);
      expect(v3.ok).toBe(true);
      const r = await repo.replace(created.id, 2, (v3 as { value: Plan }).value, { actor: { userId: null, organizationId: null }, action: "plan.update" });
      expect(r.ok).toBe(true);
      // The bytes of what the edit added: its revision row and its audit entry (the plan's own row is rewritten in place).
      if (database.dialect === "postgres") {
        const revision = await sql<{ n: number }>`select pg_column_size(r.*) as n from plan_revisions r where plan_id = ${created.id} and version = 3`.execute(database.db);
        const audit = await sql<{ n: number }>`select pg_column_size(a.*) as n from audit_log a where plan_id = ${created.id} and version = 3`.execute(database.db);
        const added = Number(revision.rows[0]?.n) + Number(audit.rows[0]?.n);
        expect(added).toBeGreaterThan(0);
        expect(added).toBeLessThanOrEqual(10 * 1024);
      } else {
        const added = (await sqliteBytesInUse(database)) - before;
        expect(added).toBeLessThanOrEqual(10 * 1024);
        const row = await sql<{ n: number }>`select length(document) + coalesce(length(snapshot), 0) as n from plan_revisions where plan_id = ${created.id} and version = 3`.execute(database.db);
        expect(Number(row.rows[0]?.n)).toBeLessThan(1024);
      }
      const plansRow = await sql<{ n: number }>`select length(document) as n from plans where id = ${created.id}`.execute(database.db);
      expect(Number(plansRow.rows[0]?.n)).toBeGreaterThan(500_000); // it is a large plan: a full copy would be far over 10 KB
      expect((await repo.getRevision(created.id, 3))?.plan.activities[5000]?.durationDays).toBe(7);
      expect((await repo.getRevision(created.id, 2))?.plan.activities[5000]?.durationDays).toBe(plan.activities[5000]?.durationDays);
    });

    it("the migration converts revisions stored whole into snapshots and patches, and each reads back as before", async () => {
      const url = await target.url();
      const old = openDatabase(url);
      try {
        const mine = migrations.findIndex((m) => m.name === "20261202T1330_revision_patches");
        await migrateUpTo(old.db as unknown as Kysely<unknown>, old.dialect, migrations[mine - 1]!.name);
        const versions: Plan[] = [minimalPlan()];
        for (let v = 2; v <= SNAPSHOT_EVERY + 3; v++) versions.push(edited(versions.at(-1)!, v));
        const at = new Date().toISOString();
        const raw = old.db as unknown as Kysely<{ plans: Record<string, unknown>; plan_revisions: Record<string, unknown> }>;
        const last = versions.at(-1)!;
        await raw.insertInto("plans").values({ id: "legacy", title: last.title, title_search: last.title.toLowerCase(), fiscal_year: last.fiscalYear, organization_name: last.organization.name, unit: last.organization.unit, status: "draft", version: versions.length, document: JSON.stringify(last), created_at: at, updated_at: at }).execute();
        for (const [i, p] of versions.entries()) await raw.insertInto("plan_revisions").values({ plan_id: "legacy", version: i + 1, title: p.title, document: JSON.stringify(p), created_at: at, author_id: null }).execute();
        expect(await old.migrate()).toEqual(migrations.slice(mine).map((m) => m.name));
        const kinds = await old.db.selectFrom("plan_revisions").select(["version", "kind"]).where("plan_id", "=", "legacy").orderBy("version").execute();
        expect(kinds.map((k) => k.kind)).toEqual(versions.map((_, i) => (i === 0 || (i + 1) % SNAPSHOT_EVERY === 0 ? "snapshot" : "patch")));
        const repo = plansRepo(old.db);
        for (const [i, p] of versions.entries()) expect((await repo.getRevision("legacy", i + 1))?.plan, `version ${i + 1}`).toEqual(p);
        // And the plan goes on from there.
        expect((await repo.replace("legacy", versions.length, minimalPlan({ title: "Sesudah migrasi" }))).ok).toBe(true);
        expect((await repo.getRevision("legacy", versions.length + 1))?.plan.title).toBe("Sesudah migrasi");
      } finally {
        await old.close();
      }
    });
  });
}
