// Findings of stage 2: SWOT factors, weights and ratings, assumptions, TOWS strategies
// (stage "analisis"). Weight/rating warnings are the same ones the stage output carries.
import type { Plan } from "../plan/schema.js";
import { FACTOR_KIND_LABELS, STRATEGY_FACTOR_KINDS, scoringWarnings } from "./analysis.js";
import { findingsFor } from "./finding.js";
import { nameOf } from "./text.js";

const KIND_CODES = { strength: "strengths", weakness: "weaknesses", opportunity: "opportunities", threat: "threats" } as const;

export function analysisFindings(plan: Plan) {
  const { out, add } = findingsFor("analisis");
  const { factors, assumptions, strategies } = plan.analysis;

  if (factors.length === 0) {
    add("error", "analysis.factors.empty", "analysis.factors", {
      id: "belum ada faktor internal (kekuatan, kelemahan) maupun eksternal (peluang, ancaman)",
      en: "no internal (strengths, weaknesses) or external (opportunities, threats) factors yet",
    });
  } else {
    for (const kind of ["strength", "weakness", "opportunity", "threat"] as const) {
      if (!factors.some((f) => f.kind === kind)) {
        add("warning", `analysis.${KIND_CODES[kind]}.empty`, "analysis.factors", {
          id: `belum ada faktor ${FACTOR_KIND_LABELS[kind].id}`,
          en: `no ${FACTOR_KIND_LABELS[kind].en} factor yet`,
        });
      }
    }
  }
  for (const w of scoringWarnings(plan)) add("warning", w.code, w.path, w.message, w.ref);

  if (assumptions.length === 0) {
    add("warning", "analysis.assumptions.empty", "analysis.assumptions", {
      id: "belum ada asumsi yang dirumuskan",
      en: "no assumptions are stated yet",
    });
  }
  if (strategies.length === 0) {
    add("warning", "analysis.strategies.empty", "analysis.strategies", {
      id: "belum ada strategi TOWS (SO, WO, ST, WT)",
      en: "no TOWS strategies (SO, WO, ST, WT) yet",
    });
  }
  const kindOf = new Map(factors.map((f) => [f.id, f.kind]));
  strategies.forEach((s, i) => {
    if (s.factorIds.length === 0) {
      add("warning", "analysis.strategy.factors.empty", `analysis.strategies[${i}].factorIds`, {
        id: `strategi ${s.kind} ${nameOf(s.id, s.text)} belum dikaitkan dengan faktor SWOT mana pun`,
        en: `${s.kind} strategy ${nameOf(s.id, s.text)} is not linked to any SWOT factor`,
      }, s.id);
      return;
    }
    const allowed = STRATEGY_FACTOR_KINDS[s.kind];
    s.factorIds.forEach((fid, j) => {
      const kind = kindOf.get(fid);
      if (kind !== undefined && !allowed.includes(kind)) {
        add("info", "analysis.strategy.kind.mismatch", `analysis.strategies[${i}].factorIds[${j}]`, {
          id: `strategi ${s.kind} ${nameOf(s.id, s.text)} memakai faktor ${FACTOR_KIND_LABELS[kind].id} "${fid}"; strategi ${s.kind} biasanya memadukan ${FACTOR_KIND_LABELS[allowed[0]].id} dan ${FACTOR_KIND_LABELS[allowed[1]].id}`,
          en: `${s.kind} strategy ${nameOf(s.id, s.text)} uses ${FACTOR_KIND_LABELS[kind].en} factor "${fid}"; an ${s.kind} strategy pairs a ${FACTOR_KIND_LABELS[allowed[0]].en} with an ${FACTOR_KIND_LABELS[allowed[1]].en}`,
        }, s.id);
      }
    });
  });
  return out;
}
