// Findings: what a complete plan still lacks, stage by stage. A finding never rejects a
// draft; it tells the supervisor what to do next. Filled in by the stage modules.
import type { Bilingual } from "./messages.js";
import type { Plan } from "./plan/schema.js";
import { analysisFindings } from "./stages/analysis-findings.js";
import { decreeContentFindings } from "./stages/decree-findings.js";
import { decreeFindings } from "./decree/authority.js";
import { directionFindings } from "./stages/direction-findings.js";
import { organizationFindings } from "./stages/organization-findings.js";
import { mobilizationFindings, resourceFindings } from "./stages/resource-findings.js";
import { scheduleFindings } from "./stages/schedule-findings.js";
import { stakeholderFindings } from "./stages/stakeholder-findings.js";
import { targetGroupFindings } from "./stages/target-group-findings.js";
import { teamFindings } from "./stages/team-findings.js";
import { serviceStandardFindings } from "./service/standard.js";

export const STAGES = ["organisasi", "sasaran", "analisis", "kegiatan", "jadwal", "sumber-daya", "tim", "pemangku-kepentingan", "mobilisasi", "keputusan", "standar-pelayanan"] as const;
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

/**
 * The finding rules, one per area, in stage order. Adding an area is one line here.
 * Each rule returns its own findings; none may throw for a plan that passed validation.
 */
export const FINDING_RULES: readonly ((plan: Plan) => Finding[])[] = [
  organizationFindings,
  targetGroupFindings,
  analysisFindings,
  directionFindings,
  scheduleFindings,
  resourceFindings,
  mobilizationFindings,
  teamFindings,
  stakeholderFindings,
  decreeContentFindings,
  decreeFindings,
  serviceStandardFindings,
];

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function computeFindings(plan: Plan): Finding[] {
  return mergeFindings(FINDING_RULES.flatMap((rule) => rule(plan)));
}

/**
 * Two rules may report the same thing (same code, path and item), e.g. the decree's content
 * and the documents' authority check: keep the first, with the stricter of the severities.
 */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const merged = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.code}\u0000${f.path}\u0000${f.ref ?? ""}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, f);
    else if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[seen.severity]) merged.set(key, { ...seen, severity: f.severity });
  }
  return [...merged.values()];
}

/**
 * The findings that hold the review back: every error. A plan with one cannot be submitted,
 * initialled or approved (the server refuses with `workflow.findings_open`; the app disables
 * the button and lists them), so a decree is never numbered while it lacks a required part.
 */
export function openErrors(plan: Plan): Finding[] {
  return computeFindings(plan).filter((f) => f.severity === "error");
}
