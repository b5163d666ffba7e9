// The working calendar: the plan's work week, Indonesia's national holidays and cuti bersama
// (decreed or estimated), and the plan's own holidays and working-day exceptions. Working days
// are numbered 0, 1, 2, … so that adding working days is integer addition; a prefix count per
// calendar day maps a date to its working-day number in O(1).
import type { Plan } from "../plan/schema.js";
import { epochDayFromCivil, epochDayOf, isoOfEpochDay, isoWeekdayOfEpochDay } from "./dates.js";
import { holidaysForYear, INDONESIA_HOLIDAYS, type HolidayEntry, type HolidayTable, type UnknownHoliday } from "./holidays/index.js";

export type CalendarHoliday = {
  date: string;
  name: string;
  /** "rencana": a holiday the plan itself adds (calendar.holidays). */
  type: HolidayEntry["type"] | "rencana";
  source: string;
  estimated: boolean;
  /** False when the plan makes the day a working day anyway (calendar.workingDays). */
  observed: boolean;
};

export type CalendarInput = Pick<Plan, "calendar" | "start">;

const MAX_YEAR = 9999;

export class WorkingCalendar {
  private fromYearValue: number;
  private toYearValue: number;
  private base = 0; // epoch day of 1 Jan fromYear
  private working = new Uint8Array(0);
  /** prefix[i] = number of working days in [base, base + i). */
  private prefix = new Int32Array(1);
  /** Epoch day of working day number k. */
  private workDays = new Int32Array(0);
  private isoByIndex: (string | undefined)[] = [];
  private readonly weekMask: boolean[];
  private readonly planHolidays = new Map<number, string>();
  private readonly planWorkingDays = new Map<number, string>();
  /** The organisation's regional holidays (libur daerah), kept with the national ones. */
  private readonly regionalHolidays = new Map<number, HolidayEntry>();

  constructor(
    input: CalendarInput,
    fromYear: number,
    toYear: number,
    private readonly table: HolidayTable = INDONESIA_HOLIDAYS,
    regional: readonly HolidayEntry[] = [],
  ) {
    const cal = input.calendar;
    this.weekMask = Array.from({ length: 8 }, (_, d) => cal.workWeek.includes(d));
    this.useNational = cal.nationalHolidays;
    for (const h of cal.holidays) {
      const day = epochDayOf(h.date);
      if (!Number.isNaN(day)) this.planHolidays.set(day, h.name);
    }
    for (const h of regional) {
      const day = epochDayOf(h.date);
      if (!Number.isNaN(day)) this.regionalHolidays.set(day, h);
    }
    for (const w of cal.workingDays) {
      const day = epochDayOf(w.date);
      if (!Number.isNaN(day)) this.planWorkingDays.set(day, w.name);
    }
    this.fromYearValue = Math.min(fromYear, toYear);
    this.toYearValue = Math.max(fromYear, toYear);
    this.rebuild();
  }

  private readonly useNational: boolean;

  get fromYear(): number {
    return this.fromYearValue;
  }
  get toYear(): number {
    return this.toYearValue;
  }

  private rebuild(): void {
    this.base = epochDayFromCivil(this.fromYearValue, 1, 1);
    const end = epochDayFromCivil(this.toYearValue + 1, 1, 1);
    const length = end - this.base;
    const working = new Uint8Array(length);
    for (let i = 0; i < length; i++) working[i] = this.weekMask[isoWeekdayOfEpochDay(this.base + i)] ? 1 : 0;
    if (this.useNational) {
      for (let y = this.fromYearValue; y <= this.toYearValue; y++) {
        for (const h of holidaysForYear(y, this.table).entries) {
          const i = epochDayOf(h.date) - this.base;
          if (i >= 0 && i < length) working[i] = 0;
        }
      }
      for (const day of this.regionalHolidays.keys()) if (day >= this.base && day < end) working[day - this.base] = 0;
    }
    for (const day of this.planHolidays.keys()) if (day >= this.base && day < end) working[day - this.base] = 0;
    for (const day of this.planWorkingDays.keys()) if (day >= this.base && day < end) working[day - this.base] = 1;
    const prefix = new Int32Array(length + 1);
    let count = 0;
    for (let i = 0; i < length; i++) {
      prefix[i] = count;
      count += working[i]!;
    }
    prefix[length] = count;
    const workDays = new Int32Array(count);
    for (let i = 0, k = 0; i < length; i++) if (working[i]) workDays[k++] = this.base + i;
    this.working = working;
    this.prefix = prefix;
    this.workDays = workDays;
    this.isoByIndex = new Array<string | undefined>(count);
  }

  /**
   * Grow the covered years forward (working-day numbers stay valid) or backward (they shift),
   * at least doubling the span each time: a rebuild costs the whole span, so growing year by
   * year made a long schedule cost the square of its years; doubling keeps the total linear.
   */
  private cover(year: number): void {
    const span = this.toYearValue - this.fromYearValue + 1;
    if (year < this.fromYearValue) this.fromYearValue = Math.max(Math.min(year, this.fromYearValue - span), 1);
    else if (year > this.toYearValue) this.toYearValue = Math.min(Math.max(year, this.toYearValue + span), MAX_YEAR);
    else return;
    this.rebuild();
  }

  private coverDay(day: number): void {
    if (day < this.base || day >= this.base + this.working.length) this.cover(yearOfEpochDay(day));
  }

  // ---- working-day numbers (the scheduler's fast path); numbers are relative to fromYear ----

  /** Number of working days in the calendar before `day`: the number of the first working day on or after it. */
  indexOnOrAfter(day: number): number {
    if (day < this.base) return 0;
    if (day >= this.base + this.working.length && this.toYearValue < MAX_YEAR) this.cover(yearOfEpochDay(day));
    return this.prefix[Math.min(day - this.base, this.working.length)]!;
  }

  /** Epoch day of working day number k (k ≥ 0); extends the calendar forward as needed. */
  epochDayOfIndex(k: number): number {
    // ~200 working days a year at the least: one growth usually covers k.
    while (k >= this.workDays.length && this.toYearValue < MAX_YEAR) this.cover(this.toYearValue + Math.max(1, Math.ceil((k - this.workDays.length + 1) / 200)));
    const day = this.workDays[k];
    if (day === undefined) throw new RangeError(`working day ${k} is beyond the year ${MAX_YEAR}`);
    return day;
  }

  isoOfIndex(k: number): string {
    const cached = this.isoByIndex[k];
    if (cached !== undefined) return cached;
    const iso = isoOfEpochDay(this.epochDayOfIndex(k));
    this.isoByIndex[k] = iso;
    return iso;
  }

  get workingDayCount(): number {
    return this.workDays.length;
  }

  // ---- dates ----

  isWorkingDay(iso: string): boolean {
    const day = requireDay(iso);
    this.coverDay(day);
    return this.working[day - this.base] === 1;
  }

  /** The date itself when it is a working day, else the next working day. */
  nextWorkingDay(iso: string): string {
    const day = requireDay(iso);
    this.coverDay(day);
    return this.isoOfIndex(this.indexOnOrAfter(day));
  }

  /**
   * Move n working days from a date (n < 0 moves back); a date that is not a working day
   * first moves to the next working day. addWorkingDays(d, 0) = nextWorkingDay(d).
   */
  addWorkingDays(iso: string, n: number): string {
    const day = requireDay(iso);
    this.coverDay(day);
    let k = this.indexOnOrAfter(day) + n;
    while (k < 0 && this.fromYearValue > 1) {
      const before = this.workDays.length;
      this.cover(this.fromYearValue - 1);
      k += this.workDays.length - before;
    }
    return this.isoOfIndex(Math.max(k, 0));
  }

  /** The finish of a task of d > 0 working days starting on (or after) `startIso`: its d-th working day. */
  finishOf(startIso: string, durationDays: number): string {
    return this.addWorkingDays(startIso, Math.max(durationDays, 1) - 1);
  }

  /** Working days in [fromIso, toIso], both included; 0 when to < from. */
  workingDaysBetween(fromIso: string, toIso: string): number {
    const from = requireDay(fromIso);
    const to = requireDay(toIso);
    if (to < from) return 0;
    this.coverDay(from);
    this.coverDay(to);
    return this.prefix[to + 1 - this.base]! - this.prefix[from - this.base]!;
  }

  /** Holidays (national, cuti bersama, the plan's own) between two dates, both included. */
  holidays(fromIso: string, toIso: string): CalendarHoliday[] {
    const from = requireDay(fromIso);
    const to = requireDay(toIso);
    const out: CalendarHoliday[] = [];
    if (to < from) return out;
    if (this.useNational) {
      for (let y = yearOfEpochDay(from); y <= yearOfEpochDay(to); y++) {
        const { entries, estimated } = holidaysForYear(y, this.table);
        for (const h of entries) {
          const day = epochDayOf(h.date);
          if (day >= from && day <= to)
            out.push({ date: h.date, name: h.name, type: h.type, source: h.source, estimated: estimated || h.estimated === true, observed: !this.planWorkingDays.has(day) });
        }
      }
      for (const [day, h] of this.regionalHolidays) {
        if (day >= from && day <= to) out.push({ date: h.date, name: h.name, type: h.type, source: h.source, estimated: false, observed: !this.planWorkingDays.has(day) });
      }
    }
    for (const [day, name] of this.planHolidays) {
      if (day >= from && day <= to)
        out.push({ date: isoOfEpochDay(day), name, type: "rencana", source: "calendar.holidays", estimated: false, observed: !this.planWorkingDays.has(day) });
    }
    return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** Years in [fromYear, toYear] whose national holidays are estimates (none when they are off). */
  estimatedYears(fromYear: number, toYear: number): number[] {
    if (!this.useNational) return [];
    const out: number[] = [];
    for (let y = fromYear; y <= toYear; y++) if (this.table[y] === undefined || this.table[y]!.some((h) => h.estimated === true)) out.push(y);
    return out;
  }

  /** What the estimated years in [fromYear, toYear] cannot say (Nyepi, Waisak, cuti bersama): listed, never silently left out. */
  unknownHolidays(fromYear: number, toYear: number): UnknownHoliday[] {
    return this.estimatedYears(fromYear, toYear).flatMap((y) => holidaysForYear(y, this.table).unknown);
  }
}

export function buildWorkingCalendar(input: CalendarInput, fromYear: number, toYear: number, holidayTable?: HolidayTable, regional?: readonly HolidayEntry[]): WorkingCalendar {
  return new WorkingCalendar(input, fromYear, toYear, holidayTable, regional);
}

function requireDay(iso: string): number {
  const day = epochDayOf(iso);
  if (Number.isNaN(day)) throw new RangeError(`not a valid date (YYYY-MM-DD): ${iso}`);
  return day;
}

function yearOfEpochDay(day: number): number {
  return Number(isoOfEpochDay(day).slice(0, 4));
}
