// Housekeeping on a schedule (issue 13, D12): sessions past their idle or absolute timeout,
// sign-in attempts that no longer count, rate-limit counters whose window ended, and audit
// entries older than the retention period are deleted. Every server may run it: each delete is
// idempotent, so two servers running it at once only do the same work twice.
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "./schema.js";
import { signinRepo } from "./signin-repo.js";

export type HygieneOptions = {
  now: number;
  idleTimeoutMs: number;
  /** Failed sign-in attempts older than this no longer count (the throttling window). */
  signinWindowMs: number;
  /** Successful sign-ins are kept this long (they make an address known to the account). */
  knownAddressMs: number;
  /** Audit entries older than this many days are deleted; null keeps them all. */
  auditRetentionDays: number | null;
};

export type HygieneResult = { sessions: number; signinAttempts: number; rateLimits: number; auditEntries: number };

const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;

export async function runHygiene(db: Kysely<DatabaseSchema>, o: HygieneOptions): Promise<HygieneResult> {
  const sessions = await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<=", iso(o.now)), eb("last_seen_at", "<", iso(o.now - o.idleTimeoutMs))]))
    .executeTakeFirst();
  const signinAttempts = await signinRepo(db).deleteOld(o.now - o.signinWindowMs, o.now - o.knownAddressMs);
  const rateLimits = await db.deleteFrom("rate_limit_counters").where("reset_at", "<=", o.now).executeTakeFirst();
  let auditEntries = 0;
  if (o.auditRetentionDays !== null) {
    const r = await db.deleteFrom("audit_log").where("at", "<", iso(o.now - o.auditRetentionDays * DAY)).executeTakeFirst();
    auditEntries = Number(r.numDeletedRows);
  }
  return { sessions: Number(sessions.numDeletedRows), signinAttempts, rateLimits: Number(rateLimits.numDeletedRows), auditEntries };
}

/**
 * RENCANA_AUDIT_RETENTION_DAYS: a whole number of days (at least 30), or "forever"; default 3650
 * (ten years). Anything else is refused at start.
 */
export function parseAuditRetention(value: string | undefined): number | null {
  const v = (value ?? "").trim();
  if (v === "") return 3650;
  if (v === "forever" || v === "selamanya") return null;
  if (/^\d+$/.test(v) && Number(v) >= 30) return Number(v);
  throw new Error(
    `RENCANA_AUDIT_RETENTION_DAYS="${v}" tidak sah: isi jumlah hari (sedikitnya 30) atau "forever" / invalid: give a number of days (at least 30) or "forever"`,
  );
}
