// The rate-limit counters every server process shares (`rate_limit_counters`): one row per key,
// counted up by a single INSERT … ON CONFLICT DO UPDATE … RETURNING, so concurrent hits from any
// number of processes each get a distinct count.
import { sql, type Kysely } from "kysely";
import type { DatabaseSchema } from "./schema.js";

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

