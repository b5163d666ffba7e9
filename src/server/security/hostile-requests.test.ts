// Regression tests for small requests that used to freeze the server (issue 13: D1, D2, D3, D7):
// each runs against a listening server while /api/health is polled over real HTTP, which must
// keep answering within 1 s.
import type { AddressInfo } from "node:net";
import { Worker } from "node:worker_threads";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../domain/plan/schema.js";
import { TEXT_LIMITS } from "../../domain/plan/schema.js";
import type { Database } from "../../store/database.js";
import { signedInClient, type TestClient } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp } from "../app.js";

/** Polls /api/health until `hostile` settles (at least 3 times); returns the slowest answer in ms. */
async function slowestHealthDuring(baseUrl: string, hostile: Promise<unknown>): Promise<number> {
  let settled = false;
  void hostile.finally(() => (settled = true)).catch(() => undefined);
  let slowest = 0;
  for (let n = 0; n < 3 || !settled; n++) {
    const started = performance.now();
    const res = await fetch(`${baseUrl}/api/health`);
    expect(res.status).toBe(200);
    slowest = Math.max(slowest, performance.now() - started);
    await new Promise((r) => setTimeout(r, 50));
    if (n > 400) break;
  }
  await hostile;
  return slowest;
}

/**
 * Sends `count` requests at once from another thread, so that building and uploading the hostile
 * bodies costs the test's client, not the event loop of the server under test. Returns the statuses.
 */
function sendFromThread(url: string, method: string, body: { repeat: string; times: number }, count: number): Promise<number[]> {
  const code = `
    const { parentPort, workerData: w } = require("node:worker_threads");
    const body = w.body.repeat.repeat(w.body.times);
    Promise.all(Array.from({ length: w.count }, () => fetch(w.url, { method: w.method, headers: { "content-type": "application/json" }, body }).then((r) => r.status, () => 0)))
      .then((statuses) => parentPort.postMessage(statuses));`;
  const worker = new Worker(code, { eval: true, workerData: { url, method, body, count } });
  return new Promise((resolve, reject) => {
    worker.once("message", (statuses: number[]) => {
      void worker.terminate();
      resolve(statuses);
    });
    worker.once("error", reject);
  });
}

/** A valid plan whose documents are far too long to print quickly: 400 groups of 2,000-character needs. */
function hugePlan(): Plan {
  const needs = Array.from({ length: 400 }, (_, i) => `kebutuhan${i}`).join(" ").slice(0, TEXT_LIMITS.text);
  return minimalPlan({ targetGroups: Array.from({ length: 400 }, (_, i) => ({ id: `g${i}`, name: `Kelompok ${i}`, size: i, needs })) });
}

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`hostile requests on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let api: TestClient;
    let baseUrl: string;
    let cookieHeaders: Record<string, string>;
    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      app = await buildApp({ db: database, webRoot: false, documents: { timeoutMs: 3_000, perServer: 2, perUser: 1, queueWaitMs: 500 } });
      api = await signedInClient(app, database);
      await app.listen({ port: 0, host: "127.0.0.1" });
      baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      cookieHeaders = { cookie: api.cookie, "x-csrf-token": api.csrfToken, "content-type": "application/json" };
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it("D3: answers 8 MB of nested [ to an unknown path at once, without parsing it, four at a time", async () => {
      const hostile = sendFromThread(`${baseUrl}/api/nothing-here`, "POST", { repeat: "[", times: 8 * 1024 * 1024 }, 4);
      expect(await slowestHealthDuring(baseUrl, hostile)).toBeLessThan(1_000);
      // 404, or the connection closed by the server before the upload finished (status 0): never a 5xx.
      for (const status of await hostile) expect([0, 404]).toContain(status);
      const small = await fetch(`${baseUrl}/api/nothing-here`, { method: "POST", headers: { "content-type": "application/json" }, body: "[1]" });
      expect(small.status).toBe(404);
    });

    it("D3: refuses deep nesting before parsing (400) and bodies over 256 KB on small routes (413)", async () => {
      const deep = await fetch(`${baseUrl}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: "[".repeat(100_000) });
      expect(deep.status).toBe(400);
      expect(((await deep.json()) as { error: { code: string } }).error.code).toBe("json.too_deep");
      const big = await fetch(`${baseUrl}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "a@b.c", password: "x".repeat(300 * 1024) }) });
      expect(big.status).toBe(413);
      // Plan routes alone keep the plan limit: a 1 MB plan is accepted.
      const plan = minimalPlan({ targetGroups: Array.from({ length: 600 }, (_, i) => ({ id: `g${i}`, name: `Kelompok ${i}`, size: 1, needs: "n".repeat(TEXT_LIMITS.text) })) });
      expect(JSON.stringify(plan).length).toBeGreaterThan(1_000_000);
      const created = await fetch(`${baseUrl}/api/plans`, { method: "POST", headers: cookieHeaders, body: JSON.stringify(plan) });
      expect(created.status).toBe(201);
    });

    it("D1, D7: a patch of 24 doubling copies, or a value 5,000 deep, is a 400 and stores nothing", async () => {
      const created = (await api.inject({ method: "POST", url: "/api/plans", payload: minimalPlan() })).json<{ id: string; version: number }>();
      const ops = Array.from({ length: 24 }, () => ({ op: "copy", from: "/targetGroups", path: "/targetGroups/-" }));
      const patch = fetch(`${baseUrl}/api/plans/${created.id}`, { method: "PATCH", headers: { ...cookieHeaders, "if-match": `"${created.version}"` }, body: JSON.stringify(ops) });
      expect(await slowestHealthDuring(baseUrl, patch)).toBeLessThan(1_000);
      const res = await patch;
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string }; errors: Array<{ code: string }> };
      expect([body.error.code, body.errors[0]?.code]).toEqual(["patch.failed", "patch.too_large"]);

      const deep = `[{"op":"add","path":"/x","value":${"[".repeat(5_000)}1${"]".repeat(5_000)}}]`;
      const d7 = await fetch(`${baseUrl}/api/plans/${created.id}`, { method: "PATCH", headers: { ...cookieHeaders, "if-match": `"${created.version}"` }, body: deep });
      expect(d7.status).toBe(400);
      expect(((await d7.json()) as { error: { code: string } }).error.code).toBe("json.too_deep");
      const after = (await api.inject({ method: "GET", url: `/api/plans/${created.id}` })).json<{ version: number }>();
      expect(after.version).toBe(created.version);
    });

    it("D2: a document too long to render answers 422 in time, health keeps answering, and a second one of the same user 503", { timeout: 120_000 }, async () => {
      const created = await api.inject({ method: "POST", url: "/api/plans", payload: hugePlan() });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      const url = `${baseUrl}/api/plans/${id}/documents/plan.pdf`;
      // Warm a worker first, so the poll below measures rendering, not start-up.
      expect((await fetch(`${baseUrl}/api/plans/${id}/documents/calendar.ics`, { headers: cookieHeaders })).status).toBe(200);
      const first = fetch(url, { headers: cookieHeaders });
      await new Promise((r) => setTimeout(r, 500));
      const second = await fetch(url, { headers: cookieHeaders });
      expect(second.status).toBe(503);
      expect(second.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await slowestHealthDuring(baseUrl, first)).toBeLessThan(1_000);
      const res = await first;
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("document.too_large");
      // The ended worker is replaced: an ordinary document still renders.
      expect((await fetch(`${baseUrl}/api/plans/${id}/documents/calendar.ics`, { headers: cookieHeaders })).status).toBe(200);
    });
  });
}
