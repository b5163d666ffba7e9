// A plan's team as the penyusun (or an admin) sets it: who drafts, who initials in which
// order, who signs, who only reads. Checked against the organisation's users, every problem
// named by its path in the request (`members[2].role`).
import { z } from "zod";
import type { User } from "../../store/people-repo.js";
import { PLAN_ROLES, type PlanMember, type PlanRole } from "../../store/plans-repo.js";
import type { ApiErrorItem } from "../errors.js";

export const MAX_TEAM_SIZE = 100;

export const teamBody = z.strictObject({
  members: z
    .array(
      z.strictObject({
        userId: z.string().trim().min(1).max(200),
        role: z.enum(PLAN_ROLES),
        /** Order of initialling among the reviewers; by array order when absent. Ignored for other roles. */
        position: z.number().int().min(1).max(999).optional(),
      }),
    )
    .max(MAX_TEAM_SIZE),
});
export type TeamBody = z.infer<typeof teamBody>;

const ROLE_NAMES: Record<PlanRole, { id: string; en: string }> = {
  penyusun: { id: "penyusun", en: "drafter (penyusun)" },
  pemeriksa: { id: "pemeriksa", en: "reviewer (pemeriksa)" },
  penandatangan: { id: "penandatangan", en: "signatory (penandatangan)" },
  pembaca: { id: "pembaca", en: "reader (pembaca)" },
};

/**
 * The team to store, or the problems. Reviewers' positions are given or numbered in array order
 * (the smallest free number), then renumbered 1…n in that order so the chain has no gaps.
 */
export function checkTeam(
  members: TeamBody["members"],
  usersById: ReadonlyMap<string, User>,
  organizationId: string,
): { ok: true; members: PlanMember[] } | { ok: false; errors: ApiErrorItem[] } {
  const errors: ApiErrorItem[] = [];
  const seen = new Set<string>();
  members.forEach((m, i) => {
    const user = usersById.get(m.userId);
    if (!user || user.organizationId !== organizationId) {
      errors.push({ path: `members[${i}].userId`, code: "team.user_unknown", message: { id: `pengguna "${m.userId}" tidak ada di organisasi ini`, en: `there is no user "${m.userId}" in this organisation` } });
      return;
    }
    if (user.disabled) {
      errors.push({ path: `members[${i}].userId`, code: "team.user_disabled", message: { id: `akun ${user.name} dinonaktifkan`, en: `the account of ${user.name} is disabled` } });
    }
    if (!user.roles.includes(m.role)) {
      errors.push({
        path: `members[${i}].role`,
        code: "team.role_not_held",
        message: { id: `${user.name} tidak memiliki peran ${ROLE_NAMES[m.role].id} di organisasi`, en: `${user.name} does not hold the role ${ROLE_NAMES[m.role].en} in the organisation` },
      });
    }
    const key = `${m.userId}\u0000${m.role}`;
    if (seen.has(key)) {
      errors.push({ path: `members[${i}].userId`, code: "team.member_duplicate", message: { id: `${user.name} sudah tercantum dengan peran ${m.role}`, en: `${user.name} is already listed with the role ${m.role}` } });
    }
    seen.add(key);
  });

  if (!members.some((m) => m.role === "penyusun")) {
    errors.push({ path: "members", code: "team.penyusun_required", message: { id: "tim harus memiliki sedikitnya satu penyusun (yang dapat mengubah rencana)", en: "the team needs at least one penyusun (someone who can edit the plan)" } });
  }
  members.forEach((m, i) => {
    if (m.role === "penandatangan" && members.findIndex((x) => x.role === "penandatangan") !== i) {
      errors.push({ path: `members[${i}].role`, code: "team.penandatangan_multiple", message: { id: "tim hanya boleh memiliki satu penandatangan", en: "the team may have only one penandatangan (signatory)" } });
    }
  });

  const explicit = new Map<number, number>(); // position → first index using it
  members.forEach((m, i) => {
    if (m.role !== "pemeriksa" || m.position === undefined) return;
    const first = explicit.get(m.position);
    if (first !== undefined) {
      errors.push({
        path: `members[${i}].position`,
        code: "team.position_duplicate",
        message: { id: `urutan pemeriksa ${m.position} sudah dipakai oleh members[${first}]`, en: `reviewer position ${m.position} is already used by members[${first}]` },
      });
    } else explicit.set(m.position, i);
  });
  if (errors.length > 0) return { ok: false, errors };

  let next = 1;
  const reviewers = members
    .map((m, index) => ({ m, index }))
    .filter(({ m }) => m.role === "pemeriksa")
    .map(({ m, index }) => {
      if (m.position !== undefined) return { m, index, position: m.position };
      while (explicit.has(next)) next++;
      explicit.set(next, index);
      return { m, index, position: next };
    })
    .sort((a, b) => a.position - b.position || a.index - b.index);
  const reviewerPosition = new Map(reviewers.map((r, order) => [r.index, order + 1]));
  return { ok: true, members: members.map((m, i) => ({ userId: m.userId, role: m.role, position: reviewerPosition.get(i) ?? 0 })) };
}
