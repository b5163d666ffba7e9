// The workspace's saving against the real HTTP API on both databases: autosave by JSON Patch,
// a stale version rebased with conflicts that keep both values, deleted items restorable, undo;
// read-only while the plan may not be edited, and a plan reloaded after a workflow action.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../../src/server/app.js";
import type { Database } from "../../../src/store/database.js";
import { emptyPlan } from "../../../src/domain/plan/empty.js";
import { testDatabases } from "../../../src/test-support/databases.js";
import { createOrganization, createUser, TEST_PASSWORD } from "../../../src/test-support/auth.js";
import { openMigrated } from "../../../src/test-support/open-store.js";
import { createApiClient, type ApiClient } from "../api/client.js";
import { PlanSession } from "./session.js";

/**
 * Node's fetch keeps no cookies: for these tests it carries the session cookie the server set,
 * as the browser does for the web app.
 */
function withCookieJar(): () => void {
  const realFetch = globalThis.fetch;
  let cookie = "";
  globalThis.fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookie) headers.set("cookie", cookie);
    const res = await realFetch(input, { ...init, headers });
    const set = res.headers.getSetCookie().find((c) => c.startsWith("rl_session="));
    if (set) cookie = set.split(";")[0] ?? "";
    return res;
  };
  return () => {
    globalThis.fetch = realFetch;
  };
}

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`PlanSession over HTTP (${target.dialect})`, () => {
    let database: Database;
    let app: FastifyInstance;
    let api: ApiClient;
    let restoreFetch: (() => void) | undefined;
    beforeAll(async () => {
      restoreFetch = withCookieJar();
      ({ database } = await openMigrated(target));
      app = await buildApp({ db: database, webRoot: false });
      await app.listen({ port: 0, host: "127.0.0.1" });
      const address = app.server.address();
      api = createApiClient(() => "id", `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
      const organization = await createOrganization(database);
      const drafter = await createUser(database, organization.id, ["penyusun"]);
      await api.signIn(drafter.email, TEST_PASSWORD);
    });
    afterAll(async () => {
      restoreFetch?.();
      await app?.close();
      await database?.close();
    });

    async function openTwo() {
      const plan = emptyPlan({ title: "Awal", fiscalYear: 2027, organizationName: "Dinas Contoh" });
      plan.targetGroups = [
        { id: "g1", name: "Lansia", size: 10 },
        { id: "g2", name: "Difabel", size: 5 },
      ];
      const created = await api.createPlan(plan);
      return [new PlanSession(api, await api.getPlan(created.id)), new PlanSession(api, await api.getPlan(created.id))] as const;
    }

    it("saves edits as JSON Patch and rebases on someone else's newer version", async () => {
      const [a, b] = await openTwo();
      a.set(["title"], "Judul A");
      a.set(["targetGroups", { id: "g1" }, "size"], 12);
      const baseBefore = a.getState().base.plan;
      await a.flush();
      expect(a.getState()).toMatchObject({ status: "saved", base: { version: 2 } });
      // The answer carried the ops, not the plan: the session applied them to its copy, which is
      // the server's plan and still shares what the edit did not touch.
      expect(a.getState().base.plan).toEqual((await api.getPlan(a.planId)).plan);
      expect(a.getState().base.plan.activities).toBe(baseBefore.activities);

      b.set(["title"], "Judul B");
      b.set(["targetGroups", { id: "g2" }, "needs"], "Juru bahasa isyarat");
      await b.flush(); // 409 → rebase → the non-conflicting edit is sent again
      await b.flush();
      const s = b.getState();
      expect(s.conflicts).toHaveLength(1);
      expect(s.conflicts[0]).toMatchObject({ kind: "both-changed", mine: "Judul B", theirs: "Judul A", displayPath: "title" });
      const server = await api.getPlan(s.base.id);
      expect(server.plan.title).toBe("Judul A");
      expect(server.plan.targetGroups.map((g) => [g.size, g.needs])).toEqual([[12, undefined], [5, "Juru bahasa isyarat"]]);

      b.resolveConflict(s.conflicts[0]!.key, true);
      await b.flush();
      expect((await api.getPlan(s.base.id)).plan.title).toBe("Judul B");
      a.dispose();
      b.dispose();
    });

    it("offers to restore an item another user deleted, with the user's edit in it", async () => {
      const [a, b] = await openTwo();
      a.remove(["targetGroups", { id: "g2" }]);
      await a.flush();
      b.set(["targetGroups", { id: "g2" }, "size"], 50);
      await b.flush();
      const conflict = b.getState().conflicts[0]!;
      expect(conflict.kind).toBe("deleted-by-them");
      b.resolveConflict(conflict.key, true);
      await b.flush();
      const server = await api.getPlan(b.planId);
      expect(server.plan.targetGroups).toEqual([{ id: "g1", name: "Lansia", size: 10 }, { id: "g2", name: "Difabel", size: 50 }]);
      a.dispose();
      b.dispose();
    });

    it("does not send an invalid plan, and undo takes an edit back on the server too", async () => {
      const [a] = await openTwo();
      a.set(["title"], "");
      await a.flush();
      expect(a.getState().status).toBe("invalid");
      expect(a.getState().invalid.map((e) => e.path)).toEqual(["title"]);
      a.set(["title"], "Judul baru");
      await a.flush();
      expect(a.getState().status).toBe("saved");
      a.undo(); // typing in one field is one undo step: back to the first title
      await a.flush();
      expect((await api.getPlan(a.planId)).plan.title).toBe("Awal");
      a.dispose();
    });

    it("holds back only the edit that breaks the plan: every other edit saves, and the broken value stays on the screen", async () => {
      const [a] = await openTwo();
      a.set(["targetGroups", { id: "g1" }, "name"], ""); // a name is required: the plan would be invalid
      a.set(["targetGroups", { id: "g2" }, "size"], 7);
      a.set(["title"], "Judul sah");
      await a.flush();
      const server = await api.getPlan(a.planId);
      expect(server.plan.title).toBe("Judul sah");
      expect(server.plan.targetGroups.map((g) => [g.name, g.size])).toEqual([["Lansia", 10], ["Difabel", 7]]);
      expect(a.getState()).toMatchObject({ status: "invalid", base: { version: 2 } });
      expect(a.getState().pending).toHaveLength(1);
      expect(a.getState().local.targetGroups[0]!.name).toBe("");
      a.set(["targetGroups", { id: "g1" }, "name"], "Lansia 60+");
      await a.flush();
      expect(a.getState().status).toBe("saved");
      expect((await api.getPlan(a.planId)).plan.targetGroups[0]!.name).toBe("Lansia 60+");
      a.dispose();
    });

    it("ignores edits while read-only and takes a reloaded plan with the pending edits on top", async () => {
      const [a, b] = await openTwo();
      a.setEditable(false);
      a.set(["title"], "Tidak boleh");
      a.undo();
      expect(a.getState()).toMatchObject({ pending: [], local: { title: "Awal" } });
      a.setEditable(true);

      b.set(["title"], "Judul B");
      await b.flush();
      a.set(["targetGroups", { id: "g1" }, "size"], 99);
      a.replaceBase(await api.getPlan(a.planId));
      expect(a.getState().base.version).toBe(2);
      expect(a.getState().local.title).toBe("Judul B");
      await a.flush();
      const server = await api.getPlan(a.planId);
      expect(server.plan.title).toBe("Judul B");
      expect(server.plan.targetGroups[0]!.size).toBe(99);
      a.dispose();
      b.dispose();
    });
  });
}
