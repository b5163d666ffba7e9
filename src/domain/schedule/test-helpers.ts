// Builders for hand-written schedule tests.
import type { Activity, Calendar } from "../plan/schema.js";
import type { ScheduleInput } from "./scheduler.js";

export const MON_FRI: Calendar = { workWeek: [1, 2, 3, 4, 5], nationalHolidays: false, holidays: [], workingDays: [] };

export type LinkSpec = [predecessorId: string, type: "FS" | "SS" | "FF" | "SF", lagDays: number];

export function act(id: string, durationDays: number, links: LinkSpec[] = [], notBefore?: string): Activity {
  return {
    id,
    name: id,
    durationDays,
    dependsOn: links.map(([activityId, type, lagDays]) => ({ activityId, type, lagDays })),
    ...(notBefore !== undefined ? { notBefore } : {}),
  };
}

export function plan(start: string, activities: Activity[], calendar: Partial<Calendar> = {}): ScheduleInput {
  return { start, calendar: { ...MON_FRI, ...calendar }, activities };
}
