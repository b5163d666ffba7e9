// Typed access to the review side of the API (auth-contract.md, issue 6): workflow actions, the
// plan team, comments, revisions with their differences, restore and the plan's audit log.
// Every answer is checked with zod before the screens see it, as in client.ts.
import { z } from "zod";
import { ApiError, planWorkflowSchema, type ApiClient } from "./client.js";

/** An error for people: the message, then what the server said about each field (e.g. a second signatory). */
export function errorText(e: unknown): string {
  if (e instanceof ApiError && e.fieldErrors.length) return [e.message, ...e.fieldErrors.map((f) => `${f.path}: ${f.message}`)].join(" — ");
  return e instanceof Error ? e.message : String(e);
}

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
const auditListSchema = z.object({ items: z.array(auditEntrySchema), nextBeforeId: z.number().nullable().optional() });

export const teamAnswerSchema = z.object({
  members: z.array(z.object({ userId: idSchema, name: z.string(), role: z.string(), position: z.number().nullable().optional() })),
  /** Who may join the team (sent to those who may change it): the organisation's active users and their roles. */
  candidates: z.array(z.object({ userId: idSchema, name: z.string(), roles: z.array(z.string()) })).optional(),
  /** The team's version, sent back as If-Match with a change. */
  version: z.number(),
});
export type TeamAnswer = z.infer<typeof teamAnswerSchema>;

export type TeamMemberInput = { userId: string; role: PlanTeamRole; position?: number };
/** The action answers are not relied on beyond success: the workspace reloads the plan after each. */
const anyAnswer = z.unknown();

export type ReviewApi = ReturnType<typeof createReviewApi>;

/** Built on client.ts's request machinery: language, CSRF header, zod check, ApiError, 401 → sign in. */
export function createReviewApi(api: ApiClient) {
  const { request } = api;
  const plan = (id: string) => `/api/plans/${encodeURIComponent(id)}`;
  return {
    submit: (id: string, comment?: string) => request("POST", `${plan(id)}/submit`, anyAnswer, { body: comment ? { comment } : {} }),
    initial: (id: string, comment?: string) => request("POST", `${plan(id)}/initial`, anyAnswer, { body: comment ? { comment } : {} }),
    approve: (id: string, comment?: string) => request("POST", `${plan(id)}/approve`, anyAnswer, { body: comment ? { comment } : {} }),
    withdraw: (id: string, comment?: string) => request("POST", `${plan(id)}/withdraw`, anyAnswer, { body: comment ? { comment } : {} }),
    returnPlan: (id: string, comment: string) => request("POST", `${plan(id)}/return`, anyAnswer, { body: { comment } }),
    workflow: (id: string) => request("GET", `${plan(id)}/workflow`, workflowAnswerSchema),

    team: (id: string) => request("GET", `${plan(id)}/team`, teamAnswerSchema),
    setTeam: (id: string, version: number, members: readonly TeamMemberInput[]) => request("PUT", `${plan(id)}/team`, teamAnswerSchema, { body: { members }, headers: { "If-Match": `"${version}"` } }),

    comments: (id: string) => request("GET", `${plan(id)}/comments`, commentListSchema),
    addComment: (id: string, comment: { stage?: string; itemRef?: string; body: string }) => request("POST", `${plan(id)}/comments`, commentSchema, { body: comment }),
    resolveComment: (id: string, commentId: string) => request("POST", `${plan(id)}/comments/${encodeURIComponent(commentId)}/resolve`, anyAnswer, { body: {} }),

    revisions: (id: string) => request("GET", `${plan(id)}/revisions`, revisionListSchema),
    diff: (id: string, from: number, to: number) => request("GET", `${plan(id)}/diff?from=${from}&to=${to}`, diffSchema),
    restore: (id: string, version: number, expectedVersion: number) =>
      request("POST", `${plan(id)}/revisions/${version}/restore`, anyAnswer, { body: {}, headers: { "If-Match": `"${expectedVersion}"` } }),
    /** Newest first, a page at a time: pass the previous page's `nextBeforeId` for the next. */
    audit: (id: string, beforeId?: number) => request("GET", `${plan(id)}/audit${beforeId !== undefined ? `?beforeId=${beforeId}` : ""}`, auditListSchema),
  };
}
