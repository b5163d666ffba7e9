// Plans stored before organisations existed are given one organisation per name on upgrade.
import { Migrator, sql, type Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { testDatabases } from "../../test-support/databases.js";
import { openDatabase } from "../database.js";
import { migrateToLatest, migrations } from "./index.js";

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`the people migration on ${target.dialect}`, () => {
    it("assigns existing plans to an organisation per organisation name", async () => {
      const database = openDatabase(await target.url());
      const db = database.db as unknown as Kysely<unknown>;
      try {
        const first = migrations[0];
        if (!first) throw new Error("no migrations");
        const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ [first.name]: { up: (trx: Kysely<unknown>) => first.up(trx, database.dialect) } }) } });
        const { error } = await migrator.migrateToLatest();
        expect(error).toBeUndefined();
        const at = new Date().toISOString();
        for (const [id, org] of [["p1", "Dinas A"], ["p2", "Dinas A"], ["p3", "Dinas B"]] as const) {
          await sql`insert into plans (id, title, title_search, fiscal_year, organization_name, unit, status, version, document, created_at, updated_at)
                    values (${id}, ${"t"}, ${"t"}, ${2027}, ${org}, ${"u"}, ${"draft"}, ${1}, ${"{}"}, ${at}, ${at})`.execute(db);
        }
        await migrateToLatest(db, database.dialect);
        const rows = await sql<{ id: string; organization_id: string | null }>`select id, organization_id from plans order by id`.execute(db);
        const orgs = await sql<{ id: string; name: string }>`select id, name from organizations order by name`.execute(db);
        expect(orgs.rows.map((o) => o.name)).toEqual(["Dinas A", "Dinas B"]);
        const orgOf = Object.fromEntries(orgs.rows.map((o) => [o.name, o.id]));
        expect(rows.rows.map((r) => [r.id, r.organization_id])).toEqual([["p1", orgOf["Dinas A"]], ["p2", orgOf["Dinas A"]], ["p3", orgOf["Dinas B"]]]);
      } finally {
        await database.close();
      }
    });
  });
}
