// Lean requests (issue 14): GET of a plan takes two queries — the session with its user, then the
// plan with its team and names — and the plan list never reads a document; on both databases.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../store/database.js";
import { plansRepo } from "../../store/plans-repo.js";
import { createUser, signedInClient, type TestClient } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { buildApp } from "../app.js";

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`queries per request on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let author: TestClient & { organization: { id: string } };
    let counting = false;
    const queries: string[] = [];
    beforeAll(async () => {
      database = openDatabase(await target.url(), { onQuery: (sql) => counting && queries.push(sql) });
      await database.migrate();
      app = await buildApp({ db: database, webRoot: false });
      author = await signedInClient(app, database, ["penyusun"]);
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    async function counted(run: () => Promise<{ statusCode: number; body: string }>): Promise<string[]> {
      queries.length = 0;
      counting = true;
      const res = await run();
      counting = false;
      expect(res.statusCode, res.body).toBe(200);
      return [...queries];
    }

    it("GET /api/plans/:id: two queries, the session and its user read once", async () => {
      const created = await author.inject({ method: "POST", url: "/api/plans", payload: minimalPlan({ title: "Dua kueri" }) });
      const id = created.json<{ id: string }>().id;
      const reviewer = await createUser(database, author.organization.id, ["pemeriksa"], "Pemeriksa Nama");
      await plansRepo(database.db).setTeam(id, [
        { userId: author.user.id, role: "penyusun", position: 0 },
        { userId: reviewer.id, role: "pemeriksa", position: 1 },
      ]);
      const sqls = await counted(() => author.inject({ method: "GET", url: `/api/plans/${id}` }));
      expect(sqls, sqls.join("\n")).toHaveLength(2);
      expect(sqls.filter((s) => /from "sessions"/.test(s))).toHaveLength(1);
      expect(sqls.filter((s) => /from "users"/.test(s))).toHaveLength(0);
      // The answer is whole: the document, the team with names, the abilities.
      const body = (await author.inject({ method: "GET", url: `/api/plans/${id}` })).json<{ plan: { title: string }; workflow: { team: { name: string; role: string }[] }; abilities: { edit: boolean } }>();
      expect(body.plan.title).toBe("Dua kueri");
      // The stored text goes out as it is: the same document as the repository reads.
      expect(body.plan).toEqual((await plansRepo(database.db).get(id))?.plan);
      expect(body.workflow.team.map((t) => [t.role, t.name]).sort()).toEqual([["pemeriksa", "Pemeriksa Nama"], ["penyusun", author.user.name]].sort());
      expect(body.abilities.edit).toBe(true);
    });

    it("GET /api/plans reads the listing columns only, never a document", async () => {
      const sqls = await counted(() => author.inject({ method: "GET", url: "/api/plans" }));
      expect(sqls.filter((s) => /from "sessions"/.test(s))).toHaveLength(1);
      expect(sqls.filter((s) => /from "users"/.test(s))).toHaveLength(0);
      const planReads = sqls.filter((s) => /from "plans"/.test(s));
      expect(planReads.length).toBeGreaterThan(0);
      for (const s of planReads) expect(s).not.toMatch(/"document"|select \*|"plans"\.\*/);
    });
  });
}
