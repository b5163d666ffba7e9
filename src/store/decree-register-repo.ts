// The organisation's decree register (buku agenda keputusan): numbers come from here, never from
// the signatory's position. A counter per organisation, series and calendar year is moved by one
// upsert inside the approval's transaction (the row lock serialises concurrent approvals, also
// from several server processes on PostgreSQL); every number gets a register row, and the unique
// constraint on (organisation, series, year, counter) refuses a duplicate in the database itself.
// A voided number (nomor batal) keeps its row: the counter never goes back, so it is never reused.
import { sql, type Kysely, type Selectable } from "kysely";
import type { DatabaseSchema, DecreeRegisterTable } from "./schema.js";

export type RegisterKey = { organizationId: string; series: string; year: number };

/** What a register row says of its number, whether read back or about to be written. */
type RegisterNumber = {
  counter: number;
  number: string;
  planId: string | null;
  planVersion: number | null;
  title: string;
  signatory: string;
  issuedOn: string;
  status: "issued" | "void";
};

export type RegisterEntry = RegisterNumber & {
  id: number;
  series: string;
  year: number;
  voidReason: string | null;
  voidedBy: string | null;
  voidedAt: string | null;
  createdBy: string | null;
  createdAt: string;
};

/**
 * The highest number the per-signatory counters (before the register) gave out in this year:
 * the register starts after it, so no number issued before is handed out again.
 */
const legacyLast = (key: RegisterKey) =>
  sql<number>`(select coalesce(max(last_number), 0) from decree_counters where organization_id = ${key.organizationId} and year = ${key.year})`;

/** The next counter of the register, taken (one upsert; call inside the transaction that uses it). */
export async function allocateRegisterCounter(q: Kysely<DatabaseSchema>, key: RegisterKey): Promise<number> {
  const row = await q
    .insertInto("decree_register_counters")
    .values({ organization_id: key.organizationId, series: key.series, year: key.year, last_number: sql<number>`${legacyLast(key)} + 1` })
    .onConflict((oc) => oc.columns(["organization_id", "series", "year"]).doUpdateSet((eb) => ({ last_number: eb(eb.ref("decree_register_counters.last_number"), "+", 1) })))
    .returning("last_number")
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

/** The counter the next allocation would give (nothing is taken): what the settings preview shows. */
export async function peekRegisterCounter(q: Kysely<DatabaseSchema>, key: RegisterKey): Promise<number> {
  const row = await q
    .selectFrom("decree_register_counters")
    .select("last_number")
    .where("organization_id", "=", key.organizationId)
    .where("series", "=", key.series)
    .where("year", "=", key.year)
    .executeTakeFirst();
  if (row) return Number(row.last_number) + 1;
  const legacy = await sql<{ n: number | string }>`select ${legacyLast(key)} as n`.execute(q);
  return Number(legacy.rows[0]?.n ?? 0) + 1;
}

export type NewRegisterEntry = RegisterKey & RegisterNumber & {
  voidReason?: string;
  userId: string | null;
  at: string;
};

export async function recordRegisterEntry(q: Kysely<DatabaseSchema>, e: NewRegisterEntry): Promise<number> {
  const row = await q
    .insertInto("decree_register")
    .values({
      organization_id: e.organizationId,
      series: e.series,
      year: e.year,
      counter: e.counter,
      number: e.number,
      plan_id: e.planId,
      plan_version: e.planVersion,
      title: e.title,
      signatory: e.signatory,
      issued_on: e.issuedOn,
      status: e.status,
      void_reason: e.status === "void" ? (e.voidReason ?? null) : null,
      voided_by: e.status === "void" ? e.userId : null,
      voided_at: e.status === "void" ? e.at : null,
      created_by: e.userId,
      created_at: e.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

// The row as the table types it; ids and counters are still read through Number(), since
// PostgreSQL's bigint columns arrive as strings.
type Row = Omit<Selectable<DecreeRegisterTable>, "organization_id">;

function toEntry(r: Row): RegisterEntry {
  return {
    id: Number(r.id),
    series: r.series,
    year: Number(r.year),
    counter: Number(r.counter),
    number: r.number,
    planId: r.plan_id,
    planVersion: r.plan_version === null ? null : Number(r.plan_version),
    title: r.title,
    signatory: r.signatory,
    issuedOn: r.issued_on,
    status: r.status === "void" ? "void" : "issued",
    voidReason: r.void_reason,
    voidedBy: r.voided_by,
    voidedAt: r.voided_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** The organisation's register for a year, in number order. */
export async function listRegister(q: Kysely<DatabaseSchema>, organizationId: string, year: number): Promise<RegisterEntry[]> {
  const rows = await q
    .selectFrom("decree_register")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("year", "=", year)
    .orderBy("series")
    .orderBy("counter")
    .execute();
  return rows.map(toEntry);
}

export async function getRegisterEntry(q: Kysely<DatabaseSchema>, organizationId: string, id: number): Promise<RegisterEntry | undefined> {
  const row = await q.selectFrom("decree_register").selectAll().where("organization_id", "=", organizationId).where("id", "=", id).executeTakeFirst();
  return row ? toEntry(row) : undefined;
}

/** The register entry of a plan's decree number (the latest, for a plan numbered more than once). */
export async function registerEntryOfPlan(q: Kysely<DatabaseSchema>, planId: string, number: string): Promise<RegisterEntry | undefined> {
  const row = await q.selectFrom("decree_register").selectAll().where("plan_id", "=", planId).where("number", "=", number).orderBy("id", "desc").executeTakeFirst();
  return row ? toEntry(row) : undefined;
}

/** Voids an issued number with its reason; false when it is not (or no longer) issued. */
export async function voidRegisterEntry(q: Kysely<DatabaseSchema>, v: { organizationId: string; id: number; reason: string; userId: string; at: string }): Promise<boolean> {
  const r = await q
    .updateTable("decree_register")
    .set({ status: "void", void_reason: v.reason, voided_by: v.userId, voided_at: v.at })
    .where("organization_id", "=", v.organizationId)
    .where("id", "=", v.id)
    .where("status", "=", "issued")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
