import { describe, expect, it } from "vitest";
import { resourceOutputs } from "./resources.js";
import { tinyPlan } from "./test-plans.js";

function plan() {
  const p = tinyPlan();
  p.activities = [
    { id: "a", name: "A", durationDays: 10, dependsOn: [] },
    { id: "b", name: "B", durationDays: 5, dependsOn: [] },
    { id: "m", name: "M", durationDays: 0, dependsOn: [] },
  ];
  p.resources = [
    { id: "op", kind: "people", name: "Operator", unit: "orang", available: 3 },
    { id: "drv", kind: "people", name: "Pengemudi", unit: "orang", available: 1 },
    { id: "blk", kind: "material", name: "Blangko", unit: "keping", available: 400 },
    { id: "car", kind: "facility", name: "Mobil", unit: "unit", available: 1 },
  ];
  p.assignments = [
    { activityId: "a", resourceId: "op", quantity: 2 },
    { activityId: "b", resourceId: "op", quantity: 4 },
    { activityId: "a", resourceId: "blk", quantity: 30 },
    { activityId: "b", resourceId: "blk", quantity: 30 },
    { activityId: "m", resourceId: "car", quantity: 1 },
  ];
  return p;
}

describe("resourceOutputs", () => {
  const out = resourceOutputs(plan());
  it("counts resources by kind and lists the missing kinds", () => {
    expect(out.resourceCount).toBe(4);
    expect([out.kinds.people.count, out.kinds.facility.count, out.kinds.material.count, out.kinds.budget.count]).toEqual([2, 1, 1, 0]);
    expect(out.missingKinds).toEqual(["budget"]);
    expect(out.kinds.people.availableTotal).toBe(4);
  });
  it("needs quantity × working days per assignment", () => {
    // operator: 2×10 + 4×5 = 40 person-days; blangko: 30×10 + 30×5 = 450 pieces; milestone: 0.
    const op = out.kinds.people.resources.find((r) => r.id === "op")!;
    expect(op).toMatchObject({ need: 40, peakPerDay: 4, activityIds: ["a", "b"], covered: false });
    expect(out.kinds.material.resources[0]).toMatchObject({ need: 450, peakPerDay: 30, covered: false });
    expect(out.kinds.facility.resources[0]).toMatchObject({ need: 0, peakPerDay: 1, covered: true });
    expect(out.kinds.people.needTotal).toBe(40);
  });
  it("judges material by total stock and people by the per-day peak", () => {
    const p = plan();
    p.resources[2]!.available = 450; // exactly enough stock
    p.assignments[1]!.quantity = 3; // exactly the operators there are
    const o = resourceOutputs(p);
    expect(o.kinds.material.resources[0]?.covered).toBe(true);
    expect(o.kinds.people.resources.find((r) => r.id === "op")?.covered).toBe(true);
  });
  it("lists unassigned and used resources", () => {
    expect(out.unassignedResourceIds).toEqual(["drv"]);
    expect(out.usedResourceIds).toEqual(["op", "blk", "car"]);
  });
});
