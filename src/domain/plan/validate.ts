// Validation of a format v1 document: structure (zod) first, then the rules zod cannot say
// well — ids unique per list and every reference resolved — each as one error with a path.
import type { z } from "zod";
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
  const errors = checkReferences(parsed.data);
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
      return [{ path, code: "value.invalid", message: msg.valueInvalid(issue.message) }];
    default:
      return [{ path, code: "value.invalid", message: msg.valueInvalid(issue.message) }];
  }
}

/** The field's label for people ("nama kegiatan"), or undefined when the path is not a plan field. */
export function planFieldLabel(path: readonly PropertyKey[]): Bilingual | undefined {
  const key = path.filter((s): s is string => typeof s === "string").join(".");
  return DIFF_FIELD_LABELS[key];
}

type Indexed = { id: string };

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
