// Typed access to the HTTP API (docs/api.md). Every response body is checked with
// zod before the screens see it, and every error carries a message in the chosen language.
import { z } from "zod";
import { jsonPatchSchema } from "../../../src/domain/plan/patch.js";
import { planSchema, type Plan } from "../../../src/domain/plan/schema.js";
import type { Lang } from "../../../src/domain/messages.js";

/** Ids are opaque to the app; the server may send them as numbers or strings. */
const idSchema = z.union([z.string(), z.number()]).transform(String);

export const ORG_ROLES = ["admin", "penyusun", "pemeriksa", "penandatangan", "pembaca"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];
/** An unknown role from a newer server is kept as text rather than failing the whole answer. */
const roleSchema = z.string();

export const planWorkflowSchema = z.object({
  status: z.string(),
  cycle: z.number(),
  step: z.number().nullable(),
  baselineVersion: z.number().nullable(),
  amendment: z.number(),
  decreeNumber: z.string().optional().nullable(),
  team: z.array(z.object({ userId: idSchema, name: z.string(), role: z.string(), position: z.number().nullable().optional() })),
  awaiting: z.object({ userId: idSchema, name: z.string(), role: z.string() }).nullable(),
});
export type PlanWorkflow = z.infer<typeof planWorkflowSchema>;

export const planAbilitiesSchema = z.object({
  read: z.boolean(),
  edit: z.boolean(),
  submit: z.boolean(),
  initial: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  comment: z.boolean(),
  manageTeam: z.boolean(),
  archive: z.boolean(),
  restore: z.boolean(),
  /** Absent from servers before the withdraw action existed. */
  withdraw: z.boolean().optional(),
  /** Report progress; also answer the public page's complaints (absent from older servers). */
  report: z.boolean().optional(),
  /** Publish or withdraw the service's public page (absent from older servers). */
  publish: z.boolean().optional(),
});
export type PlanAbilities = z.infer<typeof planAbilitiesSchema>;

export const planEnvelopeSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.string(),
  updatedAt: z.string(),
  plan: planSchema,
  // Issue 6: optional so the app keeps working against a server that does not send them.
  workflow: planWorkflowSchema.optional(),
  abilities: planAbilitiesSchema.optional(),
});
export type PlanEnvelope = z.infer<typeof planEnvelopeSchema>;

/**
 * A PATCH answers the new version and the ops as applied, not the plan: the app applies the
 * same ops to the copy it has (so a large plan is neither sent back nor checked again here).
 */
export const patchResultSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.string(),
  updatedAt: z.string(),
  ops: jsonPatchSchema,
  /** False when the ops changed nothing (the server stored no new version). */
  changed: z.boolean().optional(),
  workflow: planWorkflowSchema.optional(),
  abilities: planAbilitiesSchema.optional(),
});
export type PatchResult = z.infer<typeof patchResultSchema>;

export const planSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  fiscalYear: z.number(),
  organizationName: z.string().optional().nullable(),
  unit: z.string().optional().nullable(),
  status: z.string(),
  version: z.number(),
  updatedAt: z.string(),
  /** What the caller may do with this plan (servers before issue 6 send none). */
  abilities: planAbilitiesSchema.optional(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

const planListSchema = z.object({ items: z.array(planSummarySchema), total: z.number() });

export const orgAbilitiesSchema = z.object({
  createPlan: z.boolean(),
  manageUsers: z.boolean(),
  manageSettings: z.boolean(),
  viewAudit: z.boolean(),
});
export type OrgAbilities = z.infer<typeof orgAbilitiesSchema>;

export const sessionSchema = z.object({
  user: z.object({ id: idSchema, email: z.string(), name: z.string() }),
  organization: z.object({ id: idSchema, name: z.string() }),
  roles: z.array(roleSchema),
  csrfToken: z.string(),
  abilities: orgAbilitiesSchema,
});
export type Session = z.infer<typeof sessionSchema>;

const sessionStateSchema = z.discriminatedUnion("signedIn", [
  z.object({ signedIn: z.literal(true), session: sessionSchema }),
  z.object({ signedIn: z.literal(false), ended: z.boolean() }),
]);

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  nip: z.string().nullable().optional(),
  unitId: idSchema.nullable().optional(),
  roles: z.array(roleSchema),
  disabled: z.boolean(),
  /** Sent back as If-Match with a change. */
  version: z.number(),
});
export type User = z.infer<typeof userSchema>;
const userListSchema = z.object({ items: z.array(userSchema) });

export type NewUser = { email: string; name: string; nip?: string; unitId?: string; roles: string[]; password: string };
export type UserChanges = { name?: string; nip?: string | null; unitId?: string | null; roles?: string[]; disabled?: boolean; password?: string };

export const unitSchema = z.object({
  id: idSchema,
  name: z.string(),
  code: z.string().nullable().optional(),
  parentId: idSchema.nullable().optional(),
  version: z.number(),
});
export type Unit = z.infer<typeof unitSchema>;
const unitListSchema = z.object({ items: z.array(unitSchema) });
export type UnitInput = { name: string; code?: string | null; parentId?: string | null };

export const LETTERHEAD_FIELDS = ["government", "name", "unit", "address", "phone", "website", "email", "region"] as const;
export type LetterheadField = (typeof LETTERHEAD_FIELDS)[number];
const optionalText = z.string().nullable().optional();
export const organizationSettingsSchema = z.object({
  letterhead: z.object({
    government: optionalText,
    name: optionalText,
    unit: optionalText,
    address: optionalText,
    phone: optionalText,
    website: optionalText,
    email: optionalText,
    region: optionalText,
  }),
  decreeNumberTemplate: z.string(),
  /** The server's extension of the contract: the {unitCode} of decree numbers. */
  unitCode: z.string().optional(),
  /** A plan amended after approval gets a decree of amendment, or a new decree revoking the earlier one. */
  amendmentDecree: z.enum(["perubahan", "pencabutan"]).default("perubahan"),
  paper: z.enum(["A4", "F4"]),
  font: z.string(),
});
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;
export const organizationSchema = z.object({ id: idSchema, name: z.string(), settings: organizationSettingsSchema, version: z.number() });
export type Organization = z.infer<typeof organizationSchema>;

const noContent = z.unknown();

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
  current: z.unknown().optional(),
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
    /** Seconds from a 429's Retry-After header. */
    readonly retryAfterSeconds?: number,
    /** `record.conflict`: the record as someone else stored it. */
    readonly currentRecord?: unknown,
  ) {
    super(message);
  }
}

export type ApiClient = ReturnType<typeof createApiClient>;

export type ApiClientHooks = {
  /** Any 401 outside the sign-in call itself: the session is gone (expired, signed out elsewhere). */
  onUnauthorized?: (error: ApiError) => void;
};

type RequestInit_ = { body?: unknown; headers?: Record<string, string>; contentType?: string; signInCall?: boolean };

export function createApiClient(getLang: () => Lang, base = "", hooks: ApiClientHooks = {}) {
  // The CSRF token of the current session; the server checks it on every non-GET request.
  let csrfToken: string | undefined;

  function acceptSession(session: Session): Session {
    csrfToken = session.csrfToken;
    return session;
  }

  /** The ApiError of a failed answer; a 401 (outside the sign-in calls) also interrupts the session. */
  function failure(res: Response, json: unknown, signInCall: boolean): ApiError {
    const parsed = errorBodySchema.safeParse(json);
    const retryAfter = Number(res.headers.get("retry-after"));
    const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
    // A stale plan carries the plan as stored; a stale user, unit, settings or team carries that record.
    const plan = parsed.success ? planEnvelopeSchema.safeParse(parsed.data.current) : undefined;
    const error = parsed.success
      ? new ApiError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.errors ?? [], plan?.success ? plan.data : undefined, retryAfterSeconds, parsed.data.current)
      : new ApiError(res.status, "http", `HTTP ${res.status}`, [], undefined, retryAfterSeconds);
    if (res.status === 401 && !signInCall) {
      csrfToken = undefined;
      hooks.onUnauthorized?.(error);
    }
    return error;
  }

  /**
   * A file download (document, export) fetched here rather than by a plain link, so a refusal —
   * session ended, rate limit, a decree the signatory may not sign — is shown, not saved as a file.
   */
  async function download(url: string): Promise<{ blob: Blob; fileName: string }> {
    const lang = getLang();
    let res: Response;
    try {
      res = await fetch(`${url}${url.includes("?") ? "&" : "?"}lang=${lang}`, { headers: { "Accept-Language": lang }, credentials: "same-origin" });
    } catch {
      throw new ApiError(0, "network", NETWORK_MESSAGES.network[lang]);
    }
    if (!res.ok) throw failure(res, await res.json().catch(() => undefined), false);
    const disposition = res.headers.get("content-disposition") ?? "";
    const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? url.split("/").pop() ?? "dokumen";
    return { blob: await res.blob(), fileName };
  }

  async function request<T>(method: string, path: string, schema: z.ZodType<T, unknown>, init: RequestInit_ = {}): Promise<T> {
    const lang = getLang();
    const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": lang, ...init.headers };
    if (method !== "GET" && method !== "HEAD" && csrfToken) headers["x-csrf-token"] = csrfToken;
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
      headers["Content-Type"] = init.contentType ?? "application/json";
    }
    const sep = path.includes("?") ? "&" : "?";
    let res: Response;
    try {
      res = await fetch(`${base}${path}${sep}lang=${lang}`, { method, headers, body, credentials: "same-origin" });
    } catch {
      throw new ApiError(0, "network", NETWORK_MESSAGES.network[lang]);
    }
    const json: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
    if (!res.ok) throw failure(res, json, init.signInCall === true);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError(res.status, "response.invalid", NETWORK_MESSAGES.badResponse[lang]);
    return parsed.data;
  }

  const enc = encodeURIComponent;
  return {
    /** The shared machinery (language, CSRF header, zod check, ApiError, 401 → sign in) for the other API modules (review.ts). */
    request: <T>(method: string, path: string, schema: z.ZodType<T, unknown>, init: { body?: unknown; headers?: Record<string, string>; contentType?: string } = {}) =>
      request(method, path, schema, init),
    /**
     * The session at start, asked so that being signed out is an answer (200), not a failed
     * request: `ended` when the browser's session is over (idle, revoked), else none at all.
     */
    async getSessionState(): Promise<{ session: Session } | { session: null; ended: boolean }> {
      const state = await request("GET", "/api/session/state", sessionStateSchema, { signInCall: true });
      return state.signedIn ? { session: acceptSession(state.session) } : { session: null, ended: state.ended };
    },
    signIn: async (email: string, password: string) => acceptSession(await request("POST", "/api/session", sessionSchema, { body: { email, password }, signInCall: true })),
    async signOut() {
      await request("DELETE", "/api/session", noContent, { signInCall: true });
      csrfToken = undefined;
    },
    async signOutEverywhere() {
      await request("POST", "/api/session/revoke-all", noContent, { body: {}, signInCall: true });
      csrfToken = undefined;
    },

    listUsers: () => request("GET", "/api/users", userListSchema),
    createUser: (user: NewUser) => request("POST", "/api/users", userSchema, { body: user }),
    /** `version`: the user's version the change was made on (409 `record.conflict` when someone changed it since). */
    updateUser: (id: string, version: number, changes: UserChanges) => request("PATCH", `/api/users/${enc(id)}`, userSchema, { body: changes, headers: { "If-Match": `"${version}"` } }),
    listUnits: () => request("GET", "/api/units", unitListSchema),
    createUnit: (unit: UnitInput) => request("POST", "/api/units", unitSchema, { body: unit }),
    updateUnit: (id: string, version: number, changes: Partial<UnitInput>) => request("PATCH", `/api/units/${enc(id)}`, unitSchema, { body: changes, headers: { "If-Match": `"${version}"` } }),
    getOrganization: () => request("GET", "/api/organization", organizationSchema),
    saveSettings: (settings: OrganizationSettings, version: number) => request("PUT", "/api/organization/settings", organizationSchema, { body: settings, headers: { "If-Match": `"${version}"` } }),

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
      request("PATCH", `/api/plans/${encodeURIComponent(id)}`, patchResultSchema, {
        body: ops,
        contentType: "application/json-patch+json",
        headers: { "If-Match": `"${version}"` },
      }),
    archivePlan: (id: string) => request("POST", `/api/plans/${encodeURIComponent(id)}/archive`, planEnvelopeSchema, { body: {} }),
    download,
    exportUrl: (id: string) => `${base}/api/plans/${encodeURIComponent(id)}/export`,
    documentUrl: (id: string, kind: string, ext: string) => `${base}/api/plans/${encodeURIComponent(id)}/documents/${kind}.${ext}`,
  };
}
