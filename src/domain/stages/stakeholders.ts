// Stakeholder map (power × interest grid, as taught in PKP after Mendelow): the quadrant of each
// stakeholder and the strategy taught for it.
//
// Power and interest are scored 1–5. "High" means ≥ 3: the midpoint counts as high, because a
// stakeholder the team cannot place is safer watched closely than left to monitoring, and it
// splits the scale where users expect ("3 = cukup" is not "rendah"). Boundaries: 2 is low, 3 high.
import type { Bilingual } from "../messages.js";
import type { Plan, Stakeholder } from "../plan/schema.js";

export const HIGH_SCORE = 3;

export type StakeholderQuadrant = "promoters" | "latents" | "defenders" | "apathetics";
export const STAKEHOLDER_QUADRANTS: readonly StakeholderQuadrant[] = ["promoters", "latents", "defenders", "apathetics"];

export const STAKEHOLDER_QUADRANT_INFO: Record<StakeholderQuadrant, { label: Bilingual; description: Bilingual; strategy: Bilingual }> = {
  promoters: {
    label: { id: "Promoters", en: "Promoters" },
    description: { id: "pengaruh tinggi, kepentingan tinggi", en: "high power, high interest" },
    strategy: { id: "kelola dengan cermat", en: "manage closely" },
  },
  latents: {
    label: { id: "Latents", en: "Latents" },
    description: { id: "pengaruh tinggi, kepentingan rendah", en: "high power, low interest" },
    strategy: { id: "buat tetap puas", en: "keep satisfied" },
  },
  defenders: {
    label: { id: "Defenders", en: "Defenders" },
    description: { id: "pengaruh rendah, kepentingan tinggi", en: "low power, high interest" },
    strategy: { id: "buat tetap terinformasi", en: "keep informed" },
  },
  apathetics: {
    label: { id: "Apathetics", en: "Apathetics" },
    description: { id: "pengaruh rendah, kepentingan rendah", en: "low power, low interest" },
    strategy: { id: "pantau", en: "monitor" },
  },
};

export function isHighScore(score: number): boolean {
  return score >= HIGH_SCORE;
}

export function stakeholderQuadrant(s: Pick<Stakeholder, "power" | "interest">): StakeholderQuadrant {
  const highPower = isHighScore(s.power);
  const highInterest = isHighScore(s.interest);
  if (highPower) return highInterest ? "promoters" : "latents";
  return highInterest ? "defenders" : "apathetics";
}

export type StakeholderOutput = {
  id: string;
  name: string;
  kind: Stakeholder["kind"];
  power: number;
  interest: number;
  quadrant: StakeholderQuadrant;
  label: Bilingual;
  strategy: Bilingual;
  communicationIds: string[];
};

export type StakeholderOutputs = {
  stakeholders: StakeholderOutput[];
  byQuadrant: Record<StakeholderQuadrant, string[]>;
};

export function stakeholderOutputs(plan: Plan): StakeholderOutputs {
  const byQuadrant: Record<StakeholderQuadrant, string[]> = { promoters: [], latents: [], defenders: [], apathetics: [] };
  const stakeholders = plan.stakeholders.map((s) => {
    const quadrant = stakeholderQuadrant(s);
    byQuadrant[quadrant].push(s.id);
    const info = STAKEHOLDER_QUADRANT_INFO[quadrant];
    return {
      id: s.id,
      name: s.name,
      kind: s.kind,
      power: s.power,
      interest: s.interest,
      quadrant,
      label: info.label,
      strategy: info.strategy,
      communicationIds: plan.communication.filter((c) => c.stakeholderId === s.id).map((c) => c.id),
    };
  });
  return { stakeholders, byQuadrant };
}
