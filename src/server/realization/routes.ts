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
import { computeProgress, type BaselineInput } from "../../domain/realization/index.js";
import type { Database } from "../../store/database.js";
import type { PlansRepo, StoredPlan, WriteResult } from "../../store/plans-repo.js";
import { policies } from "../auth/policy.js";
import { apiError } from "../errors.js";
import { langQuery, planIdParams } from "../plans/schema.js";
import { actorOf, mustGet, parseInput } from "../plans/routes.js";

export type RealizationRoutesOptions = { database: Database; repo: PlansRepo; now?: () => number };

const progressQuery = langQuery.extend({ at: z.string().refine(isValidIsoDate, { message: "date.invalid" }).optional() });

/** Today in Jakarta (WIB), the day a report or a chart is "as of". */
export function jakartaToday(ms: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(ms));
}

const MAX_ATTEMPTS = 8;

const params = { type: "object", properties: { id: { type: "string" } }, required: ["id"] } as const;

export const realizationRoutes: FastifyPluginAsync<RealizationRoutesOptions> = async (app, { database, repo, now = Date.now }) => {
  /** The approved versions to compare with: the first approval, and the latest one when the plan was amended since. */
  async function baselinesOf(stored: StoredPlan): Promise<BaselineInput[]> {
    const latest = stored.workflow.baselineVersion;
    if (latest === null) return [];
    const first = await database.db
      .selectFrom("workflow_events")
      .select("version")
      .where("plan_id", "=", stored.id)
      .where("action", "=", "approve")
      .orderBy("id")
      .executeTakeFirst();
    const versions = [...new Set([first ? Number(first.version) : latest, latest])];
    const out: BaselineInput[] = [];
    for (const [k, version] of versions.entries()) {
      const revision = await repo.getRevision(stored.id, version);
      if (!revision) continue;
      const label = versions.length === 1 ? `Rencana disetujui (versi ${version})` : k === 0 ? `Rencana awal (versi ${version})` : `Rencana perubahan (versi ${version})`;
      out.push({ label, plan: revision.plan });
    }
    return out;
  }

  async function progressOf(stored: StoredPlan, at: string) {
    const result = computeProgress(stored.plan, at, { baselines: await baselinesOf(stored) });
    if (!result.ok) {
      throw apiError("schedule.cycle", {
        detail: result.error.message,
        errors: [{ path: "activities", code: result.error.code, message: result.error.message }],
        extra: { cycle: result.error.cycle },
      });
    }
    return result.view;
  }

  /** Who must hear of a kritis status: the plan's penanggung jawab and pengarah (team in the document). */
  function noticeOf(plan: Plan, status: string) {
    if (status !== "kritis") return null;
    return { status, to: plan.team.filter((m) => m.role === "penanggung-jawab" || m.role === "pengarah").map((m) => ({ role: m.role, name: m.name, position: m.position })) };
  }

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
        notice: noticeOf(stored.plan, view.status),
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
        .send({ version: result.plan.version, index, reports: result.plan.plan.realization?.reports.length ?? 0, progress: view, notice: noticeOf(result.plan.plan, view.status) });
    },
  );
};
