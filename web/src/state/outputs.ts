// The computed views the screens show. This is the one seam to the domain's stage outputs
// (src/domain/stages): until that module lands these are plain sums, after it they delegate.
import type { Plan, Stakeholder } from "../../../src/domain/plan/schema.js";

export type Quadrant = "promoters" | "latents" | "defenders" | "apathetics";

export type Outputs = {
  targetGroupCount: number;
  peopleServed: number;
  ifas: number;
  efas: number;
  weightSums: Record<"strength" | "weakness" | "opportunity" | "threat", number>;
  swotQuadrant: "I" | "II" | "III" | "IV";
  budgetTotal: number;
  budgetLineAmount: (lineId: string) => number;
};

export function stageOutputsOf(plan: Plan): Outputs {
  const sum = (kind: string) => plan.analysis.factors.filter((f) => f.kind === kind).reduce((s, f) => s + (f.weight ?? 0) * (f.rating ?? 0), 0);
  const wsum = (kind: string) => plan.analysis.factors.filter((f) => f.kind === kind).reduce((s, f) => s + (f.weight ?? 0), 0);
  const ifas = sum("strength") - sum("weakness");
  const efas = sum("opportunity") - sum("threat");
  const amounts = new Map(plan.budget.map((b) => [b.id, Math.round(b.volume * b.unitPrice * (1 + (b.taxPercent ?? 0) / 100))]));
  return {
    targetGroupCount: plan.targetGroups.length,
    peopleServed: plan.targetGroups.reduce((s, g) => s + g.size, 0),
    ifas,
    efas,
    weightSums: { strength: wsum("strength"), weakness: wsum("weakness"), opportunity: wsum("opportunity"), threat: wsum("threat") },
    swotQuadrant: ifas >= 0 ? (efas >= 0 ? "I" : "IV") : efas >= 0 ? "II" : "III",
    budgetTotal: [...amounts.values()].reduce((s, a) => s + a, 0),
    budgetLineAmount: (id) => amounts.get(id) ?? 0,
  };
}

export function stakeholderQuadrant(s: Pick<Stakeholder, "power" | "interest">): Quadrant {
  const highPower = s.power >= 3, highInterest = s.interest >= 3;
  return highPower ? (highInterest ? "promoters" : "latents") : highInterest ? "defenders" : "apathetics";
}

/** Peak need per resource over the schedule (working days with overlapping assignments). */
export function resourcePeaks(plan: Plan, scheduled: ReadonlyMap<string, { start: string; finish: string; milestone: boolean }>): Map<string, number> {
  const events = new Map<string, { date: string; delta: number }[]>();
  for (const a of plan.assignments) {
    const s = scheduled.get(a.activityId);
    if (!s || s.milestone) continue;
    const list = events.get(a.resourceId) ?? [];
    list.push({ date: s.start, delta: a.quantity }, { date: `${s.finish}~`, delta: -a.quantity });
    events.set(a.resourceId, list);
  }
  const peaks = new Map<string, number>();
  for (const [id, list] of events) {
    list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    let cur = 0, peak = 0;
    for (const e of list) {
      cur += e.delta;
      peak = Math.max(peak, cur);
    }
    peaks.set(id, peak);
  }
  return peaks;
}
