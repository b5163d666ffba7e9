// The plans repository: the only place that reads and writes plan rows. A plan is one JSON
// document with a version number; every saved version is kept in plan_revisions.
import { randomBytes } from "node:crypto";
import { SqliteAdapter, sql, type Kysely, type Selectable, type Transaction } from "kysely";
import type { Plan } from "../domain/plan/schema.js";
import type { DatabaseSchema, PlansTable } from "./schema.js";

export const PLAN_STATUSES = ["draft", "archived"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

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
  plan: Plan;
};

export type PlanSummary = Omit<StoredPlan, "plan" | "createdAt">;

export type ListQuery = {
  /** Case-insensitive substring of the title. */
  q?: string;
  fiscalYear?: number;
  /** Without a status, archived plans are left out. */
  status?: PlanStatus;
  limit?: number;
  offset?: number;
};

export type Revision = { planId: string; version: number; title: string; createdAt: string };
export type RevisionWithPlan = Revision & { plan: Plan };

export type WriteResult =
  | { ok: true; plan: StoredPlan }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "conflict"; current: StoredPlan };

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
    plan: parseDocument(row.document),
  };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type PlansRepo = ReturnType<typeof plansRepo>;

export function plansRepo(db: Kysely<DatabaseSchema>) {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;

  /**
   * A write transaction. On SQLite it begins IMMEDIATE, taking the write lock up front, so a
   * read-then-write transaction cannot fail half-way (SQLITE_BUSY_SNAPSHOT) when another
   * process — a CLI import beside the server — commits in between; it waits busy_timeout instead.
   */
  async function writeTransaction<T>(fn: (q: Kysely<DatabaseSchema>) => Promise<T>): Promise<T> {
    if (!isSqlite) return db.transaction().execute(fn);
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
    change: (current: StoredPlan) => { plan: Plan; status: PlanStatus },
  ): Promise<WriteResult> {
    return writeTransaction(async (trx) => {
      const current = await getIn(trx, id);
      if (!current) return { ok: false, reason: "not_found" } as const;
      const base = expectedVersion ?? current.version;
      if (base !== current.version) return { ok: false, reason: "conflict", current } as const;
      const { plan, status } = change(current);
      const document = JSON.stringify(plan);
      const at = now();
      const updated = await trx
        .updateTable("plans")
        .set({ ...summaryColumns(plan), status, document, version: base + 1, updated_at: at })
        .where("id", "=", id)
        .where("version", "=", base)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        const latest = await getIn(trx, id);
        return latest ? ({ ok: false, reason: "conflict", current: latest } as const) : ({ ok: false, reason: "not_found" } as const);
      }
      await trx
        .insertInto("plan_revisions")
        .values({ plan_id: id, version: base + 1, title: plan.title, document, created_at: at })
        .execute();
      return {
        ok: true,
        plan: {
          ...current,
          title: plan.title,
          fiscalYear: plan.fiscalYear,
          organizationName: plan.organization.name,
          unit: plan.organization.unit,
          status,
          version: base + 1,
          updatedAt: at,
          plan,
        },
      } as const;
    });
  }

  return {
    async create(plan: Plan, options: { id?: string; status?: PlanStatus } = {}): Promise<StoredPlan> {
      const id = options.id ?? newPlanId();
      const status = options.status ?? "draft";
      const document = JSON.stringify(plan);
      const at = now();
      await writeTransaction(async (trx) => {
        await trx
          .insertInto("plans")
          .values({ id, ...summaryColumns(plan), status, version: 1, document, created_at: at, updated_at: at })
          .execute();
        await trx.insertInto("plan_revisions").values({ plan_id: id, version: 1, title: plan.title, document, created_at: at }).execute();
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
        plan,
      };
    },

    get: (id: string) => getIn(db, id),

    async list(query: ListQuery = {}): Promise<{ items: PlanSummary[]; total: number }> {
      const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIST_LIMIT, 0), MAX_LIST_LIMIT);
      const offset = Math.max(query.offset ?? 0, 0);
      let base = db.selectFrom("plans");
      if (query.q) base = base.where(sql<boolean>`title_search like ${`%${escapeLike(query.q.toLowerCase())}%`} escape '\\'`);
      if (query.fiscalYear !== undefined) base = base.where("fiscal_year", "=", query.fiscalYear);
      base = query.status ? base.where("status", "=", query.status) : base.where("status", "<>", "archived");
      const [rows, count] = await Promise.all([
        base
          .select(["id", "title", "fiscal_year", "organization_name", "unit", "status", "version", "updated_at"])
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
        })),
      };
    },

    /** Replaces the document if the caller saw the latest version; otherwise a conflict carrying the current one. */
    replace: (id: string, expectedVersion: number, plan: Plan) =>
      writeVersioned(id, expectedVersion, (current) => ({ plan, status: current.status })),

    /** Archives the plan (a new version, same document); `expectedVersion` is optional here. */
    archive: (id: string, expectedVersion?: number) =>
      writeVersioned(id, expectedVersion, (current) => ({ plan: current.plan, status: "archived" })),

    async listRevisions(id: string): Promise<Revision[] | undefined> {
      const exists = await db.selectFrom("plans").select("id").where("id", "=", id).executeTakeFirst();
      if (!exists) return undefined;
      const rows = await db
        .selectFrom("plan_revisions")
        .select(["plan_id", "version", "title", "created_at"])
        .where("plan_id", "=", id)
        .orderBy("version", "desc")
        .execute();
      return rows.map((r) => ({ planId: r.plan_id, version: Number(r.version), title: r.title, createdAt: r.created_at }));
    },

    async getRevision(id: string, version: number): Promise<RevisionWithPlan | undefined> {
      const r = await db.selectFrom("plan_revisions").selectAll().where("plan_id", "=", id).where("version", "=", version).executeTakeFirst();
      return r ? { planId: r.plan_id, version: Number(r.version), title: r.title, createdAt: r.created_at, plan: parseDocument(r.document) } : undefined;
    },

    async count(): Promise<{ plans: number; revisions: number }> {
      const p = await db.selectFrom("plans").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
      const r = await db.selectFrom("plan_revisions").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
      return { plans: Number(p.n), revisions: Number(r.n) };
    },
  };
}
