// Sign-in attempts (issue 13, D4/D9): each attempt is a row written before the password is
// checked, in one transaction with the count it is checked against, so twenty guesses sent at
// once to two servers still count one by one. The transaction takes a lock per account and per
// address first (BEGIN IMMEDIATE on SQLite; transaction-scoped advisory locks on PostgreSQL),
// so of two attempts the second always sees the first.
import { SqliteAdapter, sql, type Kysely } from "kysely";
import { normalizeEmail } from "./people-repo.js";
import { writeTransaction } from "./plans-repo.js";
import type { DatabaseSchema } from "./schema.js";

export type SigninLimits = {
  /** Failed attempts per account from one address within the window (default 5). */
  perAccountAndAddress: number;
  /** Failed attempts from one address over all accounts within the window (default 30). */
  perAddress: number;
  /** Failed attempts on one account over all addresses within the window; addresses the account signed in from before are exempt (default 20). */
  perAccount: number;
  windowMs: number;
  /** How long a successful sign-in makes its address "known" for the account (default 30 days). */
  knownAddressMs: number;
};

export type SigninDecision =
  | { allowed: true; attemptId: number }
  | { allowed: false; limit: "account_address" | "address" | "account"; retryAfterSeconds: number };

const iso = (ms: number) => new Date(ms).toISOString();
const COUNTED = ["pending", "failed"] as const;

async function lockKeys(q: Kysely<DatabaseSchema>, keys: string[]): Promise<void> {
  if (q.getExecutor().adapter instanceof SqliteAdapter) return; // BEGIN IMMEDIATE already holds the only write lock
  // Always in the same order (account, then address): two attempts never wait for each other in a cycle.
  for (const key of keys) await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(q);
}

/** Seconds until enough counted attempts (oldest first) have left the window for one more to fit under `max`. */
function retryAfter(times: string[], max: number, windowMs: number, now: number): number {
  const leaving = times[times.length - max] ?? times[0] ?? iso(now);
  return Math.max(1, Math.ceil((Date.parse(leaving) + windowMs - now) / 1000));
}

export function signinRepo(db: Kysely<DatabaseSchema>) {
  return {
    /**
     * Records the attempt as pending if every limit still has room, in one transaction with the
     * counts; otherwise records nothing and says which limit is full and for how long.
     */
    async begin(emailRaw: string, ip: string, now: number, limits: SigninLimits): Promise<SigninDecision> {
      const email = normalizeEmail(emailRaw);
      const since = iso(now - limits.windowMs);
      return writeTransaction(db, async (q) => {
        await lockKeys(q, [`signin:account:${email}`, `signin:address:${ip}`]);
        const times = (rows: { at: string }[]) => rows.map((r) => r.at);
        const base = () => q.selectFrom("signin_attempts").select("at").where("outcome", "in", COUNTED).where("at", ">=", since).orderBy("at");
        const pair = times(await base().where("email", "=", email).where("ip", "=", ip).execute());
        if (pair.length >= limits.perAccountAndAddress) {
          return { allowed: false, limit: "account_address", retryAfterSeconds: retryAfter(pair, limits.perAccountAndAddress, limits.windowMs, now) } as const;
        }
        const address = times(await base().where("ip", "=", ip).limit(limits.perAddress + 50).execute());
        if (address.length >= limits.perAddress) {
          return { allowed: false, limit: "address", retryAfterSeconds: retryAfter(address, limits.perAddress, limits.windowMs, now) } as const;
        }
        const account = times(await base().where("email", "=", email).limit(limits.perAccount + 50).execute());
        if (account.length >= limits.perAccount) {
          const known = await q
            .selectFrom("signin_attempts")
            .select("id")
            .where("email", "=", email)
            .where("ip", "=", ip)
            .where("outcome", "=", "ok")
            .where("at", ">=", iso(now - limits.knownAddressMs))
            .executeTakeFirst();
          if (!known) return { allowed: false, limit: "account", retryAfterSeconds: retryAfter(account, limits.perAccount, limits.windowMs, now) } as const;
        }
        const row = await q.insertInto("signin_attempts").values({ email, ip, at: iso(now), outcome: "pending" }).returning("id").executeTakeFirstOrThrow();
        return { allowed: true, attemptId: Number(row.id) } as const;
      });
    },

    /** The password was wrong (or the account unknown or disabled): the attempt counts. */
    async failed(attemptId: number): Promise<void> {
      await db.updateTable("signin_attempts").set({ outcome: "failed" }).where("id", "=", attemptId).execute();
    },

    /** Signed in: this address's failures on this account no longer count, and the address is known. */
    async succeeded(attemptId: number, emailRaw: string, ip: string): Promise<void> {
      const email = normalizeEmail(emailRaw);
      await writeTransaction(db, async (q) => {
        await q.deleteFrom("signin_attempts").where("email", "=", email).where("ip", "=", ip).where("outcome", "in", COUNTED).where("id", "!=", attemptId).execute();
        await q.updateTable("signin_attempts").set({ outcome: "ok" }).where("id", "=", attemptId).execute();
      });
    },

    /** Hygiene: failed attempts older than `failedBefore`, successes older than `okBefore`. */
    async deleteOld(failedBefore: number, okBefore: number): Promise<number> {
      const a = await db.deleteFrom("signin_attempts").where("outcome", "in", COUNTED).where("at", "<", iso(failedBefore)).executeTakeFirst();
      const b = await db.deleteFrom("signin_attempts").where("outcome", "=", "ok").where("at", "<", iso(okBefore)).executeTakeFirst();
      const c = await db.deleteFrom("signin_failures").where("at", "<", iso(failedBefore)).executeTakeFirst();
      return Number(a.numDeletedRows) + Number(b.numDeletedRows) + Number(c.numDeletedRows);
    },
  };
}
