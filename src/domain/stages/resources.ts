// Stage 5 output: the number and kind of resources, what the activities need of each, and
// whether what is available covers it.
//
// An assignment's quantity is per working day (format v1), so an activity needs
// quantity × durationDays in total. How that is judged depends on the kind:
//   - material is consumed: covered when the total need fits the stock (available);
//   - people, facilities and budget rates are capacities per day: covered when no single
//     activity asks for more per day than is available. Whether overlapping activities
//     together exceed it depends on the dates, which is the scheduler's resource loading.
import type { Bilingual } from "../messages.js";
import { RESOURCE_KINDS, type Plan, type Resource } from "../plan/schema.js";

export type ResourceKind = Resource["kind"];

export const RESOURCE_KIND_LABELS: Record<ResourceKind, Bilingual> = {
  people: { id: "SDM (sumber daya manusia)", en: "people" },
  facility: { id: "sarana dan prasarana", en: "facilities and infrastructure" },
  material: { id: "material", en: "materials" },
  budget: { id: "anggaran", en: "budget" },
};

export type ResourceSummary = {
  id: string;
  name: string;
  unit: string;
  available: number;
  activityIds: string[];
  /** Σ quantity × durationDays over the assignments (unit-days, or units for material). */
  need: number;
  /** The largest per-day quantity any one activity asks for. */
  peakPerDay: number;
  covered: boolean;
};

export type ResourceKindSummary = {
  kind: ResourceKind;
  label: Bilingual;
  count: number;
  /** Σ available — meaningful when the kind's resources share a unit. */
  availableTotal: number;
  needTotal: number;
  resources: ResourceSummary[];
};

export type ResourceOutputs = {
  resourceCount: number;
  kinds: Record<ResourceKind, ResourceKindSummary>;
  missingKinds: ResourceKind[];
  unassignedResourceIds: string[];
  /** Resources some activity needs: the plan depends on these. */
  usedResourceIds: string[];
};

export function resourceOutputs(plan: Plan): ResourceOutputs {
  const durations = new Map(plan.activities.map((a) => [a.id, a.durationDays]));
  const summaries = new Map<string, ResourceSummary>();
  for (const r of plan.resources) {
    summaries.set(r.id, { id: r.id, name: r.name, unit: r.unit, available: r.available, activityIds: [], need: 0, peakPerDay: 0, covered: true });
  }
  for (const a of plan.assignments) {
    const s = summaries.get(a.resourceId);
    if (!s) continue;
    if (!s.activityIds.includes(a.activityId)) s.activityIds.push(a.activityId);
    s.need += a.quantity * (durations.get(a.activityId) ?? 0);
    s.peakPerDay = Math.max(s.peakPerDay, a.quantity);
  }
  const kinds = {} as Record<ResourceKind, ResourceKindSummary>;
  for (const kind of RESOURCE_KINDS) {
    const resources = plan.resources.filter((r) => r.kind === kind).map((r) => summaries.get(r.id)!);
    for (const s of resources) s.covered = kind === "material" ? s.need <= s.available : s.peakPerDay <= s.available;
    kinds[kind] = {
      kind,
      label: RESOURCE_KIND_LABELS[kind],
      count: resources.length,
      availableTotal: resources.reduce((sum, s) => sum + s.available, 0),
      needTotal: resources.reduce((sum, s) => sum + s.need, 0),
      resources,
    };
  }
  const all = [...summaries.values()];
  return {
    resourceCount: plan.resources.length,
    kinds,
    missingKinds: RESOURCE_KINDS.filter((k) => kinds[k].count === 0),
    unassignedResourceIds: all.filter((s) => s.activityIds.length === 0).map((s) => s.id),
    usedResourceIds: all.filter((s) => s.activityIds.length > 0).map((s) => s.id),
  };
}
