// Preview of a decree number from the organisation's template, with the same rules the server
// applies (src/domain/organization/settings.ts); the server allocates the real number at approval.
import { decreeTemplateProblem, formatDecreeNumber } from "../../../src/domain/organization/settings.js";

export type DecreeNumberInput = { counter: number; year: number; month: number; unitCode?: string };

export type DecreeNumberPreview = { ok: true; number: string } | { ok: false; problem: "unknown"; placeholder: string } | { ok: false; problem: "noCounter" };

export function previewDecreeNumber(template: string, input: DecreeNumberInput): DecreeNumberPreview {
  const problem = decreeTemplateProblem(template);
  if (problem) return { ok: false, ...problem };
  return { ok: true, number: formatDecreeNumber(template.trim(), input) };
}
