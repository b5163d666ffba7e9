import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatePlan } from "../../domain/plan/validate.js";
import { stageOutputs } from "../../domain/stages/index.js";
import type { Database } from "../../store/database.js";
import { plansRepo } from "../../store/plans-repo.js";
import { testDatabases } from "../../test-support/databases.js";
import { examplePlans, minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp } from "../app.js";
import { signedInClient, type TestClient } from "../../test-support/auth.js";
import { mspdiTestdataDir } from "../../documents/mspdi/testdata.js";

const MSPDI_SAMPLE = join(mspdiTestdataDir(), "sample1-msp2010plus.xml");

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`plans API on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let api: TestClient;
    const counts = () => plansRepo(database.db).count();
    const create = async (title = "Rencana uji") => {
      const r = await api.inject({ method: "POST", url: "/api/plans", payload: minimalPlan({ title }) });
      expect(r.statusCode).toBe(201);
      return r.json<{ id: string; version: number }>();
    };

    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      app = await buildApp({ db: database, webRoot: false });
      api = await signedInClient(app, database);
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it("creates, gets (with ETag), replaces with If-Match, and keeps revisions", async () => {
      const plan = minimalPlan({ title: "Siklus CRUD" });
      const created = await api.inject({ method: "POST", url: "/api/plans", payload: plan });
      expect(created.statusCode).toBe(201);
      const body = created.json();
      expect(body).toMatchObject({ version: 1, status: "draft", plan });
      expect(created.headers.location).toBe(`/api/plans/${body.id}`);

      const got = await api.inject({ method: "GET", url: `/api/plans/${body.id}` });
      expect(got.statusCode).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.json()).toMatchObject({ id: body.id, version: 1, status: "draft", updatedAt: body.updatedAt, plan });
      expect(got.json().workflow).toMatchObject({ status: "draft", cycle: 0, step: null, baselineVersion: null, amendment: 0, awaiting: null });
      expect(got.json().workflow.team).toEqual([{ userId: api.user.id, name: api.user.name, role: "penyusun", position: 0 }]);
      expect(got.json().abilities).toMatchObject({ read: true, edit: true, submit: false, initial: false, approve: false, comment: true, manageTeam: true });

      const put = await api.inject({ method: "PUT", url: `/api/plans/${body.id}`, headers: { "if-match": '"1"' }, payload: { ...plan, title: "Siklus CRUD v2" } });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toMatchObject({ version: 2, plan: { title: "Siklus CRUD v2" } });
      expect(put.headers.etag).toBe('"2"');
      const put3 = await api.inject({ method: "PUT", url: `/api/plans/${body.id}`, headers: { "if-match": "2" }, payload: { ...plan, title: "Siklus CRUD v3" } });
      expect(put3.json().version).toBe(3);

      const revs = await api.inject({ method: "GET", url: `/api/plans/${body.id}/revisions` });
      expect(revs.json().items.map((r: { version: number; title: string }) => [r.version, r.title])).toEqual([
        [3, "Siklus CRUD v3"],
        [2, "Siklus CRUD v2"],
        [1, "Siklus CRUD"],
      ]);
      const rev1 = await api.inject({ method: "GET", url: `/api/plans/${body.id}/revisions/1` });
      expect(rev1.json()).toMatchObject({ id: body.id, version: 1, plan });
      expect((await api.inject({ method: "GET", url: `/api/plans/${body.id}/revisions/9` })).statusCode).toBe(404);
      expect((await api.inject({ method: "GET", url: `/api/plans/${body.id}/revisions/x` })).statusCode).toBe(400);
    });

    it("lists with title search, fiscal-year and status filters, paging and total", async () => {
      const tag = `Daftar${target.dialect}`;
      for (let i = 0; i < 5; i++) {
        await api.inject({ method: "POST", url: "/api/plans", payload: minimalPlan({ title: `${tag} ${i}`, fiscalYear: 2040 + (i % 2) }) });
      }
      const page1 = await api.inject({ method: "GET", url: `/api/plans?q=${tag.toLowerCase()}&limit=2` });
      expect(page1.statusCode).toBe(200);
      expect(page1.json().total).toBe(5);
      expect(page1.json().items).toHaveLength(2);
      expect(Object.keys(page1.json().items[0]).sort()).toEqual(["abilities", "fiscalYear", "id", "organizationName", "status", "title", "unit", "updatedAt", "version"]);
      // The caller (admin + penyusun, the plans' author) may edit and archive each listed draft, but not initial or approve it.
      expect(page1.json().items[0].abilities).toMatchObject({ read: true, edit: true, archive: true, initial: false, approve: false });
      const page3 = await api.inject({ method: "GET", url: `/api/plans?q=${tag}&limit=2&offset=4` });
      expect(page3.json().items).toHaveLength(1);
      const year = await api.inject({ method: "GET", url: `/api/plans?q=${tag}&fiscalYear=2041` });
      expect(year.json().total).toBe(2);
      const someId = page1.json().items[0].id as string;
      const archived = await api.inject({ method: "POST", url: `/api/plans/${someId}/archive` });
      expect(archived.json()).toMatchObject({ status: "archived", version: 2 });
      expect((await api.inject({ method: "GET", url: `/api/plans?q=${tag}` })).json().total).toBe(4);
      expect((await api.inject({ method: "GET", url: `/api/plans?q=${tag}&status=archived` })).json().items.map((i: { id: string }) => i.id)).toEqual([someId]);
      const bad = await api.inject({ method: "GET", url: "/api/plans?limit=0&fiscalYear=abc&status=gone&extra=1" });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe("request.invalid");
      expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(["extra", "fiscalYear", "limit", "status"]);
    });

    it("answers 404 for unknown ids on every plan route", async () => {
      const p = minimalPlan();
      const cases = [
        { method: "GET", url: "/api/plans/nope" },
        { method: "PUT", url: "/api/plans/nope", headers: { "if-match": "1" }, payload: p },
        { method: "PATCH", url: "/api/plans/nope", headers: { "if-match": "1" }, payload: [] },
        { method: "POST", url: "/api/plans/nope/archive" },
        { method: "GET", url: "/api/plans/nope/revisions" },
        { method: "GET", url: "/api/plans/nope/findings" },
        { method: "GET", url: "/api/plans/nope/export" },
        { method: "GET", url: "/api/plans/nope/outputs" },
        { method: "GET", url: "/api/nothing-here" },
      ] as const;
      for (const c of cases) {
        const r = await api.inject(c);
        expect(r.statusCode, `${c.method} ${c.url}`).toBe(404);
        expect(r.json().error.code).toBe("not_found");
      }
    });

    it("requires If-Match (428), rejects a malformed one (400), and answers a stale one with 409 and the current plan", async () => {
      const { id } = await create("Versi");
      const before = await counts();
      const noHeader = await api.inject({ method: "PUT", url: `/api/plans/${id}`, payload: minimalPlan() });
      expect(noHeader.statusCode).toBe(428);
      expect(noHeader.json().error.code).toBe("version.required");
      const patchNoHeader = await api.inject({ method: "PATCH", url: `/api/plans/${id}`, payload: [] });
      expect(patchNoHeader.statusCode).toBe(428);
      const badHeader = await api.inject({ method: "PUT", url: `/api/plans/${id}`, headers: { "if-match": "abc" }, payload: minimalPlan() });
      expect(badHeader.statusCode).toBe(400);
      expect(badHeader.json().error.code).toBe("version.invalid");
      const stale = await api.inject({ method: "PUT", url: `/api/plans/${id}`, headers: { "if-match": '"7"' }, payload: minimalPlan({ title: "Basi" }) });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ error: { code: "version.conflict" }, currentVersion: 1, current: { id, version: 1, plan: { title: "Versi" } } });
      const staleArchive = await api.inject({ method: "POST", url: `/api/plans/${id}/archive`, headers: { "if-match": "5" } });
      expect(staleArchive.statusCode).toBe(409);
      expect(await counts()).toEqual(before);
      expect((await api.inject({ method: "GET", url: `/api/plans/${id}` })).json().plan.title).toBe("Versi");
    });

    it("lets exactly one of two concurrent PUTs with the same version win; the other gets 409", async () => {
      for (let round = 0; round < 5; round++) {
        const { id } = await create(`Balapan ${round}`);
        const put = (title: string) => api.inject({ method: "PUT", url: `/api/plans/${id}`, headers: { "if-match": '"1"' }, payload: minimalPlan({ title }) });
        const [a, b] = await Promise.all([put("A"), put("B")]);
        expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
        const winner = a.statusCode === 200 ? "A" : "B";
        const loser = a.statusCode === 409 ? a : b;
        expect(loser.json().currentVersion).toBe(2);
        const now = (await api.inject({ method: "GET", url: `/api/plans/${id}` })).json();
        expect(now).toMatchObject({ version: 2, plan: { title: winner } });
        expect((await api.inject({ method: "GET", url: `/api/plans/${id}/revisions` })).json().items).toHaveLength(2);
      }
    });

    it("rejects an invalid plan with 400 listing every error, in the chosen language, and stores nothing", async () => {
      const { id } = await create("Tetap");
      const before = await counts();
      const bad = { ...minimalPlan(), title: "", fiscalYear: 1800, extra: true, activities: [{ ...minimalPlan().activities[0], ownerId: "ghost" }] };
      for (const req of [
        { method: "POST", url: "/api/plans?lang=en", payload: bad },
        { method: "PUT", url: `/api/plans/${id}?lang=en`, headers: { "if-match": "1" }, payload: bad },
        { method: "POST", url: "/api/import?lang=en", payload: bad },
      ] as const) {
        const r = await api.inject(req);
        expect(r.statusCode).toBe(400);
        const body = r.json();
        expect(body.error).toEqual({ code: "validation.failed", message: "the plan does not conform to format v1; see the list of errors" });
        expect(body.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`).sort()).toEqual(["extra field.unknown", "fiscalYear number.min", "title string.empty"]);
        expect(body.errors[0].messages.id).toBeTruthy();
      }
      const dangling = await api.inject({ method: "POST", url: "/api/plans", headers: { "accept-language": "id-ID" }, payload: { ...minimalPlan(), activities: minimalPlan().activities.map((a, i) => (i === 0 ? { ...a, ownerId: "ghost" } : a)) } });
      expect(dangling.statusCode).toBe(400);
      expect(dangling.json().errors).toEqual([
        { path: "activities[0].ownerId", code: "reference.missing", message: '"ghost" tidak ditemukan di team', messages: { id: '"ghost" tidak ditemukan di team', en: '"ghost" not found in team' } },
      ]);
      expect(await counts()).toEqual(before);
    });

    it("turns malformed JSON, unsupported media types and huge bodies into catalogued errors", async () => {
      const before = await counts();
      const malformed = await api.inject({ method: "POST", url: "/api/plans", headers: { "content-type": "application/json" }, payload: '{"title": ' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.code).toBe("json.invalid");
      const media = await api.inject({ method: "POST", url: "/api/plans", headers: { "content-type": "application/octet-stream" }, payload: Buffer.from("x") });
      expect(media.statusCode).toBe(415);
      expect(media.json().error.code).toBe("media_type.unsupported");
      const huge = JSON.stringify({ ...minimalPlan(), teamProcedures: "x".repeat(9 * 1024 * 1024) });
      const big = await api.inject({ method: "POST", url: "/api/plans", headers: { "content-type": "application/json" }, payload: huge });
      expect(big.statusCode).toBe(413);
      expect(big.json().error.code).toBe("body.too_large");
      const empty = await api.inject({ method: "POST", url: "/api/plans", headers: { "content-type": "application/json" }, payload: "" });
      expect(empty.statusCode).toBe(400);
      expect(await counts()).toEqual(before);
    });

    it("applies a JSON Patch with If-Match, and refuses failing or invalidating patches without storing", async () => {
      const { id } = await create("Tambal");
      const headers = { "if-match": '"1"', "content-type": "application/json-patch+json" };
      const ok = await api.inject({
        method: "PATCH",
        url: `/api/plans/${id}`,
        headers,
        payload: JSON.stringify([
          { op: "test", path: "/title", value: "Tambal" },
          { op: "replace", path: "/activities/1/durationDays", value: 7 },
          { op: "add", path: "/direction/policies/-", value: "Kebijakan baru" },
        ]),
      });
      expect(ok.statusCode).toBe(200);
      // The answer is the new version and the ops as applied, not the whole plan.
      expect(ok.json()).toMatchObject({ id, version: 2, status: "draft", changed: true, ops: [{ op: "test" }, { op: "replace" }, { op: "add" }] });
      expect(ok.json().plan).toBeUndefined();
      expect(ok.json().abilities.edit).toBe(true);
      const stored = (await api.inject({ method: "GET", url: `/api/plans/${id}` })).json();
      expect(stored.plan.activities[1].durationDays).toBe(7);
      expect(stored.plan.direction.policies).toEqual(["Layanan tanpa biaya", "Kebijakan baru"]);
      const before = await counts();
      const h2 = { ...headers, "if-match": "2" };
      const failing = await api.inject({ method: "PATCH", url: `/api/plans/${id}`, headers: h2, payload: JSON.stringify([{ op: "replace", path: "/title", value: "x" }, { op: "remove", path: "/activities/9" }]) });
      expect(failing.statusCode).toBe(400);
      expect(failing.json()).toMatchObject({ error: { code: "patch.failed" }, errors: [{ path: "[1].path", code: "patch.index_invalid" }] });
      expect(failing.json().error.message).toContain("operasi #1 (remove /activities/9)");
      const invalid = await api.inject({ method: "PATCH", url: `/api/plans/${id}`, headers: h2, payload: JSON.stringify([{ op: "replace", path: "/activities/0/durationDays", value: -1 }]) });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json()).toMatchObject({ error: { code: "validation.failed" }, errors: [{ path: "activities[0].durationDays", code: "number.min" }] });
      const shape = await api.inject({ method: "PATCH", url: `/api/plans/${id}`, headers: h2, payload: JSON.stringify({ op: "replace" }) });
      expect(shape.statusCode).toBe(400);
      expect(shape.json().error.code).toBe("request.invalid");
      const stale = await api.inject({ method: "PATCH", url: `/api/plans/${id}`, headers, payload: "[]" });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().currentVersion).toBe(2);
      expect(await counts()).toEqual(before);
      // A write that changes nothing stores nothing: same version, no revision, no audit entry.
      const audit = async () => (await database.db.selectFrom("audit_log").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n;
      const auditBefore = await audit();
      const same = await api.inject({ method: "PATCH", url: `/api/plans/${id}`, headers: h2, payload: JSON.stringify([{ op: "replace", path: "/activities/1/durationDays", value: 7 }]) });
      expect(same.statusCode).toBe(200);
      expect(same.json()).toMatchObject({ version: 2, changed: false });
      expect(same.headers.etag).toBe('"2"');
      const samePut = await api.inject({ method: "PUT", url: `/api/plans/${id}`, headers: { "if-match": "2" }, payload: stored.plan });
      expect(samePut.statusCode).toBe(200);
      expect(samePut.json().version).toBe(2);
      expect(await counts()).toEqual(before);
      expect(await audit()).toEqual(auditBefore);
    });

    it("serves findings (bilingual), stage outputs, and the export as an attachment equal to the stored plan", async () => {
      const plan = minimalPlan({ title: "Ekspor Rencana: Lansia/2027" });
      const { id } = (await api.inject({ method: "POST", url: "/api/plans", payload: plan })).json();
      const findings = await api.inject({ method: "GET", url: `/api/plans/${id}/findings?lang=en` });
      expect(findings.statusCode).toBe(200);
      expect(Array.isArray(findings.json().items)).toBe(true);
      for (const f of findings.json().items) expect(f.message).toBe(f.messages.en);
      const outputs = await api.inject({ method: "GET", url: `/api/plans/${id}/outputs` });
      expect(outputs.statusCode).toBe(200);
      expect(outputs.json()).toEqual(JSON.parse(JSON.stringify(stageOutputs(plan))));
      expect(outputs.json().targetGroups).toBeDefined();
      const exp = await api.inject({ method: "GET", url: `/api/plans/${id}/export` });
      expect(exp.statusCode).toBe(200);
      expect(exp.headers["content-disposition"]).toBe('attachment; filename="ekspor-rencana-lansia-2027.json"');
      expect(exp.json()).toEqual(plan);
    });

    it("round-trips every example (import then export gives an equal document)", async () => {
      const examples: [string, unknown][] = [...examplePlans(), ["fixture:minimalPlan", minimalPlan()]];
      for (const [name, doc] of examples) {
        expect(validatePlan(doc).ok, name).toBe(true);
        const imported = await api.inject({ method: "POST", url: "/api/import", payload: doc as object });
        expect(imported.statusCode, name).toBe(201);
        const exported = await api.inject({ method: "GET", url: `/api/plans/${imported.json().id}/export` });
        expect(exported.json(), name).toEqual(doc);
      }
    });

    it("imports MS Project XML when sent as application/xml", async () => {
      const xml = readFileSync(MSPDI_SAMPLE, "utf8");
      const r = await api.inject({ method: "POST", url: "/api/import", headers: { "content-type": "application/xml" }, payload: xml });
      expect(r.statusCode).toBe(201);
      expect(r.json().plan.activities.length).toBeGreaterThan(0);
      // a client that labels the file application/json (or sends it as text) is still understood
      for (const type of ["application/json", "text/plain"]) {
        const sniffed = await api.inject({ method: "POST", url: "/api/import", headers: { "content-type": type }, payload: "\uFEFF" + xml });
        expect(sniffed.statusCode, type).toBe(201);
      }
      const malformed = await api.inject({ method: "POST", url: "/api/import", headers: { "content-type": "application/json" }, payload: "{" });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.code).toBe("json.invalid");
      const before = await counts();
      const bad = await api.inject({ method: "POST", url: "/api/import", headers: { "content-type": "application/xml" }, payload: "<Project><Tasks>" });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe("import.failed");
      expect(await counts()).toEqual(before);
    });
  });
}

describe("app shell", () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    const [sqlite] = testDatabases();
    database = (await openMigrated(sqlite!)).database;
    const web = mkdtempSync(join(tmpdir(), "rencana-web-"));
    writeFileSync(join(web, "index.html"), "<!doctype html><title>Rencana</title>");
    writeFileSync(join(web, "app.js"), "console.log(1)");
    app = await buildApp({ db: database, webRoot: web });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("answers health, serves OpenAPI and its UI", async () => {
    expect((await app.inject({ method: "GET", url: "/api/health" })).json()).toEqual({ ok: true });
    // Ready while every migration has run; 503 naming the missing one otherwise.
    expect((await app.inject({ method: "GET", url: "/api/ready" })).json()).toEqual({ ok: true });
    const last = await database.db.selectFrom("kysely_migration" as never).select("name" as never).orderBy("name" as never, "desc").executeTakeFirstOrThrow() as { name: string };
    await sql`delete from kysely_migration where name = ${last.name}`.execute(database.db);
    const notReady = await app.inject({ method: "GET", url: "/api/ready" });
    expect([notReady.statusCode, notReady.json()]).toEqual([503, { ok: false, reason: "migrations", pending: [last.name] }]);
    await sql`insert into kysely_migration (name, timestamp) values (${last.name}, ${new Date().toISOString()})`.execute(database.db);
    expect((await app.inject({ method: "GET", url: "/api/ready" })).statusCode).toBe(200);
    const spec = (await app.inject({ method: "GET", url: "/api/docs/json" })).json();
    expect(spec.openapi).toBe("3.0.3");
    for (const path of ["/api/plans", "/api/plans/{id}", "/api/plans/{id}/revisions", "/api/plans/{id}/archive", "/api/import"]) expect(Object.keys(spec.paths)).toContain(path);
    const ui = await app.inject({ method: "GET", url: "/api/docs/" });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers["content-type"]).toContain("text/html");
  });

  it("serves the web app and falls back to index.html for client routes, but not under /api", async () => {
    expect((await app.inject({ method: "GET", url: "/app.js" })).body).toBe("console.log(1)");
    const route = await app.inject({ method: "GET", url: "/rencana/abc/jadwal" });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain("<title>Rencana</title>");
    const api = await app.inject({ method: "GET", url: "/api/unknown" });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe("not_found");
  });
});
