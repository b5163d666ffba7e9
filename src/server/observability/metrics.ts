// Prometheus metrics at GET /metrics (prom-client, one registry per app): requests counted and
// timed by method, route template and status; the PostgreSQL pool's connections (total, idle,
// waiting); the event loop's lag and the process's defaults (CPU, memory, GC). Access: with
// RENCANA_METRICS_TOKEN set (or `metrics.token`), only `Authorization: Bearer <token>`; without
// one, only a caller on this machine that came straight in (loopback, no forwarding header — a
// reverse proxy on the same host forwards strangers). Policy kind "metrics" in auth/policy.ts.
import { timingSafeEqual, createHash } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Database } from "../../store/database.js";
import { apiError } from "../errors.js";
import { policies } from "../auth/policy.js";

export type MetricsOptions = { /** Bearer token that may read /metrics; default RENCANA_METRICS_TOKEN. */ token?: string };

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Throws 401 (token configured, not given) or 403 (no token configured, not a local caller). */
export function checkMetricsAccess(request: FastifyRequest, token: string | undefined): void {
  if (token) {
    const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1] ?? "";
    // Compared as digests: equal length, constant time.
    if (!timingSafeEqual(digest(given), digest(token))) throw apiError("auth.required");
    return;
  }
  const forwarded = request.headers["x-forwarded-for"] !== undefined || request.headers.forwarded !== undefined;
  if (forwarded || !LOOPBACK.has(request.socket.remoteAddress ?? "")) throw apiError("auth.forbidden");
}

export function resolveMetricsToken(options: MetricsOptions | undefined): string | undefined {
  return options?.token ?? (process.env.RENCANA_METRICS_TOKEN || undefined);
}

export function installMetrics(app: FastifyInstance, database: Database): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ["method", "route", "status"] as const;
  const requests = new Counter({ name: "rencana_http_requests_total", help: "HTTP requests answered, by method, route template and status", labelNames, registers: [registry] });
  const durations = new Histogram({
    name: "rencana_http_request_duration_seconds",
    help: "Time from receiving a request to its answer, by method, route template and status",
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const stats = database.poolStats;
  if (stats) {
    new Gauge({
      name: "rencana_db_pool_connections",
      help: "PostgreSQL pool connections by state (total open, idle, requests waiting for one)",
      labelNames: ["state"],
      registers: [registry],
      collect() {
        const s = stats();
        this.set({ state: "total" }, s.total);
        this.set({ state: "idle" }, s.idle);
        this.set({ state: "waiting" }, s.waiting);
      },
    });
  }
  app.addHook("onResponse", async (request, reply) => {
    // The route's template (/api/plans/:id), never the raw URL: the label set stays small.
    const labels = { method: request.method, route: request.routeOptions.url ?? "unmatched", status: String(reply.statusCode) };
    requests.inc(labels);
    durations.observe(labels, reply.elapsedTime / 1000);
  });
  app.get("/metrics", { schema: { hide: true }, config: { policy: policies.metrics } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
