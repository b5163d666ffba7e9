// RAB lines grouped by activity, in the plan's activity order, with amounts from the domain's
// one line-amount function (never recomputed here).
import type { BudgetLine, Plan } from "../../domain/plan/schema.js";
import { lineAmount } from "../../domain/stages/budget.js";

export interface BudgetGroup {
  activityId: string;
  activityName: string;
  lines: BudgetLine[];
  amounts: number[];
  total: number;
}

export function groupBudgetByActivity(plan: Plan): BudgetGroup[] {
  const byActivity = new Map<string, BudgetLine[]>();
  for (const line of plan.budget) {
    const list = byActivity.get(line.activityId);
    if (list) list.push(line);
    else byActivity.set(line.activityId, [line]);
  }
  const groups: BudgetGroup[] = [];
  const make = (activityId: string, activityName: string, lines: BudgetLine[]): BudgetGroup => {
    const amounts = lines.map((l) => lineAmount(l));
    return { activityId, activityName, lines, amounts, total: amounts.reduce((a, b) => a + b, 0) };
  };
  for (const activity of plan.activities) {
    const lines = byActivity.get(activity.id);
    if (!lines) continue;
    groups.push(make(activity.id, activity.name, lines));
    byActivity.delete(activity.id);
  }
  // A draft may hold lines for an activity that no longer exists: show them, named by id.
  for (const [activityId, lines] of byActivity) {
    groups.push(make(activityId, `(kegiatan tidak ditemukan: ${activityId})`, lines));
  }
  return groups;
}
