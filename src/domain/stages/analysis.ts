// Stage 2 output: the identified S, W, O, T and assumptions; IFAS/EFAS weighted scores, the
// resulting quadrant of the SWOT diagram, and the TOWS strategies per factor.
//
// Scores follow common Indonesian practice: each side's weights (internal S+W, external O+T)
// sum to 1, ratings run 1–4, and a kind's score is Σ weight × rating. The unit sits at
// x = S − W (IFAS) and y = O − T (EFAS):
//   I   x > 0, y > 0  → agresif (SO)
//   II  x > 0, y ≤ 0  → diversifikasi (ST)
//   III x ≤ 0, y > 0  → ubah strategi / turnaround (WO)
//   IV  x ≤ 0, y ≤ 0  → defensif (WT)
// A tie (S = W or O = T) counts as "not ahead": it falls on the weaker side, so the unit is
// never told to be aggressive on a draw. Scores are rounded to 6 decimals before comparing so
// that binary fractions (0.1 + 0.2) cannot turn a written tie into a win.
import type { Bilingual } from "../messages.js";
import type { Factor, Plan, Strategy } from "../plan/schema.js";

export const WEIGHT_SUM_TOLERANCE = 1e-6;

export type StrategyKind = Strategy["kind"];
export type FactorKind = Factor["kind"];
export type SwotQuadrant = "I" | "II" | "III" | "IV";
export type Side = "internal" | "external";

export const SIDE_KINDS: Record<Side, readonly [FactorKind, FactorKind]> = {
  internal: ["strength", "weakness"],
  external: ["opportunity", "threat"],
};

export const FACTOR_KIND_LABELS: Record<FactorKind, Bilingual> = {
  strength: { id: "kekuatan", en: "strength" },
  weakness: { id: "kelemahan", en: "weakness" },
  opportunity: { id: "peluang", en: "opportunity" },
  threat: { id: "ancaman", en: "threat" },
};

export const SIDE_LABELS: Record<Side, Bilingual> = {
  internal: { id: "internal (kekuatan + kelemahan)", en: "internal (strengths + weaknesses)" },
  external: { id: "eksternal (peluang + ancaman)", en: "external (opportunities + threats)" },
};

export const QUADRANT_INFO: Record<SwotQuadrant, { strategyKind: StrategyKind; label: Bilingual; advice: Bilingual }> = {
  I: {
    strategyKind: "SO",
    label: { id: "Kuadran I — agresif", en: "Quadrant I — aggressive" },
    advice: { id: "gunakan kekuatan untuk memanfaatkan peluang (strategi SO)", en: "use strengths to seize opportunities (SO strategies)" },
  },
  II: {
    strategyKind: "ST",
    label: { id: "Kuadran II — diversifikasi", en: "Quadrant II — diversification" },
    advice: { id: "gunakan kekuatan untuk menghadapi ancaman (strategi ST)", en: "use strengths to counter threats (ST strategies)" },
  },
  III: {
    strategyKind: "WO",
    label: { id: "Kuadran III — ubah strategi (turnaround)", en: "Quadrant III — turnaround" },
    advice: { id: "atasi kelemahan dengan memanfaatkan peluang (strategi WO)", en: "overcome weaknesses by seizing opportunities (WO strategies)" },
  },
  IV: {
    strategyKind: "WT",
    label: { id: "Kuadran IV — defensif", en: "Quadrant IV — defensive" },
    advice: { id: "kurangi kelemahan dan hindari ancaman (strategi WT)", en: "reduce weaknesses and avoid threats (WT strategies)" },
  },
};

/** Which factor kinds a TOWS strategy of each kind draws on. */
export const STRATEGY_FACTOR_KINDS: Record<StrategyKind, readonly [FactorKind, FactorKind]> = {
  SO: ["strength", "opportunity"],
  WO: ["weakness", "opportunity"],
  ST: ["strength", "threat"],
  WT: ["weakness", "threat"],
};

export type KindScore = { count: number; weightSum: number; score: number };

export type AnalysisWarning = { code: string; path: string; ref?: string; message: Bilingual };

export type AnalysisOutputs = {
  counts: { strengths: number; weaknesses: number; opportunities: number; threats: number; assumptions: number; strategies: number };
  ifas: { strengths: KindScore; weaknesses: KindScore; weightSum: number; difference: number };
  efas: { opportunities: KindScore; threats: KindScore; weightSum: number; difference: number };
  /** Null while either side has no factor with both a weight and a rating: nothing to place. */
  quadrant: null | { quadrant: SwotQuadrant; strategyKind: StrategyKind; label: Bilingual; advice: Bilingual; x: number; y: number };
  strategiesByKind: Record<StrategyKind, string[]>;
  strategiesByFactor: { factorId: string; kind: FactorKind; strategyIds: string[] }[];
  warnings: AnalysisWarning[];
};

/** Rounds a score to 6 decimals (weights ≤ 1 and ratings ≤ 4 keep this far above float noise). */
export function roundScore(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

export function kindScore(factors: readonly Factor[], kind: FactorKind): KindScore {
  const ofKind = factors.filter((f) => f.kind === kind);
  return {
    count: ofKind.length,
    weightSum: roundScore(ofKind.reduce((s, f) => s + (f.weight ?? 0), 0)),
    // A factor missing a weight or a rating contributes nothing (and is warned about).
    score: roundScore(ofKind.reduce((s, f) => s + (f.weight !== undefined && f.rating !== undefined ? f.weight * f.rating : 0), 0)),
  };
}

/** Quadrant from the two differences (x = S − W, y = O − T); ties fall to the weaker side. */
export function quadrantOf(x: number, y: number): SwotQuadrant {
  const ahead = (d: number) => roundScore(d) > 0;
  if (ahead(x)) return ahead(y) ? "I" : "II";
  return ahead(y) ? "III" : "IV";
}

/** Warnings about weights and ratings, per side; shared with the stage-2 findings. */
export function scoringWarnings(plan: Plan): AnalysisWarning[] {
  const warnings: AnalysisWarning[] = [];
  const factors = plan.analysis.factors;
  for (const side of ["internal", "external"] as const) {
    const kinds = SIDE_KINDS[side];
    const onSide = factors.map((f, index) => ({ f, index })).filter(({ f }) => kinds.includes(f.kind));
    if (onSide.length === 0) continue;
    const anyWeight = onSide.some(({ f }) => f.weight !== undefined);
    const anyRating = onSide.some(({ f }) => f.rating !== undefined);
    if (!anyWeight && !anyRating) {
      warnings.push({
        code: `analysis.weights.${side}.missing`,
        path: "analysis.factors",
        message: {
          id: `faktor ${SIDE_LABELS[side].id} belum diberi bobot dan rating, sehingga skor ${side === "internal" ? "IFAS" : "EFAS"} tidak dapat dihitung`,
          en: `the ${SIDE_LABELS[side].en} factors have no weights or ratings yet, so the ${side === "internal" ? "IFAS" : "EFAS"} score cannot be computed`,
        },
      });
      continue;
    }
    for (const { f, index } of onSide) {
      if (f.weight === undefined) {
        warnings.push({
          code: "analysis.factor.weight.missing",
          path: `analysis.factors[${index}].weight`,
          ref: f.id,
          message: {
            id: `${FACTOR_KIND_LABELS[f.kind].id} "${f.id}" belum diberi bobot (0–1)`,
            en: `${FACTOR_KIND_LABELS[f.kind].en} "${f.id}" has no weight (0–1)`,
          },
        });
      }
      if (f.rating === undefined) {
        warnings.push({
          code: "analysis.factor.rating.missing",
          path: `analysis.factors[${index}].rating`,
          ref: f.id,
          message: {
            id: `${FACTOR_KIND_LABELS[f.kind].id} "${f.id}" belum diberi rating (1–4)`,
            en: `${FACTOR_KIND_LABELS[f.kind].en} "${f.id}" has no rating (1–4)`,
          },
        });
      }
    }
    // Tolerance on the raw sum; the rounded one is only for the message.
    const rawSum = onSide.reduce((s, { f }) => s + (f.weight ?? 0), 0);
    const sum = roundScore(rawSum);
    if (anyWeight && Math.abs(rawSum - 1) > WEIGHT_SUM_TOLERANCE) {
      warnings.push({
        code: `analysis.weights.${side}.sum`,
        path: "analysis.factors",
        message: {
          id: `jumlah bobot faktor ${SIDE_LABELS[side].id} adalah ${sum}, seharusnya 1`,
          en: `the weights of the ${SIDE_LABELS[side].en} factors sum to ${sum}, not 1`,
        },
      });
    }
  }
  return warnings;
}

export function analysisOutputs(plan: Plan): AnalysisOutputs {
  const { factors, assumptions, strategies } = plan.analysis;
  const s = kindScore(factors, "strength");
  const w = kindScore(factors, "weakness");
  const o = kindScore(factors, "opportunity");
  const t = kindScore(factors, "threat");
  const x = roundScore(s.score - w.score);
  const y = roundScore(o.score - t.score);

  const scored = (kinds: readonly FactorKind[]) => factors.some((f) => kinds.includes(f.kind) && f.weight !== undefined && f.rating !== undefined);
  let quadrant: AnalysisOutputs["quadrant"] = null;
  if (scored(SIDE_KINDS.internal) && scored(SIDE_KINDS.external)) {
    const q = quadrantOf(x, y);
    quadrant = { quadrant: q, ...QUADRANT_INFO[q], x, y };
  }

  const strategiesByKind: Record<StrategyKind, string[]> = { SO: [], WO: [], ST: [], WT: [] };
  for (const st of strategies) strategiesByKind[st.kind].push(st.id);

  return {
    counts: {
      strengths: s.count,
      weaknesses: w.count,
      opportunities: o.count,
      threats: t.count,
      assumptions: assumptions.length,
      strategies: strategies.length,
    },
    ifas: { strengths: s, weaknesses: w, weightSum: roundScore(s.weightSum + w.weightSum), difference: x },
    efas: { opportunities: o, threats: t, weightSum: roundScore(o.weightSum + t.weightSum), difference: y },
    quadrant,
    strategiesByKind,
    strategiesByFactor: factors.map((f) => ({
      factorId: f.id,
      kind: f.kind,
      strategyIds: strategies.filter((st) => st.factorIds.includes(f.id)).map((st) => st.id),
    })),
    warnings: scoringWarnings(plan),
  };
}
