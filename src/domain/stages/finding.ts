// Building blocks of the per-area finding rules (see ../findings.ts for the list of rules).
import type { Finding, Severity, Stage } from "../findings.js";
import type { Bilingual } from "../messages.js";
import type { Plan } from "../plan/schema.js";

/** One area's findings; `computeFindings` runs a list of these. */
export type FindingRule = (plan: Plan) => Finding[];

/** Collects findings for one stage with a compact call per finding. */
export function findingsFor(stage: Stage) {
  const out: Finding[] = [];
  const add = (severity: Severity, code: string, path: string, message: Bilingual, ref?: string): void => {
    out.push(ref === undefined ? { stage, code, severity, message, path } : { stage, code, severity, message, path, ref });
  };
  return { out, add };
}
