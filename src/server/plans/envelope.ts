// The plan as the API returns it: the document with its version, the workflow (status, round,
// whose turn, team with names) and what the caller may do with it (`abilities`), so the web app
// shows only the actions the server would accept.
import type { FastifyRequest } from "fastify";
import type { PeopleRepo } from "../../store/people-repo.js";
import type { PlanMember, PlansRepo, StoredPlan } from "../../store/plans-repo.js";
import { requireAuth } from "../auth/context.js";
import { awaitingMember, planAbilities, type PlanAccess } from "../auth/policy.js";
import { presentPlan } from "./presenters.js";

export type TeamEntry = { userId: string; name: string; role: PlanMember["role"]; position: number };

export async function teamWithNames(people: PeopleRepo, members: readonly PlanMember[]): Promise<TeamEntry[]> {
  const users = new Map((await people.usersByIds(members.map((m) => m.userId))).map((u) => [u.id, u]));
  return members.map((m) => ({ userId: m.userId, name: users.get(m.userId)?.name ?? "", role: m.role, position: m.position }));
}

export function accessOf(stored: StoredPlan, members: PlanMember[]): PlanAccess {
  return { planId: stored.id, organizationId: stored.organizationId, status: stored.status, reviewStep: stored.workflow.reviewStep, members };
}

/** `preloaded`: the team with names as already read with the plan (GET), so nothing more is queried. */
export async function planEnvelope(request: FastifyRequest, repo: PlansRepo, people: PeopleRepo, stored: StoredPlan, preloaded?: readonly TeamEntry[]) {
  const auth = requireAuth(request.auth);
  const members = preloaded ? preloaded.map(({ userId, role, position }) => ({ userId, role, position })) : await repo.team(stored.id);
  const access = accessOf(stored, members);
  const team = preloaded ? preloaded.map(({ userId, name, role, position }) => ({ userId, name, role, position })) : await teamWithNames(people, members);
  const awaiting = awaitingMember(access);
  return {
    ...presentPlan(stored),
    workflow: {
      status: stored.status,
      cycle: stored.workflow.reviewCycle,
      step: stored.workflow.reviewStep,
      baselineVersion: stored.workflow.baselineVersion,
      amendment: stored.workflow.amendment,
      ...(stored.plan.decree.number ? { decreeNumber: stored.plan.decree.number } : {}),
      team,
      awaiting: awaiting ? { userId: awaiting.userId, name: team.find((t) => t.userId === awaiting.userId)?.name ?? "", role: awaiting.role } : null,
    },
    abilities: planAbilities(auth, access),
  };
}
