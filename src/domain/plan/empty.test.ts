import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyPlan } from "./empty.js";
import { validatePlan } from "./validate.js";

describe("emptyPlan", () => {
  it("is a valid format v1 draft with every collection empty", () => {
    const plan = emptyPlan({ title: "Pelayanan Adminduk Keliling", fiscalYear: 2027, organizationName: "Disdukcapil Kabupaten X" });
    const result = validatePlan(plan);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(plan.start).toBe("2027-01-02");
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

  it("keeps a given start date and unit", () => {
    const plan = emptyPlan({ title: "T", fiscalYear: 2026, organizationName: "O", unit: "Seksi A", start: "2026-03-02" });
    expect(plan.start).toBe("2026-03-02");
    expect(plan.organization.unit).toBe("Seksi A");
  });
});
