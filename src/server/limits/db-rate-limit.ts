// Rate limits shared by every server process: one counter row per key in the database
// (`rate_limit_counters`), counted up by a single INSERT … ON CONFLICT DO UPDATE … RETURNING, so
// two servers on one PostgreSQL (or two processes on one SQLite file) never allow twice the rate.
// `hitRateLimit` (src/store/rate-limit-repo.ts) is the helper for any limit; `dbRateLimitStore`
// plugs it into @fastify/rate-limit.
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import type { Kysely } from "kysely";
import { hitRateLimit } from "../../store/rate-limit-repo.js";
import type { DatabaseSchema } from "../../store/schema.js";

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
