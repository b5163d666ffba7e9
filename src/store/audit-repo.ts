// The audit log: who did what, when, to which plan and revision. Entries are written in the
// same transaction as the change they record, so a change without its entry cannot exist.
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "./schema.js";

export const AUDIT_ACTIONS = [
  "plan.create",
  "plan.import",
  "plan.update",
  "plan.archive",
  "plan.restore",
  "plan.submit",
  "plan.initial",
  "plan.approve",
  "plan.return",
  "plan.withdraw",
  "plan.team",
  "realization.report",
  "public_page.publish",
  "public_page.withdraw",
  "complaint.update",
  "comment.create",
  "comment.resolve",
  "user.create",
  "user.update",
  "unit.create",
  "unit.update",
  "settings.update",
  "decree.void",
  "certificate.update",
  "certificate.delete",
  "calendar.update",
  "session.signin",
  "session.signin_failed",
  "session.signout",
  "session.revoke_all",
  "session.end",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntry = {
  organizationId: string | null;
  planId?: string | null;
  userId: string | null;
  action: AuditAction;
  version?: number | null;
  /** What changed; never a password or a token. */
  detail?: Record<string, unknown>;
  at?: string;
};

export type AuditRow = {
  id: number;
  at: string;
  organizationId: string | null;
  planId: string | null;
  userId: string | null;
  action: string;
  version: number | null;
  detail: Record<string, unknown>;
};

export async function recordAudit(q: Kysely<DatabaseSchema>, entry: AuditEntry): Promise<void> {
  await q
    .insertInto("audit_log")
    .values({
      organization_id: entry.organizationId,
      plan_id: entry.planId ?? null,
      user_id: entry.userId,
      action: entry.action,
      version: entry.version ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      at: entry.at ?? new Date().toISOString(),
    })
    .execute();
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export type AuditQuery = { organizationId: string; planId?: string; limit?: number; /** Entries with a smaller id (paging backwards). */ beforeId?: number };

export function auditRepo(db: Kysely<DatabaseSchema>) {
  return {
    record: (entry: AuditEntry) => recordAudit(db, entry),
    /** Newest first. */
    async list(query: AuditQuery): Promise<AuditRow[]> {
      let q = db.selectFrom("audit_log").selectAll().where("organization_id", "=", query.organizationId);
      if (query.planId !== undefined) q = q.where("plan_id", "=", query.planId);
      if (query.beforeId !== undefined) q = q.where("id", "<", query.beforeId);
      const rows = await q.orderBy("id", "desc").limit(Math.min(Math.max(query.limit ?? 100, 1), 500)).execute();
      return rows.map((r) => ({
        id: Number(r.id),
        at: r.at,
        organizationId: r.organization_id,
        planId: r.plan_id,
        userId: r.user_id,
        action: r.action,
        version: r.version === null ? null : Number(r.version),
        detail: parseDetail(r.detail),
      }));
    },
  };
}
