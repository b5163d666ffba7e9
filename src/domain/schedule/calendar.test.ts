import { describe, expect, it } from "vitest";
import { buildWorkingCalendar } from "./calendar.js";
import { epochDayOf, isoWeekdayOfEpochDay } from "./dates.js";
import { estimateHolidays, holidaysForYear, INDONESIA_HOLIDAYS } from "./holidays/index.js";
import { MON_FRI } from "./test-helpers.js";

const count = (year: number, type: string) => INDONESIA_HOLIDAYS[year]!.filter((h) => h.type === type).length;
const weekday = (iso: string) => isoWeekdayOfEpochDay(epochDayOf(iso));

describe("holiday table", () => {
  it("2025: 17 libur nasional and 10 cuti bersama from SKB 1017/2024, plus 18 Aug added by SKB 933/2025", () => {
    expect(count(2025, "libur-nasional")).toBe(17);
    expect(count(2025, "cuti-bersama")).toBe(11);
    const added = INDONESIA_HOLIDAYS[2025]!.filter((h) => h.source.includes("933/2025"));
    expect(added.map((h) => h.date)).toEqual(["2025-08-18"]);
  });

  it("2026: 17 libur nasional and 8 cuti bersama (SKB 1497/2025)", () => {
    expect(count(2026, "libur-nasional")).toBe(17);
    expect(count(2026, "cuti-bersama")).toBe(8);
    expect(INDONESIA_HOLIDAYS[2026]!.every((h) => h.source.includes("1497/2025"))).toBe(true);
  });

  it("entries are valid, unique, sorted dates of their year with a source", () => {
    for (const [year, entries] of Object.entries(INDONESIA_HOLIDAYS)) {
      const dates = entries.map((h) => h.date);
      expect(new Set(dates).size).toBe(dates.length);
      expect([...dates].sort()).toEqual(dates);
      for (const h of entries) {
        expect(epochDayOf(h.date)).not.toBeNaN();
        expect(h.date.startsWith(year)).toBe(true);
        expect(h.source).toMatch(/SKB/);
        expect(h.estimated).toBeUndefined();
      }
    }
  });

  it("cuti bersama fall on working weekdays (they exist to bridge to a weekend or holiday)", () => {
    for (const entries of Object.values(INDONESIA_HOLIDAYS))
      for (const h of entries.filter((x) => x.type === "cuti-bersama")) expect(weekday(h.date)).toBeLessThanOrEqual(5);
    // spot checks against the decrees' day names
    expect(weekday("2026-03-21")).toBe(6); // Idulfitri 1447, Sabtu
    expect(weekday("2026-12-24")).toBe(4); // cuti bersama Natal, Kamis
    expect(weekday("2025-08-18")).toBe(1); // Senin
  });

  it("Easter-based and fixed days of the estimate agree with the decreed years", () => {
    for (const year of [2025, 2026]) {
      const decreed = new Set(INDONESIA_HOLIDAYS[year]!.map((h) => h.date));
      const fixed = estimateHolidays(year).filter((h) => /Masehi|Buruh|Pancasila|Proklamasi|Yesus/.test(h.name));
      expect(fixed).toHaveLength(8);
      for (const h of fixed) expect(decreed.has(h.date)).toBe(true);
    }
  });

  it("years without a decree are estimated and flagged", () => {
    const y2027 = holidaysForYear(2027);
    expect(y2027.estimated).toBe(true);
    expect(y2027.entries.length).toBeGreaterThanOrEqual(8);
    expect(y2027.entries.every((h) => h.estimated === true)).toBe(true);
    expect(y2027.entries.map((h) => h.date)).toContain("2027-03-26"); // Good Friday
    expect(holidaysForYear(2026).estimated).toBe(false);
  });

  it("the Hijri and Imlek estimates land within two days of the decreed 2025 and 2026 dates", () => {
    const near = (a: string, b: string) => Math.abs(epochDayOf(a) - epochDayOf(b)) <= 2;
    for (const year of [2025, 2026]) {
      const estimate = estimateHolidays(year);
      for (const name of ["Isra Mikraj", "Idulfitri", "Iduladha", "1 Muharam", "Maulid", "Imlek"]) {
        const decreed = INDONESIA_HOLIDAYS[year]!.find((h) => h.type === "libur-nasional" && h.name.startsWith(name === "Imlek" ? "Tahun Baru Imlek" : name))!;
        const estimated = estimate.find((h) => h.name.startsWith(name === "Imlek" ? "Tahun Baru Imlek" : name));
        expect(estimated, `${year} ${name}`).toBeDefined();
        expect(near(estimated!.date, decreed.date), `${year} ${name}: ${estimated!.date} vs ${decreed.date}`).toBe(true);
      }
    }
  });
});

describe("working calendar", () => {
  const indo = { start: "2026-01-01", calendar: { ...MON_FRI, nationalHolidays: true } };

  it("skips weekends and national holidays", () => {
    const cal = buildWorkingCalendar(indo, 2026, 2026);
    expect(cal.isWorkingDay("2026-01-01")).toBe(false); // Tahun Baru
    expect(cal.isWorkingDay("2026-01-02")).toBe(true);
    expect(cal.isWorkingDay("2026-01-03")).toBe(false); // Saturday
    expect(cal.isWorkingDay("2026-03-20")).toBe(false); // cuti bersama
    expect(cal.nextWorkingDay("2026-03-18")).toBe("2026-03-25"); // 18–24 Mar: Nyepi + Idulfitri + weekend
    expect(cal.addWorkingDays("2026-03-17", 1)).toBe("2026-03-25");
    expect(cal.addWorkingDays("2026-03-25", -1)).toBe("2026-03-17");
    expect(cal.workingDaysBetween("2026-03-16", "2026-03-27")).toBe(5); // 16, 17, 25, 26, 27
    expect(cal.finishOf("2026-03-16", 3)).toBe("2026-03-25");
  });

  it("working days in 2026, Mon–Fri: 261 weekdays minus the 21 decreed days that fall on one (4 fall on a weekend)", () => {
    const cal = buildWorkingCalendar(indo, 2026, 2026);
    const weekdayHolidays = INDONESIA_HOLIDAYS[2026]!.filter((h) => weekday(h.date) <= 5).length;
    expect(cal.workingDaysBetween("2026-01-01", "2026-12-31")).toBe(261 - weekdayHolidays);
    expect(weekdayHolidays).toBe(21);
  });

  it("the plan's holidays and working-day exceptions override", () => {
    const cal = buildWorkingCalendar(
      {
        start: "2026-01-01",
        calendar: {
          workWeek: [1, 2, 3, 4, 5, 6],
          nationalHolidays: true,
          holidays: [{ date: "2026-01-05", name: "Hari jadi kabupaten" }],
          workingDays: [{ date: "2026-01-01", name: "Pelayanan tetap buka" }, { date: "2026-01-04", name: "Minggu kerja" }],
        },
      },
      2026,
      2026,
    );
    expect(cal.isWorkingDay("2026-01-01")).toBe(true);
    expect(cal.isWorkingDay("2026-01-03")).toBe(true); // Saturday is in the work week
    expect(cal.isWorkingDay("2026-01-04")).toBe(true); // Sunday made working
    expect(cal.isWorkingDay("2026-01-05")).toBe(false);
    const listed = cal.holidays("2026-01-01", "2026-01-31");
    expect(listed.map((h) => [h.date, h.type, h.observed])).toEqual([
      ["2026-01-01", "libur-nasional", false],
      ["2026-01-05", "rencana", true],
      ["2026-01-16", "libur-nasional", true],
    ]);
  });

  it("nationalHolidays: false ignores the table", () => {
    const cal = buildWorkingCalendar({ start: "2026-01-01", calendar: MON_FRI }, 2026, 2026);
    expect(cal.isWorkingDay("2026-01-01")).toBe(true);
    expect(cal.holidays("2026-01-01", "2026-12-31")).toEqual([]);
    expect(cal.estimatedYears(2026, 2030)).toEqual([]);
  });

  it("extends itself beyond the years it was built for, flagging estimates", () => {
    const cal = buildWorkingCalendar(indo, 2026, 2026);
    expect(cal.isWorkingDay("2027-01-01")).toBe(false);
    expect(cal.holidays("2027-03-26", "2027-03-26")[0]).toMatchObject({ estimated: true, name: "Wafat Yesus Kristus" });
    expect(cal.addWorkingDays("2026-12-31", 1)).toBe("2027-01-04");
    expect(cal.estimatedYears(2025, 2028)).toEqual([2027, 2028]);
  });
});
