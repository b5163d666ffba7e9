// The schedule as the public JSON of `rencana schedule --json` and GET /api/plans/:id/schedule:
// one shape, so the command line and the API cannot drift apart.
import type { Schedule } from "./scheduler.js";

/** A public contract (issue 3): keep the keys as they are. */
export function scheduleJson(schedule: Schedule) {
  return {
    finish: schedule.finish,
    criticalPath: schedule.criticalPath,
    activities: schedule.activities.map((a) => ({
      id: a.id,
      start: a.start,
      finish: a.finish,
      lateStart: a.lateStart,
      lateFinish: a.lateFinish,
      totalFloat: a.totalFloat,
      freeFloat: a.freeFloat,
      critical: a.critical,
    })),
    // Added with the organisation's calendar (issue 10): years still estimated, and what their estimate cannot compute.
    estimatedHolidayYears: schedule.estimatedHolidayYears,
    unknownHolidays: schedule.unknownHolidays.map((u) => ({ year: u.year, name: u.name, reason: u.reason })),
  };
}
