// Issue 10, items 5 and 6. The verification of approved documents: one row per approved decree
// with its unguessable code, what the public page shows (number, date, title, signatory), the
// SHA-256 of the approved PDF and the archive copy itself (base64 text, one code path on both
// databases). The organisation's signing certificate (PKCS#12, encrypted; never returned by any
// API). The organisation's working calendar: the years it has entered as decreed (SKB) and its
// days off (libur nasional, cuti bersama, libur daerah).
import type { Kysely } from "kysely";
import type { DialectName } from "./index.js";

export const migration = {
  name: "20261202T1400_verification_calendar",
  async up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
    const serial = dialect === "postgres" ? "bigserial" : "integer";
    await db.schema
      .createTable("decree_verifications")
      .addColumn("code", "text", (c) => c.primaryKey())
      .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
      .addColumn("plan_id", "text", (c) => c.notNull())
      .addColumn("plan_version", "integer", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("number", "text", (c) => c.notNull())
      .addColumn("issued_on", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("signatory", "text", (c) => c.notNull())
      .addColumn("sha256", "text")
      .addColumn("file", "text")
      .addColumn("signed", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("archived_at", "text")
      .execute();
    await db.schema.createIndex("decree_verifications_plan_idx").on("decree_verifications").columns(["plan_id", "plan_version"]).execute();
    await db.schema
      .createTable("organization_signing_certificates")
      .addColumn("organization_id", "text", (c) => c.primaryKey().references("organizations.id").onDelete("cascade"))
      .addColumn("sealed_p12", "text", (c) => c.notNull())
      .addColumn("sealed_passphrase", "text", (c) => c.notNull())
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("issuer", "text", (c) => c.notNull())
      .addColumn("valid_from", "text", (c) => c.notNull())
      .addColumn("valid_to", "text", (c) => c.notNull())
      .addColumn("uploaded_by", "text")
      .addColumn("uploaded_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("organization_holiday_years")
      .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
      .addColumn("year", "integer", (c) => c.notNull())
      .addColumn("decreed", "integer", (c) => c.notNull())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("updated_by", "text")
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("organization_holiday_years_pk", ["organization_id", "year"])
      .execute();
    await db.schema
      .createTable("organization_holidays")
      .addColumn("id", serial, (c) => (dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
      .addColumn("year", "integer", (c) => c.notNull())
      .addColumn("date", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("source", "text", (c) => c.notNull())
      .addUniqueConstraint("organization_holidays_unique", ["organization_id", "date", "type"])
      .execute();
    await db.schema.createIndex("organization_holidays_year_idx").on("organization_holidays").columns(["organization_id", "year"]).execute();
  },
};
