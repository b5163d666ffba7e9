import { HOLIDAYS_2025 } from "./2025.js";
import { HOLIDAYS_2026 } from "./2026.js";
import { estimateHolidays, unknownHolidays } from "./estimate.js";
import type { HolidayEntry, HolidayTable, UnknownHoliday } from "./types.js";

export type { HolidayEntry, HolidayTable, HolidayType, UnknownHoliday } from "./types.js";
export { HOLIDAY_TYPES } from "./types.js";
export { estimateHolidays, unknownHolidays } from "./estimate.js";
export { organizationHolidays, type OrganizationCalendarYear } from "./organization.js";

/**
 * Indonesia's decreed national holidays and cuti bersama, per year. No SKB for 2027 had been
 * found when this table was last curated (2026-11-27); 2027 is estimated until it is added
 * (or until an organisation enters it in its own calendar, see organization.ts).
 */
export const INDONESIA_HOLIDAYS: HolidayTable = { 2025: HOLIDAYS_2025, 2026: HOLIDAYS_2026 };

/**
 * The year's entries from the table, or an estimate when the year is not decreed. A year whose
 * entries are flagged `estimated` (an organisation's list entered before its SKB) counts as
 * estimated too. `unknown` lists what an estimated year cannot say (Nyepi, Waisak, cuti bersama).
 */
export function holidaysForYear(year: number, table: HolidayTable = INDONESIA_HOLIDAYS): { entries: readonly HolidayEntry[]; estimated: boolean; unknown: UnknownHoliday[] } {
  const listed = table[year];
  if (!listed) return { entries: estimateHolidays(year), estimated: true, unknown: unknownHolidays(year) };
  const estimated = listed.some((h) => h.estimated === true);
  return { entries: listed, estimated, unknown: estimated ? unknownHolidays(year, listed) : [] };
}
