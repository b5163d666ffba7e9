// The review workflow's rows: status moves that keep the document version (submit, initial,
// return) and the event trail of every action (decree numbers: decree-register-repo.ts). Every
// function here takes the transaction it must run in, so a move, its event, its comment and
// its audit entry commit together or not at all.
import type { Kysely } from "kysely";
import { newCommentId } from "./comments-repo.js";
import type { PlanStatus } from "./plans-repo.js";
import type { DatabaseSchema } from "./schema.js";

export const WORKFLOW_ACTIONS = ["submit", "initial", "approve", "return", "withdraw"] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export type WorkflowEvent = {
  id: number;
  planId: string;
  /** The review round (plans.review_cycle) the action belongs to. */
  cycle: number;
  /** The step acted at (1-based position in the review chain); null for a submission. */
  step: number | null;
  userId: string;
  action: WorkflowAction;
  /** The plan version the action was taken on (for an approval: the frozen baseline). */
  version: number;
  comment: string | null;
  at: string;
};

/** The workflow columns a move expects to find: anything else means someone acted first. */
export type WorkflowState = { status: PlanStatus; reviewStep: number | null; reviewCycle: number };

/**
 * Moves the plan from `from` to `to` with one conditional UPDATE, so of two callers acting on
 * the same state (a double click, two reviewers at once) exactly one matches the row; the
 * other gets null. The version is left alone: the document did not change, and the ETag a
 * client holds for editing stays valid.
 */
export async function moveWorkflow(
  q: Kysely<DatabaseSchema>,
  planId: string,
  from: WorkflowState,
  to: WorkflowState,
  at: string,
): Promise<{ version: number; organizationId: string | null } | null> {
  let update = q
    .updateTable("plans")
    .set({ status: to.status, review_step: to.reviewStep, review_cycle: to.reviewCycle, updated_at: at })
    .where("id", "=", planId)
    .where("status", "=", from.status)
    .where("review_cycle", "=", from.reviewCycle);
  update = from.reviewStep === null ? update.where("review_step", "is", null) : update.where("review_step", "=", from.reviewStep);
  const row = await update.returning(["version", "organization_id"]).executeTakeFirst();
  return row ? { version: Number(row.version), organizationId: row.organization_id } : null;
}

/**
 * Takes the plan row's write lock if it is still in `state` at `version` (a no-op UPDATE:
 * portable, unlike SELECT … FOR UPDATE on SQLite). Returns false when it is not.
 */
export async function lockInState(q: Kysely<DatabaseSchema>, planId: string, state: WorkflowState, version: number): Promise<boolean> {
  let update = q
    .updateTable("plans")
    .set((eb) => ({ review_cycle: eb.ref("review_cycle") }))
    .where("id", "=", planId)
    .where("version", "=", version)
    .where("status", "=", state.status)
    .where("review_cycle", "=", state.reviewCycle);
  update = state.reviewStep === null ? update.where("review_step", "is", null) : update.where("review_step", "=", state.reviewStep);
  const r = await update.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Takes the plan row's write lock unless the plan has one of `statuses`; false when it has. */
export async function lockUnlessStatus(q: Kysely<DatabaseSchema>, planId: string, statuses: readonly PlanStatus[]): Promise<boolean> {
  const r = await q
    .updateTable("plans")
    .set((eb) => ({ review_cycle: eb.ref("review_cycle") }))
    .where("id", "=", planId)
    .where("status", "not in", [...statuses])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function recordWorkflowEvent(q: Kysely<DatabaseSchema>, event: Omit<WorkflowEvent, "id">): Promise<void> {
  await q
    .insertInto("workflow_events")
    .values({
      plan_id: event.planId,
      cycle: event.cycle,
      step: event.step,
      user_id: event.userId,
      action: event.action,
      version: event.version,
      comment: event.comment,
      at: event.at,
    })
    .execute();
}

function toAction(s: string): WorkflowAction {
  return (WORKFLOW_ACTIONS as readonly string[]).includes(s) ? (s as WorkflowAction) : "submit";
}

/** The version the plan was first approved at, if it ever was. */
export async function firstApprovedVersion(q: Kysely<DatabaseSchema>, planId: string): Promise<number | undefined> {
  const row = await q.selectFrom("workflow_events").select("version").where("plan_id", "=", planId).where("action", "=", "approve").orderBy("id").executeTakeFirst();
  return row ? Number(row.version) : undefined;
}

/** The plan's workflow events, oldest first. */
export async function listWorkflowEvents(q: Kysely<DatabaseSchema>, planId: string): Promise<WorkflowEvent[]> {
  const rows = await q.selectFrom("workflow_events").selectAll().where("plan_id", "=", planId).orderBy("id").execute();
  return rows.map((r) => ({
    id: Number(r.id),
    planId: r.plan_id,
    cycle: Number(r.cycle),
    step: r.step === null ? null : Number(r.step),
    userId: r.user_id,
    action: toAction(r.action),
    version: Number(r.version),
    comment: r.comment,
    at: r.at,
  }));
}

/** The reason for returning a plan, kept as a plan comment (on the whole plan, at its current version). */
export async function recordReturnComment(q: Kysely<DatabaseSchema>, c: { planId: string; authorId: string; body: string; version: number; at: string }): Promise<string> {
  const id = newCommentId(Date.parse(c.at));
  await q
    .insertInto("comments")
    .values({ id, plan_id: c.planId, author_id: c.authorId, stage: null, item_ref: null, body: c.body, version: c.version, resolved_at: null, resolved_by: null, created_at: c.at })
    .execute();
  return id;
}
