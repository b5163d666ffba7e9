// Live events of one plan: GET /plans/:id/events (Server-Sent Events) and the presence
// heartbeat POST /plans/:id/presence. Both are for whoever may read the plan; the policy hook
// checks that before the handler runs, and the hub re-checks while the stream is open.
import type { FastifyPluginAsync } from "fastify";
import { requireAuth } from "../auth/context.js";
import { policies } from "../auth/policy.js";
import { apiError } from "../errors.js";
import { parseInput } from "../plans/routes.js";
import { langQuery, planIdParams } from "../plans/schema.js";
import type { RealtimeHub } from "./hub.js";
import { eventsQuery, parseLastEventId, presenceBody, realtimeDocs } from "./schema.js";

export type RealtimeRoutesOptions = { hub: RealtimeHub };

/** How long a browser waits before reconnecting a dropped stream (the SSE `retry` field). */
const RETRY_MS = 2000;

export const realtimeRoutes: FastifyPluginAsync<RealtimeRoutesOptions> = async (app, { hub }) => {
  app.get("/plans/:id/events", { schema: realtimeDocs.events, config: { policy: policies.plan("read") } }, async (request, reply) => {
    const { id } = parseInput(planIdParams, request.params);
    const { since } = parseInput(eventsQuery, request.query);
    const auth = requireAuth(request.auth);
    const limit = hub.limitFor(auth.user.id);
    if (limit === "user") {
      throw apiError("events.too_many", { detail: { id: "terlalu banyak aliran langsung yang terbuka untuk akun ini; tutup tab lain lalu muat ulang", en: "too many live streams are open for this account; close other tabs and reload" } });
    }
    if (limit === "server") throw apiError("events.too_many", { detail: { id: "server sedang melayani terlalu banyak aliran langsung; coba lagi sebentar lagi", en: "the server is serving too many live streams; try again shortly" } });
    const lastEventId = parseLastEventId(request.headers["last-event-id"]);
    reply.hijack();
    const res = reply.raw;
    // Headers set by hooks (security headers, rate-limit counters) go out with the stream's own.
    const hookHeaders = Object.fromEntries(Object.entries(reply.getHeaders()).filter((e): e is [string, string | number | string[]] => e[1] !== undefined));
    res.writeHead(200, {
      ...hookHeaders,
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      // nginx would otherwise buffer the stream.
      "x-accel-buffering": "no",
    });
    res.write(`retry: ${RETRY_MS}\n\n`);
    await hub.open(id, auth, res, lastEventId ?? since);
    return reply;
  });

  app.post("/plans/:id/presence", { schema: realtimeDocs.presence, config: { policy: policies.plan("read") } }, async (request) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const { stage, itemRef } = parseInput(presenceBody, request.body);
    const auth = requireAuth(request.auth);
    return { users: hub.heartbeatPresence(id, { id: auth.user.id, name: auth.user.name }, stage, itemRef ?? null) };
  });
};
