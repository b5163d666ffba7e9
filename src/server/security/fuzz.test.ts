// A bounded fuzz of every write route (issue 13, item 6): random JSON bodies and mutations of a
// valid one, sent by a signed-in admin-and-penyusun to each POST/PUT/PATCH/DELETE under /api with
// real ids in the path. No answer may be a 5xx; a refused request (4xx) may change nothing in the
// database (no partial write); /api/health answers within 1 s after each round. Both databases.
import type { FastifyInstance } from "fastify";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../store/database.js";
import { signedInClient, type TestClient } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp } from "../app.js";

const REQUESTS_PER_DATABASE = 240;
/** Routes that end the caller's own session (fuzzing them would sign the fuzzer out) or sign in (refusals are audited by design). */
const SKIP = new Set(["DELETE /api/session", "POST /api/session/revoke-all", "POST /api/session", "DELETE /api/sessions/:sessionId"]);

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`fuzz of every write route on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let client: TestClient;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      app = await buildApp({ db: database, webRoot: false, hygiene: { intervalMs: false }, auth: { signinRequestsPerMinute: 100_000, documentsPerMinute: 100_000 } });
      client = await signedInClient(app, database, ["admin", "penyusun"]);
      const plan = await client.inject({ method: "POST", url: "/api/plans", payload: minimalPlan({ title: "Rencana fuzz" }) });
      ids.id = plan.json<{ id: string }>().id;
      ids.userId = client.user.id;
      ids.unitId = (await client.inject({ method: "POST", url: "/api/units", payload: { name: "Unit fuzz" } })).json<{ id: string }>().id;
      ids.commentId = (await client.inject({ method: "POST", url: `/api/plans/${ids.id}/comments`, payload: { body: "Catatan fuzz" } })).json<{ id?: string }>().id ?? "x";
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    /** Everything a refused request must leave as it was. */
    async function fingerprint(): Promise<string> {
      const tables = ["plans", "plan_revisions", "users", "units", "organizations", "comments", "audit_log", "plan_members", "decree_register", "workflow_events"];
      const counts = await Promise.all(tables.map(async (t) => Number((await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(database.db)).rows[0]?.n)));
      const versions = await database.db.selectFrom("plans").select(["id", "version", "team_version", "status"]).orderBy("id").execute();
      const records = await sql<{ v: number | string }>`select (select coalesce(sum(version), 0) from users) + (select coalesce(sum(version), 0) from units) + (select coalesce(sum(version), 0) from organizations) as v`.execute(database.db);
      return JSON.stringify({ counts, versions, records: Number(records.rows[0]?.v) });
    }

    it("answers random and mutated bodies on every write route without a 5xx or a partial write; /api/health stays under 1 s", async () => {
      const routes = app.routeTable.filter((r) => ["POST", "PUT", "PATCH", "DELETE"].includes(r.method) && r.url.startsWith("/api") && !SKIP.has(`${r.method} ${r.url}`));
      expect(routes.length).toBeGreaterThan(20);
      const valid: Record<string, unknown> = { members: [{ userId: ids.userId, role: "penyusun" }], name: "Nama", body: "Isi", comment: "Catatan", email: "a@b.id", roles: ["pembaca"], password: "sandi-yang-cukup-1" };
      const mutate = fc.oneof(
        fc.constant(valid),
        fc.record({ key: fc.constantFrom(...Object.keys(valid)), value: fc.jsonValue({ maxDepth: 3 }) }).map(({ key, value }) => ({ ...valid, [key]: value })),
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
      );
      const body = fc.oneof(fc.jsonValue({ maxDepth: 4 }), mutate, fc.constant(undefined), fc.string({ maxLength: 200 }));
      const samples = fc.sample(fc.tuple(fc.nat({ max: routes.length - 1 }), body, fc.boolean()), { numRuns: REQUESTS_PER_DATABASE, seed: 1313 });
      const failures: string[] = [];
      let refused = 0;
      for (const [i, [routeIndex, payload, asPatch]] of samples.entries()) {
        const route = routes[routeIndex]!;
        const url = route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => ids[name] ?? "x1");
        const before = await fingerprint();
        const headers: Record<string, string> = { "if-match": '"1"' };
        if (payload !== undefined) headers["content-type"] = asPatch && route.method === "PATCH" ? "application/json-patch+json" : "application/json";
        const r = await client.inject({ method: route.method as "POST", url, headers, ...(payload === undefined ? {} : { payload: typeof payload === "string" ? payload : JSON.stringify(payload) }) });
        if (r.statusCode >= 500) failures.push(`${route.method} ${route.url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
        if (r.statusCode >= 400 && r.statusCode < 500) {
          refused++;
          const after = await fingerprint();
          if (after !== before) failures.push(`${route.method} ${route.url}: ${r.statusCode} changed the database ${r.body.slice(0, 120)}`);
        }
        if (i % 40 === 39) {
          const started = performance.now();
          const health = await app.inject({ method: "GET", url: "/api/health" });
          const ms = performance.now() - started;
          expect(health.statusCode).toBe(200);
          expect(ms).toBeLessThan(1000);
        }
      }
      console.log(`${target.dialect}: ${samples.length} fuzzed requests over ${routes.length} write routes, ${refused} refused with 4xx, ${failures.length} failures`);
      expect(failures).toEqual([]);
    }, 120_000);
  });
}
