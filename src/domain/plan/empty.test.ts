import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildWorkingCalendar } from "../schedule/calendar.js";
import { defaultStart, emptyPlan } from "./empty.js";
import { validatePlan } from "./validate.js";

describe("emptyPlan", () => {
  it("is a valid format v1 draft with every collection empty", () => {
    const plan = emptyPlan({ title: "Pelayanan Adminduk Keliling", fiscalYear: 2027, organizationName: "Disdukcapil Kabupaten X" });
    const result = validatePlan(plan);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    // 1 January 2027 is a holiday and 2–3 January a weekend: the first working day is Monday the 4th.
    expect(plan.start).toBe("2027-01-04");
    expect(plan.activities).toEqual([]);
    expect(plan.team).toEqual([]);
  });

  it("validates for any non-blank title, organisation and year in range", () => {
    const nonBlank = fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(nonBlank, nonBlank, fc.integer({ min: 2000, max: 2100 }), (title, org, year) => {
        const result = validatePlan(emptyPlan({ title, fiscalYear: year, organizationName: org }));
        expect(result.errors).toEqual([]);
      }),
    );
  });

  it("starts on the next working day after today within the fiscal year, else on the year's first", () => {
    // Wednesday 2 December 2026 → Thursday the 3rd.
    expect(emptyPlan({ title: "T", fiscalYear: 2026, organizationName: "O", today: "2026-12-02" }).start).toBe("2026-12-03");
    // Friday 14 August 2026: Monday the 17th is Independence Day → Tuesday the 18th.
    expect(defaultStart(2026, "2026-08-14")).toBe("2026-08-18");
    // Today in another year: the fiscal year's first working day.
    expect(defaultStart(2027, "2026-12-02")).toBe("2027-01-04");
    expect(defaultStart(2025, "2026-12-02")).toBe("2025-01-02");
  });

  it("the default start is always a working day of the fiscal year or the day after its last", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2020, max: 2035 }), fc.integer({ min: 0, max: 364 }), (year, offset) => {
        const today = new Date(Date.UTC(year, 0, 1 + offset)).toISOString().slice(0, 10);
        const start = defaultStart(year, today);
        expect(start > today).toBe(true);
        expect(buildWorkingCalendar({ calendar: emptyPlan({ title: "T", fiscalYear: year, organizationName: "O" }).calendar, start }, year, year + 1).isWorkingDay(start)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps a given start date and unit", () => {
    const plan = emptyPlan({ title: "T", fiscalYear: 2026, organizationName: "O", unit: "Seksi A", start: "2026-03-02" });
    expect(plan.start).toBe("2026-03-02");
    expect(plan.organization.unit).toBe("Seksi A");
  });
});
