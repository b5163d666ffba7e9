// Plans stored as documents with a version number, and every saved revision kept.
import type { Kysely } from "kysely";
import type { DialectName, Migration } from "./index.js";

export const migration: Migration = {
  name: "20261127T1930_plans",
  async up(db: Kysely<unknown>, dialect: DialectName) {
    void dialect; // portable subset: same DDL on both dialects
    await db.schema
      .createTable("plans")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("title_search", "text", (c) => c.notNull())
      .addColumn("fiscal_year", "integer", (c) => c.notNull())
      .addColumn("organization_name", "text", (c) => c.notNull())
      .addColumn("unit", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("document", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("plans_updated_at_idx").on("plans").column("updated_at").execute();
    await db.schema.createIndex("plans_fiscal_year_idx").on("plans").column("fiscal_year").execute();
    await db.schema
      .createTable("plan_revisions")
      .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("document", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("plan_revisions_pk", ["plan_id", "version"])
      .execute();
  },
};
