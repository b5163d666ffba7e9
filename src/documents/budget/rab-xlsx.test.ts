// The RAB workbook recalculated by a real LibreOffice must give exactly the totals the domain
// computes, per activity and in total, on the example plans and on generated budgets.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BudgetLine, Plan } from "../../domain/plan/schema.js";
import { validatePlan } from "../../domain/plan/validate.js";
import { budgetOutputs, lineAmount } from "../../domain/stages/budget.js";
import { examplePlans, minimalPlan } from "../../test-support/fixtures.js";
import { convertWithLibreOffice, CSV_RAW_VALUES } from "../../test-support/libreoffice.js";
import { missingPrograms } from "../../test-support/tools.js";
import { literalText } from "../literal-text.js";
import { buildRabWorkbook, RAB_COLUMNS, totalInWords, type RabLayout } from "./rab-xlsx.js";

const skip = missingPrograms("soffice");

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

interface Case {
  name: string;
  plan: Plan;
  layout: RabLayout;
  file: string;
}

async function writeCases(plans: [string, Plan][]): Promise<Case[]> {
  const dir = await mkdtemp(join(tmpdir(), "rab-"));
  const cases: Case[] = [];
  for (const [name, plan] of plans) {
    const { workbook, layout } = buildRabWorkbook(plan);
    const file = join(dir, `${name}.xlsx`);
    await writeFile(file, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    cases.push({ name, plan, layout, file });
  }
  return cases;
}

/** Recalculates every case in one LibreOffice run and returns the sheets as CSV rows. */
async function recalculate(cases: Case[]): Promise<string[][][]> {
  const csvs = await convertWithLibreOffice(
    cases.map((c) => c.file),
    CSV_RAW_VALUES,
  );
  return Promise.all(csvs.map(async (f) => parseCsv(await readFile(f, "utf8"))));
}

const JUMLAH = 7; // column H, zero-based

function checkTotals(c: Case, rows: string[][]): void {
  const domain = budgetOutputs(c.plan);
  const cell = (row: number) => rows[row - 1]?.[JUMLAH];
  for (const g of c.layout.groups) {
    const expected = domain.perActivity.find((a) => a.activityId === g.activityId)?.amount;
    expect(cell(g.subtotalRow), `${c.name}: subtotal of ${g.activityId}`).toBe(String(expected));
    // Every line too: the formula and lineAmount agree line by line.
    const lines = c.plan.budget.filter((l) => l.activityId === g.activityId);
    lines.forEach((line, i) => {
      expect(cell(g.firstLineRow + i), `${c.name}: line ${line.id} ${JSON.stringify(line)}`).toBe(String(lineAmount(line)));
    });
  }
  expect(cell(c.layout.grandTotalRow), `${c.name}: grand total`).toBe(String(domain.grandTotal));
  expect(rows[c.layout.terbilangRow - 1]?.[0]?.toLowerCase()).toBe(`terbilang: ${totalInWords(domain.grandTotal)}`.toLowerCase());
}

function valid(plan: unknown): Plan {
  const result = validatePlan(plan);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return result.plan;
}

/** Budgets as offices write them: whole or decimal volumes, prices up to billions, common and odd tax rates. */
const budgetLineArb = (activityIds: string[]) =>
  fc.record({
    activityId: fc.constantFrom(...activityIds),
    item: fc.string({ minLength: 1, maxLength: 40 }),
    volume: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 100), fc.integer({ min: 1, max: 40 }).map((n) => n / 8)),
    unit: fc.constantFrom("OH", "kotak", "paket", "lembar", "OK"),
    unitPrice: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 2_000_000_000 }), fc.constantFrom(35_000, 150_000, 12_500, 999_999)),
    taxPercent: fc.option(fc.oneof(fc.constantFrom(0, 10, 11, 12, 2.5, 1.5, 15), fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100)), { nil: undefined }),
    account: fc.option(fc.constantFrom("5.1.02.01.01.0052", "5.1.02.04.01.0003", "5.1.02.02.01.0003"), { nil: undefined }),
    source: fc.option(fc.constantFrom("APBD", "DAK", "CSR"), { nil: undefined }),
  });

function generatedPlans(count: number, seed: number): [string, Plan][] {
  const base = minimalPlan();
  const activityIds = base.activities.map((a) => a.id);
  const budgets = fc.sample(fc.array(budgetLineArb(activityIds), { minLength: 0, maxLength: 12 }), { numRuns: count, seed });
  return budgets.map((lines, i) => {
    const budget: BudgetLine[] = lines.map((l, j) => {
      const line: BudgetLine = { id: `b${j}`, activityId: l.activityId, item: l.item, volume: l.volume, unit: l.unit, unitPrice: l.unitPrice };
      if (l.taxPercent !== undefined) line.taxPercent = l.taxPercent;
      if (l.account !== undefined) line.account = l.account;
      if (l.source !== undefined) line.source = l.source;
      return line;
    });
    return [`generated-${seed}-${i}`, valid({ ...base, budget })];
  });
}

/**
 * Lines whose exact decimal amount ends in ,5 but whose binary product falls just below it
 * (0.58 × 25 = 14.4999…; 1.13 × 35 000 × 1.11 = 43 900.4999…). The domain and LibreOffice
 * must still agree on them; a change to either side's arithmetic shows up here first.
 */
const HALF_RUPIAH_EDGES: [number, number, number | undefined][] = [
  [0.58, 25, undefined], [2.3, 12345, 0], [4.02, 125, 0], [1.13, 35000, 11], [3.51, 35000, 11],
  [12.54, 35000, 2.5], [17.58, 35000, 1.5], [0.5, 1, 0], [2.5, 1, 0], [1.15, 1, 10], [0.125, 4, 0],
];

function edgePlan(): Plan {
  const budget: BudgetLine[] = HALF_RUPIAH_EDGES.map(([volume, unitPrice, taxPercent], i) => ({
    id: `e${i}`, activityId: "k1", item: `tepi ${i}`, volume, unit: "u", unitPrice, ...(taxPercent === undefined ? {} : { taxPercent }),
  }));
  return valid({ ...minimalPlan(), budget });
}

describe.skipIf(skip !== undefined)("RAB workbook recalculated by LibreOffice", () => {
  it("matches the domain's totals on the example plans and on generated budgets", { timeout: 240_000 }, async () => {
    const examples = examplePlans().map(([name, json]) => [name.replace(/\.json$/, ""), valid(json)] as [string, Plan]);
    const seed = Date.now() % 1_000_000;
    const cases = await writeCases([...examples, ["minimal", minimalPlan()], ["half-rupiah-edges", edgePlan()], ...generatedPlans(30, seed)]);
    const sheets = await recalculate(cases);
    cases.forEach((c, i) => checkTotals(c, sheets[i]!));
    // The comparison is not vacuous: the examples hold real amounts.
    if (examples.length > 0) expect(budgetOutputs(examples[0]![1]).grandTotal).toBeGreaterThan(0);
  });

  it("keeps hostile text literal and the file valid", { timeout: 120_000 }, async () => {
    // Validation refuses control characters now; plans stored before that rule may still hold
    // them, so they are put back after validation, and the workbook must stay valid.
    const controls = "\u0000\u0001\u000b\u001f";
    const printable = `=HYPERLINK("http://x","klik") <b>&amp;</b> "kutip" 'tunggal' ${"x".repeat(100)}`;
    const hostile = `${printable} ${controls}`;
    const base = minimalPlan();
    const plan = valid({
      ...base,
      title: printable,
      activities: base.activities.map((a) => ({ ...a, name: `+SUM(1,2) ${printable}` })),
      budget: [{ id: "b1", activityId: "k1", item: printable, volume: 3, unit: "<unit>", unitPrice: 1000, taxPercent: 11, account: "=1+1", source: "@cmd" }],
    });
    plan.title = hostile;
    for (const a of plan.activities) a.name = `+SUM(1,2) ${hostile}`;
    plan.budget[0]!.item = hostile;
    const [c] = await writeCases([["hostile", plan]]);
    // exceljs reads its own file back with the text as written (less the unrepresentable controls).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(c!.file);
    const sheet = wb.getWorksheet("RAB")!;
    const lineRow = c!.layout.groups[0]!.firstLineRow;
    expect(sheet.getCell(`C${lineRow}`).value).toBe(literalText(hostile));
    expect(sheet.getCell(`B${lineRow}`).value).toBe("=1+1");
    const [rows] = await recalculate([c!]);
    expect(rows![lineRow - 1]![2]).toBe(literalText(hostile));
    expect(rows![lineRow - 1]![1]).toBe("=1+1");
    expect(rows![lineRow - 1]![JUMLAH]).toBe(String(lineAmount(plan.budget[0]!)));
    checkTotals(c!, rows!);
  });
});

describe("RAB workbook layout", () => {
  it("has the title block, column headers and print setup", async () => {
    const plan = minimalPlan();
    const { workbook, layout } = buildRabWorkbook(plan);
    const sheet = workbook.getWorksheet("RAB")!;
    expect(sheet.getCell("A1").value).toBe("RENCANA ANGGARAN BIAYA (RAB)");
    expect(sheet.getCell("A2").value).toBe(plan.title);
    expect(sheet.getCell("A4").value).toBe(`Tahun Anggaran ${plan.fiscalYear}`);
    expect(RAB_COLUMNS.map((_, i) => sheet.getRow(layout.headerRow).getCell(i + 1).value)).toEqual([
      "No", "Kode Rekening", "Uraian", "Volume", "Satuan", "Harga Satuan", "Pajak (%)", "Jumlah", "Sumber Dana",
    ]);
    expect(sheet.pageSetup.orientation).toBe("landscape");
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    const g = layout.groups[0]!;
    expect(sheet.getCell(`C${g.headerRow}`).value).toBe(plan.activities.find((a) => a.id === g.activityId)!.name);
    expect(sheet.getCell(`H${g.firstLineRow}`).value).toEqual({ formula: `ROUND(D${g.firstLineRow}*F${g.firstLineRow}*(100+G${g.firstLineRow})/100,0)` });
    expect(sheet.getCell(`H${layout.grandTotalRow}`).numFmt).toContain("#,##0");
  });
});
