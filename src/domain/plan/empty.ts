// A new plan as a user starts it: every collection empty, only what format v1 requires filled.
// Shared by the web app ("Rencana baru"), the server and the CLI so a new draft always validates.
import { buildWorkingCalendar } from "../schedule/calendar.js";
import { epochDayOf, isoOfEpochDay } from "../schedule/dates.js";
import { PLAN_FORMAT_V1, type Plan } from "./schema.js";

export type EmptyPlanInput = {
  title: string;
  fiscalYear: number;
  organizationName: string;
  unit?: string;
  /**
   * The first day of work. By default the next working day (national holidays and cuti bersama
   * observed): after `today` when that is in the fiscal year, else the fiscal year's first.
   */
  start?: string;
  /** The user's date (YYYY-MM-DD), passed in so the domain stays pure. */
  today?: string;
};

const DEFAULT_CALENDAR: Plan["calendar"] = { workWeek: [1, 2, 3, 4, 5], nationalHolidays: true, holidays: [], workingDays: [] };

/** The working day a new plan starts on when none is given (see EmptyPlanInput.start). */
export function defaultStart(fiscalYear: number, today?: string): string {
  const year = String(fiscalYear).padStart(4, "0");
  const from = today !== undefined && today.slice(0, 4) === year && !Number.isNaN(epochDayOf(today)) ? isoOfEpochDay(epochDayOf(today) + 1) : `${year}-01-01`;
  return buildWorkingCalendar({ calendar: DEFAULT_CALENDAR, start: from }, fiscalYear, fiscalYear + 1).nextWorkingDay(from);
}

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
    start: input.start ?? defaultStart(input.fiscalYear, input.today),
    calendar: { ...DEFAULT_CALENDAR, workWeek: [...DEFAULT_CALENDAR.workWeek] },
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
