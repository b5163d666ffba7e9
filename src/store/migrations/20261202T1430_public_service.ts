// The citizens' side of a service (issue 17): the published page of an adopted service standard
// (a snapshot of its public part only, never the plan), the complaints filed on it, the SKM
// responses, per-address counters of the public forms (shared by every server, so a limit
// holds across processes and restarts) and the server-wide secret that signs the forms.
import type { Kysely } from "kysely";
import type { DialectName } from "./index.js";

export const migration = {
  name: "20261202T1430_public_service",
  async up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
    await db.schema
      .createTable("service_pages")
      .addColumn("slug", "text", (c) => c.primaryKey())
      .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
      .addColumn("plan_id", "text", (c) => c.notNull().unique().references("plans.id").onDelete("cascade"))
      .addColumn("content", "text", (c) => c.notNull())
      .addColumn("plan_version", "integer", (c) => c.notNull())
      .addColumn("published_by", "text")
      .addColumn("published_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("service_complaints")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
      .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
      .addColumn("code", "text", (c) => c.notNull().unique())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("name", "text")
      .addColumn("contact", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("answer", "text")
      .addColumn("received_at", "text", (c) => c.notNull())
      .addColumn("due_on", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("answered_at", "text")
      .addColumn("answered_by", "text")
      .execute();
    await db.schema.createIndex("service_complaints_plan_idx").on("service_complaints").columns(["plan_id", "received_at"]).execute();
    await db.schema
      .createTable("skm_responses")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
      .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
      .addColumn("submitted_at", "text", (c) => c.notNull())
      .addColumn("submitted_on", "text", (c) => c.notNull())
      .addColumn("answers", "text", (c) => c.notNull())
      .addColumn("gender", "text")
      .addColumn("age", "integer")
      .addColumn("education", "text")
      .addColumn("occupation", "text")
      .addColumn("suggestion", "text")
      .execute();
    await db.schema.createIndex("skm_responses_plan_idx").on("skm_responses").columns(["plan_id", "submitted_on"]).execute();
    await db.schema
      .createTable("server_secrets")
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("value", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
  },
};
