// What each stage of the method outputs, computed from one plan. Pure and JSON-able: the API
// serves `stageOutputs(plan)` as is, the web app and the documents read the same numbers.
// Stage 4 (the schedule) is src/domain/schedule.
import type { Plan } from "../plan/schema.js";
import { analysisOutputs, type AnalysisOutputs } from "./analysis.js";
import { budgetOutputs, type BudgetOutputs } from "./budget.js";
import { directionOutputs, type DirectionOutputs } from "./direction.js";
import { resourceOutputs, type ResourceOutputs } from "./resources.js";
import { stakeholderOutputs, type StakeholderOutputs } from "./stakeholders.js";
import { targetGroupOutputs, type TargetGroupOutputs } from "./target-groups.js";

export * from "./analysis.js";
export * from "./budget.js";
export * from "./direction.js";
export * from "./resources.js";
export * from "./stakeholders.js";
export * from "./target-groups.js";

export type StageOutputs = {
  /** Stage 1: groups and people to be served. */
  targetGroups: TargetGroupOutputs;
  /** Stage 2: S/W/O/T, IFAS/EFAS, quadrant, TOWS strategies. */
  analysis: AnalysisOutputs;
  /** Stage 3: direction tree and traceability of activities. */
  direction: DirectionOutputs;
  /** Stage 5: resources by kind and what activities need of them. */
  resources: ResourceOutputs;
  /** Stage 5: the cost plan (RAB) totals. */
  budget: BudgetOutputs;
  /** Stakeholder map. */
  stakeholders: StakeholderOutputs;
};

export function stageOutputs(plan: Plan): StageOutputs {
  return {
    targetGroups: targetGroupOutputs(plan),
    analysis: analysisOutputs(plan),
    direction: directionOutputs(plan),
    resources: resourceOutputs(plan),
    budget: budgetOutputs(plan),
    stakeholders: stakeholderOutputs(plan),
  };
}
