import { describe, expect, it } from "vitest";
import { HIGH_SCORE, STAKEHOLDER_QUADRANT_INFO, stakeholderOutputs, stakeholderQuadrant } from "./stakeholders.js";
import { tinyPlan } from "./test-plans.js";

describe("stakeholder quadrant (high = score ≥ 3 on 1–5)", () => {
  it.each([
    [5, 5, "promoters"],
    [3, 3, "promoters"],
    [3, 2, "latents"],
    [5, 1, "latents"],
    [2, 3, "defenders"],
    [1, 5, "defenders"],
    [2, 2, "apathetics"],
    [1, 1, "apathetics"],
  ] as const)("power %i, interest %i → %s", (power, interest, quadrant) => {
    expect(stakeholderQuadrant({ power, interest })).toBe(quadrant);
  });
  it("puts the boundary at 3", () => {
    expect(HIGH_SCORE).toBe(3);
  });
  it("teaches the strategy in both languages", () => {
    expect(STAKEHOLDER_QUADRANT_INFO.promoters.strategy).toEqual({ id: "kelola dengan cermat", en: "manage closely" });
    expect(STAKEHOLDER_QUADRANT_INFO.latents.strategy).toEqual({ id: "buat tetap puas", en: "keep satisfied" });
    expect(STAKEHOLDER_QUADRANT_INFO.defenders.strategy).toEqual({ id: "buat tetap terinformasi", en: "keep informed" });
    expect(STAKEHOLDER_QUADRANT_INFO.apathetics.strategy).toEqual({ id: "pantau", en: "monitor" });
  });
});

describe("stakeholderOutputs", () => {
  it("maps each stakeholder with its communication rows and groups them by quadrant", () => {
    const plan = tinyPlan();
    plan.stakeholders = [
      { id: "a", name: "Bupati", kind: "external", power: 5, interest: 4 },
      { id: "b", name: "Kader", kind: "external", power: 1, interest: 4 },
      { id: "c", name: "Ditjen", kind: "external", power: 4, interest: 1 },
    ];
    plan.communication = [{ id: "c1", stakeholderId: "a", objective: "o", message: "m", channel: "c", frequency: "f", principles: [] }];
    const out = stakeholderOutputs(plan);
    expect(out.byQuadrant).toEqual({ promoters: ["a"], latents: ["c"], defenders: ["b"], apathetics: [] });
    expect(out.stakeholders[0]).toMatchObject({ id: "a", quadrant: "promoters", label: { id: "Promoters" }, communicationIds: ["c1"] });
    expect(out.stakeholders[1]).toMatchObject({ id: "b", quadrant: "defenders", strategy: { id: "buat tetap terinformasi" }, communicationIds: [] });
  });
});
