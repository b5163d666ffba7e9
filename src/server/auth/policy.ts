// The policy layer. Every route declares a policy in its config; one onRequest hook enforces
// it in a fixed order — session, then organisation, then role and plan team — before the body
// is even parsed. A plan of another organisation answers 404 exactly like a missing plan, so a
// user never learns it exists; within the organisation a refusal is 403.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Role } from "../../store/people-repo.js";
import type { PlanAccessRow, PlanMember, PlanRole, PlanStatus, PlansRepo } from "../../store/plans-repo.js";
import { apiError } from "../errors.js";
import type { AuthContext } from "./context.js";

export const PLAN_ACTIONS = ["read", "edit", "team", "submit", "initial", "approve", "return", "comment", "report", "publish"] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

export type Policy =
  /** Anyone, signed in or not (health, sign-in, API docs, the web app's files). */
  | { kind: "public" }
  /** Any signed-in user; the handler scopes what it returns to the user's organisation. */
  | { kind: "signedIn" }
  /** A signed-in user holding one of these organisation roles. */
  | { kind: "org"; roles: readonly Role[] }
  /** A plan named by the `:id` parameter, in the caller's organisation, that the caller's team role allows. */
  | { kind: "plan"; action: PlanAction }
  /** Prometheus metrics: a bearer token, or a local caller when none is configured (not a session). */
  | { kind: "metrics" };

export const policies = {
  public: { kind: "public" },
  signedIn: { kind: "signedIn" },
  admin: { kind: "org", roles: ["admin"] },
  penyusun: { kind: "org", roles: ["penyusun"] },
  plan: (action: PlanAction): Policy => ({ kind: "plan", action }),
  metrics: { kind: "metrics" },
} as const satisfies Record<string, Policy | ((a: PlanAction) => Policy)>;

export type PlanAccess = {
  planId: string;
  organizationId: string | null;
  status: PlanStatus;
  reviewStep: number | null;
  members: PlanMember[];
};

/** Which plan roles may take each action (an organisation admin may also read, comment and manage the team). */
const ACTION_ROLES: Record<PlanAction, { planRoles: readonly PlanRole[]; admin: boolean }> = {
  read: { planRoles: ["penyusun", "pemeriksa", "penandatangan", "pembaca"], admin: true },
  comment: { planRoles: ["penyusun", "pemeriksa", "penandatangan", "pembaca"], admin: true },
  edit: { planRoles: ["penyusun"], admin: false },
  submit: { planRoles: ["penyusun"], admin: false },
  team: { planRoles: ["penyusun"], admin: true },
  initial: { planRoles: ["pemeriksa"], admin: false },
  approve: { planRoles: ["penandatangan"], admin: false },
  return: { planRoles: ["pemeriksa", "penandatangan"], admin: false },
  /** Progress reports after approval: the team members who carry the plan out (not a reader, not an admin off the team). */
  report: { planRoles: ["penyusun", "pemeriksa", "penandatangan"], admin: false },
  /** Publishing or withdrawing the service's public page: the team's penyusun and the admins. */
  publish: { planRoles: ["penyusun"], admin: true },
};

/** The caller's roles on this plan: a team role counts only while the user still holds it in the organisation. */
export function planRolesOf(auth: AuthContext, access: PlanAccess): PlanRole[] {
  return access.members.filter((m) => m.userId === auth.user.id && (auth.roles as readonly string[]).includes(m.role)).map((m) => m.role);
}

export function mayOnPlan(action: PlanAction, auth: AuthContext, access: PlanAccess): boolean {
  if (access.organizationId !== auth.organizationId) return false;
  const rule = ACTION_ROLES[action];
  if (rule.admin && auth.roles.includes("admin")) return true;
  return planRolesOf(auth, access).some((r) => rule.planRoles.includes(r));
}

/** The reviewers in initialling order, then the signatory: step k (1-based) awaits the k-th. */
export function reviewChain(members: readonly PlanMember[]): PlanMember[] {
  const reviewers = members.filter((m) => m.role === "pemeriksa").sort((a, b) => a.position - b.position || a.userId.localeCompare(b.userId));
  const signatory = members.find((m) => m.role === "penandatangan");
  return signatory ? [...reviewers, signatory] : reviewers;
}

/** Whose turn it is while the plan is submitted; null otherwise. */
export function awaitingMember(access: Pick<PlanAccess, "status" | "reviewStep" | "members">): PlanMember | null {
  if (access.status !== "submitted" || access.reviewStep === null) return null;
  return reviewChain(access.members)[access.reviewStep - 1] ?? null;
}

export type PlanAbilities = {
  read: boolean;
  edit: boolean;
  submit: boolean;
  initial: boolean;
  approve: boolean;
  return: boolean;
  comment: boolean;
  manageTeam: boolean;
  archive: boolean;
  restore: boolean;
  /** Take a submitted plan back out of review (its penyusun, or an admin when a reviewer can no longer act). */
  withdraw: boolean;
  /** Report progress (pengawasan); the server also requires an approved baseline. Also: answer the service's complaints. */
  report: boolean;
  /** Publish or withdraw the service's public page (the server also requires an adopted standard). */
  publish: boolean;
};

/** What the caller may do with the plan now, for the UI to show only those actions. */
export function planAbilities(auth: AuthContext, access: PlanAccess): PlanAbilities {
  const may = (a: PlanAction) => mayOnPlan(a, auth, access);
  const editable = access.status !== "submitted";
  const awaiting = awaitingMember(access);
  const myTurn = awaiting !== null && awaiting.userId === auth.user.id && planRolesOf(auth, access).includes(awaiting.role);
  const hasSignatory = access.members.some((m) => m.role === "penandatangan");
  const edit = may("edit") && editable;
  return {
    read: may("read"),
    edit,
    submit: may("submit") && (access.status === "draft" || access.status === "returned") && hasSignatory,
    initial: myTurn && awaiting.role === "pemeriksa",
    approve: myTurn && awaiting.role === "penandatangan",
    return: myTurn,
    comment: may("comment"),
    manageTeam: may("team") && access.status !== "submitted",
    archive: may("edit") && access.status !== "archived" && access.status !== "submitted",
    restore: edit,
    withdraw: may("team") && access.status === "submitted",
    report: may("report") && access.status !== "archived",
    publish: may("publish") && access.status !== "archived",
  };
}

export type OrgAbilities = { createPlan: boolean; manageUsers: boolean; manageSettings: boolean; viewAudit: boolean };

export function orgAbilities(auth: AuthContext): OrgAbilities {
  const admin = auth.roles.includes("admin");
  return { createPlan: auth.roles.includes("penyusun"), manageUsers: admin, manageSettings: admin, viewAudit: admin };
}

/** Loads the plan's access facts (organisation, status, team) in one query, without its document. */
export async function loadPlanAccess(repo: PlansRepo, planId: string): Promise<PlanAccess | null> {
  const row = await repo.access(planId, false);
  return row ? accessFromRow(planId, row) : null;
}

function accessFromRow(planId: string, row: PlanAccessRow): PlanAccess {
  return { planId, organizationId: row.organizationId, status: row.status, reviewStep: row.reviewStep, members: row.members.map(({ userId, role, position }) => ({ userId, role, position })) };
}

export type RouteEntry = { method: string; url: string; policy: Policy };

/**
 * Records every route with its policy, refusing at start-up a route that declares none — so no
 * route can be added without a decision. Call before any route is registered.
 */
export function recordRoutePolicies(app: FastifyInstance): RouteEntry[] {
  const routeTable: RouteEntry[] = [];
  app.addHook("onRoute", (route) => {
    const url = route.url ?? route.path;
    let policy = (route.config as { policy?: Policy } | undefined)?.policy;
    // Routes added by plugins we do not own: the API documentation and the web app's files.
    if (!policy && (url.startsWith("/api/docs") || !url.startsWith("/api"))) policy = policies.public;
    if (!policy) throw new Error(`route ${String(route.method)} ${url} declares no policy (config.policy)`);
    route.config = { ...(route.config ?? {}), policy };
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") routeTable.push({ method: String(method), url, policy });
    }
  });
  return routeTable;
}

/** The enforcing hook; install after the session hook, so `request.auth` is known. */
export function enforcePolicies(app: FastifyInstance, repo: PlansRepo, checkMetrics: (request: FastifyRequest) => void): void {
  app.addHook("onRequest", async (request: FastifyRequest) => {
    const policy = request.routeOptions.config.policy;
    if (!policy || policy.kind === "public") return;
    if (policy.kind === "metrics") return checkMetrics(request);
    const auth = request.auth;
    if (!auth) {
      if (request.authExpired) throw apiError("auth.expired");
      throw apiError("auth.required");
    }
    if (policy.kind === "signedIn") return;
    if (policy.kind === "org") {
      if (!policy.roles.some((r) => auth.roles.includes(r))) throw apiError("auth.forbidden");
      return;
    }
    const id = (request.params as Record<string, unknown> | undefined)?.id;
    // A route that answers the plan itself (GET) has it read here with the access facts: one query.
    const withDocument = request.routeOptions.config.loadsPlan === true;
    const row = typeof id === "string" && id.length <= 200 ? await repo.access(id, withDocument) : undefined;
    const access = row && typeof id === "string" ? accessFromRow(id, row) : null;
    // Organisation first: another organisation's plan is indistinguishable from a missing one.
    if (!access || access.organizationId !== auth.organizationId) throw apiError("not_found");
    if (!mayOnPlan(policy.action, auth, access)) throw apiError("auth.forbidden");
    if (withDocument && row?.stored) request.loadedPlan = { stored: row.stored, team: row.members, documentText: row.documentText };
  });
}
