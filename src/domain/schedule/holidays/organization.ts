// An organisation's working calendar (issue 10, item 6): the years it has entered itself — the
// national holidays and cuti bersama as decreed (SKB 3 Menteri), or its own list for a year not
// yet decreed, which stays flagged as an estimate — and its regional holidays (libur daerah).
// Pure: the server reads the rows and passes them in; the scheduler receives the result.
import type { HolidayEntry, HolidayTable } from "./types.js";

export type OrganizationCalendarYear = {
  year: number;
  /** True once the year's SKB is entered: the list is the decree, not an estimate. */
  decreed: boolean;
  /** The decree (SKB numbers) or the organisation's note. */
  source: string;
  /** National holidays, cuti bersama and libur daerah of the year. */
  entries: readonly Pick<HolidayEntry, "date" | "name" | "type">[];
};

/**
 * The national table with the organisation's years put over the built-in ones, and its regional
 * holidays apart (a region's days off apply whatever the national list of the year is).
 * An organisation year without national entries (only libur daerah) leaves the national year alone.
 */
export function organizationHolidays(years: readonly OrganizationCalendarYear[], base: HolidayTable): { table: HolidayTable; regional: HolidayEntry[] } {
  const table: Record<number, readonly HolidayEntry[]> = { ...base };
  const regional: HolidayEntry[] = [];
  for (const y of years) {
    const source = y.source.trim() || (y.decreed ? "SKB" : "Perkiraan organisasi");
    const national = y.entries.filter((e) => e.type !== "libur-daerah");
    if (national.length > 0) {
      table[y.year] = national
        .map((e): HolidayEntry => ({ date: e.date, name: e.name, type: e.type, source, ...(y.decreed ? {} : { estimated: true }) }))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
    for (const e of y.entries) if (e.type === "libur-daerah") regional.push({ date: e.date, name: e.name, type: "libur-daerah", source });
  }
  return { table, regional: regional.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) };
}
