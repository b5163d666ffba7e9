// The plan interchange format v1 (docs/plan-format.md) as zod schemas.
// Structural rules live here; cross-references and uniqueness are checked in validate.ts,
// because zod reports them poorly (one issue per list instead of one per dangling id).
import { z } from "zod";
import { checkNip, parsePangkat, POSITION_LEVELS } from "../decree/officials.js";
import { serviceStandardSchema } from "../service/standard-schema.js";

export const PLAN_FORMAT_V1 = "rencana-layanan/plan@1" as const;

/**
 * Length limits of user text in format v1, in characters, by kind of field (docs/plan-format.md).
 * They keep one plan small enough to store, diff and render quickly (a document of 100 groups
 * with 20,000-character texts took minutes to print). The web workspace shows counters from
 * them: `textLimitAt(schemaPath)` gives the limit of one field.
 */
export const TEXT_LIMITS = {
  /** Ids and references: "k3", "go1". */
  id: 200,
  /** Names and titles: a plan title, an activity or a person's name. */
  name: 200,
  /** Short texts: a unit, NIP, rank, position, phone, an indicator, a channel. */
  short: 300,
  /** Statements: a SWOT factor, a goal, a mission, a duty, a consideration, a note. */
  text: 2_000,
  /** Long prose: the service description, the team procedures, the resource strategy. */
  long: 8_000,
} as const;
export type TextLimitKind = keyof typeof TEXT_LIMITS;

/** Upper bound on any user text in a plan (the longest kind). */
export const MAX_TEXT = TEXT_LIMITS.long;

const id = z.string().min(1).max(TEXT_LIMITS.id);
/** A required name (must not be empty). */
const name = z.string().min(1).max(TEXT_LIMITS.name);
/** A name that a draft may leave empty. */
const nameOrEmpty = z.string().max(TEXT_LIMITS.name);
const short = z.string().max(TEXT_LIMITS.short);
/** A required statement (must not be empty). */
const statement = z.string().min(1).max(TEXT_LIMITS.text);
const text = z.string().max(TEXT_LIMITS.text);
const long = z.string().max(TEXT_LIMITS.long);

/** A real calendar day written YYYY-MM-DD (rejects 2027-02-30). */
export const isoDate = z.string().refine(isValidIsoDate, { message: "date.invalid" });

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= dim;
}

const nonNegative = z.number().finite().min(0);
const rupiah = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const percent = z.number().finite().min(0).max(100);

export const organizationSchema = z.strictObject({
  name: name,
  unit: nameOrEmpty,
  government: nameOrEmpty.optional(),
  region: short.optional(),
  address: short.optional(),
  phone: short.optional(),
  website: short.optional(),
  email: short.optional(),
  /** Paper for generated documents; F4 (215 × 330 mm) is the regional-government default. */
  paper: z.enum(["A4", "F4"]).optional(),
  /** Font for generated documents; default Bookman Old Style. */
  font: z.string().min(1).max(100).optional(),
});

export const SERVICE_PATTERNS = ["fungsional", "terpusat", "terpadu-satu-atap", "terpadu-satu-pintu", "gugus-tugas"] as const;

export const serviceSchema = z.strictObject({
  name: nameOrEmpty,
  pattern: z.enum(SERVICE_PATTERNS),
  description: long.optional(),
});

export const targetGroupSchema = z.strictObject({
  id,
  name,
  size: z.number().int().min(0).max(1_000_000_000),
  area: short.optional(),
  needs: text.optional(),
});

export const FACTOR_KINDS = ["strength", "weakness", "opportunity", "threat"] as const;
export const STRATEGY_KINDS = ["SO", "WO", "ST", "WT"] as const;

export const factorSchema = z.strictObject({
  id,
  kind: z.enum(FACTOR_KINDS),
  text: statement,
  weight: z.number().finite().min(0).max(1).optional(),
  rating: z.number().finite().min(1).max(4).optional(),
});

export const analysisSchema = z.strictObject({
  factors: z.array(factorSchema),
  assumptions: z.array(z.strictObject({ id, text: statement })),
  strategies: z.array(z.strictObject({ id, kind: z.enum(STRATEGY_KINDS), text: statement, factorIds: z.array(id) })),
});

export const directionSchema = z.strictObject({
  vision: text,
  missions: z.array(text),
  goals: z.array(z.strictObject({ id, text: statement })),
  targets: z.array(z.strictObject({ id, goalId: id, text: statement, indicator: short, targetValue: short })),
  policies: z.array(text),
  programs: z.array(z.strictObject({ id, name })),
});

export const LINK_TYPES = ["FS", "SS", "FF", "SF"] as const;
export const HORIZONS = ["pendek", "menengah", "panjang"] as const;

export const calendarSchema = z.strictObject({
  workWeek: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  nationalHolidays: z.boolean(),
  holidays: z.array(z.strictObject({ date: isoDate, name: nameOrEmpty })),
  workingDays: z.array(z.strictObject({ date: isoDate, name: nameOrEmpty })),
});

export const dependencySchema = z.strictObject({
  activityId: id,
  type: z.enum(LINK_TYPES),
  lagDays: z.number().int().min(-10_000).max(10_000),
});

export const activitySchema = z.strictObject({
  id,
  name,
  output: text.optional(),
  programId: id.optional(),
  targetId: id.optional(),
  strategyIds: z.array(id).optional(),
  durationDays: z.number().int().min(0).max(100_000),
  dependsOn: z.array(dependencySchema),
  notBefore: isoDate.optional(),
  horizon: z.enum(HORIZONS).optional(),
  ownerId: id.optional(),
  progress: z
    .strictObject({
      percent,
      actualStart: isoDate.optional(),
      actualFinish: isoDate.optional(),
      actualCost: rupiah.optional(),
    })
    .optional(),
});

export const RESOURCE_KINDS = ["people", "facility", "material", "budget"] as const;

export const resourceSchema = z.strictObject({
  id,
  kind: z.enum(RESOURCE_KINDS),
  name,
  unit: short,
  available: nonNegative,
});

export const assignmentSchema = z.strictObject({ activityId: id, resourceId: id, quantity: nonNegative });

export const budgetLineSchema = z.strictObject({
  id,
  activityId: id,
  item: z.string().min(1).max(TEXT_LIMITS.short),
  volume: nonNegative.max(1_000_000_000),
  unit: short,
  unitPrice: rupiah,
  taxPercent: percent.optional(),
  account: short.optional(),
  source: short.optional(),
});

export const MECHANISMS = ["inti-plasma", "subkontrak", "keagenan", "bagi-hasil", "swadaya", "csr"] as const;
export const MOBILIZATION_STAGES = ["cultivating", "first-contact", "appointment", "meeting", "proposal", "follow-up", "deal"] as const;

export const mobilizationSchema = z.strictObject({
  id,
  partner: name,
  mechanism: z.enum(MECHANISMS),
  stage: z.enum(MOBILIZATION_STAGES),
  contribution: text.optional(),
  value: rupiah.optional(),
  nextStep: text.optional(),
  dueDate: isoDate.optional(),
});

/** A NIP: 18 digits (spaces between the groups allowed) by the BKN structure; empty = not given. */
export const nipField = short.refine((v) => v.trim() === "" || v.length > TEXT_LIMITS.short || checkNip(v).ok, { message: "nip.invalid" });
/** A pangkat/golongan from the official list (Juru Muda (I/a) … Pembina Utama (IV/e)); empty = not given. */
export const rankField = short.refine((v) => v.trim() === "" || v.length > TEXT_LIMITS.short || parsePangkat(v) !== undefined, { message: "rank.invalid" });
/** The level of a position: JPT, administrator, pengawas, fungsional, pelaksana (eselon of old). */
export const positionLevel = z.enum(POSITION_LEVELS);

export const TEAM_ROLES = ["pengarah", "penanggung-jawab", "ketua", "sekretaris", "anggota"] as const;

export const teamMemberSchema = z.strictObject({
  id,
  name,
  nip: nipField.optional(),
  rank: rankField.optional(),
  position: short,
  /** The level of the member's position (optional: older plans stay valid). */
  level: positionLevel.optional(),
  role: z.enum(TEAM_ROLES),
  duties: z.array(text),
});

export const stakeholderSchema = z.strictObject({
  id,
  name,
  kind: z.enum(["internal", "external"]),
  power: z.number().int().min(1).max(5),
  interest: z.number().int().min(1).max(5),
  attitude: z.enum(["supportive", "neutral", "opposed"]).optional(),
  notes: text.optional(),
});

export const PRINCIPLES = ["terbuka", "terstruktur", "bersemangat", "seimbang", "profesional", "wording"] as const;

export const communicationSchema = z.strictObject({
  id,
  stakeholderId: id,
  objective: text,
  message: text,
  channel: short,
  frequency: short,
  ownerId: id.optional(),
  principles: z.array(z.enum(PRINCIPLES)),
});

export const CAPACITIES = ["definitive", "plt", "plh", "an"] as const;

/** How a decree replacing an approved one is drafted: an amendment (Perubahan atas …) or a new decree revoking it. */
export const AMENDMENT_KINDS = ["perubahan", "pencabutan"] as const;

/** The approved decree this one amends or replaces, as it was numbered and titled (written at approval). */
export const amendedDecreeSchema = z.strictObject({
  kind: z.enum(AMENDMENT_KINDS),
  number: short.min(1),
  date: isoDate.optional(),
  subject: text,
  issuerTitle: short.optional(),
  /** 2 for the second amendment of the same decree ("Perubahan Kedua atas …"), 3 for the third, …; absent for the first. */
  ordinal: z.number().int().min(2).max(50).optional(),
  /** The amendments already made to the decree cited, oldest first ("sebagaimana telah diubah dengan …"). */
  amendedBy: z.array(z.strictObject({ number: short.min(1), date: isoDate.optional() })).max(50).optional(),
});

export const decreeSchema = z.strictObject({
  issuerTitle: short,
  /** The level of the issuing office (optional; read from a plain title such as "KEPALA DINAS …"). */
  issuerLevel: positionLevel.optional(),
  subject: text.optional(),
  number: short.optional(),
  place: short,
  date: isoDate.optional(),
  signatory: z.strictObject({
    name: nameOrEmpty,
    nip: nipField.optional(),
    rank: rankField.optional(),
    position: short,
    /** The level of the signatory's own (definitive) position; what a.n./Plt./Plh. is checked against. */
    level: positionLevel.optional(),
    capacity: z.enum(CAPACITIES).optional(),
    onBehalfOf: short.optional(),
  }),
  considerations: z.array(text),
  legalBases: z.array(text),
  dictums: z.array(text),
  copiesTo: z.array(short),
  /** Set when an approved plan is amended and approved again: the decree this one amends or replaces. */
  amends: amendedDecreeSchema.optional(),
});

/**
 * Realisation (pengawasan): what was done and spent, reported after approval. Kept apart from the
 * plan proper — reporting never changes the approved plan. Reports may come in any date order;
 * for the same date the later one in the list wins.
 */
export const realizationReportSchema = z.strictObject({
  date: isoDate,
  activities: z.array(
    z.strictObject({
      activityId: id,
      percent,
      actualStart: isoDate.optional(),
      actualFinish: isoDate.optional(),
    }),
  ),
  spending: z.array(
    z.strictObject({
      budgetId: id,
      amount: rupiah,
      /** SP2D or kuitansi number. */
      reference: short.optional(),
      /** When the money was spent; the report's date when absent. */
      date: isoDate.optional(),
    }),
  ),
  /** Kendala (obstacles). */
  note: text.optional(),
  /** Tindak lanjut (follow-up). */
  followUp: text.optional(),
  /** Who reported (a name, as printed). */
  reportedBy: short.optional(),
});

export const realizationSchema = z.strictObject({ reports: z.array(realizationReportSchema).max(10_000) });

export const planSchema = z.strictObject({
  format: z.literal(PLAN_FORMAT_V1),
  title: name,
  fiscalYear: z.number().int().min(2000).max(2100),
  organization: organizationSchema,
  service: serviceSchema,
  targetGroups: z.array(targetGroupSchema),
  analysis: analysisSchema,
  direction: directionSchema,
  start: isoDate,
  calendar: calendarSchema,
  activities: z.array(activitySchema),
  resources: z.array(resourceSchema),
  assignments: z.array(assignmentSchema),
  budget: z.array(budgetLineSchema),
  resourceStrategy: z.strictObject({
    organization: long.optional(),
    assets: long.optional(),
    adaptiveness: long.optional(),
    culture: long.optional(),
  }),
  mobilization: z.array(mobilizationSchema),
  team: z.array(teamMemberSchema),
  teamProcedures: long.optional(),
  stakeholders: z.array(stakeholderSchema),
  communication: z.array(communicationSchema),
  decree: decreeSchema,
  /** The service standard (standar pelayanan) and the process that set it; optional. */
  serviceStandard: serviceStandardSchema.optional(),
  realization: realizationSchema.optional(),
});

export type Plan = z.infer<typeof planSchema>;

/**
 * The length limit of every text field, by schema path: object keys joined by "." with list
 * positions left out ("activities.name", "direction.missions" for each mission). Read from the
 * zod schema itself, so it cannot drift from what validation enforces.
 */
export const PLAN_TEXT_LIMITS: Readonly<Record<string, number>> = collectTextLimits(planSchema);

/** The length limit of the text field at `path` (list positions allowed and ignored), if it is one. */
export function textLimitAt(path: string | readonly PropertyKey[]): number | undefined {
  const segs = typeof path === "string" ? path.split(/[.[\]]+/).filter((s) => s !== "" && !/^\d+$/.test(s)) : path.filter((s) => typeof s === "string");
  return PLAN_TEXT_LIMITS[segs.join(".")];
}

function collectTextLimits(schema: z.ZodType): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (s: z.ZodType, path: string[]): void => {
    if (s instanceof z.ZodOptional) return walk(s.unwrap() as z.ZodType, path);
    if (s instanceof z.ZodArray) return walk(s.element as z.ZodType, path);
    if (s instanceof z.ZodObject) {
      for (const [k, v] of Object.entries(s.shape)) walk(v as z.ZodType, [...path, k]);
      return;
    }
    if (s instanceof z.ZodString && s.maxLength !== null) out[path.join(".")] = s.maxLength;
  };
  walk(schema, []);
  return out;
}
export type Organization = Plan["organization"];
export type TargetGroup = Plan["targetGroups"][number];
export type Factor = Plan["analysis"]["factors"][number];
export type Strategy = Plan["analysis"]["strategies"][number];
export type Activity = Plan["activities"][number];
export type Dependency = Activity["dependsOn"][number];
export type LinkType = Dependency["type"];
export type Calendar = Plan["calendar"];
export type Resource = Plan["resources"][number];
export type Assignment = Plan["assignments"][number];
export type BudgetLine = Plan["budget"][number];
export type Mobilization = Plan["mobilization"][number];
export type TeamMember = Plan["team"][number];
export type TeamRole = TeamMember["role"];
export type Stakeholder = Plan["stakeholders"][number];
export type CommunicationRow = Plan["communication"][number];
export type Decree = Plan["decree"];
export type Realization = NonNullable<Plan["realization"]>;
export type RealizationReport = Realization["reports"][number];
