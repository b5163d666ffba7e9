// Observability (issue 14): Prometheus metrics at /metrics with restricted access, a request id on
// every log line of a request and in X-Request-Id, compressed answers over 1 KB — on both databases.
import { Writable } from "node:stream";
import type { AddressInfo } from "node:net";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../store/database.js";
import { signedInClient, type TestClient } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp } from "../app.js";

type LogLine = { reqId?: string; msg?: string; level: number; req?: { url: string }; res?: { statusCode: number } };

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`observability on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let open: FastifyInstance;
    let client: TestClient;
    const lines: LogLine[] = [];
    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
          for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
          done();
        },
      });
      app = await buildApp({ db: database, webRoot: false, logger: { level: "info", stream: sink }, metrics: { token: "rahasia-metrik" } });
      // Without a token: loopback callers only.
      open = await buildApp({ db: database, webRoot: false, metrics: {} });
      client = await signedInClient(app, database);
    });
    afterAll(async () => {
      await app?.close();
      await open?.close();
      await database?.close();
    });

    it("counts and times requests by route template, and reports the pool and the event loop's lag; only with the bearer token", async () => {
      const created = await client.inject({ method: "POST", url: "/api/plans", payload: minimalPlan() });
      const id = created.json<{ id: string }>().id;
      for (let i = 0; i < 3; i++) expect((await client.inject({ method: "GET", url: `/api/plans/${id}` })).statusCode).toBe(200);
      expect((await client.inject({ method: "GET", url: "/api/plans/tidak-ada" })).statusCode).toBe(404);
      const res = await app.inject({ method: "GET", url: "/metrics", headers: { authorization: "Bearer rahasia-metrik" } });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/plain/);
      expect(res.body).toMatch(/rencana_http_requests_total\{method="GET",route="\/api\/plans\/:id",status="200"\} 3\b/);
      expect(res.body).toMatch(/rencana_http_requests_total\{method="GET",route="\/api\/plans\/:id",status="404"\} 1\b/);
      expect(res.body).toMatch(/rencana_http_request_duration_seconds_count\{method="GET",route="\/api\/plans\/:id",status="200"\} 3\b/);
      expect(res.body).not.toContain("tidak-ada");
      expect(res.body).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
      if (target.dialect === "postgres") expect(res.body).toMatch(/^rencana_db_pool_connections\{state="total"\} [1-9]/m);
      // Refused: no token, a wrong one, and a signed-in session (the matrix has the row too).
      expect((await app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(401);
      expect((await app.inject({ method: "GET", url: "/metrics", headers: { authorization: "Bearer salah" } })).statusCode).toBe(401);
      expect((await client.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(401);
    });

    it("without a token, answers /metrics to a local caller only (not one forwarded by a proxy, not another machine)", async () => {
      expect((await open.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(200);
      expect((await open.inject({ method: "GET", url: "/metrics", headers: { "x-forwarded-for": "203.0.113.9" } })).statusCode).toBe(403);
      expect((await open.inject({ method: "GET", url: "/metrics", remoteAddress: "203.0.113.9" })).statusCode).toBe(403);
    });

    it("echoes a caller's X-Request-Id or makes one, and every log line of the request carries it", async () => {
      const given = await client.inject({ method: "GET", url: "/api/plans", headers: { "x-request-id": "proksi-1234.abc" } });
      expect(given.headers["x-request-id"]).toBe("proksi-1234.abc");
      const mine = lines.filter((l) => l.reqId === "proksi-1234.abc");
      expect(mine.map((l) => l.msg)).toEqual(["incoming request", "request completed"]);
      expect(mine[0]?.req?.url).toBe("/api/plans");
      expect(mine[1]?.res?.statusCode).toBe(200);

      const made = await client.inject({ method: "GET", url: "/api/plans" });
      const id = String(made.headers["x-request-id"]);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines.filter((l) => l.reqId === id)).toHaveLength(2);
      // A value that is not a plain token is not logged or echoed: a new id instead.
      const odd = await client.inject({ method: "GET", url: "/api/plans", headers: { "x-request-id": "a b\"}{" } });
      expect(odd.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      // An error answer is logged under its request's id too.
      const failed = await client.inject({ method: "GET", url: "/api/plans/tidak-ada", headers: { "x-request-id": "gagal-1" } });
      expect(failed.statusCode).toBe(404);
      expect(lines.filter((l) => l.reqId === "gagal-1").map((l) => l.msg)).toEqual(["incoming request", "request completed"]);
    });

    it("compresses answers over 1 KB (brotli or gzip as accepted) over real HTTP, and leaves small ones alone", async () => {
      const big = minimalPlan({ title: "Rencana besar", activities: Array.from({ length: 300 }, (_, i) => ({ id: `k${i}`, name: `Kegiatan ${i}`, durationDays: 1, dependsOn: [] })) });
      const created = await client.inject({ method: "POST", url: "/api/plans", payload: big });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      await app.listen({ port: 0, host: "127.0.0.1" });
      const { port } = app.server.address() as AddressInfo;
      const get = (encoding: string, path = `/api/plans/${id}`) =>
        new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
          // node:http, so the answer's bytes arrive as sent (fetch would decode them).
          void import("node:http").then(({ request }) => {
            const req = request({ host: "127.0.0.1", port, path, headers: { cookie: client.cookie, "accept-encoding": encoding } }, (res) => {
              const chunks: Buffer[] = [];
              res.on("data", (c: Buffer) => chunks.push(c));
              res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
            });
            req.on("error", reject);
            req.end();
          });
        });
      const plain = await get("identity");
      expect(plain.headers["content-encoding"]).toBeUndefined();
      const json = JSON.parse(plain.body.toString("utf8")) as { plan: { activities: unknown[] } };
      expect(json.plan.activities).toHaveLength(300);
      const gz = await get("gzip");
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(gz.body.length).toBeLessThan(plain.body.length / 4);
      expect(JSON.parse(gunzipSync(gz.body).toString("utf8"))).toEqual(json);
      const br = await get("br, gzip");
      expect(br.headers["content-encoding"]).toBe("br");
      expect(JSON.parse(brotliDecompressSync(br.body).toString("utf8"))).toEqual(json);
      const small = await get("gzip", "/api/health");
      expect(small.headers["content-encoding"]).toBeUndefined();
      expect(small.body.length).toBeLessThan(1024);
    });
  });
}
