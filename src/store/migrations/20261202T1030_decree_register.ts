// The organisation's decree register (buku agenda keputusan, indonesia.md §1.4): one counter per
// organisation, series (the template's classification code, or "") and calendar year, and one
// row per number issued or voided. The unique constraint makes a duplicate number impossible on
// both databases, whatever the application does; decree_counters (per signing office) stays for
// the numbers it gave out, which the register never reuses.
import type { Kysely } from "kysely";
import type { DialectName } from "./index.js";

export const migration = {
  name: "20261202T1030_decree_register",
  async up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
    const serial = dialect === "postgres" ? "bigserial" : "integer";
    await db.schema
      .createTable("decree_register_counters")
      .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
      .addColumn("series", "text", (c) => c.notNull())
      .addColumn("year", "integer", (c) => c.notNull())
      .addColumn("last_number", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("decree_register_counters_pk", ["organization_id", "series", "year"])
      .execute();
    await db.schema
      .createTable("decree_register")
      .addColumn("id", serial, (c) => (dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
      .addColumn("series", "text", (c) => c.notNull())
      .addColumn("year", "integer", (c) => c.notNull())
      .addColumn("counter", "integer", (c) => c.notNull())
      .addColumn("number", "text", (c) => c.notNull())
      .addColumn("plan_id", "text")
      .addColumn("plan_version", "integer")
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("signatory", "text", (c) => c.notNull())
      .addColumn("issued_on", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("void_reason", "text")
      .addColumn("voided_by", "text")
      .addColumn("voided_at", "text")
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addUniqueConstraint("decree_register_number_unique", ["organization_id", "series", "year", "counter"])
      .execute();
    await db.schema.createIndex("decree_register_plan_idx").on("decree_register").column("plan_id").execute();
  },
};
