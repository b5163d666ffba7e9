// Findings of stage 1: the community groups the service targets (stage "sasaran").
import type { Plan } from "../plan/schema.js";
import { findingsFor } from "./finding.js";
import { isBlank, nameOf } from "./text.js";

export function targetGroupFindings(plan: Plan) {
  const { out, add } = findingsFor("sasaran");
  if (plan.targetGroups.length === 0) {
    add("error", "targetGroups.empty", "targetGroups", {
      id: "belum ada kelompok masyarakat sasaran",
      en: "no target community group yet",
    });
  }
  plan.targetGroups.forEach((g, i) => {
    if (g.size === 0) {
      add("warning", "targetGroup.size.zero", `targetGroups[${i}].size`, {
        id: `jumlah orang pada kelompok sasaran ${nameOf(g.id, g.name)} masih 0`,
        en: `target group ${nameOf(g.id, g.name)} has a size of 0 people`,
      }, g.id);
    }
    if (isBlank(g.needs)) {
      add("info", "targetGroup.needs.missing", `targetGroups[${i}].needs`, {
        id: `kebutuhan kelompok sasaran ${nameOf(g.id, g.name)} belum diuraikan`,
        en: `the needs of target group ${nameOf(g.id, g.name)} are not described`,
      }, g.id);
    }
  });
  return out;
}
