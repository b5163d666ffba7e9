// Organisations with their units, users and sessions, each plan's team, the review workflow,
// comments, the audit log and the per-year decree number counter. Plans that existed before
// get an organisation per distinct organisation name in their documents.
import { sql, type Kysely } from "kysely";
import type { DialectName, Migration } from "./index.js";

function randomId(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let s = "";
  for (let i = 0; i < 16; i++) s += alphabet[Math.floor(Math.random() * 62)];
  return s;
}

export const migration: Migration = {
  name: "20261127T2200_people",
  async up(db: Kysely<unknown>, dialect: DialectName) {
    // An ever-increasing integer key: the audit log and workflow events are read in insertion order.
    const serial = dialect === "postgres" ? "bigserial" : "integer";
    await db.schema
      .createTable("organizations")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("settings", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("units")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("code", "text")
      .addColumn("parent_id", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    // A unit code is unique within its organisation (several units may have none: NULLs never collide).
    await db.schema.createIndex("units_organization_code_idx").on("units").columns(["organization_id", "code"]).unique().execute();
    await db.schema
      .createTable("users")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
      .addColumn("email", "text", (c) => c.notNull().unique())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("nip", "text")
      .addColumn("unit_id", "text")
      /** JSON array of role names. */
      .addColumn("roles", "text", (c) => c.notNull())
      .addColumn("password_hash", "text", (c) => c.notNull())
      .addColumn("disabled", "integer", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("users_organization_idx").on("users").column("organization_id").execute();
    await db.schema
      .createTable("sessions")
      /** sha256 of the cookie's token: a stolen database does not hold usable session tokens. */
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("csrf_token", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("last_seen_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("ip", "text")
      .addColumn("user_agent", "text")
      .execute();
    await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();
    // Failed sign-ins, counted per e-mail address, for throttling (kept in the database so a
    // restart or a second server process does not reset the count).
    await db.schema
      .createTable("signin_failures")
      .addColumn("email", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("ip", "text")
      .execute();
    await db.schema.createIndex("signin_failures_email_idx").on("signin_failures").columns(["email", "at"]).execute();

    await db.schema.alterTable("plans").addColumn("organization_id", "text", (c) => c.references("organizations.id")).execute();
    await db.schema.alterTable("plans").addColumn("created_by", "text").execute();
    await db.schema.alterTable("plans").addColumn("review_cycle", "integer", (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable("plans").addColumn("review_step", "integer").execute();
    await db.schema.alterTable("plans").addColumn("baseline_version", "integer").execute();
    await db.schema.alterTable("plans").addColumn("amendment", "integer", (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.createIndex("plans_organization_idx").on("plans").column("organization_id").execute();
    await db.schema.alterTable("plan_revisions").addColumn("author_id", "text").execute();

    await db.schema
      .createTable("plan_members")
      .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("role", "text", (c) => c.notNull())
      /** Order of initialling among the reviewers (pemeriksa); 0 for the other roles. */
      .addColumn("position", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("plan_members_pk", ["plan_id", "user_id", "role"])
      .execute();
    await db.schema.createIndex("plan_members_user_idx").on("plan_members").column("user_id").execute();

    await db.schema
      .createTable("workflow_events")
      .addColumn("id", serial, (c) => (dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
      .addColumn("cycle", "integer", (c) => c.notNull())
      .addColumn("step", "integer")
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("comment", "text")
      .addColumn("at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("workflow_events_plan_idx").on("workflow_events").column("plan_id").execute();

    await db.schema
      .createTable("comments")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
      .addColumn("author_id", "text", (c) => c.notNull())
      .addColumn("stage", "text")
      .addColumn("item_ref", "text")
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("resolved_at", "text")
      .addColumn("resolved_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("comments_plan_idx").on("comments").column("plan_id").execute();

    await db.schema
      .createTable("audit_log")
      .addColumn("id", serial, (c) => (dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn("organization_id", "text")
      .addColumn("plan_id", "text")
      .addColumn("user_id", "text")
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("version", "integer")
      /** JSON object with what the action changed (never a password). */
      .addColumn("detail", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("audit_log_org_idx").on("audit_log").columns(["organization_id", "id"]).execute();
    await db.schema.createIndex("audit_log_plan_idx").on("audit_log").columns(["plan_id", "id"]).execute();

    await db.schema
      .createTable("decree_counters")
      .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
      /** The signing office (decree.signatory.position, normalised): numbering runs per signatory and calendar year. */
      .addColumn("signatory", "text", (c) => c.notNull())
      .addColumn("year", "integer", (c) => c.notNull())
      .addColumn("last_number", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("decree_counters_pk", ["organization_id", "signatory", "year"])
      .execute();

    // Plans stored before organisations existed: one organisation per name found in them.
    const names = await sql<{ organization_name: string }>`select distinct organization_name from plans`.execute(db);
    const at = new Date().toISOString();
    for (const row of names.rows) {
      const id = randomId();
      await sql`insert into organizations (id, name, settings, created_at) values (${id}, ${row.organization_name}, ${"{}"}, ${at})`.execute(db);
      await sql`update plans set organization_id = ${id} where organization_name = ${row.organization_name}`.execute(db);
    }
  },
};
