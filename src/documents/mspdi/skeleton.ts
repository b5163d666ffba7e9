// The smallest valid format v1 plan around a schedule: what an imported MS Project file
// becomes, with every non-schedule part empty for the user to fill in.
import { emptyPlan } from "../../domain/plan/empty.js";
import type { Plan } from "../../domain/plan/schema.js";

export function skeletonPlan(parts: Pick<Plan, "title" | "fiscalYear" | "start" | "calendar" | "activities">): Plan {
  const plan = emptyPlan({ title: parts.title, fiscalYear: parts.fiscalYear, organizationName: "—", start: parts.start });
  // An MS Project file says nothing of the service; leave its name for the user.
  return { ...plan, service: { ...plan.service, name: "" }, calendar: parts.calendar, activities: parts.activities };
}
