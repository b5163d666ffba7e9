// The live event stream over real HTTP (a listening server, fetch as the client) on both
// databases: patches in version order that rebuild the plan, catch-up with Last-Event-ID,
// reset, presence, comments, workflow, heartbeats, limits, and losing the stream with access.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyJsonPatch, type JsonPatchOp } from "../../domain/plan/patch.js";
import type { Database } from "../../store/database.js";
import { createUser, signedInClient, signIn, type TestClient } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { openSse, type SseEvent, type SseStream } from "../../test-support/sse.js";
import { buildApp } from "../app.js";

type PatchData = { version: number; ops: JsonPatchOp[]; author: { id: string; name: string } | null };
const isPatch = (v: number) => (e: SseEvent) => e.event === "patch" && (e.data as PatchData).version === v;

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`live events on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let baseUrl = "";
    let author: TestClient & { organization: { id: string } };
    let reader: TestClient;
    let signatory: TestClient;
    let outsider: TestClient;
    const streams: SseStream[] = [];

    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      app = await buildApp({
        db: database,
        webRoot: false,
        realtime: { heartbeatMs: 300, maxStreamsPerUser: 3, presenceTtlMs: 900, catchUpLimit: 3 },
      });
      baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
      author = await signedInClient(app, database, ["penyusun"]);
      const orgId = author.organization.id;
      reader = await signIn(app, (await createUser(database, orgId, ["pembaca"], "Bu Pembaca")).email);
      signatory = await signIn(app, (await createUser(database, orgId, ["penandatangan"], "Kepala Dinas")).email);
      outsider = await signIn(app, (await createUser(database, orgId, ["pembaca"], "Bukan Anggota")).email);
    });
    afterAll(async () => {
      for (const s of streams) s.close();
      await app?.close();
      await database?.close();
    });

    async function newPlan(): Promise<string> {
      const r = await author.inject({ method: "POST", url: "/api/plans", payload: minimalPlan({ title: "Rencana langsung" }) });
      expect(r.statusCode, r.body).toBe(201);
      const id = r.json<{ id: string }>().id;
      const team = await author.inject({
        method: "PUT",
        url: `/api/plans/${id}/team`,
        payload: { members: [{ userId: author.user.id, role: "penyusun" }, { userId: reader.user.id, role: "pembaca" }, { userId: signatory.user.id, role: "penandatangan" }] },
      });
      expect(team.statusCode, team.body).toBe(200);
      return id;
    }

    async function subscribe(client: TestClient, planId: string, headers: Record<string, string> = {}, query = ""): Promise<SseStream> {
      const s = await openSse(`${baseUrl}/api/plans/${planId}/events${query}`, { cookie: client.cookie, ...headers });
      streams.push(s);
      return s;
    }

    const patch = (id: string, version: number, ops: JsonPatchOp[]) =>
      author.inject({ method: "PATCH", url: `/api/plans/${id}`, payload: ops, headers: { "if-match": String(version) } });

    it("sends every accepted write as a patch in version order, and the patches rebuild the plan", async () => {
      const id = await newPlan();
      const stream = await subscribe(reader, id);
      expect(stream.status).toBe(200);
      expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
      await stream.next((e) => e.event === "presence");
      const start = (await reader.inject({ method: "GET", url: `/api/plans/${id}` })).json<{ version: number; plan: unknown }>();

      expect((await patch(id, 1, [{ op: "replace", path: "/title", value: "Judul baru" }])).statusCode).toBe(200);
      const put = await author.inject({ method: "PUT", url: `/api/plans/${id}`, payload: minimalPlan({ title: "Judul dari PUT" }), headers: { "if-match": "2" } });
      expect(put.statusCode, put.body).toBe(200);
      const restore = await author.inject({ method: "POST", url: `/api/plans/${id}/revisions/1/restore`, payload: {}, headers: { "if-match": "3" } });
      expect(restore.statusCode, restore.body).toBe(200);
      // A refused write (stale version) sends nothing.
      expect((await patch(id, 1, [{ op: "replace", path: "/title", value: "Basi" }])).statusCode).toBe(409);

      await stream.next(isPatch(4));
      const patches = stream.events.filter((e) => e.event === "patch").map((e) => e.data as PatchData);
      expect(patches.map((p) => p.version)).toEqual([2, 3, 4]);
      expect(stream.events.filter((e) => e.event === "patch").map((e) => e.id)).toEqual(["2", "3", "4"]);
      expect(patches[0]).toMatchObject({ ops: [{ op: "replace", path: "/title", value: "Judul baru" }], author: { id: author.user.id, name: author.user.name } });
      let doc: unknown = start.plan;
      for (const p of patches) {
        const r = applyJsonPatch(doc, p.ops);
        if (!r.ok) throw new Error(r.error.message.en);
        doc = r.value;
      }
      const now = (await reader.inject({ method: "GET", url: `/api/plans/${id}` })).json<{ version: number; plan: unknown }>();
      expect(now.version).toBe(4);
      expect(doc).toEqual(now.plan);
    });

    it("catches a reconnecting client up from Last-Event-ID, and resets one too far behind or unknown", async () => {
      const id = await newPlan();
      for (let v = 1; v <= 5; v++) expect((await patch(id, v, [{ op: "replace", path: "/title", value: `Judul ${v}` }])).statusCode).toBe(200);
      const behind = await subscribe(reader, id, { "last-event-id": "3" });
      await behind.next(isPatch(6));
      expect(behind.events.filter((e) => e.event === "patch").map((e) => e.id)).toEqual(["4", "5", "6"]);
      expect((behind.events.find(isPatch(5))?.data as PatchData).ops).toEqual([{ op: "replace", path: "/title", value: "Judul 4" }]);
      behind.close();
      // catchUpLimit is 3 here: five versions behind is a reset to the current version.
      const far = await subscribe(reader, id, {}, "?since=1");
      expect((await far.next((e) => e.event === "reset")).data).toEqual({ version: 6 });
      far.close();
      const unknown = await subscribe(reader, id, { "last-event-id": "99" });
      expect((await unknown.next((e) => e.event === "reset")).id).toBe("6");
      unknown.close();
    });

    it("shows presence, drops a user whose stream closes or whose heartbeats stop, and tells of comments and workflow steps", async () => {
      const id = await newPlan();
      const watching = await subscribe(reader, id);
      await watching.next((e) => e.event === "presence");
      const authorStream = await subscribe(author, id);
      const beat = await author.inject({ method: "POST", url: `/api/plans/${id}/presence`, payload: { stage: "kegiatan", itemRef: "k3" } });
      expect(beat.statusCode, beat.body).toBe(200);
      expect(beat.json()).toEqual({ users: [{ id: author.user.id, name: author.user.name, stage: "kegiatan", itemRef: "k3" }] });
      await watching.next((e) => e.event === "presence" && JSON.stringify(e.data).includes('"itemRef":"k3"'));
      // The author's tab closes: gone at once.
      const mark = watching.events.length;
      authorStream.close();
      expect((await watching.next((e) => e.event === "presence", 3000, mark)).data).toEqual({ users: [] });
      // A heartbeat without a stream expires after the presence timeout (900 ms here).
      await reader.inject({ method: "POST", url: `/api/plans/${id}/presence`, payload: { stage: "sasaran" } });
      const selfSeen = await watching.next((e) => e.event === "presence" && (e.data as { users: unknown[] }).users.length === 1, 3000, mark);
      const dropped = await watching.next((e) => e.event === "presence" && (e.data as { users: unknown[] }).users.length === 0, 4000, watching.events.indexOf(selfSeen) + 1);
      expect(dropped.at - selfSeen.at).toBeGreaterThan(500);
      // Bad input is named in Indonesian.
      const bad = await author.inject({ method: "POST", url: `/api/plans/${id}/presence`, payload: { stage: "dapur" } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe("stage");

      const comment = await reader.inject({ method: "POST", url: `/api/plans/${id}/comments`, payload: { body: "Mohon cek anggaran", stage: "sumber-daya" } });
      expect(comment.statusCode).toBe(201);
      const seen = await watching.next((e) => e.event === "comment");
      expect(seen.data).toMatchObject({ change: "created", comment: { body: "Mohon cek anggaran", authorName: "Bu Pembaca", stage: "sumber-daya" } });

      const submit = await author.inject({ method: "POST", url: `/api/plans/${id}/submit`, payload: {} });
      expect(submit.statusCode, submit.body).toBe(200);
      const step = await watching.next((e) => e.event === "workflow" && (e.data as { action?: string }).action === "submit");
      expect(step.data).toMatchObject({ status: "submitted", step: 1, version: 1, by: { id: author.user.id } });
      const approve = await signatory.inject({ method: "POST", url: `/api/plans/${id}/approve`, payload: {} });
      expect(approve.statusCode, approve.body).toBe(200);
      // Approval writes a version (the decree number): a patch and a workflow event.
      const approved = (await watching.next(isPatch(2))).data as PatchData;
      expect(approved.author).toEqual({ id: signatory.user.id, name: "Kepala Dinas" });
      expect(approved.ops.some((o) => o.path.startsWith("/decree"))).toBe(true);
      await watching.next((e) => e.event === "workflow" && (e.data as { status?: string }).status === "approved");
      // Heartbeats keep proxies from closing the stream.
      expect(watching.comments).toContain("ping");
    });

    it("refuses a non-member, limits streams per user, and closes the stream of a user removed from the team", async () => {
      const id = await newPlan();
      const refused = await subscribe(outsider, id);
      expect(refused.status).toBe(403);
      refused.close();

      const open = [await subscribe(author, id), await subscribe(author, id), await subscribe(author, id)];
      const fourth = await subscribe(author, id);
      expect(fourth.status).toBe(429);
      fourth.close();
      for (const s of open) s.close();

      const stream = await subscribe(reader, id);
      await stream.next((e) => e.event === "presence");
      const team = await author.inject({ method: "PUT", url: `/api/plans/${id}/team`, payload: { members: [{ userId: author.user.id, role: "penyusun" }] } });
      expect(team.statusCode, team.body).toBe(200);
      expect((await stream.next((e) => e.event === "closed")).data).toEqual({ reason: "access" });
      await stream.ended;
      // Nothing reaches the removed user afterwards, and a new stream is refused.
      const n = stream.events.length;
      expect((await patch(id, 1, [{ op: "replace", path: "/title", value: "Rahasia" }])).statusCode).toBe(200);
      expect((await subscribe(reader, id)).status).toBe(403);
      expect(stream.events.length).toBe(n);
    });

    it("closes the stream when the user's role is withdrawn or the session ends", async () => {
      const id = await newPlan();
      const stream = await subscribe(reader, id);
      await stream.next((e) => e.event === "presence");
      const admin = await signIn(app, (await createUser(database, author.organization.id, ["admin"], "Pak Admin")).email);
      const change = await admin.inject({ method: "PATCH", url: `/api/users/${reader.user.id}`, payload: { roles: ["penyusun"] } });
      expect(change.statusCode, change.body).toBe(200);
      expect((await stream.next((e) => e.event === "closed")).data).toEqual({ reason: "access" });
      await admin.inject({ method: "PATCH", url: `/api/users/${reader.user.id}`, payload: { roles: ["pembaca"] } });

      // Signing out ends the session; the next heartbeat's re-check closes the stream.
      const again = await signIn(app, reader.user.email);
      const second = await subscribe(again, id);
      await second.next((e) => e.event === "presence");
      expect((await again.inject({ method: "DELETE", url: "/api/session" })).statusCode).toBeLessThan(300);
      expect((await second.next((e) => e.event === "closed", 3000)).data).toEqual({ reason: "access" });
    });
  });
}
