// Invariants of the leveling proposal on random plans: nothing moves outside its float,
// critical activities stay, every link still holds, and with no over-allocation nothing moves.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Plan } from "../plan/schema.js";
import { buildWorkingCalendar } from "./calendar.js";
import { epochDayOf } from "./dates.js";
import { levelResources, resourceLoading } from "./resources.js";
import { schedulePlan } from "./scheduler.js";
import { MON_FRI } from "./test-helpers.js";

const planArb = fc
  .record({
    activities: fc.array(
      fc.record({
        duration: fc.integer({ min: 1, max: 4 }),
        links: fc.array(fc.record({ back: fc.integer({ min: 1, max: 4 }), type: fc.constantFrom("FS", "SS", "FF", "SF"), lag: fc.integer({ min: -2, max: 2 }) }), { maxLength: 2 }),
        needs: fc.array(fc.record({ resource: fc.integer({ min: 0, max: 1 }), quantity: fc.integer({ min: 1, max: 3 }) }), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    available: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
  })
  .map((r): Plan => {
    const activities = r.activities.map((a, i) => {
      const seen = new Set<string>();
      const dependsOn = a.links
        .filter((l) => l.back <= i && !seen.has(`a${i - l.back}`) && seen.add(`a${i - l.back}`) !== undefined)
        .map((l) => ({ activityId: `a${i - l.back}`, type: l.type as "FS" | "SS" | "FF" | "SF", lagDays: l.lag }));
      return { id: `a${i}`, name: `a${i}`, durationDays: a.duration, dependsOn };
    });
    const assignments = r.activities.flatMap((a, i) => {
      const seen = new Set<number>();
      return a.needs.filter((x) => !seen.has(x.resource) && seen.add(x.resource) !== undefined).map((x) => ({ activityId: `a${i}`, resourceId: `r${x.resource}`, quantity: x.quantity }));
    });
    const resources = r.available.map((available, k) => ({ id: `r${k}`, kind: "people" as const, name: `r${k}`, unit: "orang", available }));
    return { start: "2026-06-01", calendar: MON_FRI, activities, resources, assignments } as unknown as Plan;
  });

describe("leveling proposal", () => {
  it("keeps links, float and critical activities", () => {
    let plansWithShifts = 0;
    fc.assert(
      fc.property(planArb, (plan) => {
        const r = schedulePlan(plan);
        if (!r.ok) throw new Error("no cycles are generated");
        const schedule = r.schedule;
        const proposal = levelResources(plan, schedule);
        const cal = buildWorkingCalendar(plan, 2026, 2027);
        const day = (iso: string) => cal.indexOnOrAfter(epochDayOf(iso));
        const proposed = new Map(proposal.activities.map((a) => [a.id, a]));
        for (const a of schedule.activities) {
          const p = proposed.get(a.id)!;
          expect(day(p.start)).toBeGreaterThanOrEqual(day(a.start));
          expect(day(p.start)).toBeLessThanOrEqual(day(a.lateStart));
          expect(day(p.finish) - day(p.start) + 1).toBe(a.durationDays);
          if (a.critical) expect(p.start).toBe(a.start);
        }
        for (const a of plan.activities) {
          const s = day(proposed.get(a.id)!.start);
          const f = day(proposed.get(a.id)!.finish) + 1;
          for (const d of a.dependsOn) {
            const ps = day(proposed.get(d.activityId)!.start);
            const pf = day(proposed.get(d.activityId)!.finish) + 1;
            const ok = d.type === "FS" ? s >= pf + d.lagDays : d.type === "SS" ? s >= ps + d.lagDays : d.type === "FF" ? f >= pf + d.lagDays : f >= ps + d.lagDays;
            expect(ok).toBe(true);
          }
        }
        const before = resourceLoading(plan, schedule).overallocations;
        if (before.length === 0) expect(proposal.shifts).toEqual([]);
        for (const s of proposal.shifts) expect(s.delayDays).toBeGreaterThan(0);
        if (proposal.shifts.length > 0) plansWithShifts++;
        // What the proposal reports as unresolved is exactly the loading of its own dates.
        const leveledSchedule = { ...schedule, activities: schedule.activities.map((a) => ({ ...a, ...proposed.get(a.id)! })) };
        expect(proposal.unresolved).toEqual(resourceLoading(plan, leveledSchedule).overallocations);
      }),
      { numRuns: 300 },
    );
    expect(plansWithShifts).toBeGreaterThan(10); // the property is not vacuous
  });
});
