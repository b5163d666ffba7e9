// The service standard (standar pelayanan) of a plan's service, an optional section of format v1:
// the 14 components of UU 25/2009 art. 21, grouped as Permenpan RB 15/2014 groups them, and the
// record of the process that sets it (persiapan … evaluasi). Structure where it helps: lists,
// ordered steps, amounts with units; text elsewhere.
import { z } from "zod";
import { checkNip } from "../decree/officials.js";

// The same limits as the rest of format v1 (TEXT_LIMITS in ../plan/schema.ts, which imports this
// file, so the numbers are repeated here rather than imported in a cycle).
const LIMIT = { id: 200, name: 200, short: 300, text: 2_000, long: 8_000 } as const;
const short = z.string().max(LIMIT.short);
const text = z.string().max(LIMIT.text);
const long = z.string().max(LIMIT.long);
const statement = z.string().min(1).max(LIMIT.text);
const name = z.string().min(1).max(LIMIT.name);
const id = z.string().min(1).max(LIMIT.id);
const isoDate = z
  .string()
  .max(10)
  .refine((s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    const mo = Number(m[2]), d = Number(m[3]);
    return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(Number(m[1]), mo, 0)).getUTCDate();
  }, { message: "date.invalid" });

export const TIME_UNITS = ["menit", "jam", "hari", "hari-kerja"] as const;
export const TIME_UNIT_LABELS: Record<(typeof TIME_UNITS)[number], string> = { menit: "menit", jam: "jam", hari: "hari", "hari-kerja": "hari kerja" };

/** A public page address: lower-case words joined by hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const duration = z.strictObject({ value: z.number().finite().min(0).max(100_000), unit: z.enum(TIME_UNITS) });
const dated = z.strictObject({ date: isoDate.optional(), notes: long.optional() });

export const serviceStandardSchema = z.strictObject({
  /** The public page's address: /layanan/<slug>. */
  slug: z.string().max(100).regex(SLUG_PATTERN, { message: "huruf kecil, angka dan tanda hubung, mis. adminduk-keliling (lower-case letters, digits and hyphens)" }).optional(),

  // Penyampaian pelayanan (published to citizens)
  /** 2. Persyaratan. */
  requirements: z.array(statement),
  /** 3. Sistem, mekanisme dan prosedur: ordered steps (drawn as a flowchart). */
  procedure: z.array(z.strictObject({ id, text: statement, actor: short.optional(), duration: duration.optional() })),
  /** 4. Jangka waktu penyelesaian. */
  completionTime: duration.optional(),
  /** 5. Biaya/tarif: whole Rupiah; 0 is "Rp0 / gratis". */
  cost: z.strictObject({ amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), basis: text.optional() }).optional(),
  /** 6. Produk pelayanan. */
  products: z.array(statement),
  /** 10. Penanganan pengaduan, saran dan masukan. */
  complaints: z
    .strictObject({
      address: short.optional(),
      phone: short.optional(),
      email: short.optional(),
      web: short.optional(),
      /** Working days within which a complaint is answered. */
      responseDays: z.number().int().min(1).max(365).optional(),
    })
    .optional(),

  // Pengelolaan pelayanan (internal)
  /** 1. Dasar hukum. */
  legalBases: z.array(statement),
  /** 7. Sarana, prasarana dan/atau fasilitas. */
  facilities: z.array(statement),
  /** 8. Kompetensi pelaksana. */
  competence: text.optional(),
  /** 9. Pengawasan internal. */
  internalSupervision: text.optional(),
  /** 11. Jumlah pelaksana. */
  staffCount: z.number().int().min(0).max(1_000_000).optional(),
  /** 12. Jaminan pelayanan. */
  serviceGuarantee: text.optional(),
  /** 13. Jaminan keamanan dan keselamatan pelayanan. */
  safetyGuarantee: text.optional(),
  /** 14. Evaluasi kinerja pelaksana. */
  performanceEvaluation: text.optional(),

  /** Shown on the public page beside the unit's address. */
  serviceHours: short.optional(),
  /** Signs the maklumat; without it, the plan's decree signatory. */
  unitHead: z.strictObject({ name: z.string().max(LIMIT.name), nip: short.refine((v) => v.trim() === "" || checkNip(v).ok, { message: "nip.invalid" }).optional(), position: short }).optional(),

  /** The process of Permenpan RB 15/2014. */
  process: z
    .strictObject({
      preparation: dated.optional(),
      draft: dated.optional(),
      forum: z
        .strictObject({
          date: isoDate.optional(),
          place: short.optional(),
          participants: z.array(z.strictObject({ id, name, group: short })),
          /** Inputs received and how each was followed up: the berita acara. */
          inputs: z.array(z.strictObject({ id, from: short.optional(), text: statement, followUp: text.optional() })),
        })
        .optional(),
      adoption: z.strictObject({ date: isoDate.optional(), number: short.optional() }).optional(),
      application: dated.optional(),
      evaluation: dated.optional(),
    })
    .optional(),
});

export type ServiceStandard = z.infer<typeof serviceStandardSchema>;
export type Duration = z.infer<typeof duration>;

/** The 14 components in the order of UU 25/2009 art. 21, with their group and field. */
export const COMPONENTS = [
  { no: 1, key: "legalBases", group: "pengelolaan", label: { id: "Dasar hukum", en: "Legal basis" } },
  { no: 2, key: "requirements", group: "penyampaian", label: { id: "Persyaratan", en: "Requirements" } },
  { no: 3, key: "procedure", group: "penyampaian", label: { id: "Sistem, mekanisme, dan prosedur", en: "System, mechanism and procedure" } },
  { no: 4, key: "completionTime", group: "penyampaian", label: { id: "Jangka waktu penyelesaian", en: "Completion time" } },
  { no: 5, key: "cost", group: "penyampaian", label: { id: "Biaya/tarif", en: "Cost/tariff" } },
  { no: 6, key: "products", group: "penyampaian", label: { id: "Produk pelayanan", en: "Service product" } },
  { no: 7, key: "facilities", group: "pengelolaan", label: { id: "Sarana, prasarana, dan/atau fasilitas", en: "Facilities" } },
  { no: 8, key: "competence", group: "pengelolaan", label: { id: "Kompetensi pelaksana", en: "Staff competence" } },
  { no: 9, key: "internalSupervision", group: "pengelolaan", label: { id: "Pengawasan internal", en: "Internal supervision" } },
  { no: 10, key: "complaints", group: "penyampaian", label: { id: "Penanganan pengaduan, saran, dan masukan", en: "Complaints, suggestions and feedback" } },
  { no: 11, key: "staffCount", group: "pengelolaan", label: { id: "Jumlah pelaksana", en: "Number of staff" } },
  { no: 12, key: "serviceGuarantee", group: "pengelolaan", label: { id: "Jaminan pelayanan", en: "Service guarantee" } },
  { no: 13, key: "safetyGuarantee", group: "pengelolaan", label: { id: "Jaminan keamanan dan keselamatan pelayanan", en: "Security and safety guarantee" } },
  { no: 14, key: "performanceEvaluation", group: "pengelolaan", label: { id: "Evaluasi kinerja pelaksana", en: "Staff performance evaluation" } },
] as const satisfies readonly { no: number; key: keyof ServiceStandard; group: "penyampaian" | "pengelolaan"; label: { id: string; en: string } }[];

export type ComponentKey = (typeof COMPONENTS)[number]["key"];
