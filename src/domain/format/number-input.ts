// Numbers as people type them in Indonesia: "1.234,5", "Rp 1.500.000", "1500000", "0,6" — and
// the English forms ("1,234.5", "0.6") as well. The reason for a refusal is a bilingual message
// that the screen puts beside the field, prefixed with the field's label.
import type { Bilingual } from "../messages.js";

export type NumberRule = { min?: number; max?: number; integer?: boolean; optional?: boolean };

export type ParsedNumber = { ok: true; value: number | undefined } | { ok: false; message: Bilingual };

/** Thousands grouped with dots, first group without a leading zero: "1.500.000", "12.345". */
const DOT_GROUPED = /^[1-9]\d{0,2}(\.\d{3})+$/;
const COMMA_GROUPED = /^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/;

/** The number written in `text`, or NaN when it is not one (undefined for blank). */
export function parseNumberText(text: string): number | undefined {
  let s = text.replace(/[\s\u00a0]/g, "").replace(/^rp\.?/i, "");
  if (s === "") return undefined;
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("−")) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return NaN;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let normal: string;
  if (dots && commas) {
    // Whichever comes last is the decimal separator.
    if (s.lastIndexOf(",") > s.lastIndexOf(".")) {
      if (!/^[1-9]\d{0,2}(\.\d{3})*,\d+$/.test(s) && !/^0,\d+$/.test(s)) return NaN;
      normal = s.replace(/\./g, "").replace(",", ".");
    } else {
      if (!COMMA_GROUPED.test(s)) return NaN;
      normal = s.replace(/,/g, "");
    }
  } else if (commas) {
    // Indonesian decimal comma ("0,6", "1234,5"); a single comma only.
    if (commas > 1) return NaN;
    normal = s.replace(",", ".");
  } else if (dots > 1 || DOT_GROUPED.test(s)) {
    if (!DOT_GROUPED.test(s)) return NaN;
    normal = s.replace(/\./g, "");
  } else normal = s;
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(normal)) return NaN;
  return sign * Number(normal);
}

/** Parses and checks against the field's rule; `ok` with the value, or the reason. */
export function parseNumberInput(text: string, rule: NumberRule = {}): ParsedNumber {
  const n = parseNumberText(text);
  if (n === undefined) return rule.optional ? { ok: true, value: undefined } : { ok: false, message: { id: "wajib diisi", en: "is required" } };
  if (!Number.isFinite(n))
    return /[a-z]/i.test(text)
      ? { ok: false, message: { id: "isi angkanya saja, mis. 80 atau 1.234,5 (satuan ditulis di kolom satuan)", en: "type the number only, e.g. 80 or 1,234.5 (the unit goes in its own column)" } }
      : { ok: false, message: { id: "bukan angka yang sah; tulis mis. 1.234,5 atau 1500000", en: "not a valid number; write e.g. 1,234.5 or 1500000" } };
  if (rule.integer && !Number.isInteger(n)) return { ok: false, message: { id: "harus bilangan bulat", en: "must be a whole number" } };
  if (rule.min !== undefined && n < rule.min) return { ok: false, message: { id: `tidak boleh kurang dari ${fmt(rule.min)}`, en: `must not be less than ${rule.min}` } };
  if (rule.max !== undefined && n > rule.max) return { ok: false, message: { id: `tidak boleh lebih dari ${fmt(rule.max)}`, en: `must not be more than ${rule.max}` } };
  return { ok: true, value: n };
}

function fmt(n: number): string {
  return n.toLocaleString("id-ID", { maximumFractionDigits: 4 });
}
