// Rate limits shared by every server process: one counter row per key in the database
// (`rate_limit_counters`), counted up by a single INSERT … ON CONFLICT DO UPDATE … RETURNING, so
// two servers on one PostgreSQL (or two processes on one SQLite file) never allow twice the rate.
// `hitRateLimit` is the helper for any limit; `dbRateLimitStore` plugs it into @fastify/rate-limit.
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import { sql, type Kysely } from "kysely";
import type { DatabaseSchema } from "../../store/schema.js";

export type RateLimitHit = { /** Requests in this window, this one included. */ count: number; /** Milliseconds until the window ends. */ ttlMs: number };

/** Keys longer than this are cut (an address or an id never is; a route path might be). */
const MAX_KEY = 300;

/**
 * Counts one request against `key` in a fixed window of `windowMs` and returns the count so far.
 * Atomic on both databases: concurrent hits from any number of processes each get a distinct count.
 */
export async function hitRateLimit(db: Kysely<DatabaseSchema>, key: string, windowMs: number, now = Date.now()): Promise<RateLimitHit> {
  const k = key.slice(0, MAX_KEY);
  const resetAt = now + windowMs;
  const row = await db
    .insertInto("rate_limit_counters")
    .values({ key: k, count: 1, reset_at: resetAt })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql<number>`case when rate_limit_counters.reset_at <= ${now} then 1 else rate_limit_counters.count + 1 end`,
        reset_at: sql<number>`case when rate_limit_counters.reset_at <= ${now} then ${resetAt} else rate_limit_counters.reset_at end`,
      }),
    )
    .returning(["count", "reset_at"])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), ttlMs: Math.max(0, Number(row.reset_at) - now) };
}

/**
 * A store for @fastify/rate-limit backed by `hitRateLimit`. Each route gets its own namespace
 * (method and URL pattern), so the sign-in limit and the document limit do not share a count.
 */
export function dbRateLimitStore(db: Kysely<DatabaseSchema>, now: () => number = Date.now): FastifyRateLimitStoreCtor {
  class DbStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly namespace = "global",
    ) {}
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      hitRateLimit(db, `${this.namespace}|${key}`, timeWindow, now()).then(
        (hit) => callback(null, { current: hit.count, ttl: hit.ttlMs }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }
    child(routeOptions: { method?: string | string[]; url?: string; path?: string; routeInfo?: { method?: string | string[]; url?: string } }): FastifyRateLimitStore {
      const info = routeOptions.routeInfo ?? routeOptions;
      const method = [info.method ?? ""].flat().join(",");
      return new DbStore(undefined, `${method} ${info.url ?? routeOptions.path ?? ""}`);
    }
  }
  return DbStore as unknown as FastifyRateLimitStoreCtor;
}
