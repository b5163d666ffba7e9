// Which item ids a plan has: every object with a string `id` inside any list of the document
// (activities, resources, budget lines, stakeholders, SWOT factors, …). Walking the document
// rather than naming the lists keeps a comment's `itemRef` check right when lists are added.
import type { Plan } from "../../domain/plan/schema.js";

export function planItemIds(plan: Plan): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown, inList: boolean): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v, true);
    } else if (value !== null && typeof value === "object") {
      const record = value as Record<string, unknown>;
      if (inList && typeof record.id === "string") ids.add(record.id);
      for (const v of Object.values(record)) walk(v, false);
    }
  };
  walk(plan, false);
  return ids;
}
