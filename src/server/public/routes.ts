// The public side of a published service, without sign-in: the page /layanan/<slug> (plain HTML,
// no script) with its two forms, and the same as JSON under /api/public/services/<slug>. Only
// the published snapshot is read, never the plan; an unpublished slug is 404 everywhere. Every
// form is checked by the guard (signed timestamp, honeypot, per-address limit in the database).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { UNSUR } from "../../domain/service/ikm.js";
import { COMPLAINT_STATUS_LABELS, complaintDueOn, EDUCATIONS, GENDERS, OCCUPATIONS } from "../../domain/service/public.js";
import { SLUG_PATTERN } from "../../domain/service/standard-schema.js";
import type { Database } from "../../store/database.js";
import { publicRepo, TRACKING_CODE_PATTERN, type ServicePage } from "../../store/public-repo.js";
import { policies } from "../auth/policy.js";
import { ApiError, apiError, type ApiErrorItem } from "../errors.js";
import { jakartaToday } from "../realization/baselines.js";
import { formGuard, HONEYPOT_FIELD, type ResolvedPublicFormOptions } from "./guard.js";
import { parseComplaint, parseSkm, type ComplaintInput, type SkmInput } from "./forms.js";
import { renderNotFoundPage, renderServicePage, type PageState } from "./page.js";

export type PublicRoutesOptions = { database: Database; options: ResolvedPublicFormOptions };

/** The public forms are small: 32 KiB is far above the longest allowed texts. */
const PUBLIC_BODY_LIMIT = 32 * 1024;

const slugParams = { type: "object", properties: { slug: { type: "string" } }, required: ["slug"] } as const;

export const publicRoutes: FastifyPluginAsync<PublicRoutesOptions> = async (app, { database, options }) => {
  const repo = publicRepo(database.db);
  const guard = formGuard(database.db, repo, options);

  // HTML forms post as application/x-www-form-urlencoded (in this plugin only).
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: PUBLIC_BODY_LIMIT }, (_request, body, done) => {
    const out: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(typeof body === "string" ? body : body.toString("utf8"))) out[k] = v;
    done(null, out);
  });

  async function pageOf(slug: unknown): Promise<ServicePage> {
    const page = typeof slug === "string" && slug.length <= 100 && SLUG_PATTERN.test(slug) ? await repo.page(slug) : null;
    if (!page) throw apiError("not_found");
    return page;
  }

  async function fileComplaint(page: ServicePage, input: ComplaintInput) {
    const at = new Date(options.now());
    const receivedOn = jakartaToday(at.getTime());
    return repo.addComplaint({ organizationId: page.organizationId, planId: page.planId, ...input, receivedAt: at.toISOString(), dueOn: complaintDueOn(receivedOn, page.content.complaintDays) });
  }

  async function fileSkm(page: ServicePage, input: SkmInput) {
    const at = new Date(options.now());
    await repo.addSkm({ organizationId: page.organizationId, planId: page.planId, submittedAt: at.toISOString(), submittedOn: jakartaToday(at.getTime()), ...input });
  }

  /** What a tracking code shows: its status and the answer, nothing else. */
  async function tracked(page: ServicePage, code: string) {
    const c = TRACKING_CODE_PATTERN.test(code) ? await repo.complaintByCode(page.planId, code) : null;
    return c ? { code: c.code, status: c.status, statusLabel: COMPLAINT_STATUS_LABELS[c.status], answer: c.status === "dijawab" ? c.answer : null } : null;
  }

  const normalizeCode = (v: unknown) => (typeof v === "string" ? v.trim().toUpperCase().replace(/\s+/g, "") : "");
  const publicConfig = { policy: policies.public };

  // ---- JSON ----
  app.get("/api/public/services/:slug", { config: publicConfig, bodyLimit: PUBLIC_BODY_LIMIT, schema: { tags: ["publik"], summary: "A published service: the public part of its standard, the maklumat, address and hours, the SKM questions and a form token", params: slugParams } }, async (request) => {
    await guard.limit("read", request.ip);
    const page = await pageOf((request.params as { slug?: unknown }).slug);
    return {
      service: page.content,
      formToken: await guard.token(page.slug),
      honeypotField: HONEYPOT_FIELD,
      skm: { unsur: UNSUR.map((u) => ({ code: u.code, name: u.name, question: u.question.id, scale: u.scale })), profile: { gender: GENDERS, education: EDUCATIONS, occupation: OCCUPATIONS } },
    };
  });

  app.post("/api/public/services/:slug/complaints", { config: publicConfig, bodyLimit: PUBLIC_BODY_LIMIT, schema: { tags: ["publik"], summary: "File a complaint, suggestion or input (anonymous or with contact); answers its tracking code", params: slugParams } }, async (request, reply) => {
    await guard.limit("complaint", request.ip);
    const page = await pageOf((request.params as { slug?: unknown }).slug);
    const body = (request.body ?? {}) as Record<string, unknown>;
    await guard.check(page.slug, body.token, body[HONEYPOT_FIELD]);
    const complaint = await fileComplaint(page, parseComplaint(body));
    return reply.code(201).send({ trackingCode: complaint.code, status: complaint.status, dueOn: complaint.dueOn });
  });

  app.post("/api/public/services/:slug/skm", { config: publicConfig, bodyLimit: PUBLIC_BODY_LIMIT, schema: { tags: ["publik"], summary: "Send an SKM questionnaire: nine answers 1–4 (Permenpan RB 14/2017), an optional profile and a suggestion", params: slugParams } }, async (request, reply) => {
    await guard.limit("skm", request.ip);
    const page = await pageOf((request.params as { slug?: unknown }).slug);
    const body = (request.body ?? {}) as Record<string, unknown>;
    await guard.check(page.slug, body.token, body[HONEYPOT_FIELD]);
    await fileSkm(page, parseSkm(body));
    return reply.code(201).send({ ok: true });
  });

  app.get("/api/public/services/:slug/complaints/:code", { config: publicConfig, schema: { tags: ["publik"], summary: "A tracking code's status and answer (nothing else)" } }, async (request) => {
    await guard.limit("read", request.ip);
    const params = request.params as { slug?: unknown; code?: unknown };
    const page = await pageOf(params.slug);
    const found = await tracked(page, normalizeCode(params.code));
    if (!found) throw apiError("not_found");
    return found;
  });

  // ---- HTML ----
  async function sendPage(reply: FastifyReply, page: ServicePage, state: Omit<PageState, "token" | "lang">, status = 200) {
    return reply
      .code(status)
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .send(renderServicePage(page.content, { ...state, token: await guard.token(page.slug), lang: "id" }));
  }

  /** An HTML route: 404 and 429 become pages, not JSON. */
  function html(handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        return await handler(request, reply);
      } catch (e) {
        if (e instanceof ApiError && e.code === "not_found") return reply.code(404).header("content-type", "text/html; charset=utf-8").send(renderNotFoundPage());
        throw e;
      }
    };
  }

  app.get("/layanan/:slug", { config: publicConfig, schema: { hide: true } }, html(async (request, reply) => {
    await guard.limit("read", request.ip);
    const page = await pageOf((request.params as { slug?: unknown }).slug);
    const code = normalizeCode((request.query as { kode?: unknown }).kode);
    if (!code) return sendPage(reply, page, {});
    const found = await tracked(page, code);
    return sendPage(reply, page, { tracked: found ? { code, found: true, status: found.status, answer: found.answer } : { code, found: false } });
  }));

  /** A form post: the guard's refusal or a field error re-renders the page with the message and what was typed. */
  function formPost(kind: "complaint" | "skm") {
    return html(async (request, reply) => {
      const page = await pageOf((request.params as { slug?: unknown }).slug);
      const body = (request.body ?? {}) as Record<string, string>;
      const values = Object.fromEntries(Object.entries(body).filter(([k]) => k !== "token" && k !== HONEYPOT_FIELD));
      const formState = (errors: ApiErrorItem[]) => (kind === "complaint" ? { complaintForm: { errors, values } } : { skmForm: { errors, values } });
      try {
        await guard.limit(kind, request.ip);
        await guard.check(page.slug, body.token, body[HONEYPOT_FIELD]);
        if (kind === "complaint") return sendPage(reply, page, { filed: { code: (await fileComplaint(page, parseComplaint(body))).code } });
        await fileSkm(page, parseSkm(body));
        return sendPage(reply, page, { skmThanks: true });
      } catch (e) {
        if (!(e instanceof ApiError) || e.code === "not_found") throw e;
        if (e.code === "request.invalid") return sendPage(reply, page, formState([...(e.options.errors ?? [])]), 400);
        const message = { id: e.code === "rate_limited" ? "Terlalu banyak kiriman dari alamat Anda dalam satu jam ini; coba lagi nanti." : "Formulir tidak dapat diterima: tunggu beberapa detik setelah halaman dibuka, isi kembali, lalu kirim.", en: "" };
        if (e.code === "rate_limited" && typeof e.options.extra?.retryAfterSeconds === "number") reply.header("retry-after", String(e.options.extra.retryAfterSeconds));
        return sendPage(reply, page, formState([{ path: "", code: e.code, message }]), e.status);
      }
    });
  }
  app.post("/layanan/:slug/pengaduan", { config: publicConfig, bodyLimit: PUBLIC_BODY_LIMIT, schema: { hide: true } }, formPost("complaint"));
  app.post("/layanan/:slug/skm", { config: publicConfig, bodyLimit: PUBLIC_BODY_LIMIT, schema: { hide: true } }, formPost("skm"));
};
