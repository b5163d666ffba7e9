// The laporan kemajuan through `rencana render laporan-kemajuan`: the PDF's text (pdftotext) and
// the DOCX opened by LibreOffice hold the figures of computeProgress (computed here, not typed
// in), the period, the spending per kode rekening, the obstacles and both signatures; after a
// re-planning the report shows the original and the amended baseline.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { run } from "../../cli/main.js";
import { formatAngka, formatRupiah } from "../../domain/format/indonesian.js";
import type { Plan } from "../../domain/plan/schema.js";
import { computeProgress, type ProgressView } from "../../domain/realization/index.js";
import { captureIo } from "../../test-support/cli-io.js";
import { convertWithLibreOffice } from "../../test-support/libreoffice.js";
import { realizationPlan } from "../../test-support/realization.js";
import { missingPrograms } from "../../test-support/tools.js";
import { dense, squash } from "../test-plans.js";

const runFile = promisify(execFile);
/**
 * pdftotext in layout mode with whitespace collapsed (a table row's figures read as one line),
 * and with no whitespace at all (a wrapped cell reads whole).
 */
async function pdfLines(file: string): Promise<string> {
  const { stdout } = await runFile("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { maxBuffer: 64 * 1024 * 1024 });
  const raw = await runFile("pdftotext", ["-enc", "UTF-8", file, "-"], { maxBuffer: 64 * 1024 * 1024 });
  return `${squash(stdout)}\n${dense(raw.stdout)}`;
}
const cellText = (s: string) => dense(s);
import { laporanKemajuanModel, monthRange, periodLabel } from "./model.js";

const dir = mkdtempSync(join(tmpdir(), "laporan-kemajuan-"));
let files = 0;
function planFile(plan: Plan): string {
  const file = join(dir, `plan-${++files}.json`);
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

function progressOf(plan: Plan, at: string, baselines: { label: string; plan: Plan }[] = []): ProgressView {
  const r = computeProgress(plan, at, { baselines });
  if (!r.ok) throw new Error("example must schedule");
  return r.view;
}

async function render(args: string[], out: string): Promise<void> {
  const cap = captureIo();
  const code = await run(["render", "laporan-kemajuan", ...args, "-o", out], cap.io);
  expect(code, cap.err()).toBe(0);
}

const pct = (n: number) => `${formatAngka(n, 2)}%`;
const skip = missingPrograms("pdftotext", "soffice");

describe("laporan kemajuan model", () => {
  it("names the period: a month, a range, or up to a date", () => {
    expect(periodLabel("2027-02-01")).toBe("s.d. 1 Februari 2027");
    expect(monthRange("2027-02")).toEqual({ from: "2027-02-01", at: "2027-02-28" });
    expect(periodLabel("2027-02-28", "2027-02-01")).toBe("Bulan Februari 2027");
    expect(periodLabel("2027-02-14", "2027-02-01")).toBe("1–14 Februari 2027");
    expect(monthRange("2027-13")).toBeUndefined();
  });

  it("keeps to the period's obstacles and spending, and signs with the ketua and the penanggung jawab", () => {
    const plan = realizationPlan();
    const m = laporanKemajuanModel(plan, { ...monthRange("2027-02")! });
    // The only obstacle was reported in January; February's spending is the one SP2D of 1 February.
    expect(m.obstacles).toEqual([]);
    expect(m.spending.map((r) => r[4])).toEqual(["SP2D 0031/LS/2027"]);
    const january = laporanKemajuanModel(plan, { ...monthRange("2027-01")! });
    expect(january.obstacles.map((o) => o.note)).toEqual(["Jaringan internet di kantor kecamatan terputus dua hari"]);
    expect(m.signatures.right).toMatchObject({ role: "Ketua Tim", name: plan.team.find((t) => t.role === "ketua")!.name });
    expect(m.signatures.left).toMatchObject({ lead: ["Mengetahui,"], role: "Penanggung Jawab", name: plan.team.find((t) => t.role === "penanggung-jawab")!.name });
    // The chart draws the computation's own curve.
    expect(m.chart.curve).toEqual(progressOf(plan, "2027-02-28").curve);
  });
});

describe.skipIf(skip !== undefined)(`laporan kemajuan documents${skip ? ` (${skip})` : ""}`, () => {
  it("the PDF shows the computed figures; the DOCX opens in LibreOffice with the same", { timeout: 240_000 }, async () => {
    const plan = realizationPlan();
    const file = planFile(plan);
    const at = "2027-02-01";
    const view = progressOf(plan, at);
    await render([file, "--at", at], join(dir, "lk.pdf"));
    await render([file, "--at", at], join(dir, "lk.docx"));
    const [fromDocx] = await convertWithLibreOffice([join(dir, "lk.docx")], "pdf", join(dir, "lo"));
    for (const d of [await pdfLines(join(dir, "lk.pdf")), await pdfLines(fromDocx!)]) {
      expect(d).toContain(squash("LAPORAN KEMAJUAN PELAKSANAAN KEGIATAN"));
      expect(d).toContain(squash("Periode laporan : s.d. 1 Februari 2027"));
      expect(d).toContain(squash(`Fisik, rencana : ${pct(view.planned)}`));
      expect(d).toContain(squash(`Fisik, realisasi : ${pct(view.actual)}`));
      expect(d).toContain(`Deviasi fisik : ${formatAngka(view.deviation, 2)}%`);
      expect(view.status).toBe("kritis");
      expect(d).toContain(squash("Status : Kritis (kritis)"));
      expect(d).toContain(squash(`${formatRupiah(view.financial.actual)} (${pct(view.financial.actualPercent)})`));
      // One activity's row: weight, planned, actual, deviation as computed.
      const k03 = view.activities.find((a) => a.id === "k03")!;
      expect(k03.planned).toBeGreaterThan(0);
      expect(d).toContain(squash(`${formatAngka(k03.weight, 2)} ${formatAngka(k03.planned, 2)} ${formatAngka(k03.actual, 2)} ${formatAngka(k03.deviation, 2)}`));
      // Spending per kode rekening, the obstacle with its follow-up, both signatures.
      const account = view.accounts.find((a) => a.account === "5.1.02.04.01.0003")!;
      expect(d).toContain(squash(`5.1.02.04.01.0003 ${formatAngka(account.budget)} ${formatAngka(account.spent)}`));
      expect(d).toContain(cellText("SP2D 0031/LS/2027"));
      expect(d).toContain(cellText("Berkoordinasi dengan Diskominfo"));
      expect(d).toContain(squash("Mengetahui,"));
      expect(d).toContain(cellText("Sri Wahyuningsih, S.Sos., M.M."));
      expect(d).toContain(squash("Ketua Tim"));
      expect(d).toContain(cellText("Agus Priyanto, S.STP., M.Si."));
      expect(d).toContain(squash("Kurva S"));
    }
  });

  it("after re-planning: the realisation kept, weights re-based, slip against the original and the amended baseline", { timeout: 120_000 }, async () => {
    const original = realizationPlan();
    // The amendment: k02 takes 5 working days longer, and k03 gets another RAB line (its weight grows).
    const amended: Plan = structuredClone(original);
    const k02 = amended.activities.find((a) => a.id === "k02")!;
    k02.durationDays += 5;
    amended.budget.push({ id: "b99", activityId: "k03", item: "Sewa kendaraan koordinasi", volume: 10, unit: "hari", unitPrice: 2_000_000 });
    const at = "2027-02-01";
    const base = [{ label: "Rencana awal", plan: original }];
    const before = progressOf(original, at);
    const after = progressOf(amended, at, base);
    // The reports are the same; the weights are the amended plan's.
    expect(after.actual).not.toBe(before.actual);
    const w = (v: ProgressView, id: string) => v.activities.find((a) => a.id === id)!.weight;
    expect(w(after, "k03")).toBeGreaterThan(w(before, "k03"));
    expect(after.activities.find((a) => a.id === "k02")!.baselineSlips).toEqual([5]);
    expect(after.baselines[0]!.planned).toBe(before.planned);

    await render([planFile(amended), "--at", at, "--baseline", planFile(original)], join(dir, "amended.pdf"));
    const d = await pdfLines(join(dir, "amended.pdf"));
    expect(d).toContain(squash(`Fisik, rencana : ${pct(after.planned)}`));
    expect(d).toContain(squash(`Fisik, realisasi : ${pct(after.actual)}`));
    // The original baseline: what it planned at the date, and the slip column.
    expect(d).toContain(squash(`Menurut Rencana awal: rencana kumulatif per 1 Februari 2027 ${pct(before.planned)}`));
    expect(d).toContain(cellText("Geser thd rencana awal (hari kerja)"));
    const k02row = after.activities.find((a) => a.id === "k02")!;
    expect(d).toContain(squash(`${formatAngka(k02row.weight, 2)} ${formatAngka(k02row.planned, 2)} ${formatAngka(k02row.actual, 2)} ${formatAngka(k02row.deviation, 2)}`));
    expect(d).toMatch(/\+5/);
  });

  it("asks for the date, and refuses a bad month", { timeout: 60_000 }, async () => {
    const file = planFile(realizationPlan());
    const none = captureIo();
    expect(await run(["render", "laporan-kemajuan", file, "-o", join(dir, "x.pdf")], none.io)).toBe(2);
    expect(none.err()).toContain("--at TTTT-BB-HH");
    const bad = captureIo();
    expect(await run(["render", "laporan-kemajuan", file, "--month", "2027-13", "-o", join(dir, "x.pdf")], bad.io)).toBe(2);
    expect(bad.err()).toContain("--month");
  });
});
