// Validation of a format v1 document: structure (zod) first, then the rules zod cannot say
// well — ids unique per list and every reference resolved — each as one error with a path.
import { z } from "zod";
import { checkNip, rankMessage } from "../decree/officials.js";
import { msg, type Bilingual, type PlanError } from "../messages.js";
import { realizationErrors } from "../realization/validate.js";
import { lineAmount } from "../stages/budget.js";
import { DIFF_FIELD_LABELS } from "./diff.js";
import { PLAN_FORMAT_V1, planSchema, type Plan } from "./schema.js";

export type ValidationResult = { ok: true; plan: Plan; errors: [] } | { ok: false; errors: PlanError[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** Parses JSON text and validates it; a syntax error is reported like any other error. */
export function validatePlanText(textInput: string): ValidationResult {
  let data: unknown;
  try {
    data = JSON.parse(textInput);
  } catch (e) {
    return { ok: false, errors: [{ path: "", code: "json.invalid", message: msg.jsonInvalid((e as Error).message) }] };
  }
  return validatePlan(data);
}

export function validatePlan(input: unknown): ValidationResult {
  if (input && typeof input === "object" && !Array.isArray(input)) {
    const format = (input as Record<string, unknown>).format;
    if (typeof format === "string" && format !== PLAN_FORMAT_V1) {
      return { ok: false, errors: [{ path: "format", code: "format.unsupported", message: msg.formatUnsupported(format) }] };
    }
  }
  const parsed = planSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.flatMap((issue) => zodIssueToErrors(issue, input, planFieldLabel)) };
  }
  const errors = [...checkCharacters(parsed.data), ...checkReferences(parsed.data)];
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, plan: parsed.data, errors: [] };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

function jsonTypeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

/** Maps a zod issue to our catalog; exported for the HTTP and CLI edges that use zod too. */
export function zodIssueToErrors(
  issue: z.core.$ZodIssue,
  input: unknown,
  labelOf: (path: readonly PropertyKey[]) => Bilingual | undefined = () => undefined,
): PlanError[] {
  const path = formatPath(issue.path);
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case "invalid_type": {
      if (value === undefined) return [{ path, code: "field.required", message: msg.required() }];
      if (issue.expected === "int") return [{ path, code: "number.integer", message: msg.notInteger() }];
      return [{ path, code: "type.invalid", message: msg.wrongType(issue.expected, jsonTypeOf(value)) }];
    }
    case "invalid_value":
      return [{ path, code: "value.enum", message: msg.enumValue(value, issue.values) }];
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        path: path ? `${path}.${key}` : key,
        code: "field.unknown" as const,
        message: msg.unknownField(key),
      }));
    case "too_small":
      if (issue.origin === "string") return [{ path, code: "string.empty", message: msg.stringEmpty() }];
      if (issue.origin === "array") return [{ path, code: "array.tooShort", message: msg.arrayTooShort(issue.minimum) }];
      return [{ path, code: "number.min", message: msg.numberMin(issue.minimum) }];
    case "too_big":
      if (issue.origin === "string") {
        const length = typeof value === "string" ? value.length : undefined;
        return [{ path, code: "string.tooLong", message: msg.fieldTooLong(labelOf(issue.path), issue.maximum, length) }];
      }
      if (issue.origin === "array") return [{ path, code: "array.tooLong", message: msg.arrayTooLong(issue.maximum) }];
      return [{ path, code: "number.max", message: msg.numberMax(issue.maximum) }];
    case "custom":
      if (issue.message === "date.invalid") return [{ path, code: "date.invalid", message: msg.dateInvalid(value) }];
      if (issue.message === "nip.invalid" && typeof value === "string") {
        const check = checkNip(value);
        if (!check.ok) return [{ path, code: "nip.invalid", message: labelled(labelOf(issue.path), check.message) }];
      }
      if (issue.message === "rank.invalid" && typeof value === "string") return [{ path, code: "rank.invalid", message: labelled(labelOf(issue.path), rankMessage(value)) }];
      return [{ path, code: "value.invalid", message: msg.valueInvalid(issue.message) }];
    default:
      return [{ path, code: "value.invalid", message: msg.valueInvalid(issue.message) }];
  }
}

/** "NIP penandatangan: …" — the message with the field's label in front, when known. */
function labelled(label: Bilingual | undefined, m: Bilingual): Bilingual {
  return label ? { id: `${label.id}: ${m.id}`, en: `${label.en}: ${m.en}` } : m;
}

/** The field's label for people ("nama kegiatan"), or undefined when the path is not a plan field. */
export function planFieldLabel(path: readonly PropertyKey[]): Bilingual | undefined {
  const key = path.filter((s): s is string => typeof s === "string").join(".");
  return DIFF_FIELD_LABELS[key];
}

/**
 * Characters no document may carry: C0/C1 controls other than tab and line breaks, DEL, the
 * noncharacters U+FFFE/U+FFFF, and the bidi embeddings, overrides and isolates (U+202A–202E,
 * U+2066–2069), which reorder what a reader sees without changing what is stored.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/u;

const CHARACTER_NAMES: Record<number, string> = {
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
};

function describeCharacter(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = CHARACTER_NAMES[cp];
  return name ? `${code} (${name})` : code;
}

/** One error per text field that holds a forbidden character, naming the field and the character. */
function checkCharacters(plan: Plan): PlanError[] {
  const errors: PlanError[] = [];
  const visit = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value === "string") {
      const m = FORBIDDEN_CHARACTER.exec(value);
      if (m) {
        const at = [...value.slice(0, m.index)].length + 1;
        errors.push({ path: formatPath(path), code: "text.forbiddenCharacter", message: msg.forbiddenCharacter(planFieldLabel(path), describeCharacter(m[0]), at) });
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
  };
  visit(plan, []);
  return errors;
}

/** Whether the parts of `after` that are not shared with `before` are free of forbidden characters. */
function charactersHold(before: unknown, after: unknown): boolean {
  if (after === before) return true;
  if (typeof after === "string") return !FORBIDDEN_CHARACTER.test(after);
  if (Array.isArray(after)) {
    const old = Array.isArray(before) ? before : [];
    return after.every((v, i) => charactersHold(old[i], v));
  }
  if (after && typeof after === "object") {
    const old = before && typeof before === "object" ? (before as Record<string, unknown>) : {};
    return Object.entries(after).every(([k, v]) => charactersHold(old[k], v));
  }
  return true;
}

type Indexed = { id: string };

// The full check below is the reference for validatePlanChange's REFERENCES table: a reference
// added here must be added there too (the property test in validate.test.ts compares the two).
function checkReferences(plan: Plan): PlanError[] {
  const errors: PlanError[] = [];

  const index = (list: readonly Indexed[], listPath: string): Set<string> => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        errors.push({ path: `${listPath}[${i}].id`, code: "id.duplicate", message: msg.idDuplicate(item.id, `${listPath}[${first}]`) });
      } else seen.set(item.id, i);
    });
    return new Set(seen.keys());
  };
  const ref = (ids: Set<string>, value: string | undefined, path: string, listPath: string) => {
    if (value !== undefined && !ids.has(value)) {
      errors.push({ path, code: "reference.missing", message: msg.referenceMissing(value, listPath) });
    }
  };

  const targetGroups = index(plan.targetGroups, "targetGroups");
  void targetGroups;
  const factors = index(plan.analysis.factors, "analysis.factors");
  index(plan.analysis.assumptions, "analysis.assumptions");
  const strategies = index(plan.analysis.strategies, "analysis.strategies");
  const goals = index(plan.direction.goals, "direction.goals");
  const targets = index(plan.direction.targets, "direction.targets");
  const programs = index(plan.direction.programs, "direction.programs");
  const activities = index(plan.activities, "activities");
  const resources = index(plan.resources, "resources");
  const budgetLines = index(plan.budget, "budget");
  index(plan.mobilization, "mobilization");
  const team = index(plan.team, "team");
  const stakeholders = index(plan.stakeholders, "stakeholders");
  index(plan.communication, "communication");
  if (plan.serviceStandard) {
    index(plan.serviceStandard.procedure, "serviceStandard.procedure");
    index(plan.serviceStandard.process?.forum?.participants ?? [], "serviceStandard.process.forum.participants");
    index(plan.serviceStandard.process?.forum?.inputs ?? [], "serviceStandard.process.forum.inputs");
  }

  plan.analysis.strategies.forEach((s, i) =>
    s.factorIds.forEach((f, j) => ref(factors, f, `analysis.strategies[${i}].factorIds[${j}]`, "analysis.factors")),
  );
  plan.direction.targets.forEach((t, i) => ref(goals, t.goalId, `direction.targets[${i}].goalId`, "direction.goals"));

  const seenDays = new Set<number>();
  plan.calendar.workWeek.forEach((d, i) => {
    if (seenDays.has(d)) errors.push({ path: `calendar.workWeek[${i}]`, code: "value.duplicate", message: msg.valueDuplicate(d) });
    seenDays.add(d);
  });

  plan.activities.forEach((a, i) => {
    const p = `activities[${i}]`;
    ref(programs, a.programId, `${p}.programId`, "direction.programs");
    ref(targets, a.targetId, `${p}.targetId`, "direction.targets");
    a.strategyIds?.forEach((s, j) => ref(strategies, s, `${p}.strategyIds[${j}]`, "analysis.strategies"));
    ref(team, a.ownerId, `${p}.ownerId`, "team");
    a.dependsOn.forEach((d, j) => {
      const dp = `${p}.dependsOn[${j}].activityId`;
      if (d.activityId === a.id) {
        errors.push({
          path: dp,
          code: "value.invalid",
          message: { id: `kegiatan "${a.id}" tidak boleh bergantung pada dirinya sendiri`, en: `activity "${a.id}" cannot depend on itself` },
        });
      } else ref(activities, d.activityId, dp, "activities");
    });
  });
  plan.assignments.forEach((a, i) => {
    ref(activities, a.activityId, `assignments[${i}].activityId`, "activities");
    ref(resources, a.resourceId, `assignments[${i}].resourceId`, "resources");
  });
  plan.budget.forEach((b, i) => {
    ref(activities, b.activityId, `budget[${i}].activityId`, "activities");
    // Each field may be in range while the product is not: money must stay an exact integer.
    if (!Number.isSafeInteger(lineAmount(b))) {
      errors.push({
        path: `budget[${i}].unitPrice`,
        code: "number.max",
        message: {
          id: "jumlah baris (volume × harga satuan + pajak) terlalu besar untuk dihitung tepat",
          en: "the line amount (volume × unit price + tax) is too large to compute exactly",
        },
      });
    }
  });
  plan.communication.forEach((c, i) => {
    ref(stakeholders, c.stakeholderId, `communication[${i}].stakeholderId`, "stakeholders");
    ref(team, c.ownerId, `communication[${i}].ownerId`, "team");
  });
  errors.push(...realizationErrors(plan, activities, budgetLines));
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Validation of an edit: what the edit can affect, not the whole plan.

/** What points at what between id lists (the same references checkReferences resolves). */
type Reference = { from: string; to: string; ids: (item: Record<string, unknown>) => readonly unknown[] };
const REFERENCES: readonly Reference[] = [
  { from: "analysis.strategies", to: "analysis.factors", ids: (s) => s.factorIds as string[] },
  { from: "direction.targets", to: "direction.goals", ids: (t) => [t.goalId] },
  { from: "activities", to: "direction.programs", ids: (a) => [a.programId] },
  { from: "activities", to: "direction.targets", ids: (a) => [a.targetId] },
  { from: "activities", to: "analysis.strategies", ids: (a) => (a.strategyIds as string[] | undefined) ?? [] },
  { from: "activities", to: "team", ids: (a) => [a.ownerId] },
  { from: "activities", to: "activities", ids: (a) => (a.dependsOn as { activityId: string }[]).map((d) => d.activityId) },
  { from: "assignments", to: "activities", ids: (a) => [a.activityId] },
  { from: "assignments", to: "resources", ids: (a) => [a.resourceId] },
  { from: "budget", to: "activities", ids: (b) => [b.activityId] },
  { from: "communication", to: "stakeholders", ids: (c) => [c.stakeholderId] },
  { from: "communication", to: "team", ids: (c) => [c.ownerId] },
];

/** Lists whose items carry an id that must be unique in the list. */
const ID_LISTS = new Set([
  "targetGroups",
  "analysis.factors",
  "analysis.assumptions",
  "analysis.strategies",
  "direction.goals",
  "direction.targets",
  "direction.programs",
  "activities",
  "resources",
  "budget",
  "mobilization",
  "team",
  "stakeholders",
  "communication",
]);

type Obj = Record<string, unknown>;
/** Items of one list that are new (or edited) and that are gone (or were edited), by object identity. */
type ListChange = { added: Obj[]; removed: Obj[] };

function isPlainObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function listAt(plan: unknown, path: string): Obj[] {
  let cur: unknown = plan;
  for (const k of path.split(".")) cur = (cur as Obj)[k];
  return cur as Obj[];
}

const lengthOnly = new WeakMap<z.ZodType, z.ZodType>();
/** The array schema with its length rules and `unknown` items: checks the list, not each item. */
function lengthSchema(schema: z.ZodArray): z.ZodType {
  let s = lengthOnly.get(schema);
  if (!s) lengthOnly.set(schema, (s = schema.clone({ ...schema._zod.def, element: z.unknown() })));
  return s;
}

/**
 * Structure (zod) of what differs from `before`, by object identity: an unchanged part is the
 * same object and is skipped; a changed list item is parsed as a whole with the item schema.
 * Records, per list of objects, the items added and removed. False at the first problem.
 */
function structureHolds(schema: z.ZodType, before: unknown, after: unknown, path: string, lists: Map<string, ListChange>): boolean {
  if (after === before) return true;
  const def = (schema as z.ZodType & { _zod: { def: Record<string, unknown> } })._zod.def as { type: string; checks?: unknown[] } & Record<string, unknown>;
  const plain = !def.checks || def.checks.length === 0;
  if (def.type === "optional") return after === undefined || structureHolds(def.innerType as z.ZodType, before, after, path, lists);
  if (def.type === "object" && plain && isPlainObject(after) && (def.catchall as z.ZodType | undefined)?._zod.def.type === "never") {
    const shape = def.shape as Record<string, z.ZodType>;
    for (const k of Object.keys(after)) if (!Object.prototype.hasOwnProperty.call(shape, k)) return false;
    const old = isPlainObject(before) ? before : {};
    for (const k of Object.keys(shape)) if (!structureHolds(shape[k] as z.ZodType, old[k], after[k], path ? `${path}.${k}` : k, lists)) return false;
    return true;
  }
  const element = def.element as z.ZodType | undefined;
  if (def.type === "array" && element?._zod.def.type === "object" && Array.isArray(after)) {
    if (!plain && !lengthSchema(schema as z.ZodArray).safeParse(after).success) return false;
    const old = Array.isArray(before) ? (before as Obj[]) : [];
    const oldItems = new Set<unknown>(old);
    const newItems = new Set<unknown>(after);
    const change: ListChange = { added: [], removed: old.filter((x) => !newItems.has(x)) };
    for (const item of after) {
      if (oldItems.has(item)) continue;
      if (!element.safeParse(item).success) return false;
      change.added.push(item as Obj);
    }
    lists.set(path, change);
    return true;
  }
  // A part walked no deeper (a list item, a value, an object with its own rules): parsed whole.
  // If it is a section that may hold id lists, the lists it changed are not known: check every reference.
  if (def.type === "object") lists.set(WHOLE, { added: [], removed: [] });
  return schema.safeParse(after).success;
}

/** Marks a change whose lists were parsed whole rather than walked. */
const WHOLE = "*";

/** The id-level rules of checkReferences, for the changed items and what points into them. */
function referencesHold(before: Plan, after: Plan, lists: Map<string, ListChange>): boolean {
  if (lists.has(WHOLE)) return checkReferences(after).length === 0;
  // Realisation reports point into activities and the RAB from nested lists: check them in full
  // when they change or when those lists do.
  if (after.realization !== undefined && (after.realization !== before.realization || lists.has("activities") || lists.has("budget"))) return checkReferences(after).length === 0;
  const idSets = new Map<string, Set<unknown>>();
  const idsOf = (path: string) => {
    let ids = idSets.get(path);
    if (!ids) idSets.set(path, (ids = new Set(listAt(after, path).map((i) => i.id))));
    return ids;
  };
  for (const [path, change] of lists) {
    if (ID_LISTS.has(path)) {
      if (change.added.length > 0) {
        // Unique ids: each new item's id appears once in the list.
        const count = new Map<unknown, number>();
        for (const item of listAt(after, path)) count.set(item.id, (count.get(item.id) ?? 0) + 1);
        if (change.added.some((i) => count.get(i.id) !== 1)) return false;
      }
      // References into the list: no id that is gone may still be used.
      const gone = change.removed.filter((i) => !idsOf(path).has(i.id)).map((i) => i.id);
      if (gone.length > 0) {
        const goneIds = new Set(gone);
        for (const r of REFERENCES) {
          if (r.to !== path) continue;
          for (const item of listAt(after, r.from)) if (r.ids(item).some((id) => id !== undefined && goneIds.has(id))) return false;
        }
      }
    }
    // References out of the new items.
    for (const r of REFERENCES) {
      if (r.from !== path || change.added.length === 0) continue;
      const targets = idsOf(r.to);
      for (const item of change.added) if (r.ids(item).some((id) => id !== undefined && !targets.has(id))) return false;
    }
    if (path === "activities" && change.added.some((a) => (a.dependsOn as { activityId: string }[]).some((d) => d.activityId === a.id))) return false;
    if (path === "budget" && change.added.some((b) => !Number.isSafeInteger(lineAmount(b as Plan["budget"][number])))) return false;
  }
  if (after.calendar.workWeek !== before.calendar.workWeek && new Set(after.calendar.workWeek).size !== after.calendar.workWeek.length) return false;
  return true;
}

/**
 * Validates an edited plan against the valid plan it was edited from, looking only at what
 * differs: `after` must share every untouched part with `before` (applyJsonPatch does), so the
 * cost follows the edit, not the plan. It agrees with validatePlan (property-tested); when
 * anything is wrong it returns validatePlan's errors, so messages and paths are the same.
 */
export function validatePlanChange(before: Plan, after: unknown): ValidationResult {
  if (after === before) return { ok: true, plan: before, errors: [] };
  const lists = new Map<string, ListChange>();
  if (!structureHolds(planSchema, before, after, "", lists) || !referencesHold(before, after as Plan, lists) || !charactersHold(before, after)) {
    return validatePlan(after);
  }
  return { ok: true, plan: after as Plan, errors: [] };
}
