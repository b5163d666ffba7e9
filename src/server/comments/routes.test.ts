import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo } from "../../store/audit-repo.js";
import type { Database } from "../../store/database.js";
import { plansRepo } from "../../store/plans-repo.js";
import { createUser, signedInClient, signIn, type TestClient } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp } from "../app.js";

type CommentBody = {
  id: string;
  authorId: string;
  authorName: string;
  stage: string | null;
  itemRef: string | null;
  body: string;
  version: number;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolvedByName: string | null;
};

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`comments API on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    /** The plan's author (penyusun), a reviewer on its team, an admin, a reader not on the team, a stranger of another organisation. */
    let author: TestClient & { organization: { id: string } };
    let reviewer: TestClient;
    let admin: TestClient;
    let outsider: TestClient;
    let stranger: TestClient;

    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      app = await buildApp({ db: database, webRoot: false });
      author = await signedInClient(app, database, ["penyusun"]);
      const orgId = author.organization.id;
      reviewer = await signIn(app, (await createUser(database, orgId, ["pemeriksa"], "Ibu Pemeriksa")).email);
      admin = await signIn(app, (await createUser(database, orgId, ["admin"], "Pak Admin")).email);
      outsider = await signIn(app, (await createUser(database, orgId, ["pembaca"])).email);
      stranger = await signedInClient(app, database, ["admin", "penyusun", "pemeriksa"]);
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    async function newPlan(title = "Rencana berkomentar"): Promise<string> {
      const r = await author.inject({ method: "POST", url: "/api/plans", payload: minimalPlan({ title }) });
      expect(r.statusCode, r.body).toBe(201);
      const id = r.json<{ id: string }>().id;
      await plansRepo(database.db).setTeam(id, [
        { userId: author.user.id, role: "penyusun", position: 0 },
        { userId: reviewer.user.id, role: "pemeriksa", position: 1 },
      ]);
      return id;
    }

    const post = (client: TestClient, id: string, payload: unknown, query = "") => client.inject({ method: "POST", url: `/api/plans/${id}/comments${query}`, payload: payload as object });
    const list = async (client: TestClient, id: string, query = "") => {
      const r = await client.inject({ method: "GET", url: `/api/plans/${id}/comments${query}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ items: CommentBody[] }>().items;
    };

    it("comments on the plan, a stage and an item; lists them oldest first with author names; filters by stage and item", async () => {
      const id = await newPlan();
      const general = await post(author, id, { body: "  Mohon diperiksa.  " });
      expect(general.statusCode, general.body).toBe(201);
      expect(general.json()).toMatchObject({ authorId: author.user.id, authorName: author.user.name, stage: null, itemRef: null, body: "Mohon diperiksa.", version: 1, resolvedAt: null });

      const onStage = await post(reviewer, id, { stage: "jadwal", body: "Jadwal terlalu padat." });
      expect(onStage.statusCode, onStage.body).toBe(201);
      expect(onStage.json()).toMatchObject({ authorName: "Ibu Pemeriksa", stage: "jadwal", itemRef: null });

      // The plan moves on: a comment records the version it was made on.
      const put = await author.inject({ method: "PUT", url: `/api/plans/${id}`, headers: { "if-match": "1" }, payload: minimalPlan({ title: "Rencana berkomentar v2" }) });
      expect(put.statusCode, put.body).toBe(200);
      const onItem = await post(reviewer, id, { stage: "kegiatan", itemRef: "k3", body: "Laporan tanpa durasi?" });
      expect(onItem.json()).toMatchObject({ stage: "kegiatan", itemRef: "k3", version: 2 });
      const onBudget = await post(admin, id, { itemRef: "b1", body: "Harga satuan sesuai SSH?" });
      expect(onBudget.json()).toMatchObject({ authorName: "Pak Admin", stage: null, itemRef: "b1", version: 2 });

      const all = await list(author, id);
      expect(all.map((c) => c.body)).toEqual(["Mohon diperiksa.", "Jadwal terlalu padat.", "Laporan tanpa durasi?", "Harga satuan sesuai SSH?"]);
      expect(all.map((c) => c.id)).toEqual([general, onStage, onItem, onBudget].map((r) => r.json<CommentBody>().id));
      expect(Object.keys(all[0] ?? {}).sort()).toEqual(["authorId", "authorName", "body", "createdAt", "id", "itemRef", "resolvedAt", "resolvedBy", "resolvedByName", "stage", "version"]);
      expect((await list(reviewer, id, "?stage=jadwal")).map((c) => c.body)).toEqual(["Jadwal terlalu padat."]);
      expect((await list(admin, id, "?itemRef=k3")).map((c) => c.body)).toEqual(["Laporan tanpa durasi?"]);
      expect(await list(author, id, "?stage=dokumen")).toEqual([]);

      // Another plan's comments never show here.
      const other = await newPlan("Rencana lain");
      await post(author, other, { body: "Komentar rencana lain" });
      expect((await list(author, id)).map((c) => c.body)).not.toContain("Komentar rencana lain");
      expect((await list(author, other)).map((c) => c.body)).toEqual(["Komentar rencana lain"]);
    });

    it("many comments in a row keep their order", async () => {
      const id = await newPlan();
      for (let i = 0; i < 12; i++) expect((await post(author, id, { body: `nomor ${i}` })).statusCode).toBe(201);
      expect((await list(author, id)).map((c) => c.body)).toEqual(Array.from({ length: 12 }, (_, i) => `nomor ${i}`));
    });

    it("refuses bad input naming the field, and stores nothing", async () => {
      const id = await newPlan();
      const cases: [unknown, string][] = [
        [{ itemRef: "k99", body: "tidak ada" }, "itemRef"],
        [{ stage: "gantt", body: "x" }, "stage"],
        [{ body: "" }, "body"],
        [{ body: "   " }, "body"],
        [{ body: "x".repeat(5001) }, "body"],
        [{}, "body"],
        [{ body: 5 }, "body"],
        [{ body: "x", version: 9 }, "version"],
        [{ body: "x", itemRef: "" }, "itemRef"],
      ];
      for (const [payload, path] of cases) {
        const r = await post(author, id, payload);
        expect(r.statusCode, JSON.stringify(payload)).toBe(400);
        expect(r.json().error.code).toBe("request.invalid");
        expect(r.json().errors.map((e: { path: string }) => e.path)).toEqual([path]);
      }
      const unknownItem = await post(author, id, { itemRef: "k99", body: "x" }, "?lang=en");
      expect(unknownItem.json().errors[0]).toMatchObject({ code: "reference.missing" });
      expect(unknownItem.json().errors[0].message).toContain("k99");
      expect((await post(author, id, { body: "x".repeat(5000) })).statusCode).toBe(201);
      expect((await author.inject({ method: "GET", url: `/api/plans/${id}/comments?stage=gantt` })).statusCode).toBe(400);
      expect((await author.inject({ method: "GET", url: `/api/plans/${id}/comments?extra=1` })).statusCode).toBe(400);
      expect(await list(author, id)).toHaveLength(1);
    });

    it("resolves a comment once (resolving again changes nothing); a comment of another plan is 404", async () => {
      const id = await newPlan();
      const other = await newPlan("Rencana lain");
      const c = (await post(author, id, { stage: "sumber-daya", body: "Operator kurang." })).json<CommentBody>();
      const foreign = (await post(author, other, { body: "di rencana lain" })).json<CommentBody>();

      const resolved = await reviewer.inject({ method: "POST", url: `/api/plans/${id}/comments/${c.id}/resolve` });
      expect(resolved.statusCode, resolved.body).toBe(200);
      const body = resolved.json<CommentBody>();
      expect(body).toMatchObject({ id: c.id, resolvedBy: reviewer.user.id, resolvedByName: "Ibu Pemeriksa", body: "Operator kurang." });
      expect(body.resolvedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const again = await author.inject({ method: "POST", url: `/api/plans/${id}/comments/${c.id}/resolve`, payload: {} });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ resolvedAt: body.resolvedAt, resolvedBy: reviewer.user.id });
      expect((await list(author, id))[0]).toMatchObject({ resolvedAt: body.resolvedAt, resolvedByName: "Ibu Pemeriksa" });

      const withInput = await author.inject({ method: "POST", url: `/api/plans/${id}/comments/${c.id}/resolve`, payload: { resolved: false } });
      expect(withInput.statusCode).toBe(400);
      expect(withInput.json().errors.map((e: { path: string }) => e.path)).toEqual(["resolved"]);

      // The other plan's comment through this plan's URL, and a made-up id.
      expect((await author.inject({ method: "POST", url: `/api/plans/${id}/comments/${foreign.id}/resolve` })).statusCode).toBe(404);
      expect((await author.inject({ method: "POST", url: `/api/plans/${id}/comments/nope/resolve` })).json().error.code).toBe("not_found");
      expect((await list(author, other))[0]?.resolvedAt).toBeNull();

      // One audit entry per write, with the user and the plan version.
      const entries = await auditRepo(database.db).list({ organizationId: author.organization.id, planId: id });
      expect(entries.filter((e) => e.action.startsWith("comment.")).map((e) => [e.action, e.userId, e.version, e.detail.commentId])).toEqual([
        ["comment.resolve", reviewer.user.id, 1, c.id],
        ["comment.create", author.user.id, 1, c.id],
      ]);
    });

    it("shows the reason a reviewer returned the plan among its comments", async () => {
      const id = await newPlan();
      const signatory = await createUser(database, author.organization.id, ["penandatangan"]);
      await plansRepo(database.db).setTeam(id, [
        { userId: author.user.id, role: "penyusun", position: 0 },
        { userId: reviewer.user.id, role: "pemeriksa", position: 1 },
        { userId: signatory.id, role: "penandatangan", position: 0 },
      ]);
      expect((await author.inject({ method: "POST", url: `/api/plans/${id}/submit`, payload: {} })).statusCode).toBe(200);
      const returned = await reviewer.inject({ method: "POST", url: `/api/plans/${id}/return`, payload: { comment: "Durasi pendataan terlalu singkat." } });
      expect(returned.statusCode, returned.body).toBe(200);
      expect(await list(author, id)).toMatchObject([{ authorId: reviewer.user.id, authorName: "Ibu Pemeriksa", body: "Durasi pendataan terlalu singkat.", version: 1, resolvedAt: null }]);
    });

    it("lets team members and admins comment; 403 for the same organisation's non-member, 404 for another organisation, 401 anonymous", async () => {
      const id = await newPlan();
      const c = (await post(author, id, { body: "x" })).json<CommentBody>();
      const routes = [
        { method: "GET", url: `/api/plans/${id}/comments` },
        { method: "POST", url: `/api/plans/${id}/comments`, payload: { body: "y" } },
        { method: "POST", url: `/api/plans/${id}/comments/${c.id}/resolve` },
      ] as const;
      for (const route of routes) {
        const foreign = await stranger.inject(route);
        expect(foreign.statusCode, `${route.method} ${route.url}`).toBe(404);
        expect(foreign.json().error.code).toBe("not_found");
        expect((await outsider.inject(route)).statusCode, `${route.method} ${route.url}`).toBe(403);
        expect((await app.inject(route)).statusCode).toBe(401);
      }
      expect((await list(author, id)).map((c2) => c2.body)).toEqual(["x"]);
      expect((await list(author, id))[0]?.resolvedAt).toBeNull();
      // A stranger's own comment routes on their own plan still work: the 404 is the organisation check.
      const theirs = await stranger.inject({ method: "POST", url: "/api/plans", payload: minimalPlan() });
      expect((await post(stranger, theirs.json<{ id: string }>().id, { body: "milik sendiri" })).statusCode).toBe(201);
    });
  });
}
