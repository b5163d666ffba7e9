// The authorisation matrix: every route the app registers × every kind of caller, with the
// outcome written out by hand — not derived from policy.ts, so a wrong policy shows up as a
// mismatch. The test fails when a registered route has no row (a new route must be decided
// here) and when a row names a route that no longer exists.
//
// Outcomes: "ok" = the policy let the call through (the handler may still answer 2xx, 400, 409
// or 422 for the state of the plan); 401 = auth.required; 403 = auth.forbidden; 404 = not_found.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../store/database.js";
import type { Role, User } from "../../store/people-repo.js";
import { peopleRepo } from "../../store/people-repo.js";
import { plansRepo, writeTransaction, type PlanMember } from "../../store/plans-repo.js";
import { publicRepo } from "../../store/public-repo.js";
import { publicService } from "../../domain/service/public.js";
import { createOrganization, createUser, signIn, type TestClient } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { recordRegisterEntry } from "../../store/decree-register-repo.js";
import { recordVerification } from "../../store/verification-repo.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp } from "../app.js";

const PERSONAS = ["anonymous", "otherOrg", "admin", "penyusun", "pemeriksa", "penandatangan", "pembaca", "nonMember"] as const;
type Persona = (typeof PERSONAS)[number];
type Outcome = "ok" | 401 | 403 | 404;
type Row = Record<Persona, Outcome>;

/** Public: everyone gets through. */
const PUBLIC: Row = { anonymous: "ok", otherOrg: "ok", admin: "ok", penyusun: "ok", pemeriksa: "ok", penandatangan: "ok", pembaca: "ok", nonMember: "ok" };
/** Any signed-in user, answers scoped to their organisation. */
const SIGNED_IN: Row = { anonymous: 401, otherOrg: "ok", admin: "ok", penyusun: "ok", pemeriksa: "ok", penandatangan: "ok", pembaca: "ok", nonMember: "ok" };
/** A record only its owner may name: everyone else (a made-up id) gets 404. */
const OWN_ONLY: Row = { anonymous: 401, otherOrg: 404, admin: 404, penyusun: 404, pemeriksa: 404, penandatangan: 404, pembaca: 404, nonMember: 404 };
/** Prometheus metrics: only the bearer token (a session of any kind is not enough). */
const METRICS: Row = { anonymous: 401, otherOrg: 401, admin: 401, penyusun: 401, pemeriksa: 401, penandatangan: 401, pembaca: 401, nonMember: 401 };
/** Organisation admins only (otherOrg is an admin of the other organisation). */
const ADMIN: Row = { anonymous: 401, otherOrg: "ok", admin: "ok", penyusun: 403, pemeriksa: 403, penandatangan: 403, pembaca: 403, nonMember: 403 };
/** An admin route naming a record of organisation A: the other organisation's admin gets 404. */
const ADMIN_RECORD: Row = { ...ADMIN, otherOrg: 404 };
/** Creating plans: the penyusun role (nonMember holds it too; otherOrg creates in its own organisation). */
const CREATE_PLAN: Row = { anonymous: 401, otherOrg: "ok", admin: 403, penyusun: "ok", pemeriksa: 403, penandatangan: 403, pembaca: 403, nonMember: "ok" };
/** Reading a plan: its team and the organisation's admins. */
const READ_PLAN: Row = { anonymous: 401, otherOrg: 404, admin: "ok", penyusun: "ok", pemeriksa: "ok", penandatangan: "ok", pembaca: "ok", nonMember: 403 };
/** Changing the document: the team's penyusun. */
const EDIT_PLAN: Row = { anonymous: 401, otherOrg: 404, admin: 403, penyusun: "ok", pemeriksa: 403, penandatangan: 403, pembaca: 403, nonMember: 403 };
/** Managing the team: the team's penyusun and the admins. */
const TEAM_PLAN: Row = { anonymous: 401, otherOrg: 404, admin: "ok", penyusun: "ok", pemeriksa: 403, penandatangan: 403, pembaca: 403, nonMember: 403 };
const SUBMIT_PLAN: Row = EDIT_PLAN;
const INITIAL_PLAN: Row = { anonymous: 401, otherOrg: 404, admin: 403, penyusun: 403, pemeriksa: "ok", penandatangan: 403, pembaca: 403, nonMember: 403 };
const APPROVE_PLAN: Row = { anonymous: 401, otherOrg: 404, admin: 403, penyusun: 403, pemeriksa: 403, penandatangan: "ok", pembaca: 403, nonMember: 403 };
/** Progress reports: the team members who carry the plan out (not a reader, not an admin off the team). */
const REPORT_PLAN: Row = { anonymous: 401, otherOrg: 404, admin: 403, penyusun: "ok", pemeriksa: "ok", penandatangan: "ok", pembaca: 403, nonMember: 403 };
const RETURN_PLAN: Row = { anonymous: 401, otherOrg: 404, admin: 403, penyusun: 403, pemeriksa: "ok", penandatangan: "ok", pembaca: 403, nonMember: 403 };

type Ctx = { planId: string; targetUserId: string; unitId: string; commentId: string; unique: () => string };
type Spec = {
  row: Row;
  request: (ctx: Ctx) => Omit<InjectOptions, "method">;
  /** The call ends the caller's sessions: run it as a throw-away user. */
  endsSession?: boolean;
  /** The route answers a stream that stays open (Server-Sent Events): only its status and headers are read. */
  stream?: boolean;
};

const json = (url: string, payload?: unknown, headers: Record<string, string> = {}) => ({ url, ...(payload === undefined ? {} : { payload: payload as InjectOptions["payload"] }), headers });

const MATRIX: Record<string, Spec> = {
  "GET /api/health": { row: PUBLIC, request: () => json("/api/health") },
  "GET /api/ready": { row: PUBLIC, request: () => json("/api/ready") },
  "GET /metrics": { row: METRICS, request: () => json("/metrics") },
  "GET /api/docs": { row: PUBLIC, request: () => json("/api/docs") },
  "GET /api/docs/json": { row: PUBLIC, request: () => json("/api/docs/json") },
  "GET /api/docs/yaml": { row: PUBLIC, request: () => json("/api/docs/yaml") },
  "GET /api/docs/static/*": { row: PUBLIC, request: () => json("/api/docs/static/index.html") },
  "GET /api/docs/static/index.html": { row: PUBLIC, request: () => json("/api/docs/static/index.html") },
  "GET /api/docs/static/swagger-initializer.js": { row: PUBLIC, request: () => json("/api/docs/static/swagger-initializer.js") },

  "POST /api/session": { row: PUBLIC, request: (c) => json("/api/session", { email: `tidak-ada-${c.unique()}@uji.go.id`, password: "salah-salah" }) },
  "GET /api/session": { row: SIGNED_IN, request: () => json("/api/session") },
  "GET /api/session/state": { row: PUBLIC, request: () => json("/api/session/state") },
  "DELETE /api/session": { row: SIGNED_IN, request: () => json("/api/session"), endsSession: true },
  "POST /api/session/revoke-all": { row: SIGNED_IN, request: () => json("/api/session/revoke-all"), endsSession: true },
  "GET /api/sessions": { row: SIGNED_IN, request: () => json("/api/sessions") },
  // A handle that is none of the caller's sessions: nobody can end another's session.
  "DELETE /api/sessions/:sessionId": { row: OWN_ONLY, request: () => json("/api/sessions/bukan-sesi-saya") },
  "POST /api/session/password": { row: SIGNED_IN, request: () => json("/api/session/password", { currentPassword: "bukan-sandinya", newPassword: "sandi-baru-panjang" }) },

  "GET /api/plans": { row: SIGNED_IN, request: () => json("/api/plans") },
  "POST /api/plans": { row: CREATE_PLAN, request: () => json("/api/plans", minimalPlan({ title: "Rencana matriks" })) },
  "POST /api/import": { row: CREATE_PLAN, request: () => json("/api/import", minimalPlan({ title: "Rencana matriks impor" })) },
  "GET /api/plans/:id": { row: READ_PLAN, request: (c) => json(`/api/plans/${c.planId}`) },
  "PUT /api/plans/:id": { row: EDIT_PLAN, request: (c) => json(`/api/plans/${c.planId}`, minimalPlan({ title: "Diubah" }), { "if-match": "1" }) },
  "PATCH /api/plans/:id": { row: EDIT_PLAN, request: (c) => json(`/api/plans/${c.planId}`, [{ op: "replace", path: "/title", value: "Ditambal" }], { "if-match": "1" }) },
  "POST /api/plans/:id/archive": { row: EDIT_PLAN, request: (c) => json(`/api/plans/${c.planId}/archive`) },
  "GET /api/plans/:id/revisions": { row: READ_PLAN, request: (c) => json(`/api/plans/${c.planId}/revisions`) },
  "GET /api/plans/:id/revisions/:version": { row: READ_PLAN, request: (c) => json(`/api/plans/${c.planId}/revisions/1`) },
  "GET /api/plans/:id/findings": { row: READ_PLAN, request: (c) => json(`/api/plans/${c.planId}/findings`) },
  "GET /api/plans/:id/outputs": { row: READ_PLAN, request: (c) => json(`/api/plans/${c.planId}/outputs`) },
  "GET /api/plans/:id/export": { row: READ_PLAN, request: (c) => json(`/api/plans/${c.planId}/export`) },
  "GET /api/plans/:id/schedule": { row: READ_PLAN, request: (c) => json(`/api/plans/${c.planId}/schedule`) },
  "GET /api/progress-summary": { row: SIGNED_IN, request: (c) => json(`/api/progress-summary?ids=${c.planId}`) },
  "GET /api/plans/:id/progress": { row: READ_PLAN, request: (c) => json(`/api/plans/${c.planId}/progress?at=2027-02-01`) },
  "POST /api/plans/:id/realization/reports": { row: REPORT_PLAN, request: (c) => json(`/api/plans/${c.planId}/realization/reports`, { date: "2027-02-01", activities: [], spending: [] }) },
  "GET /api/plans/:id/documents/:file": { row: READ_PLAN, request: (c) => json(`/api/plans/${c.planId}/documents/calendar.ics`) },
};

/** Rows for the routes other parts of issue 6 add; kept together so the table reads as one. */
Object.assign(MATRIX, {
  "GET /api/users": { row: ADMIN, request: () => json("/api/users") },
  "POST /api/users": { row: ADMIN, request: (c: Ctx) => json("/api/users", { email: `baru-${c.unique()}@uji.go.id`, name: "Pengguna Baru", roles: ["pembaca"], password: "kata-sandi-baru-1" }) },
  "PATCH /api/users/:userId": { row: ADMIN_RECORD, request: (c: Ctx) => json(`/api/users/${c.targetUserId}`, { name: "Nama Diubah" }) },
  "GET /api/units": { row: SIGNED_IN, request: () => json("/api/units") },
  "POST /api/units": { row: ADMIN, request: (c: Ctx) => json("/api/units", { name: `Unit ${c.unique()}` }) },
  "PATCH /api/units/:unitId": { row: ADMIN_RECORD, request: (c: Ctx) => json(`/api/units/${c.unitId}`, { name: "Unit Diubah" }) },
  "GET /api/organization": { row: SIGNED_IN, request: () => json("/api/organization") },
  "PUT /api/organization/settings": { row: ADMIN, request: () => json("/api/organization/settings", { decreeNumberTemplate: "800/{counter:3}/{year}", paper: "F4", font: "Bookman Old Style", letterhead: {} }) },
  "GET /api/audit": { row: ADMIN, request: () => json("/api/audit") },

  "GET /api/plans/:id/team": { row: READ_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/team`) },
  "PUT /api/plans/:id/team": { row: TEAM_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/team`, { members: [] }) },
  "POST /api/plans/:id/submit": { row: SUBMIT_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/submit`, {}) },
  "POST /api/plans/:id/initial": { row: INITIAL_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/initial`, {}) },
  "POST /api/plans/:id/approve": { row: APPROVE_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/approve`, {}) },
  "POST /api/plans/:id/return": { row: RETURN_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/return`, { comment: "Mohon diperbaiki" }) },
  "POST /api/plans/:id/withdraw": { row: TEAM_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/withdraw`, {}) },
  "GET /api/plans/:id/workflow": { row: READ_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/workflow`) },
  "GET /api/plans/:id/comments": { row: READ_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/comments`) },
  "POST /api/plans/:id/comments": { row: { ...READ_PLAN }, request: (c: Ctx) => json(`/api/plans/${c.planId}/comments`, { body: "Catatan uji" }) },
  "POST /api/plans/:id/comments/:commentId/resolve": { row: { ...READ_PLAN }, request: (c: Ctx) => json(`/api/plans/${c.planId}/comments/${c.commentId}/resolve`, {}) },
  "GET /api/plans/:id/diff": { row: READ_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/diff?from=1&to=1`) },
  "POST /api/plans/:id/revisions/:version/restore": { row: EDIT_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/revisions/1/restore`, {}, { "if-match": "1" }) },
  "GET /api/plans/:id/audit": { row: READ_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/audit`) },
} satisfies Record<string, Spec>);

/** Live events (issue 15): whoever may read the plan. */
Object.assign(MATRIX, {
  "GET /api/plans/:id/events": { row: READ_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/events`), stream: true },
  "POST /api/plans/:id/presence": { row: READ_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/presence`, { stage: "kegiatan" }) },
} satisfies Record<string, Spec>);

/** The decree register (issue 10): organisation admins; an entry of organisation A is another organisation's 404. */
let registerEntryOfA = 0;
/** An approved decree's verification of organisation A: public to everyone, signed in or not. */
const VERIFICATION_CODE = "ABCDEFGHJKMNPQRSTVWXYZ01";
Object.assign(MATRIX, {
  "GET /api/decree-register": { row: ADMIN, request: () => json("/api/decree-register") },
  "GET /api/decree-register/next": { row: ADMIN, request: () => json("/api/decree-register/next") },
  "POST /api/decree-register/:entryId/void": { row: ADMIN_RECORD, request: () => json(`/api/decree-register/${registerEntryOfA}/void`, { reason: "Salah ketik nomor" }) },
  "POST /api/decree-register/spoiled": { row: ADMIN, request: () => json("/api/decree-register/spoiled", { reason: "Blangko rusak" }) },

  /** Verification of an approved decree (issue 10): public, no sign-in, only what the page shows; the signing certificate: admins. */
  "GET /verifikasi/:code": { row: PUBLIC, request: () => json(`/verifikasi/${VERIFICATION_CODE}`) },
  "GET /api/verifications/:code": { row: PUBLIC, request: () => json(`/api/verifications/${VERIFICATION_CODE}`) },
  "GET /api/organization/signing-certificate": { row: ADMIN, request: () => json("/api/organization/signing-certificate") },
  "PUT /api/organization/signing-certificate": { row: ADMIN, request: () => json("/api/organization/signing-certificate", { p12Base64: "AAAA", passphrase: "x" }) },
  "DELETE /api/organization/signing-certificate": { row: ADMIN, request: () => json("/api/organization/signing-certificate") },
  /** The organisation's working calendar (issue 10): read by everyone signed in (plans use it), kept by admins. */
  "GET /api/calendar": { row: SIGNED_IN, request: () => json("/api/calendar") },
  "GET /api/calendar/:year": { row: SIGNED_IN, request: () => json("/api/calendar/2027") },
  "PUT /api/calendar/:year": { row: ADMIN, request: () => json("/api/calendar/2031", { decreed: false, source: "", entries: [] }) },
  "DELETE /api/calendar/:year": { row: ADMIN, request: () => json("/api/calendar/2031") },
} satisfies Record<string, Spec>);

/** The citizens' side (issue 17): the public page and forms are open to everyone (a published slug; the
 * forms answer 400 without a form token, which is the handler speaking); the unit's side follows the plan. */
let publishedSlug = "";
let trackingCode = "";
Object.assign(MATRIX, {
  "GET /api/public/services/:slug": { row: PUBLIC, request: () => json(`/api/public/services/${publishedSlug}`) },
  "POST /api/public/services/:slug/complaints": { row: PUBLIC, request: () => json(`/api/public/services/${publishedSlug}/complaints`, { body: "Uji matriks" }) },
  "POST /api/public/services/:slug/skm": { row: PUBLIC, request: () => json(`/api/public/services/${publishedSlug}/skm`, { answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] }) },
  "GET /api/public/services/:slug/complaints/:code": { row: PUBLIC, request: () => json(`/api/public/services/${publishedSlug}/complaints/${trackingCode}`) },
  "GET /layanan/:slug": { row: PUBLIC, request: () => json(`/layanan/${publishedSlug}`) },
  "POST /layanan/:slug/pengaduan": { row: PUBLIC, request: () => ({ url: `/layanan/${publishedSlug}/pengaduan`, payload: "body=Uji", headers: { "content-type": "application/x-www-form-urlencoded" } }) },
  "POST /layanan/:slug/skm": { row: PUBLIC, request: () => ({ url: `/layanan/${publishedSlug}/skm`, payload: "u1=4", headers: { "content-type": "application/x-www-form-urlencoded" } }) },
  "GET /api/plans/:id/public-page": { row: READ_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/public-page`) },
  "PUT /api/plans/:id/public-page": { row: TEAM_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/public-page`) },
  "DELETE /api/plans/:id/public-page": { row: TEAM_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/public-page`) },
  "GET /api/plans/:id/complaints": { row: READ_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/complaints`) },
  "PATCH /api/plans/:id/complaints/:complaintId": { row: REPORT_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/complaints/tidak-ada`, { status: "bukan-status" }) },
  "GET /api/plans/:id/skm": { row: READ_PLAN, request: (c: Ctx) => json(`/api/plans/${c.planId}/skm`) },
} satisfies Record<string, Spec>);

const routeKey = (method: string, url: string) => `${method} ${url}`;

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`authorisation matrix on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    const clients = new Map<Persona, TestClient>();
    const users = new Map<Persona, User>();
    let orgA = "";
    let orgB = "";
    let targetUserId = "";
    let unitId = "";
    let counter = 0;
    const unique = () => `${target.dialect}${Date.now().toString(36)}${counter++}`;

    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      app = await buildApp({ db: database, webRoot: false, auth: { signinRequestsPerMinute: 10_000, documentsPerMinute: 10_000 }, metrics: { token: "token-metrik-matriks" } });
      orgA = (await createOrganization(database, "Dinas Matriks A")).id;
      orgB = (await createOrganization(database, "Dinas Matriks B")).id;
      const all: Role[] = ["admin", "penyusun", "pemeriksa", "penandatangan", "pembaca"];
      const rolesOf: Record<Exclude<Persona, "anonymous">, { org: string; roles: Role[] }> = {
        otherOrg: { org: orgB, roles: all },
        admin: { org: orgA, roles: ["admin"] },
        penyusun: { org: orgA, roles: ["penyusun"] },
        pemeriksa: { org: orgA, roles: ["pemeriksa"] },
        penandatangan: { org: orgA, roles: ["penandatangan"] },
        pembaca: { org: orgA, roles: ["pembaca"] },
        nonMember: { org: orgA, roles: ["penyusun", "pemeriksa", "penandatangan", "pembaca"] },
      };
      for (const [persona, { org, roles }] of Object.entries(rolesOf) as [Exclude<Persona, "anonymous">, { org: string; roles: Role[] }][]) {
        const user = await createUser(database, org, roles, `Persona ${persona}`);
        users.set(persona, user);
        clients.set(persona, await signIn(app, user.email));
      }
      targetUserId = (await createUser(database, orgA, ["pembaca"], "Sasaran ubah")).id;
      unitId = (await peopleRepo(database.db).createUnit(orgA, { name: "Unit Matriks" })).id;
      registerEntryOfA = await recordRegisterEntry(database.db, {
        organizationId: orgA, series: "800", year: 2027, counter: 1, number: "800/001/2027", planId: null, planVersion: null,
        title: "Matriks", signatory: "Kepala", issuedOn: "2027-01-04", status: "issued", userId: null, at: new Date().toISOString(),
      });
      await recordVerification(database.db, {
        code: VERIFICATION_CODE, organizationId: orgA, planId: "rencana-matriks", planVersion: 1, kind: "sk",
        number: "800/001/2027", issuedOn: "2027-01-04", title: "Matriks", signatory: "Kepala", createdAt: new Date().toISOString(),
      });
      // A published page with one complaint, for the public routes.
      const adopted = minimalPlan({ title: "Layanan matriks" });
      const published = await plansRepo(database.db).create(adopted, { organizationId: orgA, createdBy: null });
      publishedSlug = `matriks-${unique()}`;
      const pages = publicRepo(database.db);
      await writeTransaction(database.db, (q) => pages.publish(q, { slug: publishedSlug, organizationId: orgA, planId: published.id, content: publicService(adopted, publishedSlug), planVersion: 1, publishedAt: new Date().toISOString(), publishedBy: null }));
      trackingCode = (await pages.addComplaint({ organizationId: orgA, planId: published.id, kind: "pengaduan", body: "Uji", name: null, contact: null, receivedAt: new Date().toISOString(), dueOn: "2027-01-10" })).code;
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    /** A fresh plan of organisation A with the five team personas, and a comment on it. */
    async function freshPlan(): Promise<{ planId: string; commentId: string }> {
      const repo = plansRepo(database.db);
      const id = (p: Persona) => users.get(p)?.id ?? "";
      const created = await repo.create(minimalPlan({ title: `Rencana ${unique()}` }), { organizationId: orgA, createdBy: id("penyusun") });
      const team: PlanMember[] = [
        { userId: id("penyusun"), role: "penyusun", position: 0 },
        { userId: id("pemeriksa"), role: "pemeriksa", position: 1 },
        { userId: id("penandatangan"), role: "penandatangan", position: 0 },
        { userId: id("pembaca"), role: "pembaca", position: 0 },
      ];
      await repo.setTeam(created.id, team);
      const commentId = unique();
      await database.db
        .insertInto("comments")
        .values({ id: commentId, plan_id: created.id, author_id: id("pembaca"), stage: null, item_ref: null, body: "Catatan", version: 1, resolved_at: null, resolved_by: null, created_at: new Date().toISOString() })
        .execute();
      return { planId: created.id, commentId };
    }

    async function call(persona: Persona, method: string, spec: Spec, ctx: Ctx): Promise<LightMyRequestResponse> {
      const options = { method, ...spec.request(ctx), ...(spec.stream ? { payloadAsStream: true } : {}) } as InjectOptions;
      if (spec.stream) return readStreamStart(await callOnce(persona, options, spec));
      return callOnce(persona, options, spec);
    }

    /** A stream's answer: an error body is read whole; an open event stream is read no further than its headers. */
    async function readStreamStart(res: LightMyRequestResponse): Promise<LightMyRequestResponse> {
      const stream = res.stream();
      if (String(res.headers["content-type"] ?? "").startsWith("text/event-stream")) {
        stream.destroy();
        return { ...res, statusCode: res.statusCode, body: "", json: () => ({}) } as LightMyRequestResponse;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
      const body = Buffer.concat(chunks).toString("utf8");
      return { ...res, statusCode: res.statusCode, body, json: () => JSON.parse(body) as unknown } as LightMyRequestResponse;
    }

    async function callOnce(persona: Persona, options: InjectOptions, spec: Spec): Promise<LightMyRequestResponse> {
      if (persona === "anonymous") return app.inject(options);
      let client = clients.get(persona);
      if (spec.endsSession) {
        const original = users.get(persona);
        const stand = await createUser(database, original?.organizationId ?? orgA, original?.roles ?? [], `Pengganti ${persona}`);
        client = await signIn(app, stand.email);
      }
      if (!client) throw new Error(`no client for ${persona}`);
      return client.inject(options);
    }

    function outcomeOf(res: LightMyRequestResponse): Outcome | string {
      let code = "";
      try {
        code = (res.json() as { error?: { code?: string } }).error?.code ?? "";
      } catch {
        code = "";
      }
      if (res.statusCode === 401 && code === "auth.required") return 401;
      if (res.statusCode === 403 && code === "auth.forbidden") return 403;
      if (res.statusCode === 404 && code === "not_found") return 404;
      if (code === "auth.invalid_credentials") return "ok"; // the sign-in route itself answered
      if (res.statusCode >= 500 || res.statusCode === 401 || (res.statusCode === 403 && code === "auth.csrf")) return `unexpected ${res.statusCode} ${code}`;
      return "ok";
    }

    it("has a row for every registered route, and no row for a route that does not exist", () => {
      const registered = new Set(app.routeTable.map((r) => routeKey(r.method, r.url)));
      const missing = [...registered].filter((k) => !(k in MATRIX));
      expect(missing, "routes without a row in the authorisation matrix").toEqual([]);
      const stale = Object.keys(MATRIX).filter((k) => !registered.has(k));
      expect(stale, "matrix rows for routes that are not registered").toEqual([]);
    });

    it("answers every route × caller as the matrix says", async () => {
      const mismatches: string[] = [];
      const shared = await freshPlan(); // reads share one plan; every write gets a fresh one
      for (const entry of app.routeTable) {
        const key = routeKey(entry.method, entry.url);
        const spec = MATRIX[key];
        if (!spec) continue; // reported by the test above
        for (const persona of PERSONAS) {
          const { planId, commentId } = entry.method === "GET" ? shared : await freshPlan();
          const res = await call(persona, entry.method, spec, { planId, commentId, targetUserId, unitId, unique });
          const got = outcomeOf(res);
          const expected = spec.row[persona];
          if (got !== expected) mismatches.push(`${key} as ${persona}: expected ${expected}, got ${got} (${res.statusCode} ${res.body.slice(0, 160)})`);
        }
      }
      expect(mismatches).toEqual([]);
    }, 240_000);
  });
}
