import { describe, expect, it } from "vitest";
import type { Plan } from "../plan/schema.js";
import { levelResources, resourceLoading } from "./resources.js";
import { schedulePlan } from "./scheduler.js";
import { act, plan } from "./test-helpers.js";

function fullPlan(input: ReturnType<typeof plan>, resources: Plan["resources"], assignments: Plan["assignments"]): Plan {
  return { ...input, resources, assignments } as Plan;
}
function scheduleOf(p: Plan) {
  const r = schedulePlan(p);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.schedule;
}

// Mon 2026-06-01. A (3 d) → C (2 d) is the critical chain; B (1 d) has 4 days of float.
const base = plan("2026-06-01", [act("A", 3), act("B", 1), act("C", 2, [["A", "FS", 0]])]);
const people = [{ id: "staf", kind: "people" as const, name: "Staf pelayanan", unit: "orang", available: 2 }];

describe("resource loading", () => {
  it("sums what the assignments need per working day", () => {
    const p = fullPlan(base, people, [
      { activityId: "A", resourceId: "staf", quantity: 2 },
      { activityId: "B", resourceId: "staf", quantity: 1 },
      { activityId: "C", resourceId: "staf", quantity: 1 },
    ]);
    const loading = resourceLoading(p, scheduleOf(p));
    const staf = loading.resources[0]!;
    expect(staf.days.map((d) => [d.date, d.need])).toEqual([
      ["2026-06-01", 3],
      ["2026-06-02", 2],
      ["2026-06-03", 2],
      ["2026-06-04", 1],
      ["2026-06-05", 1],
    ]);
    expect(staf.peak).toBe(3);
    expect(loading.overallocations).toEqual([{ resourceId: "staf", date: "2026-06-01", need: 3, available: 2, activityIds: ["A", "B"] }]);
  });

  it("only counts working days (holidays and weekends carry no load)", () => {
    const p = fullPlan(plan("2026-06-04", [act("A", 3)]), people, [{ activityId: "A", resourceId: "staf", quantity: 1 }]);
    const days = resourceLoading(p, scheduleOf(p)).resources[0]!.days;
    expect(days.map((d) => d.date)).toEqual(["2026-06-04", "2026-06-05", "2026-06-08"]);
  });
});

describe("leveling", () => {
  it("delays a non-critical activity within its float", () => {
    const p = fullPlan(base, people, [
      { activityId: "A", resourceId: "staf", quantity: 2 },
      { activityId: "B", resourceId: "staf", quantity: 1 },
    ]);
    const proposal = levelResources(p, scheduleOf(p));
    expect(proposal.shifts).toEqual([{ activityId: "B", from: "2026-06-01", to: "2026-06-04", finish: "2026-06-04", delayDays: 3 }]);
    expect(proposal.unresolved).toEqual([]);
    expect(proposal.finish).toBe("2026-06-05");
  });

  it("never delays critical activities and reports what does not fit", () => {
    const p = fullPlan(base, [{ ...people[0]!, available: 1 }], [
      { activityId: "A", resourceId: "staf", quantity: 1 },
      { activityId: "C", resourceId: "staf", quantity: 2 },
      { activityId: "B", resourceId: "staf", quantity: 1 },
    ]);
    const proposal = levelResources(p, scheduleOf(p));
    // B cannot go anywhere within its float: A uses the staff Mon–Wed, C needs 2 Thu–Fri.
    expect(proposal.shifts).toEqual([]);
    expect(proposal.unresolved.map((o) => [o.date, o.activityIds])).toEqual([
      ["2026-06-01", ["A", "B"]],
      ["2026-06-04", ["C"]],
      ["2026-06-05", ["C"]],
    ]);
  });

  it("a delayed activity carries its successors along, still within float", () => {
    const input = plan("2026-06-01", [act("A", 5), act("B", 1), act("B2", 1, [["B", "FS", 0]])]);
    const p = fullPlan(input, people, [
      { activityId: "A", resourceId: "staf", quantity: 2 },
      { activityId: "B", resourceId: "staf", quantity: 1 },
    ]);
    const proposal = levelResources(p, scheduleOf(p));
    // B would need Mon–Thu free; its float (3 days, shared with B2) is not enough: it stays.
    expect(proposal.shifts).toEqual([]);
    expect(proposal.unresolved).toHaveLength(1);
    const roomy = fullPlan(input, people, [
      { activityId: "A", resourceId: "staf", quantity: 1 },
      { activityId: "B", resourceId: "staf", quantity: 2 },
    ]);
    const leveled = levelResources(roomy, scheduleOf(roomy));
    expect(leveled.unresolved).toHaveLength(1); // 1 + 2 > 2 every day A runs; B cannot leave A's span
  });
});
