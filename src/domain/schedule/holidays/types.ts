/** One day off in Indonesia's national calendar, with the decree that sets it. */
export type HolidayType = "libur-nasional" | "cuti-bersama";

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
