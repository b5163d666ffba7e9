import { HOLIDAYS_2025 } from "./2025.js";
import { HOLIDAYS_2026 } from "./2026.js";
import { estimateHolidays } from "./estimate.js";
import type { HolidayEntry, HolidayTable } from "./types.js";

export type { HolidayEntry, HolidayTable, HolidayType } from "./types.js";
export { estimateHolidays } from "./estimate.js";

/**
 * Indonesia's decreed national holidays and cuti bersama, per year. No SKB for 2027 had been
 * found when this table was last curated (2026-11-27); 2027 is estimated until it is added.
 */
export const INDONESIA_HOLIDAYS: HolidayTable = { 2025: HOLIDAYS_2025, 2026: HOLIDAYS_2026 };

/** The year's entries from the table, or an estimate when the year is not decreed. */
export function holidaysForYear(year: number, table: HolidayTable = INDONESIA_HOLIDAYS): { entries: readonly HolidayEntry[]; estimated: boolean } {
  const decreed = table[year];
  return decreed ? { entries: decreed, estimated: false } : { entries: estimateHolidays(year), estimated: true };
}
