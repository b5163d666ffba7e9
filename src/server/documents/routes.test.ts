import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../store/database.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp } from "../app.js";
import { signedInClient, type TestClient } from "../../test-support/auth.js";

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`documents API on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let api: TestClient;
    let id: string;
    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      app = await buildApp({ db: database, webRoot: false });
      api = await signedInClient(app, database);
      id = (await api.inject({ method: "POST", url: "/api/plans", payload: minimalPlan() })).json().id;
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    // The first download starts the rendering worker, which loads every renderer (slow from the TypeScript sources).
    it("downloads documents rendered from the stored plan", { timeout: 120_000 }, async () => {
      const ics = await api.inject({ method: "GET", url: `/api/plans/${id}/documents/calendar.ics` });
      expect(ics.statusCode).toBe(200);
      expect(ics.headers["content-type"]).toContain("text/calendar");
      expect(ics.headers["content-disposition"]).toMatch(/^attachment; filename="[a-z0-9-]+\.ics"$/);
      expect(ics.body).toContain("BEGIN:VCALENDAR");
      const xml = await api.inject({ method: "GET", url: `/api/plans/${id}/documents/mspdi.xml` });
      expect(xml.statusCode).toBe(200);
      expect(xml.body).toContain("<Project");
      const docx = await api.inject({ method: "GET", url: `/api/plans/${id}/documents/sk.docx` });
      expect([200, 422]).toContain(docx.statusCode);
      if (docx.statusCode === 200) expect(docx.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK");
    });

    it("answers unknown kinds or formats with 404, and a malformed name with 400", async () => {
      for (const file of ["nothing.docx", "calendar.pdf"]) {
        const r = await api.inject({ method: "GET", url: `/api/plans/${id}/documents/${file}?lang=en` });
        expect(r.statusCode, file).toBe(404);
        expect(r.json().error.code).toBe("document.unknown");
      }
      expect((await api.inject({ method: "GET", url: `/api/plans/${id}/documents/noext` })).statusCode).toBe(400);
      expect((await api.inject({ method: "GET", url: "/api/plans/nope/documents/calendar.ics" })).statusCode).toBe(404);
    });

    it("refuses a decree whose signatory lacks the authority with 422 and the reasons", async () => {
      const plan = minimalPlan();
      const bad = { ...plan, decree: { ...plan.decree, signatory: { name: "Staf", position: "Staf Pelaksana" } } };
      const { id: badId } = (await api.inject({ method: "POST", url: "/api/plans", payload: bad })).json();
      const r = await api.inject({ method: "GET", url: `/api/plans/${badId}/documents/sk.docx` });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.code).toBe("document.refused");
      expect(r.json().errors.length).toBeGreaterThan(0);
    });
  });
}
