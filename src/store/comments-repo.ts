// Plan comments: remarks on a plan as a whole, on one stage, or on one item (e.g. activity k3),
// made during drafting and review. The only place that reads and writes comment rows; every
// write records its audit entry in the same transaction.
import { randomBytes } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import { recordAudit } from "./audit-repo.js";
import { writeTransaction, type Actor } from "./plans-repo.js";
import type { CommentsTable, DatabaseSchema } from "./schema.js";

export type PlanComment = {
  id: string;
  planId: string;
  authorId: string;
  stage: string | null;
  itemRef: string | null;
  body: string;
  /** The plan version the comment was made on. */
  version: number;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
};

export type NewComment = { planId: string; stage: string | null; itemRef: string | null; body: string; version: number };

let lastMs = 0;
let seqInMs = 0;

/**
 * Time-ordered ids (ms timestamp, a per-millisecond sequence, then randomness, all lower-case
 * base 36 of fixed width): comments made in the same millisecond still list in the order they
 * were made, on both databases.
 */
export function newCommentId(nowMs = Date.now()): string {
  if (nowMs > lastMs) {
    lastMs = nowMs;
    seqInMs = 0;
  } else seqInMs++;
  const random = [...randomBytes(6)].map((b) => (b % 36).toString(36)).join("");
  return `${lastMs.toString(36).padStart(9, "0")}${seqInMs.toString(36).padStart(3, "0")}${random}`;
}

function toComment(r: Selectable<CommentsTable>): PlanComment {
  return {
    id: r.id,
    planId: r.plan_id,
    authorId: r.author_id,
    stage: r.stage,
    itemRef: r.item_ref,
    body: r.body,
    version: Number(r.version),
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
  };
}

export type CommentsRepo = ReturnType<typeof commentsRepo>;

export function commentsRepo(db: Kysely<DatabaseSchema>) {
  return {
    /** Oldest first (newest last), as a conversation reads. */
    async list(planId: string, filter: { stage?: string; itemRef?: string } = {}): Promise<PlanComment[]> {
      let q = db.selectFrom("comments").selectAll().where("plan_id", "=", planId);
      if (filter.stage !== undefined) q = q.where("stage", "=", filter.stage);
      if (filter.itemRef !== undefined) q = q.where("item_ref", "=", filter.itemRef);
      const rows = await q.orderBy("created_at").orderBy("id").execute();
      return rows.map(toComment);
    },

    /** The comment only if it belongs to this plan. */
    async get(planId: string, commentId: string): Promise<PlanComment | undefined> {
      const r = await db.selectFrom("comments").selectAll().where("id", "=", commentId).where("plan_id", "=", planId).executeTakeFirst();
      return r ? toComment(r) : undefined;
    },

    async create(comment: NewComment, actor: Actor & { userId: string }): Promise<PlanComment> {
      const at = new Date().toISOString();
      const created: PlanComment = { id: newCommentId(), ...comment, authorId: actor.userId, createdAt: at, resolvedAt: null, resolvedBy: null };
      await writeTransaction(db, async (trx) => {
        await trx
          .insertInto("comments")
          .values({
            id: created.id,
            plan_id: created.planId,
            author_id: created.authorId,
            stage: created.stage,
            item_ref: created.itemRef,
            body: created.body,
            version: created.version,
            resolved_at: null,
            resolved_by: null,
            created_at: at,
          })
          .execute();
        await recordAudit(trx, {
          organizationId: actor.organizationId,
          planId: created.planId,
          userId: actor.userId,
          action: "comment.create",
          version: created.version,
          detail: { commentId: created.id, stage: created.stage, itemRef: created.itemRef },
          at,
        });
      });
      return created;
    },

    /**
     * Marks the comment resolved. Resolving an already resolved comment changes nothing (and
     * writes no audit entry): two reviewers clicking at once both see it resolved.
     */
    async resolve(planId: string, commentId: string, actor: Actor & { userId: string }): Promise<PlanComment | undefined> {
      return writeTransaction(db, async (trx) => {
        const at = new Date().toISOString();
        const updated = await trx
          .updateTable("comments")
          .set({ resolved_at: at, resolved_by: actor.userId })
          .where("id", "=", commentId)
          .where("plan_id", "=", planId)
          .where("resolved_at", "is", null)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 1) {
          const plan = await trx.selectFrom("plans").select("version").where("id", "=", planId).executeTakeFirst();
          await recordAudit(trx, {
            organizationId: actor.organizationId,
            planId,
            userId: actor.userId,
            action: "comment.resolve",
            version: plan ? Number(plan.version) : null,
            detail: { commentId },
            at,
          });
        }
        const r = await trx.selectFrom("comments").selectAll().where("id", "=", commentId).where("plan_id", "=", planId).executeTakeFirst();
        return r ? toComment(r) : undefined;
      });
    },
  };
}
