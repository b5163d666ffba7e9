// A new plan as a user starts it: every collection empty, only what format v1 requires filled.
// Shared by the web app ("Rencana baru"), the server and the CLI so a new draft always validates.
import { PLAN_FORMAT_V1, type Plan } from "./schema.js";

export type EmptyPlanInput = {
  title: string;
  fiscalYear: number;
  organizationName: string;
  unit?: string;
  /** First possible working day; defaults to 2 January of the fiscal year (1 January is a holiday). */
  start?: string;
};

export function emptyPlan(input: EmptyPlanInput): Plan {
  const title = input.title.trim();
  return {
    format: PLAN_FORMAT_V1,
    title,
    fiscalYear: input.fiscalYear,
    organization: { name: input.organizationName.trim(), unit: input.unit?.trim() ?? "" },
    service: { name: title, pattern: "fungsional" },
    targetGroups: [],
    analysis: { factors: [], assumptions: [], strategies: [] },
    direction: { vision: "", missions: [], goals: [], targets: [], policies: [], programs: [] },
    start: input.start ?? `${String(input.fiscalYear).padStart(4, "0")}-01-02`,
    calendar: { workWeek: [1, 2, 3, 4, 5], nationalHolidays: true, holidays: [], workingDays: [] },
    activities: [],
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
