// The items a comment can be attached to on each stage screen: an id, a readable label and the
// finding-style path of the row, so a comment can bring its item into view.
import type { Plan } from "../../../src/domain/plan/schema.js";
import type { StageSlug } from "../router.js";

export type CommentItem = { ref: string; label: string; dataPath: string };

function list<T extends { id: string }>(items: readonly T[], path: string, name: (x: T) => string): CommentItem[] {
  return items.map((x, i) => ({ ref: x.id, label: `${x.id} — ${name(x)}`, dataPath: `${path}[${i}]` }));
}

export function stageItems(plan: Plan, stage: StageSlug): CommentItem[] {
  switch (stage) {
    case "sasaran":
      return list(plan.targetGroups, "targetGroups", (g) => g.name);
    case "analisis":
      return [...list(plan.analysis.factors, "analysis.factors", (f) => f.text), ...list(plan.analysis.strategies, "analysis.strategies", (s) => s.text)];
    case "kegiatan":
      return [
        ...list(plan.direction.goals, "direction.goals", (g) => g.text),
        ...list(plan.direction.targets, "direction.targets", (s) => s.text),
        ...list(plan.direction.programs, "direction.programs", (p) => p.name),
        ...list(plan.activities, "activities", (a) => a.name),
      ];
    case "jadwal":
      return list(plan.activities, "activities", (a) => a.name);
    case "sumber-daya":
      return [...list(plan.resources, "resources", (r) => r.name), ...list(plan.budget, "budget", (b) => b.item)];
    case "tim":
      return list(plan.team, "team", (m) => m.name);
    case "pemangku-kepentingan":
      return [...list(plan.stakeholders, "stakeholders", (s) => s.name), ...list(plan.communication, "communication", (c) => c.message)];
    case "mobilisasi":
      return list(plan.mobilization, "mobilization", (m) => m.partner);
    case "dokumen":
    case "layanan-publik":
    case "pengawasan":
      return [];
  }
}

/** The stage an item belongs to, for comments that name an item but no stage. */
export function findItem(plan: Plan, stages: readonly StageSlug[], ref: string): { stage: StageSlug; item: CommentItem } | undefined {
  for (const stage of stages) {
    const item = stageItems(plan, stage).find((i) => i.ref === ref);
    if (item) return { stage, item };
  }
  return undefined;
}
