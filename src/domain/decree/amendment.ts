// A decree that amends or replaces an approved one (indonesia.md §1.5): what it cites, and the
// plan drafted as that decree — shared by the approval (which numbers it) and the konsep download.
import { AMENDMENT_KINDS, type Plan } from "../plan/schema.js";
import { decreeSubject } from "./model.js";

export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

/**
 * The approved decree an amendment cites: its number, date, subject and issuer as approved (the
 * plan's frozen baseline); undefined when the baseline carries no number to cite.
 */
export function amendedDecreeOf(baseline: Plan, kind: AmendmentKind): NonNullable<Plan["decree"]["amends"]> | undefined {
  const d = baseline.decree;
  const number = (d.number ?? "").trim();
  if (!number) return undefined;
  const earlier = d.amends;
  // Amending an amendment amends the original decree again: "Perubahan Kedua atas Keputusan
  // [the original] … sebagaimana telah diubah dengan Keputusan [the first amendment]".
  if (kind === "perubahan" && earlier?.kind === "perubahan") {
    return {
      kind,
      number: earlier.number,
      ...(earlier.date ? { date: earlier.date } : {}),
      subject: earlier.subject,
      ...(earlier.issuerTitle ? { issuerTitle: earlier.issuerTitle } : {}),
      ordinal: (earlier.ordinal ?? 1) + 1,
      amendedBy: [...(earlier.amendedBy ?? []), { number, ...(d.date ? { date: d.date } : {}) }],
    };
  }
  return { kind, number, ...(d.date ? { date: d.date } : {}), subject: decreeSubject(baseline), issuerTitle: d.issuerTitle };
}

/** The decree without its number and date, to be numbered and dated anew. */
function withoutNumberAndDate(decree: Plan["decree"]): Plan["decree"] {
  const { number: _number, date: _date, ...rest } = decree;
  return rest;
}

/**
 * The plan's decree drafted as the amendment (or replacement) of the decree approved last in
 * `baseline`: citing it, its own number and date left for the approval. The plan unchanged when
 * the baseline has no number to cite.
 */
export function draftAsAmendment(plan: Plan, baseline: Plan, kind: AmendmentKind): Plan {
  const amends = amendedDecreeOf(baseline, kind);
  return amends ? { ...plan, decree: withoutNumberAndDate({ ...plan.decree, amends }) } : plan;
}
