// Preview of a decree number from the organisation's template (auth contract: {counter},
// {counter:N}, {year}, {unitCode}, {month}). The server allocates the real number at approval;
// this only shows the administrator what the template will produce.
import { romawi } from "../../../src/domain/format/indonesian.js";

export type DecreeNumberInput = { counter: number; year: number; month: number; unitCode: string };

export type DecreeNumberPreview = { ok: true; number: string } | { ok: false; unknown: string };

const PLACEHOLDER = /\{([^{}]*)\}/g;

export function previewDecreeNumber(template: string, input: DecreeNumberInput): DecreeNumberPreview {
  let unknown: string | undefined;
  const number = template.replace(PLACEHOLDER, (whole, name: string) => {
    const counter = /^counter(?::(\d{1,2}))?$/.exec(name);
    if (counter) return String(input.counter).padStart(Number(counter[1] ?? 0), "0");
    if (name === "year") return String(input.year);
    if (name === "unitCode") return input.unitCode;
    if (name === "month") return romawi(input.month);
    unknown ??= whole;
    return whole;
  });
  return unknown === undefined ? { ok: true, number } : { ok: false, unknown };
}
