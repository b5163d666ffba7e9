// Stage 1 output: how many community groups the service targets, and how many people.
import type { Plan } from "../plan/schema.js";

export type TargetGroupOutputs = { groupCount: number; peopleCount: number };

export function targetGroupOutputs(plan: Plan): TargetGroupOutputs {
  return {
    groupCount: plan.targetGroups.length,
    peopleCount: plan.targetGroups.reduce((sum, g) => sum + g.size, 0),
  };
}
