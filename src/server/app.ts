// The HTTP application: JSON API under /api (OpenAPI at /api/docs), and the built web app
// (dist/web) for every other path. Routes are registered here, one line per resource.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyServerOptions } from "fastify";
import { sql } from "kysely";
import type { Database } from "../store/database.js";
import { migrations } from "../store/migrations/index.js";
import { peopleRepo } from "../store/people-repo.js";
import { plansRepo } from "../store/plans-repo.js";
import { RealtimeHub, type RealtimeOptions } from "./realtime/hub.js";
import { registerRoutes } from "./register/routes.js";
import { realtimeRoutes } from "./realtime/routes.js";
import { realizationRoutes } from "./realization/routes.js";
import { publicRoutes } from "./public/routes.js";
import { serviceRoutes } from "./public/plan-routes.js";
import { resolvePublicFormOptions, type PublicFormOptions } from "./public/guard.js";
import { pgTransport } from "./realtime/transport.js";
import "./auth/context.js";
import { enforcePolicies, policies, recordRoutePolicies, type RouteEntry } from "./auth/policy.js";
import { installSessionHook, resolveAuthOptions, sessionRoutes, type AuthOptions } from "./auth/sessions.js";
import { ApiError, apiError, errorBody, requestLang } from "./errors.js";
import { documentRoutes } from "./documents/routes.js";
import { renderPool, type DocumentLimits } from "./documents/render-pool.js";
import { archiver } from "./verification/archive.js";
import { calendarRoutes } from "./calendar/routes.js";
import { verificationRoutes } from "./verification/routes.js";
import { commentRoutes } from "./comments/routes.js";
import { historyRoutes } from "./history/routes.js";
import { peopleRoutes } from "./people/routes.js";
import { plansRoutes } from "./plans/routes.js";
import { scheduleRoutes } from "./schedule/routes.js";
import { workflowRoutes } from "./workflow/routes.js";
import { planJsonSchema } from "./plans/schema.js";
import { jsonDepthExceeds, jsonTooDeep } from "./limits/json-depth.js";
import { fastifyTrustProxy, parseTrustProxy } from "./limits/trust-proxy.js";
import { dbRateLimitStore } from "./limits/db-rate-limit.js";
import { parseAuditRetention, runHygiene } from "../store/hygiene.js";
import { checkMetricsAccess, installMetrics, resolveMetricsToken, type MetricsOptions } from "./observability/metrics.js";

export type AppOptions = {
  db: Database;
  logger?: FastifyServerOptions["logger"] | FastifyBaseLogger;
  /** Largest accepted plan body (create, replace, patch, import) in bytes (default 8 MiB: a large plan is well under 1 MiB). */
  bodyLimit?: number;
  /** Largest accepted body of every other route (default 256 KiB). */
  defaultBodyLimit?: number;
  /** Folder of the built web app; default dist/web of the project; false to serve none. */
  webRoot?: string | false;
  /** Session timeouts, sign-in throttling, rate limits, cookie flags (and a clock for tests). */
  auth?: AuthOptions;
  /** Live event streams: heartbeat, connection limits, presence timeout. */
  realtime?: RealtimeOptions;
  /** Time and memory limits and concurrency caps of document rendering. */
  documents?: DocumentLimits;
  /** Scheduled clean-up of expired sessions, old sign-in attempts and audit entries (D12). */
  hygiene?: {
    /** How often (default hourly; false: never, e.g. in tests that count rows). */
    intervalMs?: number | false;
    /** Audit entries older than this many days are deleted (default RENCANA_AUDIT_RETENTION_DAYS, else 3650; null keeps all). */
    auditRetentionDays?: number | null;
  };
  /** Seals the organisations' signing certificates at rest (default: RENCANA_SECRET_KEY). */
  secretKey?: string;
  /** Who may read /metrics (a bearer token; default RENCANA_METRICS_TOKEN). */
  metrics?: MetricsOptions;
  /** The public forms: minimum fill time, per-address limits per hour (and a clock for tests). */
  publicForms?: PublicFormOptions;
};

declare module "fastify" {
  interface FastifyInstance {
    /** Every route with its policy, as registered (the authorisation matrix test reads it). */
    routeTable: RouteEntry[];
    /** The live event hub: routes publish workflow, comment and access changes to it. */
    realtime: RealtimeHub;
  }
}

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url)); // same from src/server and dist/server
export const DEFAULT_WEB_ROOT = join(PROJECT_ROOT, "dist", "web");
export const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;
/** Every route but the plan writes: sign-in, comments, users, settings are small. */
export const DEFAULT_SMALL_BODY_LIMIT = 256 * 1024;

/** A caller's X-Request-Id is kept when it is a plain token; otherwise the request gets a new UUID. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestId(header: string | string[] | undefined): string {
  return typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const loggerOption = options.logger ?? false;
  const app = Fastify({
    ...(typeof loggerOption === "object" && loggerOption !== null && "child" in loggerOption
      ? { loggerInstance: loggerOption as FastifyBaseLogger }
      : { logger: loggerOption as FastifyServerOptions["logger"] }),
    bodyLimit: options.defaultBodyLimit ?? DEFAULT_SMALL_BODY_LIMIT,
    // Behind a reverse proxy the client's address comes from X-Forwarded-For (rate limits key on it).
    // Only as many hops as configured, or only the listed proxies (never every sender).
    trustProxy: fastifyTrustProxy(parseTrustProxy(process.env.RENCANA_TRUST_PROXY)),
    // Every log line of a request carries its id (`reqId`): the proxy's X-Request-Id, or a new one.
    requestIdHeader: false,
    genReqId: (req) => requestId(req.headers["x-request-id"]),
  });
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  const authOptions = resolveAuthOptions(options.auth);
  const routeTable = recordRoutePolicies(app);
  app.decorate("routeTable", routeTable);

  // Inputs are validated in the handlers with zod (so errors use our catalog); route schemas
  // only document the API. Responses are plain JSON.stringify, never filtered by a schema.
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  // Our JSON parser: malformed JSON becomes our 400 `json.invalid`, not Fastify's default error.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser(["application/json", "application/json-patch+json"], { parseAs: "string" }, (_request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (text.trim() === "") return done(null, undefined);
    if (jsonDepthExceeds(text)) return done(jsonTooDeep(), undefined);
    try {
      done(null, JSON.parse(text));
    } catch (e) {
      // V8 quotes part of the body in its message ("…"password": secret"…"): keep only the reason, never echo a password.
      const reason = (e as Error).message.replace(/,\s*(?:\.\.\.)?".*$/s, "");
      done(apiError("json.invalid", { errors: [{ path: "", code: "json.invalid", message: { id: `bukan JSON yang sah: ${reason}`, en: `not valid JSON: ${reason}` } }] }), undefined);
    }
  });
  app.addContentTypeParser(["application/xml", "text/xml"], { parseAs: "string" }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const lang = requestLang(request);
    let e: ApiError;
    if (error instanceof ApiError) e = error;
    else if (error.statusCode === 413 || (error as FastifyError).code === "FST_ERR_CTP_BODY_TOO_LARGE") e = apiError("body.too_large");
    else if (error.statusCode === 429) e = apiError("rate_limited");
    else if (error.statusCode === 415) e = apiError("media_type.unsupported");
    else if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      e = apiError("request.invalid", { errors: [{ path: "", code: "request.invalid", message: { id: error.message, en: error.message } }] });
    } else {
      request.log.error({ err: error }, "unhandled error");
      e = apiError("internal");
    }
    const retryAfter = e.options.extra?.retryAfterSeconds;
    if (typeof retryAfter === "number" && !reply.hasHeader("retry-after")) reply.header("retry-after", String(retryAfter));
    return reply.code(e.status).send(errorBody(e, lang));
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React sets style attributes; the API docs page uses inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    // Downloads (DOCX, PDF) are opened by other programs; no need to isolate them cross-origin.
    crossOriginEmbedderPolicy: false,
  });
  // Answers over 1 KB are compressed (br, gzip or deflate, as the client accepts): a large plan's
  // JSON shrinks about tenfold. Event streams write to the socket themselves and are not touched.
  await app.register(fastifyCompress, { threshold: 1024, globalDecompression: false });
  // Counted in the database, so every server process shares one count per key (D5).
  await app.register(fastifyRateLimit, { global: false, store: dbRateLimitStore(options.db.db, authOptions.now) });
  // An unknown API path (or a write to one outside it) is answered before its body is read.
  // With a body, the connection closes after the answer, so the rest of the upload is never read.
  app.addHook("onRequest", async (request, reply) => {
    if (!request.is404) return;
    const path = request.url.split("?")[0] ?? "";
    if (path.startsWith("/api") || (request.method !== "GET" && request.method !== "HEAD")) {
      if (request.headers["content-length"] !== undefined || request.headers["transfer-encoding"] !== undefined) reply.header("connection", "close");
      throw apiError("not_found");
    }
  });
  const people = peopleRepo(options.db.db);
  const database = options.db;
  const openListener = database.openListener;
  const hub = new RealtimeHub({
    repo: plansRepo(database.db),
    people,
    options: options.realtime,
    idleTimeoutMs: authOptions.idleTimeoutMs,
    now: authOptions.now,
    log: (message, err) => app.log.warn({ err }, message),
    // Several server processes share a PostgreSQL database: events travel by LISTEN/NOTIFY.
    ...(openListener ? { transport: (receiver, origin) => pgTransport(receiver, { db: database.db, openListener, origin, log: (message, err) => app.log.warn({ err }, message) }) } : {}),
  });
  app.decorate("realtime", hub);
  // Streams end before the server stops waiting for its connections.
  app.addHook("preClose", async () => hub.close());
  // Every accepted versioned write reaches the live streams from this one place.
  const repo = plansRepo(database.db, { onCommitted: hub.committed });
  installSessionHook(app, people, authOptions);

  // Every API answer, downloads included, is private to its user and changes: never stored by a cache (D11).
  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api") && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
  });

  // Housekeeping on a schedule: expired sessions, sign-in attempts that no longer count, ended
  // rate-limit windows, audit entries past the retention period (D12).
  const auditRetentionDays = options.hygiene?.auditRetentionDays !== undefined ? options.hygiene.auditRetentionDays : parseAuditRetention(process.env.RENCANA_AUDIT_RETENTION_DAYS);
  const hygieneEvery = options.hygiene?.intervalMs ?? 3_600_000;
  if (hygieneEvery !== false) {
    const clean = () =>
      runHygiene(database.db, { now: authOptions.now(), idleTimeoutMs: authOptions.idleTimeoutMs, signinWindowMs: authOptions.signinWindowMs, knownAddressMs: authOptions.knownAddressMs, auditRetentionDays }).catch((err: unknown) =>
        app.log.warn({ err }, "housekeeping failed"),
      );
    const first = setTimeout(() => void clean(), Math.min(hygieneEvery, 60_000));
    const timer = setInterval(() => void clean(), hygieneEvery);
    first.unref();
    timer.unref();
    app.addHook("onClose", async () => {
      clearTimeout(first);
      clearInterval(timer);
    });
  }
  const metricsToken = resolveMetricsToken(options.metrics);
  enforcePolicies(app, repo, (request) => checkMetricsAccess(request, metricsToken));
  installMetrics(app, database);

  app.addSchema(planJsonSchema);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: { title: "Rencana Layanan API", version: "1", description: "Plans in format v1 (docs/plan-format.md). Error codes: src/server/errors.md." },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  // Liveness: the process answers. Readiness: the database answers and every migration this
  // build knows has run (a proxy or orchestrator sends traffic only to a ready server).
  app.get("/api/health", { schema: { hide: true }, config: { policy: policies.public } }, async () => ({ ok: true }));
  app.get("/api/ready", { schema: { hide: true }, config: { policy: policies.public } }, async (_request, reply) => {
    let applied: Set<string>;
    try {
      const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(options.db.db);
      applied = new Set(rows.rows.map((r) => r.name));
    } catch {
      return reply.code(503).send({ ok: false, reason: "database" });
    }
    const pending = migrations.filter((m) => !applied.has(m.name)).map((m) => m.name);
    return pending.length > 0 ? reply.code(503).send({ ok: false, reason: "migrations", pending }) : { ok: true };
  });
  await app.register(sessionRoutes, { prefix: "/api", database: options.db, options: authOptions });
  await app.register(plansRoutes, { prefix: "/api", repo, people, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT });
  await app.register(scheduleRoutes, { prefix: "/api", repo, database: options.db });
  await app.register(calendarRoutes, { database: options.db, now: authOptions.now });
  const pool = renderPool(options.documents);
  const secretKey = options.secretKey ?? (process.env.RENCANA_SECRET_KEY?.trim() || undefined);
  const archive = archiver({ database: options.db, repo, people, pool, secretKey, log: app.log, now: authOptions.now ?? Date.now });
  // The archive queue finishes (or drops what has not started) before the rendering workers stop.
  app.addHook("onClose", async () => {
    await archive.close();
    await pool.close();
  });
  await app.register(workflowRoutes, { prefix: "/api", database: options.db, repo, people, now: authOptions.now, archive });
  await app.register(documentRoutes, { prefix: "/api", repo, people, perMinute: authOptions.documentsPerMinute, pool, database: options.db, archive, now: authOptions.now });
  await app.register(verificationRoutes, { database: options.db, secretKey, now: authOptions.now });
  await app.register(peopleRoutes, { prefix: "/api", database: options.db, now: authOptions.now });
  await app.register(commentRoutes, { prefix: "/api", database: options.db, repo, people });
  await app.register(historyRoutes, { prefix: "/api", database: options.db, repo, people });
  await app.register(realtimeRoutes, { prefix: "/api", hub });
  await app.register(registerRoutes, { prefix: "/api", database: options.db, people, now: authOptions.now });
  await app.register(realizationRoutes, { prefix: "/api", database: options.db, repo, now: authOptions.now });
  await app.register(serviceRoutes, { prefix: "/api", database: options.db, repo, now: authOptions.now });
  await app.register(publicRoutes, { database: options.db, options: resolvePublicFormOptions(options.publicForms) });

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const serveWeb = webRoot !== false && existsSync(join(webRoot, "index.html"));
  if (serveWeb) await app.register(fastifyStatic, { root: webRoot, prefix: "/" });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    // Client-side routes of the single-page app fall back to index.html.
    if (serveWeb && !path.startsWith("/api") && (request.method === "GET" || request.method === "HEAD")) {
      return reply.type("text/html").sendFile("index.html");
    }
    const e = apiError("not_found");
    return reply.code(e.status).send(errorBody(e, requestLang(request)));
  });

  return app;
}
