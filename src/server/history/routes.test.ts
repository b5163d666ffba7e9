import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../domain/plan/schema.js";
import type { Database } from "../../store/database.js";
import { plansRepo } from "../../store/plans-repo.js";
import { createUser, signedInClient, signIn, type TestClient } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp } from "../app.js";

type Change = { path: string; kind: string; stage: string; label: string; labels: { id: string; en: string }; before?: unknown; after?: unknown; beforeText?: string; afterText?: string };
type AuditItem = { id: number; at: string; userId: string | null; userName: string | null; action: string; planId: string | null; version: number | null; detail: Record<string, unknown> };

/** The fixture with activity k3 taking `days` and a new activity k4. */
function editedPlan(days: number): Plan {
  const base = minimalPlan();
  return {
    ...base,
    title: "Rencana riwayat v2",
    activities: [
      ...base.activities.map((a) => (a.id === "k3" ? { ...a, durationDays: days } : a)),
      { id: "k4", name: "Evaluasi", output: "Catatan evaluasi", durationDays: 2, dependsOn: [{ activityId: "k3", type: "FS", lagDays: 0 }], ownerId: "m1" },
    ],
  };
}

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`history API on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    /** The plan's author (penyusun), a co-author (penyusun), a reviewer, an admin, a non-member, a stranger of another organisation. */
    let author: TestClient & { organization: { id: string } };
    let coAuthor: TestClient;
    let reviewer: TestClient;
    let signatory: TestClient;
    let admin: TestClient;
    let outsider: TestClient;
    let stranger: TestClient & { organization: { id: string } };

    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      app = await buildApp({ db: database, webRoot: false });
      author = await signedInClient(app, database, ["penyusun"]);
      const orgId = author.organization.id;
      coAuthor = await signIn(app, (await createUser(database, orgId, ["penyusun"], "Rekan Penyusun")).email);
      reviewer = await signIn(app, (await createUser(database, orgId, ["pemeriksa"], "Ibu Pemeriksa")).email);
      signatory = await signIn(app, (await createUser(database, orgId, ["penandatangan"], "Kepala Dinas")).email);
      admin = await signIn(app, (await createUser(database, orgId, ["admin"], "Pak Admin")).email);
      outsider = await signIn(app, (await createUser(database, orgId, ["penyusun", "pembaca"])).email);
      stranger = await signedInClient(app, database, ["admin", "penyusun"]);
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    async function newPlan(title = "Rencana riwayat"): Promise<string> {
      const r = await author.inject({ method: "POST", url: "/api/plans", payload: minimalPlan({ title }) });
      expect(r.statusCode, r.body).toBe(201);
      const id = r.json<{ id: string }>().id;
      await plansRepo(database.db).setTeam(id, [
        { userId: author.user.id, role: "penyusun", position: 0 },
        { userId: coAuthor.user.id, role: "penyusun", position: 0 },
        { userId: reviewer.user.id, role: "pemeriksa", position: 1 },
      ]);
      return id;
    }
    const put = (client: TestClient, id: string, version: number, plan: Plan) => client.inject({ method: "PUT", url: `/api/plans/${id}`, headers: { "if-match": `"${version}"` }, payload: plan });
    const restore = (client: TestClient, id: string, version: number, ifMatch?: string) =>
      client.inject({ method: "POST", url: `/api/plans/${id}/revisions/${version}/restore`, ...(ifMatch !== undefined ? { headers: { "if-match": ifMatch } } : {}) });
    const diff = (client: TestClient, id: string, query: string) => client.inject({ method: "GET", url: `/api/plans/${id}/diff?${query}` });

    it("lists revisions with their authors", async () => {
      const id = await newPlan();
      expect((await put(coAuthor, id, 1, editedPlan(3))).statusCode).toBe(200);
      const r = await reviewer.inject({ method: "GET", url: `/api/plans/${id}/revisions` });
      expect(r.statusCode).toBe(200);
      expect(r.json().items.map((i: { version: number; authorId: string; authorName: string }) => [i.version, i.authorId, i.authorName])).toEqual([
        [2, coAuthor.user.id, "Rekan Penyusun"],
        [1, author.user.id, author.user.name],
      ]);
    });

    it("diffs two revisions with readable labels in the request's language and both, values raw and as text", async () => {
      const id = await newPlan();
      expect((await put(author, id, 1, editedPlan(3))).statusCode).toBe(200);
      const r = await diff(reviewer, id, "from=1&to=2");
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json<{ from: number; to: number; changes: Change[] }>();
      expect(body.from).toBe(1);
      expect(body.to).toBe(2);
      const byPath = new Map(body.changes.map((c) => [c.path, c]));
      expect(byPath.get("title")).toMatchObject({ kind: "changed", stage: "sasaran", before: "Rencana riwayat", after: "Rencana riwayat v2", beforeText: '"Rencana riwayat"', afterText: '"Rencana riwayat v2"' });
      expect(byPath.get("activities[id=k3].durationDays")).toMatchObject({
        kind: "changed",
        stage: "jadwal",
        label: "Kegiatan k3 «Laporan»: durasi (hari kerja)",
        labels: { id: "Kegiatan k3 «Laporan»: durasi (hari kerja)", en: "Activity k3 «Laporan»: duration (working days)" },
        before: 0,
        after: 3,
      });
      const added = byPath.get("activities[id=k4]");
      expect(added).toMatchObject({ kind: "added", label: "Kegiatan k4 «Evaluasi» ditambahkan", after: { id: "k4", name: "Evaluasi" } });
      expect(added && "before" in added).toBe(false);
      expect(added?.afterText).toContain("Evaluasi");
      expect(body.changes).toHaveLength(3);

      const english = (await diff(reviewer, id, "from=1&to=2&lang=en")).json<{ changes: Change[] }>().changes;
      expect(english.find((c) => c.path === "activities[id=k3].durationDays")?.label).toBe("Activity k3 «Laporan»: duration (working days)");
      // Backwards: the same changes the other way round.
      const back = (await diff(reviewer, id, "from=2&to=1")).json<{ changes: Change[] }>().changes;
      expect(back.find((c) => c.path === "activities[id=k4]")).toMatchObject({ kind: "removed", before: { id: "k4" } });
      expect((await diff(author, id, "from=2&to=2")).json().changes).toEqual([]);
    });

    it("answers 404 for a version that does not exist and 400 for bad parameters", async () => {
      const id = await newPlan();
      expect((await diff(author, id, "from=1&to=9")).json().error.code).toBe("not_found");
      expect((await diff(author, id, "from=7&to=1")).statusCode).toBe(404);
      for (const [query, paths] of [
        ["from=x&to=1", ["from"]],
        ["from=1", ["to"]],
        ["", ["from", "to"]],
        ["from=0&to=1.5", ["from", "to"]],
        ["from=1&to=1&extra=1", ["extra"]],
      ] as const) {
        const r = await diff(author, id, query);
        expect(r.statusCode, query).toBe(400);
        expect(r.json().error.code).toBe("request.invalid");
        expect(r.json().errors.map((e: { path: string }) => e.path).sort()).toEqual([...paths]);
      }
    });

    it("restores an earlier revision as a new version; the diff with the old one is empty; audited with the version it came from", async () => {
      const id = await newPlan();
      const v1 = minimalPlan({ title: "Rencana riwayat" });
      expect((await put(author, id, 1, editedPlan(3))).statusCode).toBe(200);
      expect((await put(author, id, 2, editedPlan(4))).statusCode).toBe(200);

      const r = await coAuthor.inject({ method: "POST", url: `/api/plans/${id}/revisions/1/restore`, headers: { "if-match": '"3"' }, payload: {} });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers.etag).toBe('"4"');
      expect(r.json()).toMatchObject({ id, version: 4, status: "draft", plan: v1 });
      expect(r.json().abilities).toMatchObject({ restore: true });
      expect((await diff(author, id, "from=1&to=4")).json().changes).toEqual([]);
      expect((await diff(author, id, "from=3&to=4")).json().changes.length).toBeGreaterThan(0);
      const revisions = (await author.inject({ method: "GET", url: `/api/plans/${id}/revisions` })).json().items;
      expect(revisions[0]).toMatchObject({ version: 4, authorId: coAuthor.user.id, authorName: "Rekan Penyusun", title: "Rencana riwayat" });

      const entries = (await author.inject({ method: "GET", url: `/api/plans/${id}/audit` })).json<{ items: AuditItem[] }>().items;
      expect(entries[0]).toMatchObject({ action: "plan.restore", userId: coAuthor.user.id, userName: "Rekan Penyusun", planId: id, version: 4, detail: { fromVersion: 1 } });
    });

    it("restore needs If-Match and the current version; an unknown revision is 404; nothing is written on refusal", async () => {
      const id = await newPlan();
      expect((await put(author, id, 1, editedPlan(3))).statusCode).toBe(200);
      const missing = await restore(author, id, 1);
      expect(missing.statusCode).toBe(428);
      expect(missing.json().error.code).toBe("version.required");
      expect((await restore(author, id, 1, "tiga")).json().error.code).toBe("version.invalid");
      const stale = await restore(author, id, 1, "1");
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ error: { code: "version.conflict" }, currentVersion: 2 });
      expect((await restore(author, id, 9, "2")).json().error.code).toBe("not_found");
      expect((await restore(author, id, 0, "2")).statusCode).toBe(400);
      const withInput = await author.inject({ method: "POST", url: `/api/plans/${id}/revisions/1/restore`, headers: { "if-match": "2" }, payload: { version: 1 } });
      expect(withInput.statusCode).toBe(400);
      expect(withInput.json().errors.map((e: { path: string }) => e.path)).toEqual(["version"]);
      // Reviewers and admins read the history but do not edit the plan.
      expect((await restore(reviewer, id, 1, "2")).statusCode).toBe(403);
      expect((await restore(admin, id, 1, "2")).statusCode).toBe(403);
      expect((await plansRepo(database.db).head(id))?.version).toBe(2);
    });

    it("is locked while the plan is under review (409 workflow.locked) and reopens an approved plan as an amendment", async () => {
      const id = await newPlan();
      await plansRepo(database.db).setTeam(id, [
        { userId: author.user.id, role: "penyusun", position: 0 },
        { userId: reviewer.user.id, role: "pemeriksa", position: 1 },
        { userId: signatory.user.id, role: "penandatangan", position: 0 },
      ]);
      expect((await put(author, id, 1, editedPlan(3))).statusCode).toBe(200);
      const act = async (client: TestClient, action: string) => {
        const r = await client.inject({ method: "POST", url: `/api/plans/${id}/${action}`, payload: {} });
        expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
        return r.json<{ version: number; status: string }>();
      };
      expect(await act(author, "submit")).toMatchObject({ status: "submitted", version: 2 });
      const locked = await restore(author, id, 1, "2");
      expect(locked.statusCode).toBe(409);
      expect(locked.json().error.code).toBe("workflow.locked");
      expect(await plansRepo(database.db).head(id)).toMatchObject({ version: 2, status: "submitted" });
      expect((await plansRepo(database.db).listRevisions(id))?.length).toBe(2);

      await act(reviewer, "initial");
      const approved = await act(signatory, "approve");
      expect(approved.status).toBe("approved");
      const reopened = await restore(author, id, 1, String(approved.version));
      expect(reopened.statusCode, reopened.body).toBe(200);
      expect(reopened.json()).toMatchObject({ version: approved.version + 1, status: "draft", workflow: { status: "draft", amendment: 1, baselineVersion: approved.version } });
      const entry = (await author.inject({ method: "GET", url: `/api/plans/${id}/audit?limit=1` })).json<{ items: AuditItem[] }>().items[0];
      expect(entry).toMatchObject({ action: "plan.restore", version: approved.version + 1, detail: { fromVersion: 1, reopened: true, amendment: 1, status: { from: "approved", to: "draft" } } });
      // The whole review is in the plan's log, newest first.
      const actions = (await author.inject({ method: "GET", url: `/api/plans/${id}/audit` })).json<{ items: AuditItem[] }>().items.map((e) => e.action);
      expect(actions.slice(0, 4)).toEqual(["plan.restore", "plan.approve", "plan.initial", "plan.submit"]);
    });

    it("refuses to restore a revision that is not valid format v1 today (400 validation.failed)", async () => {
      const id = await newPlan();
      expect((await put(author, id, 1, editedPlan(3))).statusCode).toBe(200);
      // An old revision written before a rule was tightened: here, a duration the schema refuses.
      const old = { ...minimalPlan(), activities: minimalPlan().activities.map((a) => (a.id === "k1" ? { ...a, durationDays: -2 } : a)) };
      await database.db.updateTable("plan_revisions").set({ kind: "full", document: JSON.stringify(old), snapshot: null }).where("plan_id", "=", id).where("version", "=", 1).execute();
      const r = await restore(author, id, 1, "2");
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toBe("validation.failed");
      expect(r.json().errors.map((e: { path: string }) => e.path)).toEqual(["activities[0].durationDays"]);
      expect((await plansRepo(database.db).head(id))?.version).toBe(2);
    });

    it("records every change in the audit log, in order, with the right user and version; pages; never another organisation's", async () => {
      const created = await author.inject({ method: "POST", url: "/api/plans", payload: minimalPlan({ title: "Jejak audit" }) });
      const id = created.json<{ id: string }>().id;
      await plansRepo(database.db).setTeam(id, [
        { userId: author.user.id, role: "penyusun", position: 0 },
        { userId: coAuthor.user.id, role: "penyusun", position: 0 },
        { userId: reviewer.user.id, role: "pemeriksa", position: 1 },
      ]);
      expect((await put(author, id, 1, editedPlan(3))).statusCode).toBe(200);
      const patched = await coAuthor.inject({
        method: "PATCH",
        url: `/api/plans/${id}`,
        headers: { "if-match": "2", "content-type": "application/json-patch+json" },
        payload: JSON.stringify([{ op: "replace", path: "/title", value: "Jejak audit (ditambal)" }]),
      });
      expect(patched.statusCode, patched.body).toBe(200);
      const comment = await reviewer.inject({ method: "POST", url: `/api/plans/${id}/comments`, payload: { stage: "jadwal", body: "Cek durasi." } });
      expect(comment.statusCode).toBe(201);
      expect((await author.inject({ method: "POST", url: `/api/plans/${id}/comments/${comment.json<{ id: string }>().id}/resolve` })).statusCode).toBe(200);
      expect((await restore(author, id, 1, "3")).statusCode).toBe(200);
      expect((await coAuthor.inject({ method: "POST", url: `/api/plans/${id}/archive` })).statusCode).toBe(200);
      const imported = await author.inject({ method: "POST", url: "/api/import", headers: { "content-type": "application/json" }, payload: JSON.stringify(minimalPlan({ title: "Impor audit" })) });
      expect(imported.statusCode, imported.body).toBe(201);
      const importedId = imported.json<{ id: string }>().id;

      const expected = [
        ["plan.archive", coAuthor.user.id, 5],
        ["plan.restore", author.user.id, 4],
        ["comment.resolve", author.user.id, 3],
        ["comment.create", reviewer.user.id, 3],
        ["plan.update", coAuthor.user.id, 3],
        ["plan.update", author.user.id, 2],
        ["plan.create", author.user.id, 1],
      ];
      const planLog = await reviewer.inject({ method: "GET", url: `/api/plans/${id}/audit` });
      expect(planLog.statusCode).toBe(200);
      const items = planLog.json<{ items: AuditItem[]; nextBeforeId: number | null }>().items;
      expect(items.map((e) => [e.action, e.userId, e.version])).toEqual(expected);
      expect(items.every((e) => e.planId === id)).toBe(true);
      expect(items.find((e) => e.action === "comment.create")?.userName).toBe("Ibu Pemeriksa");
      expect(Object.keys(items[0] ?? {}).sort()).toEqual(["action", "at", "detail", "id", "planId", "planTitle", "userId", "userName", "version"]);
      const title = (await author.inject({ method: "GET", url: `/api/plans/${id}` })).json<{ plan: { title: string } }>().plan.title;
      expect(new Set(items.map((e) => (e as AuditItem & { planTitle: string | null }).planTitle))).toEqual(new Set([title]));
      // Newest first by id, and time never goes backwards.
      expect(items.map((e) => e.id)).toEqual([...items.map((e) => e.id)].sort((a, b) => b - a));
      expect(items.map((e) => e.at)).toEqual([...items.map((e) => e.at)].sort().reverse());

      // Paging: two at a time, following nextBeforeId to the end.
      const paged: AuditItem[] = [];
      let cursor = "";
      for (let page = 0; page < 10; page++) {
        const body = (await author.inject({ method: "GET", url: `/api/plans/${id}/audit?limit=2${cursor}` })).json<{ items: AuditItem[]; nextBeforeId: number | null }>();
        paged.push(...body.items);
        if (body.nextBeforeId === null) break;
        cursor = `&beforeId=${body.nextBeforeId}`;
      }
      expect(paged.map((e) => e.id)).toEqual(items.map((e) => e.id));

      // The organisation's log (admin): both plans, filterable by plan.
      const orgLog = await admin.inject({ method: "GET", url: "/api/audit?limit=500" });
      expect(orgLog.statusCode).toBe(200);
      const orgItems = orgLog.json<{ items: AuditItem[] }>().items;
      expect(orgItems.find((e) => e.planId === importedId)).toMatchObject({ action: "plan.import", userId: author.user.id, version: 1 });
      expect(orgItems.filter((e) => e.planId === id).map((e) => [e.action, e.userId, e.version])).toEqual(expected);
      const filtered = (await admin.inject({ method: "GET", url: `/api/audit?planId=${importedId}` })).json<{ items: AuditItem[] }>().items;
      expect(filtered.map((e) => e.action)).toEqual(["plan.import"]);

      // Another organisation's administrator sees none of it, even asking for the plan by id.
      const theirs = await stranger.inject({ method: "POST", url: "/api/plans", payload: minimalPlan({ title: "Milik organisasi lain" }) });
      const strangerLog = (await stranger.inject({ method: "GET", url: "/api/audit?limit=500" })).json<{ items: AuditItem[] }>().items;
      expect(strangerLog.filter((e) => e.planId !== null).map((e) => e.planId)).toEqual([theirs.json<{ id: string }>().id]);
      expect(strangerLog.every((e) => e.userId === stranger.user.id)).toBe(true);
      expect((await stranger.inject({ method: "GET", url: `/api/audit?planId=${id}` })).json().items).toEqual([]);
      expect(orgItems.some((e) => e.planId === theirs.json<{ id: string }>().id)).toBe(false);

      // Bad paging input names the field.
      const bad = await admin.inject({ method: "GET", url: "/api/audit?limit=0&beforeId=x&other=1" });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(["beforeId", "limit", "other"]);
    });

    it("keeps every route to the plan's organisation and team: 404 another organisation, 403 a non-member, 403 /api/audit for non-admins, 401 anonymous", async () => {
      const id = await newPlan();
      expect((await put(author, id, 1, editedPlan(3))).statusCode).toBe(200);
      const routes = [
        { method: "GET", url: `/api/plans/${id}/revisions` },
        { method: "GET", url: `/api/plans/${id}/diff?from=1&to=2` },
        { method: "POST", url: `/api/plans/${id}/revisions/1/restore`, headers: { "if-match": "2" } },
        { method: "GET", url: `/api/plans/${id}/audit` },
      ] as const;
      for (const route of routes) {
        const foreign = await stranger.inject(route);
        expect(foreign.statusCode, `${route.method} ${route.url}`).toBe(404);
        expect(foreign.json().error.code).toBe("not_found");
        expect((await outsider.inject(route)).statusCode, `${route.method} ${route.url}`).toBe(403);
        expect((await app.inject(route)).statusCode).toBe(401);
      }
      expect((await admin.inject({ method: "GET", url: `/api/plans/${id}/audit` })).statusCode).toBe(200);
      for (const client of [author, reviewer, outsider]) {
        expect((await client.inject({ method: "GET", url: "/api/audit" })).json().error.code).toBe("auth.forbidden");
      }
      expect((await app.inject({ method: "GET", url: "/api/audit" })).statusCode).toBe(401);
      expect((await plansRepo(database.db).head(id))?.version).toBe(2);
    });
  });
}
