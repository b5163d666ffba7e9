// What the progress views compare with, and who must hear of a kritis status: shared by the
// pengawasan routes, the progress summary of the plan list and the laporan kemajuan download.
import type { Plan } from "../../domain/plan/schema.js";
import type { BaselineInput } from "../../domain/realization/index.js";
import type { Database } from "../../store/database.js";
import type { User } from "../../store/people-repo.js";
import type { PlansRepo, StoredPlan } from "../../store/plans-repo.js";
import { firstApprovedVersion } from "../../store/workflow-repo.js";
import { decreeDay } from "../workflow/decree-number.js";

/** Today in Jakarta (WIB), the day a report or a chart is "as of": the day decrees are dated by. */
export function jakartaToday(ms: number): string {
  return decreeDay(ms).iso;
}

/**
 * The approved versions to compare with: the first approval, and the latest one when the plan was
 * amended and approved again since ("Rencana awal" and "Rencana perubahan").
 */
export async function approvedBaselines(database: Database, repo: PlansRepo, stored: StoredPlan): Promise<BaselineInput[]> {
  const latest = stored.workflow.baselineVersion;
  if (latest === null) return [];
  const first = await firstApprovedVersion(database.db, stored.id);
  const versions = [...new Set([first ?? latest, latest])];
  const out: BaselineInput[] = [];
  for (const [k, version] of versions.entries()) {
    const revision = await repo.getRevision(stored.id, version);
    if (!revision) continue;
    const label = versions.length === 1 ? `Rencana disetujui (versi ${version})` : k === 0 ? `Rencana awal (versi ${version})` : `Rencana perubahan (versi ${version})`;
    out.push({ label, plan: revision.plan });
  }
  return out;
}

const squashName = (s: string) => s.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();

/**
 * The plan's penanggung jawab and pengarah (the team in the document) who are this user: matched
 * by NIP, or by name when either side has no NIP. The plan's signatory on the app team (who
 * approved it, as the pengarah usually does) is told as well.
 */
export function overseerRoleOf(user: Pick<User, "name" | "nip">, plan: Plan, appRoles: readonly string[]): "penanggung-jawab" | "pengarah" | "penandatangan" | null {
  const nip = (user.nip ?? "").replace(/\D/g, "");
  for (const m of plan.team) {
    if (m.role !== "penanggung-jawab" && m.role !== "pengarah") continue;
    const theirs = (m.nip ?? "").replace(/\D/g, "");
    if (nip && theirs ? nip === theirs : squashName(m.name) === squashName(user.name)) return m.role;
  }
  return appRoles.includes("penandatangan") ? "penandatangan" : null;
}
