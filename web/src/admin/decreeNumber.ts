// Preview of a decree number from the organisation's template, with the same rules the server
// applies (src/domain/organization/settings.ts); the server allocates the real number at approval.
import { DECREE_TEMPLATE_PLACEHOLDER, formatDecreeNumber } from "../../../src/domain/organization/settings.js";

export type DecreeNumberInput = { counter: number; year: number; month: number; unitCode?: string };

export type DecreeNumberPreview = { ok: true; number: string } | { ok: false; problem: "unknown"; placeholder: string } | { ok: false; problem: "noCounter" };

export function previewDecreeNumber(template: string, input: DecreeNumberInput): DecreeNumberPreview {
  // What is left after the known placeholders go: any "{…}" there is one the server would refuse.
  const unknown = /\{[^{}]*\}?/.exec(template.replace(DECREE_TEMPLATE_PLACEHOLDER, ""));
  if (unknown) return { ok: false, problem: "unknown", placeholder: unknown[0] };
  if (!/\{counter(?::[1-9])?\}/.test(template)) return { ok: false, problem: "noCounter" };
  return { ok: true, number: formatDecreeNumber(template.trim(), input) };
}
