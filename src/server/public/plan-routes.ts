// The unit's side of the public page, under /api/plans/:id: publish (a snapshot of the adopted
// standard's public part) or withdraw the page, answer complaints (diterima → diproses → dijawab)
// and read the SKM of a period (IKM, NRR per unsur, priority, suggestions) with the findings that
// close the loop. Access follows the plan: readers read, the penyusun and admins publish, the team
// members who carry the plan out answer complaints.
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { pick } from "../../domain/messages.js";
import { citizenFindings, COMPLAINT_STATUSES, isOverdue, publicService } from "../../domain/service/public.js";
import { skmSummary, type SkmSummary } from "../../domain/service/skm-summary.js";
import { isAdopted, serviceSlug } from "../../domain/service/standard.js";
import { isValidIsoDate } from "../../domain/plan/schema.js";
import { recordAudit } from "../../store/audit-repo.js";
import type { Database } from "../../store/database.js";
import type { PlansRepo } from "../../store/plans-repo.js";
import { writeTransaction } from "../../store/plans-repo.js";
import { publicRepo, type Complaint } from "../../store/public-repo.js";
import { policies } from "../auth/policy.js";
import { apiError, requestLang } from "../errors.js";
import { langQuery, planIdParams } from "../plans/schema.js";
import { actorOf, mustGet, parseInput } from "../plans/routes.js";
import { jakartaToday } from "../realization/baselines.js";

export type ServiceRoutesOptions = { database: Database; repo: PlansRepo; now: () => number };

const isoDate = z.string().refine(isValidIsoDate, { message: "date.invalid" });
const periodQuery = langQuery.extend({ from: isoDate.optional(), to: isoDate.optional() });
const complaintParams = z.strictObject({ id: z.string().min(1).max(200), complaintId: z.string().min(1).max(200) });
const complaintChange = z
  .strictObject({ status: z.enum(COMPLAINT_STATUSES), answer: z.string().trim().max(4_000).optional() })
  .refine((c) => c.status !== "dijawab" || (c.answer ?? "") !== "", { message: "jawaban wajib diisi untuk status dijawab (an answer is required to mark it answered)", path: ["answer"] });

const params = { type: "object", properties: { id: { type: "string" } }, required: ["id"] } as const;

/** The period of a query: from..to, by default 1 January of this year (Jakarta) until today. */
export function periodOf(query: { from?: string; to?: string }, today: string): { from: string; to: string } {
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw apiError("request.invalid", { errors: [{ path: "from", code: "period.invalid", message: { id: "awal periode sesudah akhirnya", en: "the period starts after it ends" } }] });
  return { from, to };
}

export function presentComplaint(c: Complaint, today: string) {
  return { id: c.id, code: c.code, kind: c.kind, body: c.body, name: c.name, contact: c.contact, status: c.status, answer: c.answer, receivedAt: c.receivedAt, dueOn: c.dueOn, overdue: isOverdue(c, today), updatedAt: c.updatedAt, answeredAt: c.answeredAt };
}

/** The SKM summary of a period with the loop's findings (unsur below Baik; complaints past their deadline). */
export async function skmOfPeriod(database: Database, planId: string, period: { from: string; to: string }, today: string): Promise<{ summary: SkmSummary; complaints: Complaint[]; findings: ReturnType<typeof citizenFindings> }> {
  const repo = publicRepo(database.db);
  const [responses, complaints] = await Promise.all([repo.skm(planId, period.from, period.to), repo.complaints(planId)]);
  const summary = skmSummary(responses, period);
  const label = `${period.from} s.d. ${period.to}`;
  return { summary, complaints, findings: citizenFindings(summary.standings, complaints, today, label) };
}

export const serviceRoutes: FastifyPluginAsync<ServiceRoutesOptions> = async (app, { database, repo, now }) => {
  const pages = publicRepo(database.db);
  const presentPage = (p: Awaited<ReturnType<typeof pages.pageOfPlan>>) => (p ? { slug: p.slug, path: `/layanan/${p.slug}`, publishedAt: p.publishedAt, planVersion: p.planVersion } : null);

  app.get("/plans/:id/public-page", { config: { policy: policies.plan("read") }, schema: { tags: ["layanan publik"], summary: "The service's public page: published or not, its address, the version it shows", params } }, async (request) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const stored = await mustGet(repo, id);
    return { page: presentPage(await pages.pageOfPlan(id)), adopted: isAdopted(stored.plan), slug: serviceSlug(stored.plan), currentVersion: stored.version };
  });

  app.put("/plans/:id/public-page", { config: { policy: policies.plan("publish") }, schema: { tags: ["layanan publik"], summary: "Publish (or republish) the public page of an adopted standard at /layanan/<serviceStandard.slug>", params } }, async (request) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const stored = await mustGet(repo, id);
    if (!isAdopted(stored.plan)) throw apiError("public_page.not_adopted");
    const slug = serviceSlug(stored.plan);
    const actor = actorOf(request);
    const at = new Date(now()).toISOString();
    const ok = await writeTransaction(database.db, async (q) => {
      const done = await pages.publish(q, { slug, organizationId: actor.organizationId, planId: id, content: publicService(stored.plan, slug), planVersion: stored.version, publishedAt: at, publishedBy: actor.userId });
      if (done) await recordAudit(q, { organizationId: actor.organizationId, planId: id, userId: actor.userId, action: "public_page.publish", version: stored.version, detail: { slug }, at });
      return done;
    });
    if (!ok) throw apiError("conflict.duplicate", { errors: [{ path: "serviceStandard.slug", code: "slug.taken", message: { id: `alamat halaman /layanan/${slug} sudah dipakai layanan lain; ganti alamat halaman di standar pelayanan`, en: `the page address /layanan/${slug} is taken by another service; change the page address in the service standard` } }] });
    return { page: presentPage(await pages.pageOfPlan(id)) };
  });

  app.delete("/plans/:id/public-page", { config: { policy: policies.plan("publish") }, schema: { tags: ["layanan publik"], summary: "Withdraw the public page (its address answers 404; complaints and SKM responses are kept)", params } }, async (request) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const actor = actorOf(request);
    const at = new Date(now()).toISOString();
    await writeTransaction(database.db, async (q) => {
      if (await pages.unpublish(q, id)) await recordAudit(q, { organizationId: actor.organizationId, planId: id, userId: actor.userId, action: "public_page.withdraw", detail: {}, at });
    });
    return { page: null };
  });

  app.get("/plans/:id/complaints", { config: { policy: policies.plan("read") }, schema: { tags: ["layanan publik"], summary: "Complaints, suggestions and inputs filed on the public page, newest first, with their deadline", params } }, async (request) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const today = jakartaToday(now());
    return { today, items: (await pages.complaints(id)).map((c) => presentComplaint(c, today)) };
  });

  app.patch("/plans/:id/complaints/:complaintId", { config: { policy: policies.plan("report") }, schema: { tags: ["layanan publik"], summary: "Move a complaint: diterima → diproses → dijawab (an answer is required to answer)" } }, async (request) => {
    parseInput(langQuery, request.query);
    const { id, complaintId } = parseInput(complaintParams, request.params);
    const change = parseInput(complaintChange, request.body);
    const actor = actorOf(request);
    const at = new Date(now()).toISOString();
    const updated = await writeTransaction(database.db, async (q) => {
      const c = await pages.updateComplaint(q, id, complaintId, { status: change.status, answer: change.answer ? change.answer : null, at, userId: actor.userId });
      if (c) await recordAudit(q, { organizationId: actor.organizationId, planId: id, userId: actor.userId, action: "complaint.update", detail: { code: c.code, status: c.status }, at });
      return c;
    });
    if (!updated) throw apiError("not_found");
    return presentComplaint(updated, jakartaToday(now()));
  });

  app.get("/plans/:id/skm", { config: { policy: policies.plan("read") }, schema: { tags: ["layanan publik"], summary: "The SKM of a period (default: this year): respondents, profile, NRR per unsur, IKM, mutu, kinerja, priority, suggestions, and the findings that close the loop", params } }, async (request) => {
    const query = parseInput(periodQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const today = jakartaToday(now());
    const { summary, findings } = await skmOfPeriod(database, id, periodOf(query, today), today);
    const lang = requestLang(request);
    return { ...summary, findings: findings.map((f) => ({ ...f, message: pick(f.message, lang), messages: f.message })) };
  });
};
