import { describe, expect, it } from "vitest";
import { directionOutputs, type ProgramNode } from "./direction.js";
import { tinyPlan } from "./test-plans.js";

function plan() {
  const p = tinyPlan();
  p.direction = {
    vision: "Visi",
    missions: ["M1", "M2"],
    goals: [
      { id: "g1", text: "Tujuan 1" },
      { id: "g2", text: "Tujuan 2" },
    ],
    targets: [
      { id: "t1", goalId: "g1", text: "Sasaran 1", indicator: "I1", targetValue: "90%" },
      { id: "t2", goalId: "g1", text: "Sasaran 2", indicator: "I2", targetValue: "10" },
      { id: "t3", goalId: "g2", text: "Sasaran 3", indicator: "I3", targetValue: "1" },
    ],
    policies: ["K1"],
    programs: [
      { id: "p1", name: "Program 1" },
      { id: "p2", name: "Program 2" },
    ],
  };
  p.analysis.strategies = [
    { id: "so", kind: "SO", text: "s", factorIds: [] },
    { id: "wt", kind: "WT", text: "w", factorIds: [] },
  ];
  p.activities = [
    { id: "a1", name: "A1", durationDays: 2, dependsOn: [], targetId: "t1", programId: "p2", strategyIds: ["so"] },
    { id: "a2", name: "A2", durationDays: 3, dependsOn: [], targetId: "t1", programId: "p1", strategyIds: ["so", "wt"], output: "O2", ownerId: "x" },
    { id: "a3", name: "A3", durationDays: 1, dependsOn: [], targetId: "t1" },
    { id: "m1", name: "M1", durationDays: 0, dependsOn: [], targetId: "t3", programId: "p1" },
    { id: "a4", name: "A4", durationDays: 4, dependsOn: [], programId: "p2" },
  ];
  return p;
}

const ids = (nodes: ProgramNode[]) => nodes.map((n) => [n.programId, n.activities.map((a) => a.id)]);

describe("direction tree", () => {
  const out = directionOutputs(plan());

  it("nests goals → targets → programs → activities, programs in plan order and 'no program' last", () => {
    const [g1, g2] = out.tree.goals;
    expect(out.tree.vision).toBe("Visi");
    expect(out.tree.missions).toEqual(["M1", "M2"]);
    expect(g1?.targets.map((t) => t.id)).toEqual(["t1", "t2"]);
    expect(ids(g1!.targets[0]!.programs)).toEqual([
      ["p1", ["a2"]],
      ["p2", ["a1"]],
      [null, ["a3"]],
    ]);
    expect(g1?.targets[1]?.programs).toEqual([]);
    expect(ids(g2!.targets[0]!.programs)).toEqual([["p1", ["m1"]]]);
    expect(ids(out.tree.untargeted)).toEqual([["p2", ["a4"]]]);
  });
  it("marks milestones and carries the activity's links", () => {
    const m1 = out.tree.goals[1]!.targets[0]!.programs[0]!.activities[0]!;
    expect(m1).toMatchObject({ id: "m1", milestone: true, durationDays: 0, output: null, ownerId: null, strategyIds: [] });
    const a2 = out.tree.goals[0]!.targets[0]!.programs[0]!.activities[0]!;
    expect(a2).toMatchObject({ id: "a2", milestone: false, output: "O2", ownerId: "x", strategyIds: ["so", "wt"] });
  });
  it("holds every activity exactly once", () => {
    const all = [...out.tree.goals.flatMap((g) => g.targets.flatMap((t) => t.programs)), ...out.tree.untargeted].flatMap((p) => p.activities.map((a) => a.id));
    expect(all.sort()).toEqual(["a1", "a2", "a3", "a4", "m1"]);
  });
  it("counts the direction's parts", () => {
    expect(out.counts).toEqual({ missions: 2, goals: 2, targets: 3, policies: 1, programs: 2, activities: 5, milestones: 1 });
  });
});

describe("traceability", () => {
  const t = directionOutputs(plan()).traceability;
  it("traces each activity to its target, goal and strategies", () => {
    expect(t.rows.find((r) => r.activityId === "a2")).toEqual({
      activityId: "a2",
      activityName: "A2",
      targetId: "t1",
      goalId: "g1",
      programId: "p1",
      strategyIds: ["so", "wt"],
      strategyKinds: ["SO", "WT"],
    });
    expect(t.rows.find((r) => r.activityId === "a4")).toMatchObject({ targetId: null, goalId: null });
  });
  it("lists targets without activity, activities without target or strategy, unused strategies", () => {
    expect(t.targetsWithoutActivity).toEqual(["t2"]);
    expect(t.activitiesWithoutTarget).toEqual(["a4"]);
    expect(t.activitiesWithoutStrategy).toEqual(["a3", "m1", "a4"]);
    expect(t.strategiesWithoutActivity).toEqual([]);
  });
  it("does not ask for strategies when the plan has none", () => {
    const p = plan();
    p.analysis.strategies = [];
    p.activities.forEach((a) => delete a.strategyIds);
    expect(directionOutputs(p).traceability.activitiesWithoutStrategy).toEqual([]);
  });
});
