// Scheduling: working calendar, critical path, resource loading and leveling. Pure; used by
// the server, the CLI, the documents and the browser.
export { buildWorkingCalendar, WorkingCalendar, type CalendarHoliday, type CalendarInput } from "./calendar.js";
export {
  INDONESIA_HOLIDAYS,
  HOLIDAY_TYPES,
  holidaysForYear,
  estimateHolidays,
  unknownHolidays,
  organizationHolidays,
  type HolidayEntry,
  type HolidayTable,
  type HolidayType,
  type OrganizationCalendarYear,
  type UnknownHoliday,
} from "./holidays/index.js";
export {
  schedulePlan,
  computeScheduleArrays,
  type Schedule,
  type ScheduleArrays,
  type ScheduleError,
  type ScheduleInput,
  type ScheduleOptions,
  type ScheduleResult,
  type ScheduledActivity,
} from "./scheduler.js";
export {
  resourceLoading,
  levelResources,
  type LevelingProposal,
  type LevelingShift,
  type Overallocation,
  type ResourceDay,
  type ResourceLoad,
  type ResourceLoading,
} from "./resources.js";
export { scheduleJson } from "./json.js";
