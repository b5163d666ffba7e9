// Typed access to the supervision side of the API (docs/api.md, "Supervision"): the progress of
// a plan at a date, a new progress report, and the status of the listed plans (the plan list).
// The progress itself is the domain's computeProgress view, computed on the server.
import { z } from "zod";
import { realizationReportSchema, type RealizationReport } from "../../../src/domain/plan/schema.js";
import { PROGRESS_STATUSES, type ProgressView } from "../../../src/domain/realization/progress.js";
import type { ApiClient } from "./client.js";

/** The view is the domain's own type; its shape is checked where the screens rely on it. */
const progressViewSchema = z
  .object({
    at: z.string(),
    planned: z.number(),
    actual: z.number(),
    deviation: z.number(),
    status: z.enum(PROGRESS_STATUSES),
    curve: z.array(z.object({ date: z.string(), planned: z.number(), actual: z.number().nullable() }).passthrough()),
    activities: z.array(z.object({ id: z.string(), name: z.string() }).passthrough()),
  })
  .passthrough()
  .transform((v) => v as unknown as ProgressView);

const noticeSchema = z
  .object({
    status: z.string(),
    forMe: z.boolean().optional(),
    as: z.string().optional(),
    to: z.array(z.object({ role: z.string(), name: z.string(), position: z.string().optional() })),
  })
  .nullable();
export type ProgressNotice = z.infer<typeof noticeSchema>;

const progressAnswerSchema = z.object({
  version: z.number(),
  approved: z.boolean(),
  progress: progressViewSchema,
  notice: noticeSchema,
  reports: z.array(realizationReportSchema),
});
export type ProgressAnswer = z.infer<typeof progressAnswerSchema>;

const reportAnswerSchema = z.object({ version: z.number(), index: z.number(), reports: z.number(), progress: progressViewSchema, notice: noticeSchema });

const summarySchema = z.object({
  at: z.string(),
  items: z.array(z.object({ id: z.string(), at: z.string(), planned: z.number(), actual: z.number(), deviation: z.number(), status: z.enum(PROGRESS_STATUSES), notice: z.boolean() })),
});
export type ProgressSummary = z.infer<typeof summarySchema>["items"][number];

export function createProgressApi(api: ApiClient) {
  const enc = encodeURIComponent;
  return {
    progress: (planId: string, at?: string) => api.request("GET", `/api/plans/${enc(planId)}/progress${at ? `?at=${at}` : ""}`, progressAnswerSchema),
    report: (planId: string, report: RealizationReport) => api.request("POST", `/api/plans/${enc(planId)}/realization/reports`, reportAnswerSchema, { body: report }),
    /** The status of the approved ones among `ids` (at most 100 at a time). */
    async summary(ids: readonly string[]): Promise<ProgressSummary[]> {
      const out: ProgressSummary[] = [];
      for (let i = 0; i < ids.length; i += 100) {
        const chunk = ids.slice(i, i + 100).map(enc).join(",");
        if (chunk) out.push(...(await api.request("GET", `/api/progress-summary?ids=${chunk}`, summarySchema)).items);
      }
      return out;
    },
  };
}
export type ProgressApi = ReturnType<typeof createProgressApi>;
