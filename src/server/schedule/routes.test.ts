import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schedulePlan } from "../../domain/schedule/index.js";
import type { Database } from "../../store/database.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp } from "../app.js";
import { signedInClient, type TestClient } from "../../test-support/auth.js";

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`schedule API on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let api: TestClient;
    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      app = await buildApp({ db: database, webRoot: false });
      api = await signedInClient(app, database);
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it("serves the computed schedule of the stored plan", async () => {
      const plan = minimalPlan();
      const { id } = (await api.inject({ method: "POST", url: "/api/plans", payload: plan })).json();
      const r = await api.inject({ method: "GET", url: `/api/plans/${id}/schedule` });
      expect(r.statusCode).toBe(200);
      const expected = schedulePlan(plan);
      if (!expected.ok) throw new Error("fixture must schedule");
      expect(r.json().finish).toBe(expected.schedule.finish);
      expect(r.json().criticalPath).toEqual(expected.schedule.criticalPath);
      expect(r.json().activities.map((a: { id: string }) => a.id).sort()).toEqual(["k1", "k2", "k3"]);
      expect(Object.keys(r.json().activities[0]).sort()).toEqual(["critical", "finish", "freeFloat", "id", "lateFinish", "lateStart", "start", "totalFloat"]);
    });

    it("answers a dependency cycle with 422 naming the cycle, and an unknown plan with 404", async () => {
      const base = minimalPlan();
      const cyclic = { ...base, activities: base.activities.map((a) => (a.id === "k1" ? { ...a, dependsOn: [{ activityId: "k3", type: "FS" as const, lagDays: 0 }] } : a)) };
      const created = await api.inject({ method: "POST", url: "/api/plans", payload: cyclic });
      expect(created.statusCode).toBe(201);
      const r = await api.inject({ method: "GET", url: `/api/plans/${created.json().id}/schedule?lang=en` });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.code).toBe("schedule.cycle");
      expect([...r.json().cycle].sort()).toEqual(["k1", "k2", "k3"]);
      expect((await api.inject({ method: "GET", url: "/api/plans/nope/schedule" })).statusCode).toBe(404);
    });
  });
}
