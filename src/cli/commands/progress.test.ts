// `rencana progress FILE --at DATE [--json]`, in-process against real files.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureIo } from "../../test-support/cli-io.js";
import { realizationPlan } from "../../test-support/realization.js";
import { run } from "../main.js";

function planFile(doc: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), "rencana-progress-")), "plan.json");
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

describe("rencana progress", () => {
  it("prints exactly the documented JSON shape", async () => {
    const cap = captureIo();
    expect(await run(["progress", planFile(realizationPlan()), "--at", "2027-02-01", "--json"], cap.io), cap.err()).toBe(0);
    const out = JSON.parse(cap.out());
    expect(Object.keys(out)).toEqual(["at", "planned", "actual", "deviation", "status", "financial", "activities", "curve"]);
    expect(Object.keys(out.financial)).toEqual(["planned", "actual"]);
    expect(Object.keys(out.activities[0])).toEqual(["id", "weight", "planned", "actual", "deviation"]);
    expect(Object.keys(out.curve[0])).toEqual(["date", "planned", "actual"]);
    expect(out.at).toBe("2027-02-01");
    // Spending at or before 1 February: 1 500 000 (12 January) + 2 400 000 (1 February).
    expect(out.financial.actual).toBe(3_900_000);
    expect(Number.isInteger(out.financial.planned)).toBe(true);
    // k01 (2 days, done 5 January) is complete by plan and by report.
    expect(out.activities.find((a: { id: string }) => a.id === "k01")).toMatchObject({ planned: 100, actual: 100, deviation: 0 });
    expect(out.deviation).toBe(Math.round((out.actual - out.planned) * 100) / 100);
    expect(out.status).toBe("kritis");
    for (const p of out.curve) expect(new Date(`${p.date}T00:00:00Z`).getUTCDay()).toBe(0);
    expect(out.curve.at(-1).planned).toBe(100);
    expect(out.curve.find((p: { date: string }) => p.date === "2027-01-17").actual).toBeGreaterThan(0);
    expect(out.curve.find((p: { date: string }) => p.date === "2027-02-07").actual).toBeNull();
  });

  it("prints a table for people, in either language", async () => {
    const cap = captureIo();
    expect(await run(["progress", planFile(realizationPlan()), "--at", "2027-02-01", "--lang", "en"], cap.io)).toBe(0);
    expect(cap.out()).toMatch(/Physical: planned \d+\.\d\d%, actual \d+\.\d\d%, deviation -\d+\.\d\d% → kritis \(critical\)/);
    expect(cap.out()).toContain("k02");
  });

  it("refuses a bad date and names the bad reference in a report", async () => {
    const bad = captureIo();
    expect(await run(["progress", planFile(realizationPlan()), "--at", "2027-02-30"], bad.io)).toBe(2);
    const plan = realizationPlan([{ date: "2027-01-15", activities: [{ activityId: "zz", percent: 5 }], spending: [] }]);
    const cap = captureIo();
    expect(await run(["progress", planFile(plan), "--at", "2027-02-01"], cap.io)).toBe(1);
    expect(cap.err()).toContain('realization.reports[0].activities[0].activityId: Laporan kemajuan 2027-01-15, kegiatan: "zz" tidak ada di daftar kegiatan');
  });
});
