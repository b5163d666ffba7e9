// Supervision (pengawasan) under /api: progress reports after approval, and the computed
// progress (Kurva S, deviation, LKPP status). A report is a versioned, audited write of the
// document's `realization` section only: the status, the baseline and the amendment counter
// stay as they are, so reporting never reopens an approved plan. Two reports at once are both
// kept: each is appended to the plan as it is inside the write (a lost race retries).
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Plan } from "../../domain/plan/schema.js";
import { isValidIsoDate, realizationReportSchema } from "../../domain/plan/schema.js";
import { validatePlan } from "../../domain/plan/validate.js";
import { computeProgress, type ProgressStatus } from "../../domain/realization/index.js";
import { approvedBaselines, jakartaToday, overseerRoleOf } from "./baselines.js";

// Other routes (the public pages) read the date from here.
export { jakartaToday };
import type { Database } from "../../store/database.js";
import type { PlansRepo, StoredPlan, WriteResult } from "../../store/plans-repo.js";
import { requireAuth } from "../auth/context.js";
import { mayOnPlan, planRolesOf, policies } from "../auth/policy.js";
import { apiError } from "../errors.js";
import { langQuery, planIdParams } from "../plans/schema.js";
import { actorOf, mustGet, parseInput } from "../plans/routes.js";

export type RealizationRoutesOptions = { database: Database; repo: PlansRepo; now?: () => number };

const progressQuery = langQuery.extend({ at: z.string().refine(isValidIsoDate, { message: "date.invalid" }).optional() });

const MAX_ATTEMPTS = 8;
const SUMMARY_CACHE = 2_000;

const summaryQuery = langQuery.extend({
  ids: z
    .string()
    .max(100 * 201)
    .refine((s) => s.split(",").length <= 100, { message: "ids.too_many" }),
});

type ProgressSummary = { id: string; at: string; planned: number; actual: number; deviation: number; status: ProgressStatus; reportCount: number };

const params = { type: "object", properties: { id: { type: "string" } }, required: ["id"] } as const;

export const realizationRoutes: FastifyPluginAsync<RealizationRoutesOptions> = async (app, { database, repo, now = Date.now }) => {
  async function progressOf(stored: StoredPlan, at: string) {
    const result = computeProgress(stored.plan, at, { baselines: await approvedBaselines(database, repo, stored) });
    if (!result.ok) {
      throw apiError("schedule.cycle", {
        detail: result.error.message,
        errors: [{ path: "activities", code: result.error.code, message: result.error.message }],
        extra: { cycle: result.error.cycle },
      });
    }
    return result.view;
  }

  /**
   * Who must hear of a kritis status: the plan's penanggung jawab and pengarah (team in the
   * document); `forMe` when the caller is one of them (overseerRoleOf).
   */
  async function noticeOf(request: FastifyRequest, stored: Pick<StoredPlan, "id" | "organizationId" | "plan">, status: string) {
    if (status !== "kritis") return null;
    const auth = requireAuth(request.auth);
    const members = (await repo.teams([stored.id])).get(stored.id) ?? [];
    const appRoles = planRolesOf(auth, { planId: stored.id, organizationId: stored.organizationId, status: "approved", reviewStep: null, members });
    const role = overseerRoleOf(auth.user, stored.plan, appRoles);
    return {
      status,
      forMe: role !== null,
      ...(role ? { as: role } : {}),
      to: stored.plan.team.filter((m) => m.role === "penanggung-jawab" || m.role === "pengarah").map((m) => ({ role: m.role, name: m.name, position: m.position })),
    };
  }

  /** The plan list's status column: computed here (no baselines needed), cached per plan version and day. */
  const summaries = new Map<string, ProgressSummary>();
  function summaryOf(stored: StoredPlan, at: string): ProgressSummary | null {
    const key = `${stored.id}:${stored.version}:${at}`;
    const hit = summaries.get(key);
    if (hit) return hit;
    const result = computeProgress(stored.plan, at);
    if (!result.ok) return null;
    const v = result.view;
    const summary: ProgressSummary = { id: stored.id, at, planned: v.planned, actual: v.actual, deviation: v.deviation, status: v.status, reportCount: v.reportCount };
    if (summaries.size >= SUMMARY_CACHE) summaries.clear();
    summaries.set(key, summary);
    return summary;
  }

  app.get(
    "/progress-summary",
    {
      config: { policy: policies.signedIn },
      schema: {
        tags: ["pengawasan"],
        summary: "Progress status (sesuai/terlambat/kritis) today of the listed plans that are approved and that the caller may read",
        querystring: { type: "object", properties: { lang: { type: "string", enum: ["id", "en"] }, ids: { type: "string", description: "plan ids, comma-separated (at most 100)" } } },
      },
    },
    async (request) => {
      const q = parseInput(summaryQuery, request.query);
      const auth = requireAuth(request.auth);
      const ids = [...new Set(q.ids.split(",").filter((x) => x !== ""))];
      const at = jakartaToday(now());
      const teams = await repo.teams(ids);
      const items: (ProgressSummary & { notice: boolean })[] = [];
      for (const id of ids) {
        const stored = await repo.get(id);
        if (!stored || stored.workflow.baselineVersion === null || stored.status === "archived") continue;
        const access = { planId: id, organizationId: stored.organizationId, status: stored.status, reviewStep: null, members: teams.get(id) ?? [] };
        if (!mayOnPlan("read", auth, access)) continue;
        const summary = summaryOf(stored, at);
        if (!summary) continue;
        items.push({ ...summary, notice: summary.status === "kritis" && overseerRoleOf(auth.user, stored.plan, planRolesOf(auth, access)) !== null });
      }
      return { at, items };
    },
  );

  app.get(
    "/plans/:id/progress",
    {
      config: { policy: policies.plan("read") },
      schema: {
        tags: ["pengawasan"],
        summary: "Progress at a date (default: today in Jakarta): Kurva S, deviation, LKPP status, money, baselines",
        params,
        querystring: { type: "object", properties: { lang: { type: "string", enum: ["id", "en"] }, at: { type: "string" } } },
      },
    },
    async (request, reply) => {
      const q = parseInput(progressQuery, request.query);
      const { id } = parseInput(planIdParams, request.params);
      const stored = await mustGet(repo, id);
      const view = await progressOf(stored, q.at ?? jakartaToday(now()));
      return reply.header("etag", `"${stored.version}"`).send({
        version: stored.version,
        approved: stored.workflow.baselineVersion !== null,
        progress: view,
        notice: await noticeOf(request, stored, view.status),
        reports: stored.plan.realization?.reports ?? [],
      });
    },
  );

  app.post(
    "/plans/:id/realization/reports",
    {
      config: { policy: policies.plan("report") },
      schema: {
        tags: ["pengawasan"],
        summary: "Add a progress report (after approval; keeps the approved plan and its status)",
        params,
        querystring: { type: "object", properties: { lang: { type: "string", enum: ["id", "en"] } } },
        body: { type: "object" },
      },
    },
    async (request: FastifyRequest, reply) => {
      parseInput(langQuery, request.query);
      const { id } = parseInput(planIdParams, request.params);
      const report = parseInput(realizationReportSchema, request.body);
      let result: WriteResult | undefined;
      let index = -1;
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        result = await repo.write(
          id,
          undefined,
          (current) => {
            if (current.workflow.baselineVersion === null || current.status === "archived") throw apiError("realization.not_approved");
            const reports = [...(current.plan.realization?.reports ?? []), report];
            index = reports.length - 1;
            const checked = validatePlan({ ...current.plan, realization: { reports } });
            if (!checked.ok) throw apiError("validation.failed", { errors: checked.errors });
            const before = computeProgress(current.plan, report.date);
            const after = computeProgress(checked.plan, report.date);
            const from = before.ok ? before.view.status : null;
            const to = after.ok ? after.view.status : null;
            return {
              plan: checked.plan,
              status: current.status,
              detail: { report: { index, date: report.date, activities: report.activities.length, spending: report.spending.length }, ...(from !== to ? { progressStatus: { from, to } } : {}) },
            };
          },
          { actor: actorOf(request), action: "realization.report" },
        );
        if (result.ok || result.reason !== "conflict") break;
      }
      if (!result || !result.ok) throw result && result.reason === "not_found" ? apiError("not_found") : apiError("version.conflict");
      const view = await progressOf(result.plan, report.date);
      return reply
        .code(201)
        .header("etag", `"${result.plan.version}"`)
        .send({ version: result.plan.version, index, reports: result.plan.plan.realization?.reports.length ?? 0, progress: view, notice: await noticeOf(request, result.plan, view.status) });
    },
  );
};
