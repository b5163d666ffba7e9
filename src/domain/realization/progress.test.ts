// Hand-computed cases of the progress computation. The calendars turn national holidays off so
// every working day is visible in the test: March 2027 starts on a Monday.
import { describe, expect, it } from "vitest";
import { emptyPlan } from "../plan/empty.js";
import type { Activity, Plan, RealizationReport } from "../plan/schema.js";
import { validatePlan, validatePlanChange } from "../plan/validate.js";
import { applyJsonPatch } from "../plan/patch.js";
import { computeProgress, progressJson, progressStatus, round2, type ProgressView } from "./progress.js";

function act(id: string, durationDays: number, after?: string): Activity {
  return { id, name: `Kegiatan ${id}`, durationDays, dependsOn: after ? [{ activityId: after, type: "FS", lagDays: 0 }] : [] };
}

function line(id: string, activityId: string, amount: number, account?: string) {
  return { id, activityId, item: `Belanja ${id}`, volume: 1, unit: "paket", unitPrice: amount, ...(account ? { account } : {}) };
}

function makePlan(activities: Activity[], extra: Partial<Plan> = {}): Plan {
  const plan: Plan = {
    ...emptyPlan({ title: "Uji kemajuan", fiscalYear: 2027, organizationName: "Dinas Uji" }),
    start: "2027-03-01",
    calendar: { workWeek: [1, 2, 3, 4, 5], nationalHolidays: false, holidays: [], workingDays: [] },
    activities,
    ...extra,
  };
  const checked = validatePlan(plan);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.plan;
}

function progress(plan: Plan, at: string, options = {}): ProgressView {
  const r = computeProgress(plan, at, options);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.view;
}

const report = (date: string, activities: RealizationReport["activities"], spending: RealizationReport["spending"] = [], note?: string): RealizationReport => ({
  date,
  activities,
  spending,
  ...(note ? { note } : {}),
});

// a1 Mon 1 – Fri 5 March, a2 Mon 8 – Fri 12 March; RAB 3 000 000 and 1 000 000 → bobot 75 and 25.
const rabPlan = (reports: RealizationReport[] = []) =>
  makePlan([act("a1", 5), act("a2", 5, "a1")], {
    budget: [line("b1", "a1", 3_000_000, "5.1.02.01.01.0024"), line("b2", "a2", 1_000_000, "5.1.02.01.01.0052")],
    ...(reports.length ? { realization: { reports } } : {}),
  });

describe("progressStatus (LKPP 12/2021)", () => {
  it("is kritis beyond −10 up to a 70 % plan and beyond −5 above it", () => {
    expect(progressStatus(70, -10)).toBe("terlambat");
    expect(progressStatus(70, -10.01)).toBe("kritis");
    expect(progressStatus(70.01, -5)).toBe("terlambat");
    expect(progressStatus(70.01, -5.01)).toBe("kritis");
    expect(progressStatus(50, -0.01)).toBe("terlambat");
    expect(progressStatus(50, 0)).toBe("sesuai");
    expect(progressStatus(10, 5)).toBe("sesuai");
  });
});

describe("computeProgress", () => {
  it("weights by the RAB and plans by working days ended", () => {
    const plan = rabPlan([report("2027-03-02", [{ activityId: "a1", percent: 20, actualStart: "2027-03-01" }], [{ budgetId: "b1", amount: 500_000, reference: "SP2D 12/2027" }])]);
    const v = progress(plan, "2027-03-03");
    expect(v.weightBasis).toBe("rab");
    expect(v.activities.map((a) => [a.id, a.weight, a.planned, a.actual, a.deviation])).toEqual([
      ["a1", 75, 60, 20, -40],
      ["a2", 25, 0, 0, 0],
    ]);
    // planned 0.75 × 60 = 45; actual 0.75 × 20 = 15; −30 with the plan under 70 → kritis.
    expect([v.planned, v.actual, v.deviation, v.status]).toEqual([45, 15, -30, "kritis"]);
    expect(v.financial).toEqual({ budget: 4_000_000, planned: 1_800_000, actual: 500_000, plannedPercent: 45, actualPercent: 12.5 });
    expect(v.activities[0]!.actualStart).toBe("2027-03-01");
    expect(v.accounts).toEqual([
      { account: "5.1.02.01.01.0024", budget: 3_000_000, spent: 500_000 },
      { account: "5.1.02.01.01.0052", budget: 1_000_000, spent: 0 },
    ]);
  });

  it("is terlambat, not kritis, at exactly −5 above 70 %", () => {
    const plan = rabPlan([report("2027-03-09", [{ activityId: "a1", percent: 100 }, { activityId: "a2", percent: 40 }])]);
    // Wed 10 March: a1 100, a2 3/5 = 60 → 75 + 15 = 90; actual 75 + 10 = 85.
    const v = progress(plan, "2027-03-10");
    expect([v.planned, v.actual, v.deviation, v.status]).toEqual([90, 85, -5, "terlambat"]);
  });

  it("weights by duration without a RAB", () => {
    // a1 2 days, a2 6 days in parallel: bobot 25 and 75. Tue 2 March: 25 × 100 % + 75 × 2/6.
    const v = progress(makePlan([act("a1", 2), act("a2", 6)]), "2027-03-02");
    expect(v.weightBasis).toBe("duration");
    expect(v.activities.map((a) => [a.weight, a.planned])).toEqual([
      [25, 100],
      [75, 33.33],
    ]);
    expect(v.planned).toBe(50);
    expect(v.financial).toEqual({ budget: 0, planned: 0, actual: 0, plannedPercent: 0, actualPercent: 0 });
  });

  it("counts a milestone 0 before its date and 100 from it", () => {
    // m1 follows a1 (Mon 1 – Fri 5 March), so it falls on Friday 5 March; each carries half the RAB.
    const plan = makePlan([act("a1", 5), act("m1", 0, "a1")], { budget: [line("b1", "a1", 1_000_000), line("b2", "m1", 1_000_000)] });
    const before = progress(plan, "2027-03-04");
    expect(before.activities[1]).toMatchObject({ milestone: true, weight: 50, planned: 0, plannedStart: "2027-03-05" });
    expect(before.planned).toBe(40); // 50 × 4/5
    const on = progress(plan, "2027-03-05");
    expect(on.activities[1]!.planned).toBe(100);
    expect(on.planned).toBe(100);
    expect(on.financial.planned).toBe(2_000_000);
  });

  it("does not count a holiday inside an activity", () => {
    // Wed 3 March is a holiday: a1 runs 1, 2, 4, 5 and 8 March.
    const plan = makePlan([act("a1", 5)], { calendar: { workWeek: [1, 2, 3, 4, 5], nationalHolidays: false, holidays: [{ date: "2027-03-03", name: "Libur daerah" }], workingDays: [] } });
    expect(progress(plan, "2027-03-02").planned).toBe(40);
    expect(progress(plan, "2027-03-03").planned).toBe(40);
    expect(progress(plan, "2027-03-04").planned).toBe(60);
    expect(progress(plan, "2027-03-07").planned).toBe(80);
    expect(progress(plan, "2027-03-08").planned).toBe(100);
    expect(progress(plan, "2027-03-08").finish).toBe("2027-03-08");
  });

  it("is 0 before the start and 100 after the finish", () => {
    const plan = rabPlan([report("2027-03-15", [{ activityId: "a1", percent: 100 }, { activityId: "a2", percent: 100 }])]);
    const before = progress(plan, "2027-02-15");
    expect([before.planned, before.actual, before.deviation, before.status, before.reportCount]).toEqual([0, 0, 0, "sesuai", 0]);
    const after = progress(plan, "2027-12-31");
    expect([after.planned, after.actual, after.deviation, after.status]).toEqual([100, 100, 0, "sesuai"]);
    expect(after.financial.planned).toBe(4_000_000);
  });

  it("takes the latest report at or before the date, whatever the list order", () => {
    const plan = rabPlan([
      report("2027-03-09", [{ activityId: "a1", percent: 100 }], [{ budgetId: "b1", amount: 1_000_000 }], "Hujan deras"),
      report("2027-03-02", [{ activityId: "a1", percent: 20 }], [{ budgetId: "b1", amount: 500_000 }]),
      // Same date twice: the later entry wins.
      report("2027-03-04", [{ activityId: "a1", percent: 30 }]),
      report("2027-03-04", [{ activityId: "a1", percent: 50 }]),
    ]);
    expect(progress(plan, "2027-03-03").actual).toBe(15);
    expect(progress(plan, "2027-03-04").actual).toBe(37.5);
    const later = progress(plan, "2027-03-10");
    expect(later.actual).toBe(75);
    expect(later.financial.actual).toBe(1_500_000);
    expect(later.obstacles).toEqual([{ date: "2027-03-09", note: "Hujan deras" }]);
    expect(later.reportCount).toBe(4);
    expect(later.lastReportDate).toBe("2027-03-09");
  });

  it("draws one point per week, ending Sunday, with the actual side only up to the date", () => {
    const plan = rabPlan([report("2027-03-02", [{ activityId: "a1", percent: 20 }], [{ budgetId: "b1", amount: 500_000 }])]);
    const v = progress(plan, "2027-03-10");
    expect(v.curve).toEqual([
      { date: "2027-03-07", planned: 75, actual: 15, plannedSpend: 3_000_000, actualSpend: 500_000, baselines: [] },
      { date: "2027-03-14", planned: 100, actual: null, plannedSpend: 4_000_000, actualSpend: null, baselines: [] },
    ]);
    expect(progressJson(v)).toEqual({
      at: "2027-03-10",
      planned: 90,
      actual: 15,
      deviation: -75,
      status: "kritis",
      financial: { planned: 3_600_000, actual: 500_000 },
      activities: [
        { id: "a1", weight: 75, planned: 100, actual: 20, deviation: -80 },
        { id: "a2", weight: 25, planned: 60, actual: 0, deviation: -60 },
      ],
      curve: [
        { date: "2027-03-07", planned: 75, actual: 15 },
        { date: "2027-03-14", planned: 100, actual: null },
      ],
    });
  });

  it("measures the slip against a baseline and keeps the realisation after re-planning", () => {
    const reports = [report("2027-03-05", [{ activityId: "a1", percent: 80 }])];
    const baseline = rabPlan(reports);
    // The amendment makes a1 two days longer and moves a RAB amount: the weights are re-based.
    const amended = makePlan([act("a1", 7), act("a2", 5, "a1")], {
      budget: [line("b1", "a1", 1_000_000), line("b2", "a2", 1_000_000)],
      realization: { reports },
    });
    const v = progress(amended, "2027-03-05", { baselines: [{ label: "Rencana awal", plan: baseline }] });
    expect(v.activities.map((a) => [a.id, a.weight, a.baselineFinish, a.plannedFinish, a.slipDays])).toEqual([
      ["a1", 50, "2027-03-05", "2027-03-09", 2],
      ["a2", 50, "2027-03-12", "2027-03-16", 2],
    ]);
    expect(v.actual).toBe(40); // 50 × 80 %, on the new weights
    expect(v.planned).toBe(35.71); // 50 × 5/7
    expect(v.baselines).toEqual([{ label: "Rencana awal", planned: 75, start: "2027-03-01", finish: "2027-03-12" }]);
    // The curve runs to the later finish and carries the baseline's planned line too.
    expect(v.curve.map((c) => [c.date, c.planned, c.baselines[0]])).toEqual([
      ["2027-03-07", 35.71, 75],
      ["2027-03-14", 80, 100], // a1 done (50) + a2 3 of 5 days (30)
      ["2027-03-21", 100, 100],
    ]);
  });

  it("rounds half away from zero to two decimals", () => {
    expect(round2(33.335)).toBe(33.34);
    expect(round2(-0.004)).toBe(0);
    expect(Object.is(round2(-0.001), -0)).toBe(false);
  });
});

describe("realisation in format v1", () => {
  it("names a missing activity or RAB line by its label, in both languages", () => {
    const plan = rabPlan();
    const r = validatePlan({
      ...plan,
      realization: {
        reports: [
          report("2027-03-02", [{ activityId: "zz", percent: 10 }, { activityId: "a1", percent: 10, actualStart: "2027-03-02", actualFinish: "2027-03-01" }, { activityId: "a1", percent: 20 }], [{ budgetId: "b9", amount: 1 }]),
        ],
      },
    });
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ["realization.reports[0].activities[0].activityId", "reference.missing"],
      ["realization.reports[0].activities[1].actualFinish", "value.invalid"],
      ["realization.reports[0].activities[2].activityId", "value.duplicate"],
      ["realization.reports[0].spending[0].budgetId", "reference.missing"],
    ]);
    expect(errors[0]!.message.id).toBe('Laporan kemajuan 2027-03-02, kegiatan: "zz" tidak ada di daftar kegiatan');
    expect(errors[0]!.message.en).toBe('Progress report 2027-03-02, activity: "zz" is not in the activity list');
    expect(errors[3]!.message.id).toContain("baris RAB");
  });

  it("refuses a percent over 100 and an unknown field", () => {
    const r = validatePlan({ ...rabPlan(), realization: { reports: [{ date: "2027-03-02", activities: [{ activityId: "a1", percent: 120 }], spending: [], extra: 1 }] } });
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code])).toEqual(
      expect.arrayContaining([
        ["realization.reports[0].activities[0].percent", "number.max"],
        ["realization.reports[0].extra", "field.unknown"],
      ]),
    );
  });

  it("keeps a plan without the section valid and the section round-trips through JSON", () => {
    const without = rabPlan();
    expect(validatePlan(JSON.parse(JSON.stringify(without))).ok).toBe(true);
    const withReports = rabPlan([report("2027-03-02", [{ activityId: "a1", percent: 20, actualStart: "2027-03-01" }], [{ budgetId: "b1", amount: 5, reference: "KW-1", date: "2027-03-01" }], "Kendala")]);
    const back = validatePlan(JSON.parse(JSON.stringify(withReports)));
    expect(back.ok && back.plan.realization).toEqual(withReports.realization);
  });

  it("an edit that removes a reported activity is refused by the incremental check too", () => {
    const before = rabPlan([report("2027-03-02", [{ activityId: "a2", percent: 10 }])]);
    const patched = applyJsonPatch(before, [
      { op: "remove", path: "/budget/1" },
      { op: "remove", path: "/activities/1" },
    ]);
    expect(patched.ok).toBe(true);
    const r = validatePlanChange(before, patched.ok ? patched.value : null);
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code])).toEqual([["realization.reports[0].activities[0].activityId", "reference.missing"]]);
  });
});
