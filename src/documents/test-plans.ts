// Plans for document tests: the demo example, and the same plan with hostile text in every
// field a document prints. Test-only (imported by *.test.ts).
import { readFileSync } from "node:fs";
import { TEXT_LIMITS, type Plan } from "../domain/plan/schema.js";
import { validatePlan, validatePlanText } from "../domain/plan/validate.js";

export const EXAMPLE_PLAN_FILE = new URL("../../examples/adminduk-keliling-lansia.json", import.meta.url);

export function examplePlan(): Plan {
  const result = validatePlanText(readFileSync(EXAMPLE_PLAN_FILE, "utf8"));
  if (!result.ok) throw new Error(`example plan invalid: ${JSON.stringify(result.errors)}`);
  return result.plan;
}

export const MARKUP = `<w:p><w:r><w:t>]]></w:t></w:r></w:p> <script>alert("x")</script> & 'kutip' "ganda" {{x}} \${y}`;
/** Control characters that XML 1.0 forbids, and a lone surrogate. */
export const CONTROL = "a\u0000b\u0001c\u0007d\u000Be\u001Ff\u007Fg\uD800h\uFFFFi";
/** The longest name format v1 allows, without a single break opportunity (far wider than a line). */
export const LONG_WORD = "W".repeat(TEXT_LIMITS.name);
/** The longest statement format v1 allows, of ordinary words. */
export const LONG_TEXT = Array.from({ length: 1000 }, (_, i) => `kata${String(i).padStart(4, "0")}`).join(" ").slice(0, TEXT_LIMITS.text);

/** The example with hostile text in every printed field; still a valid plan. */
export function hostilePlan(): Plan {
  const plan = structuredClone(examplePlan());
  plan.title = `${MARKUP} ${CONTROL}`;
  plan.organization.name = `Dinas <b>Uji</b> & "Coba" ${CONTROL}`;
  plan.organization.address = MARKUP;
  plan.organization.font = `<"Bookman" & 'x'>`;
  plan.decree.subject = `Pembentukan Tim ${MARKUP}`;
  plan.decree.number = `<nomor>&amp;${CONTROL}`;
  plan.decree.considerations = [MARKUP, LONG_TEXT, CONTROL];
  plan.decree.legalBases = [MARKUP, LONG_WORD];
  plan.decree.dictums = [`Segala biaya ${MARKUP}`, LONG_TEXT];
  plan.decree.copiesTo = [MARKUP, CONTROL];
  const ketua = plan.team.find((m) => m.role === "ketua");
  if (ketua) {
    ketua.name = LONG_WORD;
    ketua.position = MARKUP;
    ketua.duties = [MARKUP, CONTROL, LONG_TEXT];
  }
  for (const a of plan.activities.slice(0, 3)) {
    a.name = `${MARKUP} ${a.name}`;
    a.output = CONTROL;
  }
  const first = plan.activities[0];
  if (first) first.name = LONG_WORD;
  const stakeholder = plan.stakeholders[0];
  if (stakeholder) stakeholder.name = MARKUP;
  const checked = validatePlan(plan);
  if (!checked.ok) throw new Error(`hostile plan invalid: ${JSON.stringify(checked.errors)}`);
  return checked.plan;
}

/** Whitespace collapsed: PDF and converted text wrap lines anywhere. */
export function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Whitespace removed entirely, for text that a layout may break without spaces. */
export function dense(s: string): string {
  return s.replace(/\s+/g, "");
}

/** Removes page numbers ("n/m" footers, "- n -" headers), which pdftotext puts wherever a page ends. */
export function withoutPageFooters(s: string): string {
  return s.replace(/^\s*(\d+\/\d+|-\s*\d+\s*-)\s*$/gm, "");
}

/**
 * Checks that every part appears in `text`, each after the previous one; returns a message
 * naming the first part missing (or out of order), or undefined when all are in order.
 */
export function findOutOfOrder(text: string, parts: readonly string[], spacing: "squash" | "dense" = "squash"): string | undefined {
  // "dense" ignores spacing altogether, for narrow table columns that break "Internal/Eksternal" anywhere.
  const normalize = spacing === "dense" ? dense : squash;
  const hay = normalize(text);
  let from = 0;
  for (const [i, part] of parts.entries()) {
    const needle = normalize(part);
    const at = hay.indexOf(needle, from);
    if (at < 0) {
      const anywhere = hay.indexOf(needle);
      return anywhere < 0
        ? `part ${i} ${JSON.stringify(needle)} is missing`
        : `part ${i} ${JSON.stringify(needle)} is out of order (found at ${anywhere}, expected after ${from}: …${hay.slice(Math.max(0, from - 80), from)}…)`;
    }
    from = at + needle.length;
  }
  return undefined;
}
