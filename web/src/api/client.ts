// Typed access to the HTTP API (docs/api.md). Every response body is checked with
// zod before the screens see it, and every error carries a message in the chosen language.
import { z } from "zod";
import { planSchema, type Plan } from "../../../src/domain/plan/schema.js";
import type { Lang } from "../../../src/domain/messages.js";

export const planEnvelopeSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.string(),
  updatedAt: z.string(),
  plan: planSchema,
});
export type PlanEnvelope = z.infer<typeof planEnvelopeSchema>;

export const planSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  fiscalYear: z.number(),
  organizationName: z.string().optional().nullable(),
  unit: z.string().optional().nullable(),
  status: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

const planListSchema = z.object({ items: z.array(planSummarySchema), total: z.number() });

const fieldErrorSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  messages: z.object({ id: z.string(), en: z.string() }).optional(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  errors: z.array(fieldErrorSchema).optional(),
  currentVersion: z.number().optional(),
  current: planEnvelopeSchema.optional(),
});

/** A JSON Patch operation (RFC 6902) — the subset the workspace sends. */
export type PatchOp =
  | { op: "replace" | "add"; path: string; value: unknown }
  | { op: "remove"; path: string };

const NETWORK_MESSAGES = {
  network: { id: "Server tidak dapat dihubungi. Periksa sambungan lalu coba lagi.", en: "The server cannot be reached. Check the connection and try again." },
  badResponse: { id: "Jawaban server tidak sesuai format yang diharapkan.", en: "The server's answer is not in the expected format." },
} as const;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    readonly current?: PlanEnvelope,
  ) {
    super(message);
  }
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(getLang: () => Lang, base = "") {
  async function request<T>(method: string, path: string, schema: z.ZodType<T>, init: { body?: unknown; headers?: Record<string, string>; contentType?: string } = {}): Promise<T> {
    const lang = getLang();
    const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": lang, ...init.headers };
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
      headers["Content-Type"] = init.contentType ?? "application/json";
    }
    const sep = path.includes("?") ? "&" : "?";
    let res: Response;
    try {
      res = await fetch(`${base}${path}${sep}lang=${lang}`, { method, headers, body });
    } catch {
      throw new ApiError(0, "network", NETWORK_MESSAGES.network[lang]);
    }
    const json: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const parsed = errorBodySchema.safeParse(json);
      if (parsed.success) {
        const e = parsed.data;
        throw new ApiError(res.status, e.error.code, e.error.message, e.errors ?? [], e.current);
      }
      throw new ApiError(res.status, "http", `HTTP ${res.status}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError(res.status, "response.invalid", NETWORK_MESSAGES.badResponse[lang]);
    return parsed.data;
  }

  return {
    listPlans(q: { q?: string; fiscalYear?: number; status?: string }) {
      const params = new URLSearchParams();
      if (q.q) params.set("q", q.q);
      if (q.fiscalYear) params.set("fiscalYear", String(q.fiscalYear));
      if (q.status) params.set("status", q.status);
      params.set("limit", "200");
      return request("GET", `/api/plans?${params.toString()}`, planListSchema);
    },
    getPlan: (id: string) => request("GET", `/api/plans/${encodeURIComponent(id)}`, planEnvelopeSchema),
    createPlan: (plan: Plan) => request("POST", "/api/plans", planEnvelopeSchema, { body: plan }),
    importPlan: (text: string) => request("POST", "/api/import", planEnvelopeSchema, { body: text }),
    patchPlan: (id: string, version: number, ops: PatchOp[]) =>
      request("PATCH", `/api/plans/${encodeURIComponent(id)}`, planEnvelopeSchema, {
        body: ops,
        contentType: "application/json-patch+json",
        headers: { "If-Match": `"${version}"` },
      }),
    archivePlan: (id: string) => request("POST", `/api/plans/${encodeURIComponent(id)}/archive`, planEnvelopeSchema, { body: {} }),
    exportUrl: (id: string) => `${base}/api/plans/${encodeURIComponent(id)}/export`,
    documentUrl: (id: string, kind: string, ext: string) => `${base}/api/plans/${encodeURIComponent(id)}/documents/${kind}.${ext}`,
  };
}
