// GET /api/plans/:id/documents/:kind.:ext — every document rendered from the stored plan
// through the documents registry (src/documents), as a download.
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { applyOrganizationSettings, readOrganizationSettings } from "../../domain/organization/settings.js";
import type { PeopleRepo } from "../../store/people-repo.js";
import type { PlansRepo } from "../../store/plans-repo.js";
import { requireAuth } from "../auth/context.js";
import { policies } from "../auth/policy.js";
import { apiError, requestLang } from "../errors.js";
import { langQuery } from "../plans/schema.js";
import { parseInput } from "../plans/routes.js";
import { WorkerDocumentError, type RenderPool } from "./render-pool.js";
import { periodOf, skmOfPeriod } from "../public/plan-routes.js";
import { CONTENT_TYPES, fileSlug } from "../../documents/index.js";
import type { DocumentMarks } from "../../documents/marks/marks.js";
import type { Database } from "../../store/database.js";
import { verificationOfVersion } from "../../store/verification-repo.js";
import type { Archiver } from "../verification/archive.js";
import { publicUrlOf } from "../verification/public-url.js";
import { draftAsAmendment } from "../../domain/decree/amendment.js";
import { organizationScheduleOptions } from "../calendar/routes.js";
import { isValidIsoDate } from "../../domain/plan/schema.js";
import { monthRange, type ProgressReportOptions } from "../../documents/laporan-kemajuan/model.js";
import { approvedBaselines, jakartaToday } from "../realization/baselines.js";

const documentParams = z.strictObject({
  id: z.string().min(1).max(200),
  file: z.string().regex(/^[a-z0-9-]+\.[a-z0-9]+$/),
});

/** Documents that carry the workflow's marks: KONSEP while a draft, the verification once approved. */
const MARKED_KINDS = new Set(["sk", "plan"]);
const DRAFT_STATUSES = new Set(["draft", "submitted", "returned"]);

/** The laporan kemajuan's date: `at` (default today in Jakarta) or a whole `month`. */
const documentQuery = langQuery.extend({
  at: z.string().refine(isValidIsoDate, { message: "date.invalid" }).optional(),
  month: z.string().refine((m) => monthRange(m) !== undefined, { message: "date.invalid" }).optional(),
  /** The laporan hasil SKM's period (default: 1 January of this year until today). */
  from: z.string().refine(isValidIsoDate, { message: "date.invalid" }).optional(),
  to: z.string().refine(isValidIsoDate, { message: "date.invalid" }).optional(),
});

export type DocumentRoutesOptions = { repo: PlansRepo; people: PeopleRepo; perMinute: number; pool: RenderPool; database: Database; archive: Archiver; now?: () => number };

export const documentRoutes: FastifyPluginAsync<DocumentRoutesOptions> = async (app, { repo, people, perMinute, pool, database, archive, now = Date.now }) => {
  app.get(
    "/plans/:id/documents/:file",
    {
      config: {
        policy: policies.plan("read"),
        // Rendering a PDF takes seconds of CPU: limited per user so one account cannot starve the server.
        rateLimit: { max: perMinute, timeWindow: 60_000, keyGenerator: (request) => request.auth?.user.id ?? request.ip },
      },
      schema: {
        tags: ["documents"],
        summary: "Download a document rendered from the plan: sk.docx, sk.pdf, calendar.ics, mspdi.xml, …",
        params: { type: "object", properties: { id: { type: "string" }, file: { type: "string", description: "KIND.EXT, e.g. sk.docx" } }, required: ["id", "file"] },
        querystring: {
          type: "object",
          properties: {
            lang: { type: "string", enum: ["id", "en"] },
            at: { type: "string", description: "laporan-kemajuan: progress as of this date (YYYY-MM-DD; default today in Jakarta)" },
            month: { type: "string", description: "laporan-kemajuan: the report for a month (YYYY-MM)" },
            from: { type: "string", description: "laporan-skm: first day of the period (default 1 January)" },
            to: { type: "string", description: "laporan-skm: last day (default today)" },
          },
        },
      },
    },
    async (request, reply) => {
      const q = parseInput(documentQuery, request.query);
      const { id, file } = parseInput(documentParams, request.params);
      const dot = file.lastIndexOf(".");
      const kind = file.slice(0, dot);
      const format = file.slice(dot + 1);
      const stored = await repo.get(id);
      if (!stored) throw apiError("not_found");
      // The organisation's letterhead, paper and font fill what the plan leaves empty.
      const organization = await people.getOrganization(requireAuth(request.auth).organizationId);
      const settings = readOrganizationSettings(organization?.settings);
      // The konsep of an amendment (a plan approved before, now a draft again) is already the decree
      // of amendment the approval will number: citing the decree approved last, its own number blank.
      const baseline = kind === "sk" && DRAFT_STATUSES.has(stored.status) && stored.workflow.baselineVersion !== null ? (await repo.getRevision(id, stored.workflow.baselineVersion))?.plan : undefined;
      const current = baseline ? draftAsAmendment(stored.plan, baseline, settings.amendmentDecree) : stored.plan;
      const plan = applyOrganizationSettings(current, settings);
      const publicUrl = publicUrlOf(request);
      // A draft's decree and plan book say KONSEP; the approved decree carries its verification
      // footer and paraf, and its PDF is the archive copy whose SHA-256 the verification page shows.
      let marks: DocumentMarks | undefined;
      if (MARKED_KINDS.has(kind) && DRAFT_STATUSES.has(stored.status)) marks = { konsep: true };
      const verification = kind === "sk" && !DRAFT_STATUSES.has(stored.status) ? await verificationOfVersion(database.db, id, stored.workflow.baselineVersion ?? stored.version) : undefined;
      // The laporan kemajuan compares with the approved versions (the original and the amended).
      let progress: ProgressReportOptions | undefined;
      if (kind === "laporan-kemajuan") {
        const range = q.month !== undefined ? monthRange(q.month) : undefined;
        progress = { at: range?.at ?? q.at ?? jakartaToday(now()), ...(range ? { from: range.from } : {}), baselines: await approvedBaselines(database, repo, stored) };
      }
      // Rendered in a worker thread with time and memory limits (render-pool.ts).
      try {
        if (verification && format === "pdf") {
          const bytes = await archive.ensure(verification.code, publicUrl);
          return reply
            .header("content-type", CONTENT_TYPES.pdf)
            .header("content-disposition", `attachment; filename="sk-tim-${fileSlug(plan.title)}.pdf"`)
            .header("x-verification-code", verification.code)
            .send(Buffer.from(bytes));
        }
        if (verification) marks = await archive.marksOf(verification, publicUrl);
        // The laporan hasil SKM reads the period's responses (from..to, default this year) from the database.
        const today = jakartaToday(now());
        const skm = kind === "laporan-skm" ? (await skmOfPeriod(database, id, periodOf(q, today), today)).summary : undefined;
        // The organisation's working calendar: the plan book's schedule is the one the screen shows.
        const calendar = await organizationScheduleOptions(database.db, stored.organizationId);
        const doc = await pool.render(requireAuth(request.auth).user.id, kind, format, plan, { lang: requestLang(request), publicUrl, today, calendar, ...(marks ? { marks } : {}), ...(progress ? { progress } : {}), ...(skm ? { skm } : {}) });
        return reply
          .header("content-type", doc.contentType)
          .header("content-disposition", `attachment; filename="${doc.fileName}"`)
          .send(Buffer.from(doc.bytes));
      } catch (e) {
        if (!(e instanceof WorkerDocumentError)) throw e;
        if (e.report.code === "document.refused") throw apiError("document.refused", { detail: e.report.bilingual, errors: e.report.details });
        throw apiError("document.unknown", { detail: e.report.bilingual });
      }
    },
  );
};
