// Stage 5, the cost plan (RAB): THE place that computes a line's amount, and the totals per
// activity, account (kode rekening) and funding source. Documents and the web app reuse
// `lineAmount` so every total in every output agrees to the Rupiah.
import type { BudgetLine, Plan } from "../plan/schema.js";

/**
 * Amount of one RAB line in whole Rupiah: round(volume × unitPrice × (1 + taxPercent/100)),
 * half up. Computed as (volume × unitPrice × (100 + tax)) / 100 so that integer inputs are
 * exact until the single division (1.11 is not a binary fraction; 111/100 is exact enough).
 */
export function lineAmount(line: Pick<BudgetLine, "volume" | "unitPrice" | "taxPercent">): number {
  const tax = line.taxPercent ?? 0;
  return Math.round((line.volume * line.unitPrice * (100 + tax)) / 100);
}

/** The same line before tax, rounded the same way; tax = lineAmount − lineAmountBeforeTax. */
export function lineAmountBeforeTax(line: Pick<BudgetLine, "volume" | "unitPrice">): number {
  return Math.round(line.volume * line.unitPrice);
}

export type BudgetLineOutput = { id: string; activityId: string; amount: number; tax: number };
export type BudgetGroup<K extends string> = { lineCount: number; amount: number } & Record<K, string | null>;

export type BudgetOutputs = {
  lines: BudgetLineOutput[];
  /** Every activity in plan order (amount 0 when it has no line), then unknown activity ids. */
  perActivity: { activityId: string; activityName: string | null; lineCount: number; amount: number }[];
  /** Grouped by trimmed kode rekening, sorted by code; `account: null` collects lines without one. */
  perAccount: BudgetGroup<"account">[];
  /** Grouped by trimmed funding source, sorted by name; `source: null` collects lines without one. */
  perSource: BudgetGroup<"source">[];
  lineCount: number;
  taxTotal: number;
  /** Σ line amounts — by construction, and the sum of every grouping above. */
  grandTotal: number;
};

function keyOf(text: string | undefined): string | null {
  const t = text?.trim() ?? "";
  return t === "" ? null : t;
}

function group<K extends "account" | "source">(plan: Plan, amounts: number[], field: K): BudgetGroup<K>[] {
  const map = new Map<string | null, { lineCount: number; amount: number }>();
  plan.budget.forEach((line, i) => {
    const key = keyOf(line[field]);
    const g = map.get(key) ?? { lineCount: 0, amount: 0 };
    g.lineCount += 1;
    g.amount += amounts[i] ?? 0;
    map.set(key, g);
  });
  // Numeric-aware order so 5.1.02.01.01.0004 sorts before 5.1.02.01.01.0024; "no key" last.
  const keys = [...map.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b, "id", { numeric: true }),
  );
  return keys.map((key) => ({ [field]: key, ...map.get(key)! }) as BudgetGroup<K>);
}

export function budgetOutputs(plan: Plan): BudgetOutputs {
  const amounts = plan.budget.map(lineAmount);
  const lines = plan.budget.map((line, i) => {
    const amount = amounts[i] ?? 0;
    return { id: line.id, activityId: line.activityId, amount, tax: amount - lineAmountBeforeTax(line) };
  });

  const perActivityMap = new Map<string, { lineCount: number; amount: number }>();
  for (const a of plan.activities) perActivityMap.set(a.id, { lineCount: 0, amount: 0 });
  lines.forEach((line) => {
    const g = perActivityMap.get(line.activityId) ?? { lineCount: 0, amount: 0 };
    g.lineCount += 1;
    g.amount += line.amount;
    perActivityMap.set(line.activityId, g);
  });
  const names = new Map(plan.activities.map((a) => [a.id, a.name]));
  const perActivity = [...perActivityMap].map(([activityId, g]) => ({ activityId, activityName: names.get(activityId) ?? null, ...g }));

  return {
    lines,
    perActivity,
    perAccount: group(plan, amounts, "account"),
    perSource: group(plan, amounts, "source"),
    lineCount: lines.length,
    taxTotal: lines.reduce((s, l) => s + l.tax, 0),
    grandTotal: amounts.reduce((s, a) => s + a, 0),
  };
}
