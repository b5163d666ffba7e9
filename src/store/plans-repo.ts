// The plans repository: the only place that reads and writes plan rows. A plan is one JSON
// document with a version number; every saved version is kept in plan_revisions.
import { randomBytes } from "node:crypto";
import { SqliteAdapter, sql, type Kysely, type Selectable, type Transaction } from "kysely";
import { planDiff, type PlanChange } from "../domain/plan/diff.js";
import type { JsonPatchOp } from "../domain/plan/patch.js";
import type { Plan } from "../domain/plan/schema.js";
import { recordAudit, type AuditAction } from "./audit-repo.js";
import { decodeRevision, encodeRevision } from "./revision-codec.js";
import type { DatabaseSchema, PlansTable } from "./schema.js";

/** draft → submitted → approved, or returned with comments; archived at any time. */
export const PLAN_STATUSES = ["draft", "submitted", "approved", "returned", "archived"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_ROLES = ["penyusun", "pemeriksa", "penandatangan", "pembaca"] as const;
export type PlanRole = (typeof PLAN_ROLES)[number];
export type PlanMember = { userId: string; role: PlanRole; position: number };

/** Who made a change, for the revision's author and the audit log. */
export type Actor = { userId: string | null; organizationId: string | null };

export type WorkflowColumns = { reviewCycle: number; reviewStep: number | null; baselineVersion: number | null; amendment: number };

export type StoredPlan = {
  id: string;
  title: string;
  fiscalYear: number;
  organizationName: string;
  unit: string;
  status: PlanStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  organizationId: string | null;
  createdBy: string | null;
  workflow: WorkflowColumns;
  plan: Plan;
};

export type PlanSummary = Omit<StoredPlan, "plan" | "createdAt" | "createdBy" | "workflow"> & { reviewStep: number | null };

export type ListQuery = {
  /** Case-insensitive substring of the title. */
  q?: string;
  fiscalYear?: number;
  /** Without a status, archived plans are left out. */
  status?: PlanStatus;
  limit?: number;
  offset?: number;
  /** Only this organisation's plans. */
  organizationId?: string;
  /** Only plans whose team has this user. */
  memberUserId?: string;
};

export type Revision = { planId: string; version: number; title: string; createdAt: string; authorId: string | null };
export type RevisionWithPlan = Revision & { plan: Plan };

export type WriteResult =
  /** `unchanged`: the change left the document as it was, so nothing was stored (same version). */
  | { ok: true; plan: StoredPlan; unchanged?: true }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "conflict"; current: StoredPlan };

type TeamRow = { userId: string; role: string; position: number; name: string };

/** A plan's access facts, its team with names, and (when asked for) the stored plan: one query. */
export type PlanAccessRow = {
  organizationId: string | null;
  status: PlanStatus;
  version: number;
  reviewStep: number | null;
  members: (PlanMember & { name: string })[];
  stored: StoredPlan | undefined;
  /** The document as stored (JSON text), beside the parsed `stored.plan`: an answer can carry it as is. */
  documentText: string | undefined;
};

export const MAX_LIST_LIMIT = 200;
export const DEFAULT_LIST_LIMIT = 50;

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * 16 letters and digits (~95 bits). No "-" or "_": an id starting with "-" reads as an option
 * on the command line (`rencana export -x…` failed at random before).
 */
export function newPlanId(): string {
  let id = "";
  while (id.length < 16) {
    for (const byte of randomBytes(24)) {
      // 248 = 4 × 62: rejecting the rest keeps every character equally likely.
      if (byte < 248 && id.length < 16) id += ID_ALPHABET[byte % 62];
    }
  }
  return id;
}

function now(): string {
  return new Date().toISOString();
}

function toStatus(s: string): PlanStatus {
  return (PLAN_STATUSES as readonly string[]).includes(s) ? (s as PlanStatus) : "draft";
}

function parseDocument(text: string): Plan {
  // Every document was validated against format v1 before it was written.
  return JSON.parse(text) as Plan;
}

function summaryColumns(plan: Plan) {
  return {
    title: plan.title,
    title_search: plan.title.toLowerCase(),
    fiscal_year: plan.fiscalYear,
    organization_name: plan.organization.name,
    unit: plan.organization.unit,
  };
}

function toStored(row: Selectable<PlansTable>): StoredPlan {
  return {
    id: row.id,
    title: row.title,
    fiscalYear: Number(row.fiscal_year),
    organizationName: row.organization_name,
    unit: row.unit,
    status: toStatus(row.status),
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    organizationId: row.organization_id,
    createdBy: row.created_by,
    workflow: {
      reviewCycle: Number(row.review_cycle),
      reviewStep: row.review_step === null ? null : Number(row.review_step),
      baselineVersion: row.baseline_version === null ? null : Number(row.baseline_version),
      amendment: Number(row.amendment),
    },
    plan: parseDocument(row.document),
  };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A write transaction. On SQLite it begins IMMEDIATE, taking the write lock up front, so a
 * read-then-write transaction cannot fail half-way (SQLITE_BUSY_SNAPSHOT) when another
 * process — a CLI import beside the server — commits in between; it waits busy_timeout instead.
 */
export async function writeTransaction<T>(db: Kysely<DatabaseSchema>, fn: (q: Kysely<DatabaseSchema>) => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return db.transaction().execute(fn);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (e) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw e;
    }
  });
}

/** At most this many changes are named in an audit entry; the count covers all of them. */
const AUDITED_CHANGES = 10;

/**
 * The difference between two versions for the audit log: how many changes, and the first ones
 * with their labels. planDiff walks only what `after` does not share with `before`, so for a
 * patched plan this costs what the patch touched.
 */
function changeSummary(diff: readonly PlanChange[]): { count: number; items: { path: string; kind: string; label: PlanChange["label"] }[] } | undefined {
  if (diff.length === 0) return undefined;
  return { count: diff.length, items: diff.slice(0, AUDITED_CHANGES).map((c) => ({ path: c.path, kind: c.kind, label: c.label })) };
}

/** What a versioned write changes: the document, the status, and optionally workflow columns. */
export type VersionedChange = { plan: Plan; status: PlanStatus; workflow?: Partial<WorkflowColumns>; /** Added to the audit entry. */ detail?: Record<string, unknown> };

export type WriteOptions = {
  actor?: Actor;
  action?: AuditAction;
  detail?: Record<string, unknown>;
  /** Runs in the same transaction once the new version is written (e.g. a workflow event). */
  afterWrite?: (q: Kysely<DatabaseSchema>, written: StoredPlan) => Promise<void>;
  /** The JSON Patch that made this version, when the caller applied one (passed on to `onCommitted`). */
  appliedOps?: readonly JsonPatchOp[];
  /** An edit of the document: when it changes nothing, store nothing (no version, revision or audit entry). */
  skipUnchanged?: boolean;
};

/** An accepted write, told after its transaction committed (the live event stream listens here). */
export type CommittedWrite = { before: StoredPlan; after: StoredPlan; actor: Actor | undefined; appliedOps: readonly JsonPatchOp[] | undefined };

export type PlansRepoHooks = {
  /** Called once per committed versioned write, after the commit; must not throw. */
  onCommitted?: (write: CommittedWrite) => void;
};

/** Decides the change against the row as it is inside the transaction; may read or lock with `q`, or throw to refuse. */
export type ChangeFn = (current: StoredPlan, q: Kysely<DatabaseSchema>) => VersionedChange | Promise<VersionedChange>;

export type PlansRepo = ReturnType<typeof plansRepo>;

export function plansRepo(db: Kysely<DatabaseSchema>, hooks: PlansRepoHooks = {}) {
  const inTransaction = <T>(fn: (q: Kysely<DatabaseSchema>) => Promise<T>) => writeTransaction(db, fn);

  async function getIn(q: Kysely<DatabaseSchema> | Transaction<DatabaseSchema>, id: string): Promise<StoredPlan | undefined> {
    const row = await q.selectFrom("plans").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toStored(row) : undefined;
  }

  /**
   * Bumps the version only if it still is `expectedVersion` — one conditional UPDATE, so of two
   * writers holding the same version exactly one matches a row — and records the revision in
   * the same transaction.
   */
  async function writeVersioned(
    id: string,
    expectedVersion: number | undefined,
    change: ChangeFn,
    options: WriteOptions = {},
  ): Promise<WriteResult> {
    let before: StoredPlan | undefined;
    const result = await inTransaction(async (trx) => {
      const current = await getIn(trx, id);
      if (!current) return { ok: false, reason: "not_found" } as const;
      before = current;
      const base = expectedVersion ?? current.version;
      if (base !== current.version) return { ok: false, reason: "conflict", current } as const;
      const { plan, status, workflow: workflowChange, detail: changeDetail } = await change(current, trx);
      // The audit entry says what changed, not only that something did: a readable summary of the difference.
      const diff = options.skipUnchanged || (options.actor && options.action) ? planDiff(current.plan, plan) : undefined;
      if (options.skipUnchanged && diff?.length === 0) return { ok: true, plan: current, unchanged: true } as const;
      const changes = options.actor && options.action && diff ? changeSummary(diff) : undefined;
      const workflow = { ...current.workflow, ...workflowChange };
      const document = JSON.stringify(plan);
      const at = now();
      const updated = await trx
        .updateTable("plans")
        .set({
          ...summaryColumns(plan),
          status,
          document,
          version: base + 1,
          updated_at: at,
          review_cycle: workflow.reviewCycle,
          review_step: workflow.reviewStep,
          baseline_version: workflow.baselineVersion,
          amendment: workflow.amendment,
        })
        .where("id", "=", id)
        .where("version", "=", base)
        // The change was decided against this status: a submission in between (which keeps the version) must not let an edit through.
        .where("status", "=", current.status)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        const latest = await getIn(trx, id);
        return latest ? ({ ok: false, reason: "conflict", current: latest } as const) : ({ ok: false, reason: "not_found" } as const);
      }
      // The revision is stored as its forward patch (a snapshot every SNAPSHOT_EVERY versions).
      await trx
        .insertInto("plan_revisions")
        .values({ plan_id: id, version: base + 1, title: plan.title, ...encodeRevision(base + 1, current.plan, plan), created_at: at, author_id: options.actor?.userId ?? null })
        .execute();
      if (options.actor && options.action) {
        await recordAudit(trx, {
          organizationId: current.organizationId,
          planId: id,
          userId: options.actor.userId,
          action: options.action,
          version: base + 1,
          detail: { ...options.detail, ...changeDetail, ...(changes ? { changes } : {}), ...(status !== current.status ? { status: { from: current.status, to: status } } : {}) },
          at,
        });
      }
      const written: StoredPlan = {
        ...current,
        title: plan.title,
        fiscalYear: plan.fiscalYear,
        organizationName: plan.organization.name,
        unit: plan.organization.unit,
        status,
        version: base + 1,
        updatedAt: at,
        workflow,
        plan,
      };
      if (options.afterWrite) await options.afterWrite(trx, written);
      return { ok: true, plan: written } as const;
    });
    if (result.ok && !result.unchanged && before && hooks.onCommitted) hooks.onCommitted({ before, after: result.plan, actor: options.actor, appliedOps: options.appliedOps });
    return result;
  }

  return {
    /**
     * Creates the plan in an organisation; its creator (when given) becomes the team's penyusun.
     * With an actor the creation is written to the audit log in the same transaction.
     */
    async create(
      plan: Plan,
      options: { id?: string; status?: PlanStatus; organizationId?: string | null; createdBy?: string | null; actor?: Actor; action?: AuditAction } = {},
    ): Promise<StoredPlan> {
      const id = options.id ?? newPlanId();
      const status = options.status ?? "draft";
      const document = JSON.stringify(plan);
      const at = now();
      const organizationId = options.organizationId ?? null;
      const createdBy = options.createdBy ?? null;
      await inTransaction(async (trx) => {
        await trx
          .insertInto("plans")
          .values({ id, ...summaryColumns(plan), status, version: 1, document, created_at: at, updated_at: at, organization_id: organizationId, created_by: createdBy })
          .execute();
        await trx.insertInto("plan_revisions").values({ plan_id: id, version: 1, title: plan.title, ...encodeRevision(1, undefined, plan), created_at: at, author_id: createdBy }).execute();
        if (createdBy) await trx.insertInto("plan_members").values({ plan_id: id, user_id: createdBy, role: "penyusun", position: 0 }).execute();
        if (options.actor) {
          await recordAudit(trx, { organizationId, planId: id, userId: options.actor.userId, action: options.action ?? "plan.create", version: 1, detail: { title: plan.title }, at });
        }
      });
      return {
        id,
        title: plan.title,
        fiscalYear: plan.fiscalYear,
        organizationName: plan.organization.name,
        unit: plan.organization.unit,
        status,
        version: 1,
        createdAt: at,
        updatedAt: at,
        organizationId,
        createdBy,
        workflow: { reviewCycle: 0, reviewStep: null, baselineVersion: null, amendment: 0 },
        plan,
      };
    },

    get: (id: string) => getIn(db, id),

    /** The plan's row facts without its document (for access checks on every request). */
    async head(id: string): Promise<{ organizationId: string | null; status: PlanStatus; version: number; reviewStep: number | null } | undefined> {
      const r = await db.selectFrom("plans").select(["organization_id", "status", "version", "review_step"]).where("id", "=", id).executeTakeFirst();
      return r
        ? { organizationId: r.organization_id, status: toStatus(r.status), version: Number(r.version), reviewStep: r.review_step === null ? null : Number(r.review_step) }
        : undefined;
    },

    /**
     * The plan's row facts and its team with the members' names in one query (the policy check of
     * every plan route); with `withDocument`, the whole stored plan too, so a GET needs nothing more.
     */
    async access(id: string, withDocument: boolean): Promise<PlanAccessRow | undefined> {
      const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
      const member = sqlite
        ? sql`json_object('userId', m.user_id, 'role', m.role, 'position', m.position, 'name', coalesce(u.name, ''))`
        : sql`json_build_object('userId', m.user_id, 'role', m.role, 'position', m.position, 'name', coalesce(u.name, ''))`;
      const aggregate = sqlite ? sql`json_group_array(${member})` : sql`coalesce(json_agg(${member}), '[]'::json)`;
      const team = sql<string | TeamRow[]>`(select ${aggregate} from plan_members m left join users u on u.id = m.user_id where m.plan_id = plans.id)`.as("team");
      const base = db.selectFrom("plans").where("id", "=", id);
      const row = withDocument
        ? await base.selectAll().select(team).executeTakeFirst()
        : await base.select(["organization_id", "status", "version", "review_step", team]).executeTakeFirst();
      if (!row) return undefined;
      const rows = (typeof row.team === "string" ? JSON.parse(row.team) : row.team) as TeamRow[];
      const members = rows
        .map((m) => ({ userId: m.userId, role: m.role as PlanRole, position: Number(m.position), name: m.name }))
        .sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : a.position - b.position || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)));
      return {
        organizationId: row.organization_id,
        status: toStatus(row.status),
        version: Number(row.version),
        reviewStep: row.review_step === null ? null : Number(row.review_step),
        members,
        stored: "document" in row ? toStored(row as unknown as Selectable<PlansTable>) : undefined,
        documentText: "document" in row ? (row as unknown as Selectable<PlansTable>).document : undefined,
      };
    },

    async list(query: ListQuery = {}): Promise<{ items: PlanSummary[]; total: number }> {
      const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIST_LIMIT, 0), MAX_LIST_LIMIT);
      const offset = Math.max(query.offset ?? 0, 0);
      let base = db.selectFrom("plans");
      if (query.q) base = base.where(sql<boolean>`title_search like ${`%${escapeLike(query.q.toLowerCase())}%`} escape '\\'`);
      if (query.fiscalYear !== undefined) base = base.where("fiscal_year", "=", query.fiscalYear);
      base = query.status ? base.where("status", "=", query.status) : base.where("status", "<>", "archived");
      if (query.organizationId !== undefined) base = base.where("organization_id", "=", query.organizationId);
      if (query.memberUserId !== undefined) {
        const userId = query.memberUserId;
        base = base.where("id", "in", (eb) => eb.selectFrom("plan_members").select("plan_id").where("user_id", "=", userId));
      }
      const [rows, count] = await Promise.all([
        base
          .select(["id", "title", "fiscal_year", "organization_name", "unit", "status", "version", "updated_at", "organization_id", "review_step"])
          .orderBy("updated_at", "desc")
          .orderBy("id")
          .limit(limit)
          .offset(offset)
          .execute(),
        base.select((eb) => eb.fn.countAll().as("total")).executeTakeFirstOrThrow(),
      ]);
      return {
        // PostgreSQL returns count(*) as a bigint string.
        total: Number(count.total),
        items: rows.map((r) => ({
          id: r.id,
          title: r.title,
          fiscalYear: Number(r.fiscal_year),
          organizationName: r.organization_name,
          unit: r.unit,
          status: toStatus(r.status),
          version: Number(r.version),
          updatedAt: r.updated_at,
          organizationId: r.organization_id,
          reviewStep: r.review_step === null ? null : Number(r.review_step),
        })),
      };
    },

    /** Replaces the document if the caller saw the latest version; otherwise a conflict carrying the current one. */
    replace: (id: string, expectedVersion: number, plan: Plan, options: WriteOptions = {}) =>
      writeVersioned(id, expectedVersion, (current) => ({ plan, status: current.status }), { action: "plan.update", ...options }),

    /** Archives the plan (a new version, same document); `expectedVersion` is optional here. */
    archive: (id: string, expectedVersion?: number, options: WriteOptions = {}) =>
      writeVersioned(id, expectedVersion, (current) => ({ plan: current.plan, status: "archived" }), { action: "plan.archive", ...options }),

    /** The general versioned write: the change may also move the workflow (edit after approval, approval itself). */
    write: writeVersioned,

    /** Titles of several plans of one organisation (for the audit log). */
    async titles(planIds: readonly string[], organizationId: string): Promise<Map<string, string>> {
      if (planIds.length === 0) return new Map();
      const rows = await db.selectFrom("plans").select(["id", "title"]).where("id", "in", [...new Set(planIds)]).where("organization_id", "=", organizationId).execute();
      return new Map(rows.map((r) => [r.id, r.title]));
    },

    /** The teams of several plans in one query (for a list page). */
    async teams(planIds: readonly string[]): Promise<Map<string, PlanMember[]>> {
      const out = new Map<string, PlanMember[]>(planIds.map((id) => [id, []]));
      if (planIds.length === 0) return out;
      const rows = await db.selectFrom("plan_members").selectAll().where("plan_id", "in", [...planIds]).orderBy("role").orderBy("position").orderBy("user_id").execute();
      for (const r of rows) out.get(r.plan_id)?.push({ userId: r.user_id, role: r.role as PlanRole, position: Number(r.position) });
      return out;
    },

    async team(planId: string): Promise<PlanMember[]> {
      const rows = await db.selectFrom("plan_members").selectAll().where("plan_id", "=", planId).orderBy("role").orderBy("position").orderBy("user_id").execute();
      return rows.map((r) => ({ userId: r.user_id, role: r.role as PlanRole, position: Number(r.position) }));
    },

    /** The team's version (If-Match on PUT …/team), or undefined for a missing plan. */
    async teamVersion(planId: string): Promise<number | undefined> {
      const r = await db.selectFrom("plans").select("team_version").where("id", "=", planId).executeTakeFirst();
      return r ? Number(r.team_version) : undefined;
    },

    /**
     * Replaces the team in one transaction, with an audit entry, and increments the team's version.
     * With `expectedVersion`, only if the team is still at that version: otherwise nothing is
     * written and the answer is false (the caller reports the conflict).
     */
    async setTeam(
      planId: string,
      members: readonly PlanMember[],
      actor?: Actor,
      options: { /** Runs first in the transaction; throws to refuse (e.g. while under review). */ guard?: (q: Kysely<DatabaseSchema>) => Promise<void>; expectedVersion?: number } = {},
    ): Promise<boolean> {
      return inTransaction(async (trx) => {
        if (options.guard) await options.guard(trx);
        let bump = trx.updateTable("plans").set((eb) => ({ team_version: eb("team_version", "+", 1) })).where("id", "=", planId);
        if (options.expectedVersion !== undefined) bump = bump.where("team_version", "=", options.expectedVersion);
        if (Number((await bump.executeTakeFirst()).numUpdatedRows) !== 1) return false;
        const plan = await trx.selectFrom("plans").select(["organization_id", "version"]).where("id", "=", planId).executeTakeFirst();
        await trx.deleteFrom("plan_members").where("plan_id", "=", planId).execute();
        if (members.length > 0) {
          await trx.insertInto("plan_members").values(members.map((m) => ({ plan_id: planId, user_id: m.userId, role: m.role, position: m.position }))).execute();
        }
        if (actor) {
          await recordAudit(trx, {
            organizationId: plan?.organization_id ?? null,
            planId,
            userId: actor.userId,
            action: "plan.team",
            version: plan ? Number(plan.version) : null,
            detail: { members: members.map((m) => ({ userId: m.userId, role: m.role, position: m.position })) },
            at: now(),
          });
        }
        return true;
      });
    },

    async listRevisions(id: string): Promise<Revision[] | undefined> {
      const exists = await db.selectFrom("plans").select("id").where("id", "=", id).executeTakeFirst();
      if (!exists) return undefined;
      const rows = await db
        .selectFrom("plan_revisions")
        .select(["plan_id", "version", "title", "created_at", "author_id"])
        .where("plan_id", "=", id)
        .orderBy("version", "desc")
        .execute();
      return rows.map((r) => ({ planId: r.plan_id, version: Number(r.version), title: r.title, createdAt: r.created_at, authorId: r.author_id }));
    },

    /**
     * Version `version` of the plan, rebuilt from the last snapshot at or before it and the
     * patches after that (one query: the chain is never longer than SNAPSHOT_EVERY rows).
     */
    async getRevision(id: string, version: number): Promise<RevisionWithPlan | undefined> {
      const rows = await db
        .selectFrom("plan_revisions")
        .select(["version", "kind", "document", "snapshot", "title", "created_at", "author_id"])
        .where("plan_id", "=", id)
        .where("version", "<=", version)
        .where("version", ">=", (eb) =>
          eb
            .selectFrom("plan_revisions as b")
            .select((b) => b.fn.coalesce(b.fn.max("b.version"), sql<number>`0`).as("v"))
            .where("b.plan_id", "=", id)
            .where("b.version", "<=", version)
            .where("b.kind", "<>", "patch"),
        )
        .orderBy("version")
        .execute();
      const last = rows.at(-1);
      if (!last || Number(last.version) !== version) return undefined;
      const plan = decodeRevision(rows.map((r) => ({ version: Number(r.version), kind: r.kind, document: r.document, snapshot: r.snapshot })));
      return { planId: id, version, title: last.title, createdAt: last.created_at, authorId: last.author_id, plan };
    },

    /**
     * The JSON Patch that made version `version` from the one before, as stored, with its author;
     * undefined when that revision is stored as a snapshot (the caller diffs the two versions then).
     */
    async revisionPatch(id: string, version: number): Promise<{ ops: JsonPatchOp[]; authorId: string | null } | undefined> {
      const r = await db.selectFrom("plan_revisions").select(["kind", "document", "author_id"]).where("plan_id", "=", id).where("version", "=", version).executeTakeFirst();
      return r?.kind === "patch" ? { ops: JSON.parse(r.document) as JsonPatchOp[], authorId: r.author_id } : undefined;
    },

    async count(): Promise<{ plans: number; revisions: number }> {
      const p = await db.selectFrom("plans").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
      const r = await db.selectFrom("plan_revisions").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
      return { plans: Number(p.n), revisions: Number(r.n) };
    },
  };
}
