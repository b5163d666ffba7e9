// The plan interchange format v1 (../shared/plan-format.md) as zod schemas.
// Structural rules live here; cross-references and uniqueness are checked in validate.ts,
// because zod reports them poorly (one issue per list instead of one per dangling id).
import { z } from "zod";

export const PLAN_FORMAT_V1 = "rencana-layanan/plan@1" as const;

/** Upper bound on any user text: generous, but stops a 100 MB string from reaching the store. */
export const MAX_TEXT = 20_000;

const text = z.string().max(MAX_TEXT);
const name = z.string().min(1).max(MAX_TEXT);
const id = z.string().min(1).max(200);

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
  unit: text,
  government: text.optional(),
  region: text.optional(),
  address: text.optional(),
  phone: text.optional(),
  website: text.optional(),
  email: text.optional(),
  /** Paper for generated documents; F4 (215 × 330 mm) is the regional-government default. */
  paper: z.enum(["A4", "F4"]).optional(),
  /** Font for generated documents; default Bookman Old Style. */
  font: z.string().min(1).max(100).optional(),
});

export const SERVICE_PATTERNS = ["fungsional", "terpusat", "terpadu-satu-atap", "terpadu-satu-pintu", "gugus-tugas"] as const;

export const serviceSchema = z.strictObject({
  name: text,
  pattern: z.enum(SERVICE_PATTERNS),
  description: text.optional(),
});

export const targetGroupSchema = z.strictObject({
  id,
  name,
  size: z.number().int().min(0).max(1_000_000_000),
  area: text.optional(),
  needs: text.optional(),
});

export const FACTOR_KINDS = ["strength", "weakness", "opportunity", "threat"] as const;
export const STRATEGY_KINDS = ["SO", "WO", "ST", "WT"] as const;

export const factorSchema = z.strictObject({
  id,
  kind: z.enum(FACTOR_KINDS),
  text: name,
  weight: z.number().finite().min(0).max(1).optional(),
  rating: z.number().finite().min(1).max(4).optional(),
});

export const analysisSchema = z.strictObject({
  factors: z.array(factorSchema),
  assumptions: z.array(z.strictObject({ id, text: name })),
  strategies: z.array(z.strictObject({ id, kind: z.enum(STRATEGY_KINDS), text: name, factorIds: z.array(id) })),
});

export const directionSchema = z.strictObject({
  vision: text,
  missions: z.array(text),
  goals: z.array(z.strictObject({ id, text: name })),
  targets: z.array(z.strictObject({ id, goalId: id, text: name, indicator: text, targetValue: text })),
  policies: z.array(text),
  programs: z.array(z.strictObject({ id, name })),
});

export const LINK_TYPES = ["FS", "SS", "FF", "SF"] as const;
export const HORIZONS = ["pendek", "menengah", "panjang"] as const;

export const calendarSchema = z.strictObject({
  workWeek: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  nationalHolidays: z.boolean(),
  holidays: z.array(z.strictObject({ date: isoDate, name: text })),
  workingDays: z.array(z.strictObject({ date: isoDate, name: text })),
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
  unit: text,
  available: nonNegative,
});

export const assignmentSchema = z.strictObject({ activityId: id, resourceId: id, quantity: nonNegative });

export const budgetLineSchema = z.strictObject({
  id,
  activityId: id,
  item: name,
  volume: nonNegative.max(1_000_000_000),
  unit: text,
  unitPrice: rupiah,
  taxPercent: percent.optional(),
  account: text.optional(),
  source: text.optional(),
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

export const TEAM_ROLES = ["pengarah", "penanggung-jawab", "ketua", "sekretaris", "anggota"] as const;

export const teamMemberSchema = z.strictObject({
  id,
  name,
  nip: text.optional(),
  rank: text.optional(),
  position: text,
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
  channel: text,
  frequency: text,
  ownerId: id.optional(),
  principles: z.array(z.enum(PRINCIPLES)),
});

export const CAPACITIES = ["definitive", "plt", "plh", "an"] as const;

export const decreeSchema = z.strictObject({
  issuerTitle: text,
  subject: text.optional(),
  number: text.optional(),
  place: text,
  date: isoDate.optional(),
  signatory: z.strictObject({
    name: text,
    nip: text.optional(),
    rank: text.optional(),
    position: text,
    capacity: z.enum(CAPACITIES).optional(),
    onBehalfOf: text.optional(),
  }),
  considerations: z.array(text),
  legalBases: z.array(text),
  dictums: z.array(text),
  copiesTo: z.array(text),
});

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
    organization: text.optional(),
    assets: text.optional(),
    adaptiveness: text.optional(),
    culture: text.optional(),
  }),
  mobilization: z.array(mobilizationSchema),
  team: z.array(teamMemberSchema),
  teamProcedures: text.optional(),
  stakeholders: z.array(stakeholderSchema),
  communication: z.array(communicationSchema),
  decree: decreeSchema,
});

export type Plan = z.infer<typeof planSchema>;
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
