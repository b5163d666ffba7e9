import { describe, expect, it } from "vitest";
import type { BudgetLine } from "../plan/schema.js";
import { budgetOutputs, lineAmount, lineAmountBeforeTax } from "./budget.js";
import { tinyPlan } from "./test-plans.js";

const line = (over: Partial<BudgetLine> & Pick<BudgetLine, "id" | "activityId">): BudgetLine => ({
  item: "Barang",
  volume: 1,
  unit: "paket",
  unitPrice: 0,
  ...over,
});

describe("lineAmount", () => {
  it("multiplies volume by unit price", () => {
    expect(lineAmount({ volume: 30, unitPrice: 35_000 })).toBe(1_050_000);
  });
  it("adds tax: 2.500.000 + 11% = 2.775.000 (no float residue)", () => {
    expect(lineAmount({ volume: 1, unitPrice: 2_500_000, taxPercent: 11 })).toBe(2_775_000);
    expect(lineAmount({ volume: 5000, unitPrice: 1500, taxPercent: 11 })).toBe(8_325_000);
  });
  it("rounds half up to whole Rupiah", () => {
    expect(lineAmount({ volume: 1, unitPrice: 5, taxPercent: 10 })).toBe(6); // 5.5
    expect(lineAmount({ volume: 3, unitPrice: 1, taxPercent: 50 })).toBe(5); // 4.5
    expect(lineAmount({ volume: 1, unitPrice: 7, taxPercent: 11 })).toBe(8); // 7.77
    expect(lineAmount({ volume: 1, unitPrice: 3, taxPercent: 11 })).toBe(3); // 3.33
    expect(lineAmount({ volume: 0.5, unitPrice: 3 })).toBe(2); // 1.5
  });
  it("is 0 for a zero volume or price, and tax 0 equals no tax", () => {
    expect(lineAmount({ volume: 0, unitPrice: 99_000, taxPercent: 11 })).toBe(0);
    expect(lineAmount({ volume: 4, unitPrice: 0 })).toBe(0);
    expect(lineAmount({ volume: 4, unitPrice: 250, taxPercent: 0 })).toBe(lineAmount({ volume: 4, unitPrice: 250 }));
  });
  it("separates tax from the amount before tax", () => {
    const l = { volume: 10, unitPrice: 75_000, taxPercent: 11 };
    expect(lineAmountBeforeTax(l)).toBe(750_000);
    expect(lineAmount(l) - lineAmountBeforeTax(l)).toBe(82_500);
  });
});

describe("budgetOutputs", () => {
  const plan = tinyPlan();
  plan.activities = [
    { id: "a", name: "Rapat", durationDays: 1, dependsOn: [] },
    { id: "b", name: "Cetak", durationDays: 2, dependsOn: [] },
    { id: "c", name: "Tanpa biaya", durationDays: 1, dependsOn: [] },
  ];
  plan.budget = [
    line({ id: "1", activityId: "a", volume: 30, unitPrice: 50_000, account: "5.1.02.01.01.0052", source: "APBD" }),
    line({ id: "2", activityId: "b", volume: 100, unitPrice: 1_500, taxPercent: 11, account: "5.1.02.01.01.0026", source: "APBD" }),
    line({ id: "3", activityId: "b", volume: 2, unitPrice: 1_000_000, account: " 5.1.02.01.01.0026 ", source: "CSR" }),
    line({ id: "4", activityId: "a", volume: 1, unitPrice: 100_000 }),
    line({ id: "5", activityId: "a", volume: 1, unitPrice: 10, account: "5.1.02.01.01.0004", source: "APBD" }),
  ];
  // Hand computed: 1 500 000; 166 500 (150 000 + 16 500 tax); 2 000 000; 100 000; 10.
  const out = budgetOutputs(plan);

  it("computes every line and the grand total", () => {
    expect(out.lines.map((l) => l.amount)).toEqual([1_500_000, 166_500, 2_000_000, 100_000, 10]);
    expect(out.grandTotal).toBe(3_766_510);
    expect(out.taxTotal).toBe(16_500);
    expect(out.lineCount).toBe(5);
  });
  it("totals per activity in plan order, including activities without lines", () => {
    expect(out.perActivity).toEqual([
      { activityId: "a", activityName: "Rapat", lineCount: 3, amount: 1_600_010 },
      { activityId: "b", activityName: "Cetak", lineCount: 2, amount: 2_166_500 },
      { activityId: "c", activityName: "Tanpa biaya", lineCount: 0, amount: 0 },
    ]);
  });
  it("totals per trimmed account, sorted by code, lines without account last", () => {
    expect(out.perAccount).toEqual([
      { account: "5.1.02.01.01.0004", lineCount: 1, amount: 10 },
      { account: "5.1.02.01.01.0026", lineCount: 2, amount: 2_166_500 },
      { account: "5.1.02.01.01.0052", lineCount: 1, amount: 1_500_000 },
      { account: null, lineCount: 1, amount: 100_000 },
    ]);
  });
  it("totals per funding source", () => {
    expect(out.perSource).toEqual([
      { source: "APBD", lineCount: 3, amount: 1_666_510 },
      { source: "CSR", lineCount: 1, amount: 2_000_000 },
      { source: null, lineCount: 1, amount: 100_000 },
    ]);
  });
  it("every grouping sums to the grand total", () => {
    const sum = (xs: { amount: number }[]) => xs.reduce((s, x) => s + x.amount, 0);
    expect(sum(out.perActivity)).toBe(out.grandTotal);
    expect(sum(out.perAccount)).toBe(out.grandTotal);
    expect(sum(out.perSource)).toBe(out.grandTotal);
  });
  it("an empty budget totals 0", () => {
    const empty = budgetOutputs(tinyPlan());
    expect(empty).toMatchObject({ grandTotal: 0, taxTotal: 0, lineCount: 0, perAccount: [], perSource: [], perActivity: [] });
  });
});
