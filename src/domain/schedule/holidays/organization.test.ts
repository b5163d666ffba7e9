// The organisation's working calendar in the pure core (issue 10, item 6): an undecreed year's
// estimate lists what it cannot compute (Nyepi, Waisak, cuti bersama) instead of omitting it
// silently, and the schedule says so; an organisation's decreed year replaces the estimate; a
// list entered before its SKB stays flagged; libur daerah are days off like the national ones.
import { describe, expect, it } from "vitest";
import { buildWorkingCalendar } from "../calendar.js";
import { schedulePlan } from "../scheduler.js";
import { act, plan } from "../test-helpers.js";
import { holidaysForYear, INDONESIA_HOLIDAYS, organizationHolidays, unknownHolidays, type OrganizationCalendarYear } from "./index.js";

const names = (u: { name: string }[]) => u.map((x) => x.name);
const on = { nationalHolidays: true };

const DECREED_2027: OrganizationCalendarYear = {
  year: 2027,
  decreed: true,
  source: "SKB Menag, Menaker, MenPANRB No. 9/2026 (contoh)",
  entries: [
    { date: "2027-01-01", name: "Tahun Baru 2027 Masehi", type: "libur-nasional" },
    { date: "2027-03-09", name: "Hari Suci Nyepi", type: "libur-nasional" },
    { date: "2027-03-10", name: "Cuti bersama Hari Suci Nyepi", type: "cuti-bersama" },
    { date: "2027-05-20", name: "Hari Raya Waisak", type: "libur-nasional" },
  ],
};

describe("estimate of an undecreed year", () => {
  it("lists Nyepi, Waisak and cuti bersama as unknown, and none for a decreed year", () => {
    const y2027 = holidaysForYear(2027);
    expect(y2027.estimated).toBe(true);
    expect(names(y2027.unknown)).toEqual(expect.arrayContaining(["Hari Suci Nyepi", "Hari Raya Waisak", "Cuti bersama"]));
    expect(y2027.entries.some((h) => /nyepi|waisak/i.test(h.name) || h.type === "cuti-bersama")).toBe(false);
    expect(holidaysForYear(2026).unknown).toEqual([]);
    expect(holidaysForYear(2026).estimated).toBe(false);
  });

  it("the schedule over an estimated year says which holidays it could not count", () => {
    const r = schedulePlan(plan("2026-12-01", [act("a", 40)], on));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.schedule.estimatedHolidayYears).toEqual([2027]);
    expect(r.schedule.unknownHolidays.every((u) => u.year === 2027)).toBe(true);
    expect(names(r.schedule.unknownHolidays)).toEqual(expect.arrayContaining(["Hari Suci Nyepi", "Hari Raya Waisak", "Cuti bersama"]));
    // each says why, in both languages
    for (const u of r.schedule.unknownHolidays) expect(u.reason.id.length * u.reason.en.length).toBeGreaterThan(0);
    // inside a decreed year nothing is unknown
    const inside = schedulePlan(plan("2026-02-02", [act("a", 20)], on));
    expect(inside.ok && inside.schedule.unknownHolidays).toEqual([]);
    // with national holidays off, the plan's calendar has no national days to be unsure of
    const off = schedulePlan(plan("2026-12-01", [act("a", 40)]));
    expect(off.ok && off.schedule.unknownHolidays).toEqual([]);
  });
});

describe("organisation calendar", () => {
  it("a decreed year replaces the estimate: its days are off and nothing is unknown", () => {
    const { table, regional } = organizationHolidays([DECREED_2027], INDONESIA_HOLIDAYS);
    expect(regional).toEqual([]);
    expect(table[2026]).toBe(INDONESIA_HOLIDAYS[2026]);
    const cal = buildWorkingCalendar(plan("2027-03-08", [], on), 2027, 2027, table);
    expect(cal.isWorkingDay("2027-03-09")).toBe(false);
    expect(cal.isWorkingDay("2027-03-10")).toBe(false);
    expect(cal.isWorkingDay("2027-03-11")).toBe(true);
    expect(cal.estimatedYears(2027, 2027)).toEqual([]);
    expect(cal.unknownHolidays(2027, 2027)).toEqual([]);
    expect(cal.holidays("2027-03-01", "2027-03-31").map((h) => [h.date, h.type, h.estimated])).toEqual([
      ["2027-03-09", "libur-nasional", false],
      ["2027-03-10", "cuti-bersama", false],
    ]);
    const r = schedulePlan(plan("2027-03-08", [act("a", 3)], on), { holidayTable: table });
    expect(r.ok && [r.schedule.activities[0]!.start, r.schedule.activities[0]!.finish]).toEqual(["2027-03-08", "2027-03-12"]);
  });

  it("a list entered before its SKB stays an estimate and still names what it lacks", () => {
    const draft: OrganizationCalendarYear = { ...DECREED_2027, decreed: false, entries: DECREED_2027.entries.filter((e) => e.name !== "Hari Raya Waisak" && e.type !== "cuti-bersama") };
    const { table } = organizationHolidays([draft], INDONESIA_HOLIDAYS);
    const cal = buildWorkingCalendar(plan("2027-01-04", [], on), 2027, 2027, table);
    expect(cal.isWorkingDay("2027-03-09")).toBe(false);
    expect(cal.estimatedYears(2027, 2027)).toEqual([2027]);
    expect(names(cal.unknownHolidays(2027, 2027))).toEqual(["Hari Raya Waisak", "Cuti bersama"]);
    expect(cal.holidays("2027-03-09", "2027-03-09")[0]!.estimated).toBe(true);
    expect(names(unknownHolidays(2027, table[2027]!))).toEqual(["Hari Raya Waisak", "Cuti bersama"]);
  });

  it("libur daerah are days off with the national ones, listed by name; off with national holidays off", () => {
    const regionalYear: OrganizationCalendarYear = { year: 2026, decreed: false, source: "Keputusan Bupati Karangsari 12/2025", entries: [{ date: "2026-07-07", name: "Hari Jadi Kabupaten Karangsari", type: "libur-daerah" }] };
    const { table, regional } = organizationHolidays([regionalYear], INDONESIA_HOLIDAYS);
    // only libur daerah: the national year stays the decreed one
    expect(table[2026]).toBe(INDONESIA_HOLIDAYS[2026]);
    expect(regional.map((h) => h.name)).toEqual(["Hari Jadi Kabupaten Karangsari"]);
    const cal = buildWorkingCalendar(plan("2026-07-06", [], on), 2026, 2026, table, regional);
    expect(cal.isWorkingDay("2026-07-07")).toBe(false);
    expect(cal.holidays("2026-07-07", "2026-07-07").map((h) => [h.name, h.type, h.source])).toEqual([["Hari Jadi Kabupaten Karangsari", "libur-daerah", "Keputusan Bupati Karangsari 12/2025"]]);
    const r = schedulePlan(plan("2026-07-06", [act("a", 2)], on), { holidayTable: table, regionalHolidays: regional });
    expect(r.ok && r.schedule.activities[0]!.finish).toBe("2026-07-08");
    expect(buildWorkingCalendar(plan("2026-07-06", []), 2026, 2026, table, regional).isWorkingDay("2026-07-07")).toBe(true);
  });
});
