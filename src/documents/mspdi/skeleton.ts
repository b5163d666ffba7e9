// The smallest valid format v1 plan around a schedule: what an imported MS Project file
// becomes, with every non-schedule part empty for the user to fill in.
import { PLAN_FORMAT_V1, type Plan } from "../../domain/plan/schema.js";

export function skeletonPlan(parts: Pick<Plan, "title" | "fiscalYear" | "start" | "calendar" | "activities">): Plan {
  return {
    format: PLAN_FORMAT_V1,
    title: parts.title,
    fiscalYear: parts.fiscalYear,
    organization: { name: "—", unit: "" },
    service: { name: "", pattern: "fungsional" },
    targetGroups: [],
    analysis: { factors: [], assumptions: [], strategies: [] },
    direction: { vision: "", missions: [], goals: [], targets: [], policies: [], programs: [] },
    start: parts.start,
    calendar: parts.calendar,
    activities: parts.activities,
    resources: [],
    assignments: [],
    budget: [],
    resourceStrategy: {},
    mobilization: [],
    team: [],
    stakeholders: [],
    communication: [],
    decree: {
      issuerTitle: "",
      place: "",
      signatory: { name: "", position: "" },
      considerations: [],
      legalBases: [],
      dictums: [],
      copiesTo: [],
    },
  };
}
