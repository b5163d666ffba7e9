// The shipped examples (examples/*.json) are the demo and test fixtures: each must be a valid,
// complete, realistic plan. The cycle check below is deliberately independent of the scheduler.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeFindings } from "../findings.js";
import type { Plan } from "../plan/schema.js";
import { validatePlanText } from "../plan/validate.js";
import { lineAmount } from "./budget.js";
import { stageOutputs } from "./index.js";
import { nipDigits as nipKey, normalizePersonName as personKey } from "../decree/text.js";
import { isValidNip } from "./team-findings.js";

const DIR = new URL("../../../examples/", import.meta.url);
const FILES = readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();

/** Kahn's algorithm over dependsOn: the ids left over sit on (or behind) a cycle. */
function activitiesOnCycles(plan: Plan): string[] {
  const remaining = new Map(plan.activities.map((a) => [a.id, a.dependsOn.length]));
  const successors = new Map<string, string[]>();
  for (const a of plan.activities) for (const d of a.dependsOn) successors.set(d.activityId, [...(successors.get(d.activityId) ?? []), a.id]);
  const ready = [...remaining].filter(([, n]) => n === 0).map(([id]) => id);
  while (ready.length > 0) {
    const id = ready.pop()!;
    remaining.delete(id);
    for (const s of successors.get(id) ?? []) {
      const n = (remaining.get(s) ?? 0) - 1;
      remaining.set(s, n);
      if (n === 0) ready.push(s);
    }
  }
  return [...remaining.keys()];
}

describe("cycle check", () => {
  it("finds a cycle and passes a chain", () => {
    const act = (id: string, deps: string[]) => ({ id, name: id, durationDays: 1, dependsOn: deps.map((d) => ({ activityId: d, type: "FS" as const, lagDays: 0 })) });
    const base = { activities: [act("a", []), act("b", ["a"]), act("c", ["b"])] } as unknown as Plan;
    expect(activitiesOnCycles(base)).toEqual([]);
    const cyclic = { activities: [act("a", ["c"]), act("b", ["a"]), act("c", ["b"]), act("d", [])] } as unknown as Plan;
    expect(activitiesOnCycles(cyclic).sort()).toEqual(["a", "b", "c"]);
  });
});

describe.each(FILES)("examples/%s", (file) => {
  const result = validatePlanText(readFileSync(new URL(file, DIR), "utf8"));

  it("is a valid format v1 plan", () => {
    expect(result.errors).toEqual([]);
  });
  if (!result.ok) return;
  const plan = result.plan;
  const outputs = stageOutputs(plan);

  it("has an acyclic schedule network using all four link types, lags and a lead", () => {
    expect(activitiesOnCycles(plan)).toEqual([]);
    const deps = plan.activities.flatMap((a) => a.dependsOn);
    expect(new Set(deps.map((d) => d.type))).toEqual(new Set(["FS", "SS", "FF", "SF"]));
    expect(deps.some((d) => d.lagDays > 0)).toBe(true);
    expect(deps.some((d) => d.lagDays < 0)).toBe(true);
    expect(plan.activities.some((a) => a.notBefore !== undefined)).toBe(true);
  });
  it("fills every stage", () => {
    expect(plan.activities.length).toBeGreaterThanOrEqual(10);
    expect(plan.activities.filter((a) => a.durationDays === 0).length).toBeGreaterThanOrEqual(2);
    expect(outputs.targetGroups.groupCount).toBeGreaterThanOrEqual(3);
    expect(outputs.analysis.warnings).toEqual([]);
    expect(outputs.analysis.quadrant).not.toBeNull();
    expect(outputs.direction.traceability.activitiesWithoutTarget).toEqual([]);
    expect(outputs.direction.traceability.targetsWithoutActivity).toEqual([]);
    expect(outputs.resources.missingKinds).toEqual([]);
    for (const kind of ["people", "facility", "material", "budget"] as const) {
      expect(outputs.resources.kinds[kind].resources.some((r) => r.activityIds.length > 0)).toBe(true);
    }
    expect(plan.budget.length).toBeGreaterThan(0);
    expect(plan.mobilization.length).toBeGreaterThan(0);
    expect(plan.communication.length).toBeGreaterThan(0);
    expect(plan.decree.considerations.length).toBeGreaterThanOrEqual(3);
  });
  it("budgets whole Rupiah with Permendagri 90/2019 accounts, and totals agree", () => {
    for (const b of plan.budget) expect(b.account).toMatch(/^5\.\d\.\d{2}\.\d{2}\.\d{2}\.\d{4}$/);
    expect(plan.budget.some((b) => (b.taxPercent ?? 0) > 0)).toBe(true);
    expect(outputs.budget.grandTotal).toBe(plan.budget.reduce((s, b) => s + lineAmount(b), 0));
    expect(Number.isSafeInteger(outputs.budget.grandTotal)).toBe(true);
  });
  it("has a full team with 18-digit NIPs, signed by an official outside the working team", () => {
    const roles = plan.team.map((m) => m.role);
    for (const r of ["pengarah", "penanggung-jawab", "ketua", "sekretaris"] as const) expect(roles).toContain(r);
    expect(roles.filter((r) => r === "anggota").length).toBeGreaterThanOrEqual(3);
    for (const m of plan.team) expect(isValidNip(m.nip ?? "")).toBe(true);
    const s = plan.decree.signatory;
    const below = plan.team.filter((m) => m.role !== "pengarah");
    expect(below.some((m) => nipKey(m.nip) === nipKey(s.nip) || personKey(m.name) === personKey(s.name))).toBe(false);
    expect(s.capacity).toBe("definitive");
  });
  it("has no error or warning findings", () => {
    expect(computeFindings(plan).filter((f) => f.severity !== "info")).toEqual([]);
  });
  it("round-trips through JSON unchanged", () => {
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe("the demo example", () => {
  it("covers all four stakeholder quadrants", () => {
    const r = validatePlanText(readFileSync(new URL("adminduk-keliling-lansia.json", DIR), "utf8"));
    if (!r.ok) throw new Error("invalid demo");
    const q = stageOutputs(r.plan).stakeholders.byQuadrant;
    for (const list of Object.values(q)) expect(list.length).toBeGreaterThan(0);
  });
});
