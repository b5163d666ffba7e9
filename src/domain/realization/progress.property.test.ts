// Properties of the progress computation on random plans, against a brute-force reference that
// walks the calendar day by day (no working-day arithmetic) and re-reads the reports each time.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyPlan } from "../plan/empty.js";
import type { Plan, RealizationReport } from "../plan/schema.js";
import { WorkingCalendar } from "../schedule/calendar.js";
import { epochDayOf, isoOfEpochDay } from "../schedule/dates.js";
import { schedulePlan } from "../schedule/scheduler.js";
import { lineAmount } from "../stages/budget.js";
import { computeProgress, progressStatus, round2 } from "./progress.js";

const START = epochDayOf("2027-03-01");

const planArb = fc
  .record({
    durations: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 8 }),
    chain: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    amounts: fc.option(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 8, maxLength: 8 }), { nil: undefined }),
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 6 }),
    sundayWork: fc.boolean(),
    reports: fc.array(
      fc.record({ offset: fc.integer({ min: -5, max: 90 }), activity: fc.nat(7), percent: fc.integer({ min: 0, max: 100 }), spend: fc.integer({ min: 0, max: 1_000_000 }) }),
      { maxLength: 12 },
    ),
  })
  .map(({ durations, chain, amounts, holidays, sundayWork, reports }): Plan => {
    const activities = durations.map((d, i) => ({
      id: `a${i}`,
      name: `Kegiatan ${i}`,
      durationDays: d,
      dependsOn: i > 0 && chain[i] ? [{ activityId: `a${i - 1}`, type: "FS" as const, lagDays: 0 }] : [],
    }));
    const budget = amounts ? durations.map((_, i) => ({ id: `b${i}`, activityId: `a${i}`, item: "x", volume: 1, unit: "paket", unitPrice: amounts[i]! })) : [];
    const realization: RealizationReport[] = reports.map((r) => ({
      date: isoOfEpochDay(START + r.offset),
      activities: [{ activityId: `a${r.activity % durations.length}`, percent: r.percent }],
      spending: budget.length ? [{ budgetId: `b${r.activity % durations.length}`, amount: r.spend }] : [],
    }));
    return {
      ...emptyPlan({ title: "Sifat", fiscalYear: 2027, organizationName: "Dinas" }),
      start: "2027-03-01",
      calendar: { workWeek: [1, 2, 3, 4, 5], nationalHolidays: false, holidays: holidays.map((h) => ({ date: isoOfEpochDay(START + h), name: "libur" })),
        // Sunday working days: the curve's points fall on Sundays.
        workingDays: sundayWork ? [{ date: "2027-03-07", name: "Minggu kerja" }, { date: "2027-03-14", name: "Minggu kerja" }] : [] },
      activities,
      budget,
      realization: { reports: realization },
    };
  });

/** Σ weight × percent the slow way. */
function reference(plan: Plan, atDay: number) {
  const schedule = schedulePlan(plan);
  if (!schedule.ok) throw new Error("cycle");
  const calendar = new WorkingCalendar(plan, 2027, 2028);
  const amounts = plan.activities.map((a) => plan.budget.filter((b) => b.activityId === a.id).reduce((s, b) => s + lineAmount(b), 0));
  const totalAmount = amounts.reduce((s, x) => s + x, 0);
  const totalDuration = plan.activities.reduce((s, a) => s + a.durationDays, 0);
  const weights = plan.activities.map((a, i) =>
    totalAmount > 0 ? amounts[i]! / totalAmount : totalDuration > 0 ? a.durationDays / totalDuration : 1 / plan.activities.length,
  );
  let planned = 0;
  let actual = 0;
  plan.activities.forEach((a, i) => {
    const s = schedule.schedule.activities[i]!;
    let fraction: number;
    if (a.durationDays === 0) fraction = atDay >= epochDayOf(s.start) ? 1 : 0;
    else {
      let done = 0;
      for (let d = epochDayOf(s.start); d <= Math.min(atDay, epochDayOf(s.finish)); d++) if (calendar.isWorkingDay(isoOfEpochDay(d))) done++;
      fraction = done / a.durationDays;
    }
    planned += weights[i]! * fraction;
    // Latest by date, the later entry on a tie.
    let latest: { date: string; percent: number } | undefined;
    for (const r of plan.realization!.reports) {
      if (epochDayOf(r.date) > atDay) continue;
      for (const x of r.activities) if (x.activityId === a.id && (!latest || r.date >= latest.date)) latest = { date: r.date, percent: x.percent };
    }
    actual += (weights[i]! * (latest?.percent ?? 0)) / 100;
  });
  return { planned: round2(planned * 100), actual: round2(actual * 100), weights };
}

describe("computeProgress properties", () => {
  it("agrees with a day-by-day reference, whatever the order of the reports", () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: -10, max: 120 }), fc.integer(), (plan, offset, seed) => {
        const atDay = START + offset;
        const at = isoOfEpochDay(atDay);
        const r = computeProgress(plan, at);
        if (!r.ok) throw new Error("cycle");
        const v = r.view;
        const ref = reference(plan, atDay);
        expect(Math.abs(v.planned - ref.planned)).toBeLessThanOrEqual(0.01);
        expect(Math.abs(v.actual - ref.actual)).toBeLessThanOrEqual(0.01);
        expect(v.deviation).toBe(round2(v.actual - v.planned));
        expect(v.status).toBe(progressStatus(v.planned, v.deviation));
        expect(Math.abs(v.activities.reduce((s, a) => s + a.weight, 0) - 100)).toBeLessThanOrEqual(0.005 * plan.activities.length + 1e-9);
        // Shuffling reports with distinct dates changes nothing.
        const reports = plan.realization!.reports;
        const byDate = new Map(reports.map((x) => [x.date, x]));
        const distinct = [...byDate.values()];
        const shuffled = [...distinct].sort((a, b) => ((a.date.charCodeAt(9) * 31 + seed) % 7) - ((b.date.charCodeAt(9) * 31 + seed) % 7));
        const one = computeProgress({ ...plan, realization: { reports: distinct } }, at);
        const two = computeProgress({ ...plan, realization: { reports: shuffled } }, at);
        expect(one.ok && two.ok && two.view.actual).toBe(one.ok && one.view.actual);
        expect(one.ok && two.ok && two.view.financial.actual).toBe(one.ok && one.view.financial.actual);
      }),
      { numRuns: 150 },
    );
  });

  it("plans from 0 before the start to 100 at the finish, never going down", () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const r = computeProgress(plan, "2027-02-01");
        if (!r.ok) throw new Error("cycle");
        expect(r.view.planned).toBe(0);
        const finish = computeProgress(plan, r.view.finish);
        expect(finish.ok && finish.view.planned).toBe(100);
        const curve = r.view.curve;
        for (let i = 1; i < curve.length; i++) {
          expect(curve[i]!.planned).toBeGreaterThanOrEqual(curve[i - 1]!.planned);
          expect(epochDayOf(curve[i]!.date) - epochDayOf(curve[i - 1]!.date)).toBe(7);
        }
        expect(curve.at(-1)!.planned).toBe(100);
        // The curve's fast path agrees with the figure at each of its dates.
        for (const point of curve) {
          const at = computeProgress(plan, point.date);
          expect(at.ok && Math.abs(at.view.planned - point.planned)).toBeLessThanOrEqual(0.01);
          expect(at.ok && Math.abs(at.view.financial.planned - point.plannedSpend)).toBeLessThanOrEqual(1);
        }
        expect(new Date(`${curve[0]!.date}T00:00:00Z`).getUTCDay()).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});
