import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { easterSunday, epochDayOf, isoOfEpochDay, isoWeekdayOfEpochDay } from "./dates.js";

describe("dates", () => {
  it("round-trips every day against Date", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(isoOfEpochDay(day)).toBe(iso);
        expect(epochDayOf(iso)).toBe(day);
        expect(isoWeekdayOfEpochDay(day)).toBe(((new Date(day * 86_400_000).getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it("rejects impossible dates", () => {
    expect(epochDayOf("2027-02-29")).toBeNaN();
    expect(epochDayOf("2028-02-29")).not.toBeNaN();
    expect(epochDayOf("2026-13-01")).toBeNaN();
    expect(epochDayOf("26-01-01")).toBeNaN();
  });

  it("computes Easter Sunday", () => {
    expect(isoOfEpochDay(easterSunday(2025))).toBe("2025-04-20");
    expect(isoOfEpochDay(easterSunday(2026))).toBe("2026-04-05");
    expect(isoOfEpochDay(easterSunday(2027))).toBe("2027-03-28");
    expect(isoOfEpochDay(easterSunday(2038))).toBe("2038-04-25");
  });
});
