import { describe, expect, it } from "vitest";
import type { Factor } from "../plan/schema.js";
import { analysisOutputs, quadrantOf, roundScore, scoringWarnings } from "./analysis.js";
import { tinyPlan } from "./test-plans.js";

const f = (id: string, kind: Factor["kind"], weight?: number, rating?: number): Factor => ({
  id,
  kind,
  text: `faktor ${id}`,
  ...(weight !== undefined ? { weight } : {}),
  ...(rating !== undefined ? { rating } : {}),
});

function planWith(factors: Factor[]) {
  const plan = tinyPlan();
  plan.analysis.factors = factors;
  return plan;
}

describe("IFAS/EFAS and quadrant", () => {
  // Hand computed:
  //   S: 0.3×4 + 0.2×3 = 1.8     W: 0.3×2 + 0.2×1 = 0.8     S−W = 1.0
  //   O: 0.6×3 = 1.8             T: 0.4×2 = 0.8             O−T = 1.0
  const plan = planWith([
    f("s1", "strength", 0.3, 4),
    f("s2", "strength", 0.2, 3),
    f("w1", "weakness", 0.3, 2),
    f("w2", "weakness", 0.2, 1),
    f("o1", "opportunity", 0.6, 3),
    f("t1", "threat", 0.4, 2),
  ]);
  plan.analysis.assumptions = [{ id: "a1", text: "anggaran tersedia" }];
  plan.analysis.strategies = [
    { id: "so1", kind: "SO", text: "x", factorIds: ["s1", "o1"] },
    { id: "wt1", kind: "WT", text: "y", factorIds: ["w1", "t1", "s1"] },
  ];
  const out = analysisOutputs(plan);

  it("counts the factors, assumptions and strategies", () => {
    expect(out.counts).toEqual({ strengths: 2, weaknesses: 2, opportunities: 1, threats: 1, assumptions: 1, strategies: 2 });
  });
  it("scores each kind as Σ weight × rating", () => {
    expect(out.ifas).toEqual({
      strengths: { count: 2, weightSum: 0.5, score: 1.8 },
      weaknesses: { count: 2, weightSum: 0.5, score: 0.8 },
      weightSum: 1,
      difference: 1,
    });
    expect(out.efas).toEqual({
      opportunities: { count: 1, weightSum: 0.6, score: 1.8 },
      threats: { count: 1, weightSum: 0.4, score: 0.8 },
      weightSum: 1,
      difference: 1,
    });
  });
  it("places S>W, O>T in quadrant I (aggressive, SO)", () => {
    expect(out.quadrant).toMatchObject({ quadrant: "I", strategyKind: "SO", x: 1, y: 1 });
    expect(out.quadrant?.label.id).toContain("agresif");
  });
  it("lists strategies per kind and per factor", () => {
    expect(out.strategiesByKind).toEqual({ SO: ["so1"], WO: [], ST: [], WT: ["wt1"] });
    expect(out.strategiesByFactor.find((x) => x.factorId === "s1")?.strategyIds).toEqual(["so1", "wt1"]);
    expect(out.strategiesByFactor.find((x) => x.factorId === "w2")?.strategyIds).toEqual([]);
  });
  it("has no warnings when each side sums to 1", () => {
    expect(out.warnings).toEqual([]);
  });
  it("moves to II, III, IV as the differences change sign", () => {
    const ii = planWith([f("s", "strength", 0.6, 3), f("w", "weakness", 0.4, 2), f("o", "opportunity", 0.5, 2), f("t", "threat", 0.5, 3)]);
    expect(analysisOutputs(ii).quadrant).toMatchObject({ quadrant: "II", strategyKind: "ST", x: 1, y: -0.5 });
    const iii = planWith([f("s", "strength", 0.5, 1), f("w", "weakness", 0.5, 3), f("o", "opportunity", 0.5, 4), f("t", "threat", 0.5, 1)]);
    expect(analysisOutputs(iii).quadrant).toMatchObject({ quadrant: "III", strategyKind: "WO", x: -1, y: 1.5 });
    const iv = planWith([f("s", "strength", 0.5, 1), f("w", "weakness", 0.5, 2), f("o", "opportunity", 0.5, 1), f("t", "threat", 0.5, 2)]);
    expect(analysisOutputs(iv).quadrant).toMatchObject({ quadrant: "IV", strategyKind: "WT", x: -0.5, y: -0.5 });
  });
});

describe("ties", () => {
  it("a tie is not ahead: S = W falls to III/IV, O = T to II/IV", () => {
    expect(quadrantOf(0, 1)).toBe("III");
    expect(quadrantOf(1, 0)).toBe("II");
    expect(quadrantOf(0, 0)).toBe("IV");
    expect(quadrantOf(0, -1)).toBe("IV");
    expect(quadrantOf(1e-9, 1)).toBe("III"); // below score precision: a tie
    expect(quadrantOf(1e-6, 1e-6)).toBe("I"); // the smallest difference that counts
  });
  it("a written tie stays a tie despite binary fractions (0.1 + 0.2 vs 0.3)", () => {
    const plan = planWith([
      f("s1", "strength", 0.1, 1),
      f("s2", "strength", 0.2, 1),
      f("w1", "weakness", 0.3, 1),
      f("w2", "weakness", 0.4, 1),
      f("s3", "strength", 0.4, 1),
      f("o1", "opportunity", 0.5, 2),
      f("t1", "threat", 0.5, 1),
    ]);
    const out = analysisOutputs(plan);
    expect(out.ifas.difference).toBe(0);
    expect(out.quadrant?.quadrant).toBe("III");
  });
  it("roundScore removes float noise and negative zero", () => {
    expect(roundScore(0.1 + 0.2)).toBe(0.3);
    expect(Object.is(roundScore(-1e-12), 0)).toBe(true);
  });
});

describe("weight warnings", () => {
  it("warns when a side's weights do not sum to 1, naming the sum", () => {
    const w = scoringWarnings(planWith([f("s", "strength", 0.5, 3), f("w", "weakness", 0.4, 2), f("o", "opportunity", 1, 3)]));
    expect(w.map((x) => x.code)).toEqual(["analysis.weights.internal.sum"]);
    expect(w[0]?.message.id).toContain("0.9");
  });
  it("tolerates 1e-6 and no more", () => {
    const ok = scoringWarnings(planWith([f("s", "strength", 0.5, 3), f("w", "weakness", 0.5 + 9e-7, 2)]));
    expect(ok).toEqual([]);
    const off = scoringWarnings(planWith([f("s", "strength", 0.5, 3), f("w", "weakness", 0.5 + 2e-6, 2)]));
    expect(off.map((x) => x.code)).toEqual(["analysis.weights.internal.sum"]);
  });
  it("warns per factor missing a weight or a rating once scoring is in use", () => {
    const w = scoringWarnings(planWith([f("s", "strength", 0.6, 3), f("w", "weakness", undefined, 2), f("o", "opportunity", 1)]));
    expect(w.map((x) => [x.code, x.ref ?? null, x.path])).toEqual([
      ["analysis.factor.weight.missing", "w", "analysis.factors[1].weight"],
      ["analysis.weights.internal.sum", null, "analysis.factors"],
      ["analysis.factor.rating.missing", "o", "analysis.factors[2].rating"],
    ]);
  });
  it("warns once per side when nothing is scored, and then places no quadrant", () => {
    const plan = planWith([f("s", "strength"), f("w", "weakness"), f("o", "opportunity", 1, 2)]);
    expect(scoringWarnings(plan).map((x) => x.code)).toEqual(["analysis.weights.internal.missing"]);
    expect(analysisOutputs(plan).quadrant).toBeNull();
  });
  it("a factor with weight but no rating scores nothing", () => {
    const plan = planWith([f("s", "strength", 0.5), f("s2", "strength", 0.5, 2)]);
    expect(analysisOutputs(plan).ifas.strengths.score).toBe(1);
  });
  it("an empty analysis has zero counts, no quadrant and no warnings", () => {
    const out = analysisOutputs(tinyPlan());
    expect(out.counts).toEqual({ strengths: 0, weaknesses: 0, opportunities: 0, threats: 0, assumptions: 0, strategies: 0 });
    expect(out.quadrant).toBeNull();
    expect(out.warnings).toEqual([]);
  });
});
