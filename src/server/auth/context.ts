// What the server knows about the caller, attached to every request by the session hook.
import type { Session, User, Role } from "../../store/people-repo.js";
import type { PlanMember, StoredPlan } from "../../store/plans-repo.js";
import type { Policy } from "./policy.js";

export type AuthContext = {
  user: User;
  session: Session;
  organizationId: string;
  roles: readonly Role[];
};

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in caller, or null. */
    auth: AuthContext | null;
    /** Why there is no caller although a cookie came: the session expired. */
    authExpired: boolean;
    /** On a route with `loadsPlan`: the plan and its team as the policy check read them (same query). */
    loadedPlan?: { stored: StoredPlan; team: (PlanMember & { name: string })[]; documentText: string | undefined };
  }
  interface FastifyContextConfig {
    /** Who may call the route; every route must declare one (buildApp refuses otherwise). */
    policy?: Policy;
    /** The route answers the plan named by `:id`: the policy check reads it with the access facts. */
    loadsPlan?: boolean;
  }
}

/** The caller of a route whose policy requires a session (set by then). */
export function requireAuth(auth: AuthContext | null): AuthContext {
  if (!auth) throw new Error("route without a signed-in caller reached a handler that needs one");
  return auth;
}
