// An organisation's settings that the documents use: the letterhead (kop surat), the decree
// number template with its per-year counter, paper and font. Pure: shared by the server (which
// validates and stores them), the documents (which apply them) and the web app (live preview).
import { z } from "zod";
import type { Plan } from "../plan/schema.js";

const text = z.string().trim().min(1).max(300);

export const letterheadSchema = z.strictObject({
  government: text.optional(),
  name: text.optional(),
  unit: text.optional(),
  region: text.optional(),
  address: text.optional(),
  phone: text.optional(),
  website: text.optional(),
  email: text.optional(),
});

/** Placeholders: {counter} or {counter:N} (zero-padded to N digits), {year}, {month} (Roman), {unitCode}. */
export const DECREE_TEMPLATE_PLACEHOLDER = /\{(counter(?::[1-9])?|year|month|unitCode)\}/g;

/** What is wrong with a decree number template, or null: an unknown placeholder, or no {counter}. */
export function decreeTemplateProblem(template: string): { problem: "unknown"; placeholder: string } | { problem: "noCounter" } | null {
  // What is left after the known placeholders go: any "{…}" there is unknown.
  const unknown = /\{[^{}]*\}?/.exec(template.replace(DECREE_TEMPLATE_PLACEHOLDER, ""));
  if (unknown) return { problem: "unknown", placeholder: unknown[0] };
  if (!/\{counter(?::[1-9])?\}/.test(template)) return { problem: "noCounter" };
  return null;
}

export const decreeNumberTemplateSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .superRefine((t, ctx) => {
    const p = decreeTemplateProblem(t);
    if (p?.problem === "unknown") {
      ctx.addIssue({ code: "custom", message: `placeholder ${p.placeholder} tidak dikenal; yang dikenal: {counter}, {counter:3}, {year}, {month}, {unitCode} / unknown placeholder` });
    } else if (p?.problem === "noCounter") {
      ctx.addIssue({ code: "custom", message: "harus memuat {counter} / must contain {counter}" });
    }
  });

export const organizationSettingsSchema = z.strictObject({
  letterhead: letterheadSchema.default({}),
  decreeNumberTemplate: decreeNumberTemplateSchema.default("800/{counter:3}/{unitCode}/{year}"),
  /** Code of the issuing unit used by {unitCode}, e.g. "DISDUKCAPIL". */
  unitCode: z.string().trim().min(1).max(50).optional(),
  /**
   * When an approved plan is amended and approved again: "perubahan" drafts a Keputusan tentang
   * Perubahan atas Keputusan … Nomor …; "pencabutan" a new decree whose diktum revokes the earlier one.
   */
  amendmentDecree: z.enum(["perubahan", "pencabutan"]).default("perubahan"),
  paper: z.enum(["A4", "F4"]).default("F4"),
  font: z.string().trim().min(1).max(100).default("Bookman Old Style"),
});

export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;

export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = organizationSettingsSchema.parse({});

/** Stored settings read back; anything unreadable falls back to the defaults rather than failing a request. */
export function readOrganizationSettings(stored: unknown): OrganizationSettings {
  const r = organizationSettingsSchema.safeParse(stored ?? {});
  return r.success ? r.data : DEFAULT_ORGANIZATION_SETTINGS;
}

/**
 * The register series a template numbers in: its classification code (kode klasifikasi arsip,
 * the leading "800" or "188.45" before the first "/"), or "" when it has none. The organisation's
 * register runs one counter per series and calendar year (indonesia.md §1.4).
 */
export function decreeSeries(template: string): string {
  const first = template.trim().split("/")[0] ?? "";
  return /^\d+(?:\.\d+)*$/.test(first) ? first : "";
}

const ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** The decree number for the counter'th decree of `year` (month 1–12). */
export function formatDecreeNumber(template: string, values: { counter: number; year: number; month: number; unitCode?: string }): string {
  return template.replace(DECREE_TEMPLATE_PLACEHOLDER, (_m, key: string) => {
    if (key.startsWith("counter")) {
      const width = key.includes(":") ? Number(key.slice(8)) : 0;
      return String(values.counter).padStart(width, "0");
    }
    if (key === "year") return String(values.year);
    if (key === "month") return ROMAN_MONTHS[values.month - 1] ?? String(values.month);
    return values.unitCode ?? "";
  }).replace(/\/{2,}/g, "/");
}

/**
 * The plan as the documents print it: the organisation's letterhead fills the fields the plan
 * leaves empty, and its paper and font apply where the plan names none. The plan's own values win.
 */
export function applyOrganizationSettings(plan: Plan, settings: OrganizationSettings): Plan {
  const o = plan.organization;
  const l = settings.letterhead;
  return {
    ...plan,
    organization: {
      ...o,
      government: o.government ?? l.government,
      region: o.region ?? l.region,
      address: o.address ?? l.address,
      phone: o.phone ?? l.phone,
      website: o.website ?? l.website,
      email: o.email ?? l.email,
      paper: o.paper ?? settings.paper,
      font: o.font ?? settings.font,
    },
  };
}
