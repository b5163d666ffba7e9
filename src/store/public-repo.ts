// Rows of the citizens' side: published service pages, complaints, SKM responses and the shared
// form-signing secret. Rows only; the rules live in
// src/domain/service/public.ts and src/server/public.
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { ComplaintKind, ComplaintStatus, PublicService } from "../domain/service/public.js";
import type { DatabaseSchema } from "./schema.js";

export type ServicePage = { slug: string; organizationId: string; planId: string; content: PublicService; planVersion: number; publishedAt: string; publishedBy: string | null };

export type Complaint = {
  id: string;
  planId: string;
  code: string;
  kind: ComplaintKind;
  body: string;
  name: string | null;
  contact: string | null;
  status: ComplaintStatus;
  answer: string | null;
  receivedAt: string;
  dueOn: string;
  updatedAt: string;
  answeredAt: string | null;
  answeredBy: string | null;
};

export type SkmProfile = { gender: string | null; age: number | null; education: string | null; occupation: string | null };
export type SkmResponse = SkmProfile & { id: string; submittedAt: string; submittedOn: string; answers: number[]; suggestion: string | null };

/** Tracking codes: 12 characters without look-alikes (0/O, 1/I), shown as XXXX-XXXX-XXXX (60 bits). */
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export function newTrackingCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}
export const TRACKING_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;

type PageRow = DatabaseSchema["service_pages"];
const toPage = (r: PageRow): ServicePage => ({
  slug: r.slug,
  organizationId: r.organization_id,
  planId: r.plan_id,
  content: JSON.parse(r.content) as PublicService,
  planVersion: Number(r.plan_version),
  publishedAt: r.published_at,
  publishedBy: r.published_by,
});

type ComplaintRow = DatabaseSchema["service_complaints"];
const toComplaint = (r: ComplaintRow): Complaint => ({
  id: r.id,
  planId: r.plan_id,
  code: r.code,
  kind: r.kind as ComplaintKind,
  body: r.body,
  name: r.name,
  contact: r.contact,
  status: r.status as ComplaintStatus,
  answer: r.answer,
  receivedAt: r.received_at,
  dueOn: r.due_on,
  updatedAt: r.updated_at,
  answeredAt: r.answered_at,
  answeredBy: r.answered_by,
});

export function publicRepo(db: Kysely<DatabaseSchema>) {
  return {
    async page(slug: string): Promise<ServicePage | null> {
      const r = await db.selectFrom("service_pages").selectAll().where("slug", "=", slug).executeTakeFirst();
      return r ? toPage(r) : null;
    },
    async pageOfPlan(planId: string): Promise<ServicePage | null> {
      const r = await db.selectFrom("service_pages").selectAll().where("plan_id", "=", planId).executeTakeFirst();
      return r ? toPage(r) : null;
    },
    /** Publishes (or republishes) the plan's page under `slug`; false when another plan holds the slug. */
    async publish(q: Kysely<DatabaseSchema>, page: Omit<ServicePage, "publishedBy"> & { publishedBy: string | null }): Promise<boolean> {
      const holder = await q.selectFrom("service_pages").select("plan_id").where("slug", "=", page.slug).executeTakeFirst();
      if (holder && holder.plan_id !== page.planId) return false;
      await q.deleteFrom("service_pages").where("plan_id", "=", page.planId).execute();
      await q
        .insertInto("service_pages")
        .values({ slug: page.slug, organization_id: page.organizationId, plan_id: page.planId, content: JSON.stringify(page.content), plan_version: page.planVersion, published_by: page.publishedBy, published_at: page.publishedAt })
        .execute();
      return true;
    },
    async unpublish(q: Kysely<DatabaseSchema>, planId: string): Promise<boolean> {
      const r = await q.deleteFrom("service_pages").where("plan_id", "=", planId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async addComplaint(c: Omit<Complaint, "id" | "code" | "status" | "answer" | "updatedAt" | "answeredAt" | "answeredBy"> & { organizationId: string }): Promise<Complaint> {
      // A code collision (1 in 2^60) is retried with a fresh code; the unique constraint decides.
      for (let attempt = 0; ; attempt++) {
        const row: ComplaintRow = {
          id: randomUUID(),
          organization_id: c.organizationId,
          plan_id: c.planId,
          code: newTrackingCode(),
          kind: c.kind,
          body: c.body,
          name: c.name,
          contact: c.contact,
          status: "diterima",
          answer: null,
          received_at: c.receivedAt,
          due_on: c.dueOn,
          updated_at: c.receivedAt,
          answered_at: null,
          answered_by: null,
        };
        try {
          await db.insertInto("service_complaints").values(row).execute();
          return toComplaint(row);
        } catch (e) {
          if (attempt >= 2) throw e;
        }
      }
    },
    async complaintByCode(planId: string, code: string): Promise<Complaint | null> {
      const r = await db.selectFrom("service_complaints").selectAll().where("plan_id", "=", planId).where("code", "=", code).executeTakeFirst();
      return r ? toComplaint(r) : null;
    },
    async complaints(planId: string): Promise<Complaint[]> {
      const rows = await db.selectFrom("service_complaints").selectAll().where("plan_id", "=", planId).orderBy("received_at", "desc").orderBy("id").limit(1000).execute();
      return rows.map(toComplaint);
    },
    /** Moves a complaint of this plan; null when there is none. */
    async updateComplaint(q: Kysely<DatabaseSchema>, planId: string, id: string, change: { status: ComplaintStatus; answer: string | null; at: string; userId: string }): Promise<Complaint | null> {
      const answered = change.status === "dijawab";
      const r = await q
        .updateTable("service_complaints")
        .set({ status: change.status, answer: change.answer, updated_at: change.at, answered_at: answered ? change.at : null, answered_by: answered ? change.userId : null })
        .where("plan_id", "=", planId)
        .where("id", "=", id)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return null;
      const row = await q.selectFrom("service_complaints").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      return toComplaint(row);
    },

    async addSkm(r: Omit<SkmResponse, "id"> & { organizationId: string; planId: string }): Promise<void> {
      await db
        .insertInto("skm_responses")
        .values({
          id: randomUUID(),
          organization_id: r.organizationId,
          plan_id: r.planId,
          submitted_at: r.submittedAt,
          submitted_on: r.submittedOn,
          answers: r.answers.join(","),
          gender: r.gender,
          age: r.age,
          education: r.education,
          occupation: r.occupation,
          suggestion: r.suggestion,
        })
        .execute();
    },
    /** Responses submitted on days from..to (inclusive, Jakarta dates). */
    async skm(planId: string, from: string, to: string): Promise<SkmResponse[]> {
      const rows = await db.selectFrom("skm_responses").selectAll().where("plan_id", "=", planId).where("submitted_on", ">=", from).where("submitted_on", "<=", to).orderBy("submitted_at").execute();
      return rows.map((r) => ({
        id: r.id,
        submittedAt: r.submitted_at,
        submittedOn: r.submitted_on,
        answers: r.answers.split(",").map(Number),
        gender: r.gender,
        age: r.age === null ? null : Number(r.age),
        education: r.education,
        occupation: r.occupation,
        suggestion: r.suggestion,
      }));
    },

    /** The named secret, made on first use; every server of the database reads the same one. */
    async secret(name: string): Promise<string> {
      const existing = await db.selectFrom("server_secrets").select("value").where("name", "=", name).executeTakeFirst();
      if (existing) return existing.value;
      await db
        .insertInto("server_secrets")
        .values({ name, value: randomBytes(32).toString("base64url"), created_at: new Date().toISOString() })
        .onConflict((oc) => oc.column("name").doNothing())
        .execute();
      const row = await db.selectFrom("server_secrets").select("value").where("name", "=", name).executeTakeFirstOrThrow();
      return row.value;
    },
  };
}

export type PublicRepo = ReturnType<typeof publicRepo>;
