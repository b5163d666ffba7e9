// Typed access to the review side of the API (auth-contract.md, issue 6): workflow actions, the
// plan team, comments, revisions with their differences, restore and the plan's audit log.
// Every answer is checked with zod before the screens see it, as in client.ts.
import { z } from "zod";
import type { Lang } from "../../../src/domain/messages.js";
import { ApiError, planWorkflowSchema, type ApiClient } from "./client.js";

const idSchema = z.union([z.string(), z.number()]).transform(String);
const optionalText = z.string().nullable().optional();

export const PLAN_TEAM_ROLES = ["penyusun", "pemeriksa", "penandatangan", "pembaca"] as const;
export type PlanTeamRole = (typeof PLAN_TEAM_ROLES)[number];

export const workflowEventSchema = z.object({
  at: z.string(),
  userId: idSchema.nullable().optional(),
  name: optionalText,
  action: z.string(),
  cycle: z.number().nullable().optional(),
  step: z.number().nullable().optional(),
  version: z.number().nullable().optional(),
  comment: optionalText,
});
export type WorkflowEvent = z.infer<typeof workflowEventSchema>;
const workflowAnswerSchema = z.object({ workflow: planWorkflowSchema, events: z.array(workflowEventSchema) });

export const commentSchema = z.object({
  id: idSchema,
  authorId: idSchema.nullable().optional(),
  authorName: optionalText,
  stage: optionalText,
  itemRef: optionalText,
  body: z.string(),
  version: z.number().nullable().optional(),
  createdAt: z.string(),
  resolvedAt: optionalText,
});
export type PlanComment = z.infer<typeof commentSchema>;
const commentListSchema = z.object({ items: z.array(commentSchema) });

export const revisionSchema = z.object({
  version: z.number(),
  createdAt: z.string(),
  title: z.string().optional(),
  authorId: idSchema.nullable().optional(),
  authorName: optionalText,
});
export type RevisionInfo = z.infer<typeof revisionSchema>;
const revisionListSchema = z.object({ items: z.array(revisionSchema) });

const bilingualSchema = z.object({ id: z.string(), en: z.string() });
export const planChangeSchema = z.object({
  path: z.string(),
  kind: z.enum(["added", "removed", "changed"]),
  /** The server sends the label in the request's language and both in `labels` (the contract had `label: {id, en}`: both accepted). */
  label: z.union([z.string(), bilingualSchema]),
  labels: bilingualSchema.optional(),
  /** The stage slug (the server sends the domain diff's `stage`); derived from the path when absent. */
  stage: z.string().optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  /** The values as text in the request's language, when the server writes them. */
  beforeText: z.string().optional(),
  afterText: z.string().optional(),
});
export type PlanChangeView = z.infer<typeof planChangeSchema>;
const diffSchema = z.object({ from: z.number(), to: z.number(), changes: z.array(planChangeSchema) });
export type PlanDiffView = z.infer<typeof diffSchema>;

export const auditEntrySchema = z.object({
  id: idSchema,
  at: z.string(),
  userId: idSchema.nullable().optional(),
  userName: optionalText,
  action: z.string(),
  planId: idSchema.nullable().optional(),
  version: z.number().nullable().optional(),
  detail: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
const auditListSchema = z.object({ items: z.array(auditEntrySchema) });

const teamAnswerSchema = z.object({
  members: z.array(z.object({ userId: idSchema, name: z.string(), role: z.string(), position: z.number().nullable().optional() })),
  /** Who may join the team (sent to those who may change it): the organisation's active users and their roles. */
  candidates: z.array(z.object({ userId: idSchema, name: z.string(), roles: z.array(z.string()) })).optional(),
});
export type TeamAnswer = z.infer<typeof teamAnswerSchema>;

export type TeamMemberInput = { userId: string; role: PlanTeamRole; position?: number };
/** The action answers are not relied on beyond success: the workspace reloads the plan after each. */
const anyAnswer = z.unknown();

type RequestInit_ = { body?: unknown; headers?: Record<string, string> };
/** The request machinery this module needs (client.ts's, when it exposes it). */
export type RequestFn = <T>(method: string, path: string, schema: z.ZodType<T, unknown>, init?: RequestInit_) => Promise<T>;

const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
});

const FALLBACK_MESSAGES = {
  network: { id: "Server tidak dapat dihubungi. Periksa sambungan lalu coba lagi.", en: "The server cannot be reached. Check the connection and try again." },
  badResponse: { id: "Jawaban server tidak sesuai format yang diharapkan.", en: "The server's answer is not in the expected format." },
} as const;

/**
 * A request function for when client.ts keeps its own private: same conventions (lang, JSON,
 * zod, ApiError), the CSRF token taken from the session the client already holds.
 */
function fallbackRequest(api: ApiClient, getLang: () => Lang, base: string): RequestFn {
  let csrfToken: string | undefined;
  async function send<T>(method: string, path: string, schema: z.ZodType<T, unknown>, init: RequestInit_, retried: boolean): Promise<T> {
    const lang = getLang();
    const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": lang, ...init.headers };
    if (method !== "GET" && method !== "HEAD") {
      csrfToken ??= (await api.getSession()).csrfToken;
      headers["x-csrf-token"] = csrfToken;
    }
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const sep = path.includes("?") ? "&" : "?";
    let res: Response;
    try {
      res = await fetch(`${base}${path}${sep}lang=${lang}`, { method, headers, body, credentials: "same-origin" });
    } catch {
      throw new ApiError(0, "network", FALLBACK_MESSAGES.network[lang]);
    }
    const json: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
    if (!res.ok) {
      const parsed = errorBodySchema.safeParse(json);
      const code = parsed.success ? parsed.data.error.code : "http";
      // A session renewed since the token was read: read it again, once.
      if (code === "auth.csrf" && !retried) {
        csrfToken = undefined;
        return send(method, path, schema, init, true);
      }
      if (!parsed.success) throw new ApiError(res.status, code, `HTTP ${res.status}`);
      // The field errors name what is wrong (a role the user lacks, a second signatory): shown with the message.
      const fields = parsed.data.errors ?? [];
      const message = [parsed.data.error.message, ...fields.map((f) => `${f.path}: ${f.message}`)].join(" — ");
      throw new ApiError(res.status, code, message, fields);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError(res.status, "response.invalid", FALLBACK_MESSAGES.badResponse[lang]);
    return parsed.data;
  }
  return (method, path, schema, init = {}) => send(method, path, schema, init, false);
}

export type ReviewApi = ReturnType<typeof createReviewApi>;

export function createReviewApi(api: ApiClient, getLang: () => Lang, base = "") {
  const shared = (api as { request?: RequestFn }).request;
  const request: RequestFn = typeof shared === "function" ? shared : fallbackRequest(api, getLang, base);
  const plan = (id: string) => `/api/plans/${encodeURIComponent(id)}`;
  return {
    submit: (id: string) => request("POST", `${plan(id)}/submit`, anyAnswer, { body: {} }),
    initial: (id: string, comment?: string) => request("POST", `${plan(id)}/initial`, anyAnswer, { body: comment ? { comment } : {} }),
    approve: (id: string, comment?: string) => request("POST", `${plan(id)}/approve`, anyAnswer, { body: comment ? { comment } : {} }),
    returnPlan: (id: string, comment: string) => request("POST", `${plan(id)}/return`, anyAnswer, { body: { comment } }),
    workflow: (id: string) => request("GET", `${plan(id)}/workflow`, workflowAnswerSchema),

    team: (id: string) => request("GET", `${plan(id)}/team`, teamAnswerSchema),
    setTeam: (id: string, members: readonly TeamMemberInput[]) => request("PUT", `${plan(id)}/team`, anyAnswer, { body: { members } }),

    comments: (id: string) => request("GET", `${plan(id)}/comments`, commentListSchema),
    addComment: (id: string, comment: { stage?: string; itemRef?: string; body: string }) => request("POST", `${plan(id)}/comments`, commentSchema, { body: comment }),
    resolveComment: (id: string, commentId: string) => request("POST", `${plan(id)}/comments/${encodeURIComponent(commentId)}/resolve`, anyAnswer, { body: {} }),

    revisions: (id: string) => request("GET", `${plan(id)}/revisions`, revisionListSchema),
    diff: (id: string, from: number, to: number) => request("GET", `${plan(id)}/diff?from=${from}&to=${to}`, diffSchema),
    restore: (id: string, version: number, expectedVersion: number) =>
      request("POST", `${plan(id)}/revisions/${version}/restore`, anyAnswer, { body: {}, headers: { "If-Match": `"${expectedVersion}"` } }),
    audit: (id: string) => request("GET", `${plan(id)}/audit`, auditListSchema),
  };
}
