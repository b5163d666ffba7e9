// The scheduler against a brute-force reference on random small plans. The reference walks
// the calendar day by day, finds early dates by nudging activities forward one working day
// at a time until every link holds (no topological order), late dates by nudging backward,
// and free float by trying delays one day at a time.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Activity, Calendar } from "../plan/schema.js";
import { holidaysForYear } from "./holidays/index.js";
import { schedulePlan, type ScheduleInput } from "./scheduler.js";

type Link = { activityId: string; type: "FS" | "SS" | "FF" | "SF"; lagDays: number };

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
function weekdayOf(iso: string): number {
  return ((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

function referenceSchedule(input: ScheduleInput) {
  const cal = input.calendar;
  const off = new Set(cal.holidays.map((h) => h.date));
  if (cal.nationalHolidays) for (const y of [2025, 2026, 2027, 2028]) for (const h of holidaysForYear(y).entries) off.add(h.date);
  const on = new Set(cal.workingDays.map((h) => h.date));
  const isWorking = (iso: string) => on.has(iso) || (cal.workWeek.includes(weekdayOf(iso)) && !off.has(iso));
  // Every working day from the plan start on, walking the calendar day by day.
  const days: string[] = [];
  for (let d = input.start; days.length < 400; d = nextDay(d)) if (isWorking(d)) days.push(d);
  const firstOnOrAfter = (iso: string) => {
    const k = days.findIndex((d) => d >= iso);
    return k < 0 ? 0 : k;
  };

  const acts = input.activities;
  const idx = new Map(acts.map((a, i) => [a.id, i]));
  const dur = acts.map((a) => a.durationDays);
  // Positions: S = working day the activity starts on; for milestones T = 2·boundary + (1 if morning).
  const S = acts.map((a) => Math.max(0, a.notBefore ? firstOnOrAfter(a.notBefore) : 0));
  const T = S.map((s) => 2 * s + 1);
  const start = (i: number) => (dur[i] === 0 ? T[i]! >> 1 : S[i]!);
  const finish = (i: number) => (dur[i] === 0 ? T[i]! >> 1 : S[i]! + dur[i]!);
  let changed = true;
  while (changed) {
    changed = false;
    acts.forEach((a, i) => {
      for (const l of a.dependsOn as Link[]) {
        const p = idx.get(l.activityId)!;
        if (dur[i] === 0) {
          const finishType = l.type === "FS" || l.type === "FF";
          const anchorHalf = dur[p] === 0 ? T[p]! & 1 : finishType ? 0 : 1;
          const anchor = 2 * (finishType ? finish(p) : start(p)) + anchorHalf + 2 * l.lagDays;
          if (anchor > T[i]!) {
            T[i] = anchor;
            changed = true;
          }
          continue;
        }
        const holds = () => {
          switch (l.type) {
            case "FS": return S[i]! >= finish(p) + l.lagDays;
            case "SS": return S[i]! >= start(p) + l.lagDays;
            case "FF": return S[i]! + dur[i]! >= finish(p) + l.lagDays;
            case "SF": return S[i]! + dur[i]! >= start(p) + l.lagDays;
          }
        };
        while (!holds()) {
          S[i]!++;
          changed = true;
        }
      }
    });
  }
  const P = Math.max(0, ...acts.map((_, i) => finish(i)));
  // Late finish positions, nudged back until every link holds.
  const LF = acts.map(() => P);
  changed = true;
  while (changed) {
    changed = false;
    acts.forEach((a, j) => {
      for (const l of a.dependsOn as Link[]) {
        const p = idx.get(l.activityId)!;
        const lsJ = LF[j]! - dur[j]!;
        const holds = () => {
          const lsP = LF[p]! - dur[p]!;
          switch (l.type) {
            case "FS": return lsJ >= LF[p]! + l.lagDays;
            case "SS": return lsJ >= lsP + l.lagDays;
            case "FF": return LF[j]! >= LF[p]! + l.lagDays;
            case "SF": return LF[j]! >= lsP + l.lagDays;
          }
        };
        while (!holds()) {
          LF[p]!--;
          changed = true;
        }
      }
    });
  }
  // Free float: the largest delay that leaves every successor's early dates and the plan finish alone.
  const freeFloat = acts.map((_, p) => {
    let k = 0;
    const fits = (delay: number) =>
      finish(p) + delay <= P &&
      acts.every((a, j) =>
        (a.dependsOn as Link[]).every((l) => {
          if (idx.get(l.activityId) !== p) return true;
          const sp = start(p) + delay;
          const fp = finish(p) + delay;
          switch (l.type) {
            case "FS": return start(j) >= fp + l.lagDays;
            case "SS": return start(j) >= sp + l.lagDays;
            case "FF": return finish(j) >= fp + l.lagDays;
            case "SF": return finish(j) >= sp + l.lagDays;
          }
        }),
      );
    while (fits(k + 1)) k++;
    return k;
  });
  return acts.map((a, i) => {
    const milestone = dur[i] === 0;
    const earlyDay = milestone ? (T[i]! & 1 ? T[i]! >> 1 : (T[i]! >> 1) - 1) : S[i]!;
    const finishDay = milestone ? earlyDay : S[i]! + dur[i]! - 1;
    const totalFloat = LF[i]! - finish(i);
    const lateFinishDay = milestone ? (totalFloat === 0 ? earlyDay : LF[i]! - 1) : LF[i]! - 1;
    const lateStartDay = milestone ? lateFinishDay : LF[i]! - dur[i]!;
    return {
      id: a.id,
      start: days[earlyDay],
      finish: days[finishDay],
      lateStart: days[lateStartDay],
      lateFinish: days[lateFinishDay],
      totalFloat,
      freeFloat: freeFloat[i],
      critical: totalFloat <= 0,
    };
  });
}

const dayIn2026 = fc.integer({ min: 0, max: 330 }).map((k) => new Date(Date.UTC(2026, 0, 1 + k)).toISOString().slice(0, 10));

const planArb = fc
  .record({
    start: dayIn2026,
    workWeek: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    nationalHolidays: fc.boolean(),
    holidayOffsets: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 5 }),
    workingOffsets: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 3 }),
    activities: fc.array(
      fc.record({
        duration: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 })),
        links: fc.array(fc.record({ back: fc.integer({ min: 1, max: 6 }), type: fc.constantFrom("FS", "SS", "FF", "SF"), lag: fc.integer({ min: -3, max: 3 }) }), { maxLength: 3 }),
        notBefore: fc.option(fc.integer({ min: -5, max: 25 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 9 },
    ),
    shuffle: fc.array(fc.nat(), { minLength: 9, maxLength: 9 }),
  })
  .map((r): ScheduleInput => {
    const plus = (k: number) => {
      const d = new Date(`${r.start}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + k);
      return d.toISOString().slice(0, 10);
    };
    // Links only point back to earlier activities (no cycles); then the list is shuffled so
    // that the scheduler cannot rely on plan order.
    const activities: Activity[] = r.activities.map((a, i) => {
      const seen = new Set<string>();
      const dependsOn = a.links
        .filter((l) => l.back <= i)
        .map((l) => ({ activityId: `a${i - l.back}`, type: l.type as Link["type"], lagDays: l.lag }))
        .filter((l) => !seen.has(l.activityId) && seen.add(l.activityId) !== undefined);
      return { id: `a${i}`, name: `a${i}`, durationDays: a.duration, dependsOn, ...(a.notBefore !== undefined ? { notBefore: plus(a.notBefore) } : {}) };
    });
    const order = activities.map((a, i) => ({ a, key: r.shuffle[i]! })).sort((x, y) => x.key - y.key).map((x) => x.a);
    const calendar: Calendar = {
      workWeek: r.workWeek,
      nationalHolidays: r.nationalHolidays,
      holidays: r.holidayOffsets.map((k) => ({ date: plus(k), name: "libur" })),
      workingDays: r.workingOffsets.map((k) => ({ date: plus(k), name: "kerja" })),
    };
    return { start: r.start, calendar, activities: order };
  });

describe("scheduler vs brute-force reference", () => {
  it("agrees on every date, float and critical flag", () => {
    fc.assert(
      fc.property(planArb, (input) => {
        const result = schedulePlan(input);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const ours = result.schedule.activities.map(({ id, start, finish, lateStart, lateFinish, totalFloat, freeFloat, critical }) => ({
          id, start, finish, lateStart, lateFinish, totalFloat, freeFloat, critical,
        }));
        expect(ours).toEqual(referenceSchedule(input));
        const latest = ours.reduce((m, a) => (a.finish > m ? a.finish : m), result.schedule.start);
        expect(result.schedule.finish).toBe(latest);
      }),
      { numRuns: 400 },
    );
  });

  it("finds a real cycle when one is added", () => {
    fc.assert(
      fc.property(planArb, fc.nat(), fc.nat(), (input, x, y) => {
        const n = input.activities.length;
        const from = input.activities[x % n]!;
        const to = input.activities[y % n]!;
        // Close a loop: `from` now also depends on `to`, and `to` on `from`.
        const activities = input.activities.map((a) =>
          a === from ? { ...a, dependsOn: [...a.dependsOn, { activityId: to.id, type: "SS" as const, lagDays: 0 }] }
          : a === to ? { ...a, dependsOn: [...a.dependsOn, { activityId: from.id, type: "FF" as const, lagDays: 0 }] }
          : a,
        );
        const result = schedulePlan({ ...input, activities });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const deps = new Map(activities.map((a) => [a.id, new Set(a.dependsOn.map((d) => d.activityId))]));
        const c = result.error.cycle;
        c.forEach((id, k) => expect(deps.get(c[(k + 1) % c.length]!)!.has(id)).toBe(true));
      }),
      { numRuns: 200 },
    );
  });
});
