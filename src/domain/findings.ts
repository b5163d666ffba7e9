// Findings: what a complete plan still lacks, stage by stage. A finding never rejects a
// draft; it tells the supervisor what to do next. Filled in by the stage modules.
import type { Bilingual } from "./messages.js";
import type { Plan } from "./plan/schema.js";

export const STAGES = ["organisasi", "sasaran", "analisis", "kegiatan", "jadwal", "sumber-daya", "tim", "pemangku-kepentingan", "mobilisasi", "keputusan"] as const;
export type Stage = (typeof STAGES)[number];
export type Severity = "error" | "warning" | "info";

export type Finding = {
  stage: Stage;
  code: string;
  severity: Severity;
  message: Bilingual;
  /** JSON path of the item concerned (e.g. `activities[2].ownerId`), so a UI can jump to it. */
  path: string;
  /** The id of the item concerned, when it has one. */
  ref?: string;
};

export function computeFindings(plan: Plan): Finding[] {
  void plan;
  return [];
}
