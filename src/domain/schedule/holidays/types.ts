/** One day off, with the decree that sets it: national (Keppres/SKB) or regional (libur daerah, set by the region). */
export type HolidayType = "libur-nasional" | "cuti-bersama" | "libur-daerah";
export const HOLIDAY_TYPES = ["libur-nasional", "cuti-bersama", "libur-daerah"] as const satisfies readonly HolidayType[];

export type HolidayEntry = {
  date: string; // YYYY-MM-DD
  name: string;
  type: HolidayType;
  /** The legal source: Keppres and/or SKB 3 Menteri (or the rule used for an estimate). */
  source: string;
  /** True when the date is computed because no decree for that year exists yet. */
  estimated?: boolean;
};

/** Decreed years only; a year missing here is estimated (see estimate.ts). */
export type HolidayTable = Readonly<Record<number, readonly HolidayEntry[]>>;

/** A day off of an undecreed year that cannot be computed (Nyepi, Waisak, cuti bersama): listed, never silently left out. */
export type UnknownHoliday = { year: number; name: string; reason: { id: string; en: string } };
