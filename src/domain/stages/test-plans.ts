// Plans for the stage tests: the shipped examples (read at build time through JSON imports
// would tie src/ to examples/, so tests read them with fs) and a tiny hand-made plan.
import { emptyPlan } from "../plan/empty.js";
import type { Plan } from "../plan/schema.js";

export function tinyPlan(): Plan {
  return emptyPlan({ title: "Uji", fiscalYear: 2027, organizationName: "Dinas Uji", unit: "Seksi Uji" });
}

/** Deep copy, so a test can mutate freely. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
