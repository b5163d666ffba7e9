// Supervision end to end in Chromium at a phone's size (390×844): the signatory sees the kritis
// notice on the plan list; field staff open Pengawasan on the approved plan, report progress for
// two activities (with spending and an obstacle), and the status and the Kurva S change to what
// the domain computes for those reports; axe finds no serious or critical violation.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatAngka } from "../../src/domain/format/indonesian.js";
import type { Plan, RealizationReport } from "../../src/domain/plan/schema.js";
import { computeProgress, type ProgressView } from "../../src/domain/realization/index.js";
import { epochDayOf, isoOfEpochDay, isoWeekdayOfEpochDay } from "../../src/domain/schedule/dates.js";
import { plansRepo } from "../../src/store/plans-repo.js";
import { axeViolations, browserAvailability, horizontalOverflow, PROJECT_ROOT, screenshot, startHarness, VIEWPORTS, type Harness } from "./support.js";

const availability = browserAvailability();
const d = availability.available ? describe : describe.skip;

/** The browser's today (local time), as the stage takes it. */
function today(): string {
  const n = new Date();
  return `${n.getFullYear()}-${String(n.getMonth() + 1).padStart(2, "0")}-${String(n.getDate()).padStart(2, "0")}`;
}

function view(plan: Plan, at: string): ProgressView {
  const r = computeProgress(plan, at);
  if (!r.ok) throw new Error("the example must schedule");
  return r.view;
}

const pct = (n: number) => `${formatAngka(n, 2)}%`;

d("pengawasan at 390×844", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it("field staff report two activities from a phone; the Kurva S and the status change; the signatory was told it was kritis", async () => {
    const staff = await h.createUser({ email: "lapangan@contoh.go.id", name: "Agus Lapangan", roles: ["penyusun"] });
    // The signatory is the plan's pengarah by name: the kritis notice is for them.
    const example = JSON.parse(readFileSync(join(PROJECT_ROOT, "examples", "adminduk-keliling-lansia.json"), "utf8")) as Plan;
    const pengarah = example.team.find((m) => m.role === "pengarah")!;
    const signatory = await h.createUser({ email: "kadis@contoh.go.id", name: pengarah.name, roles: ["penandatangan"] });
    // The example moved to start four weeks before today's Monday: today is inside the plan.
    const t = today();
    const monday = epochDayOf(t) - (isoWeekdayOfEpochDay(epochDayOf(t)) - 1);
    const start = isoOfEpochDay(monday - 28);
    const plan: Plan = { ...example, start, fiscalYear: Number(start.slice(0, 4)), decree: { ...example.decree, date: start } };
    delete plan.realization;
    const created = await (await h.api(staff))("POST", "/api/plans", plan);
    expect(created.status, await created.clone().text()).toBe(201);
    const planId = ((await created.json()) as { id: string }).id;
    await plansRepo(h.db.db).setTeam(planId, [
      { userId: staff.user.id, role: "penyusun", position: 0 },
      { userId: signatory.user.id, role: "penandatangan", position: 0 },
    ]);
    const submitted = await (await h.api(staff))("POST", `/api/plans/${planId}/submit`);
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    const approvedAnswer = await (await h.api(signatory))("POST", `/api/plans/${planId}/approve`);
    expect(approvedAnswer.status, await approvedAnswer.clone().text()).toBe(200);

    // Before any report: what the domain says today.
    const before = view(plan, t);
    expect(before.status).toBe("kritis");

    // The signatory (pengarah) sees the notice and the status on the plan list.
    const boss = await h.newPage({ signInAs: signatory });
    await boss.page.setViewportSize(VIEWPORTS.phone);
    await boss.page.goto(h.baseUrl + "/");
    await boss.page.getByTestId("critical-notice").waitFor();
    expect(await boss.page.getByTestId("critical-notice").textContent()).toContain(plan.title);
    expect(await boss.page.getByTestId("progress-badge").getAttribute("data-progress-status")).toBe("kritis");
    await screenshot(boss.page, "pengawasan-daftar-kritis");

    // Field staff on a phone.
    const { page, errors } = await h.newPage({ signInAs: staff });
    await page.setViewportSize(VIEWPORTS.phone);
    await page.goto(`${h.baseUrl}/plans/${planId}/pengawasan`);
    const badge = page.getByTestId("progress-status").getByTestId("progress-badge");
    await expect.poll(() => badge.getAttribute("data-progress-status")).toBe("kritis");
    expect(await page.getByTestId("progress-planned").textContent()).toBe(pct(before.planned));
    // The staff member is not the pengarah: no notice for them, the status is shown all the same.
    expect(await page.getByTestId("plan-critical-notice").count()).toBe(0);

    // An empty row is refused by its label, in Indonesian.
    await page.getByTestId("report-submit").click();
    await page.getByTestId("report-errors").waitFor();
    expect(await page.getByTestId("report-errors").textContent()).toContain("Kegiatan (baris 1): pilih kegiatan.");

    // Two activities behind plan, the heaviest first, reported done.
    const chosen = [...before.activities].filter((a) => a.behind).sort((a, b) => b.weight - a.weight).slice(0, 2);
    const report: RealizationReport = {
      date: t,
      activities: chosen.map((a) => ({ activityId: a.id, percent: 100, actualStart: a.plannedStart, actualFinish: a.plannedFinish < t ? a.plannedFinish : t })),
      spending: [{ budgetId: plan.budget[0]!.id, amount: 1_250_000, reference: "SP2D 0099/LS" }],
      note: "Hujan deras, dua desa sulit dijangkau",
      followUp: "Jadwal ulang dengan kendaraan dinas kecamatan",
    };
    const after = view({ ...plan, realization: { reports: [report] } }, t);
    expect(after.status).not.toBe(before.status);
    for (const [i, a] of report.activities.entries()) {
      if (i > 0) await page.getByTestId("add-activity").click();
      await page.selectOption(`#ra-${i}-activity`, a.activityId);
      await page.fill(`#ra-${i}-percent`, "100");
      await page.fill(`#ra-${i}-start`, a.actualStart!);
      await page.fill(`#ra-${i}-finish`, a.actualFinish!);
    }
    await page.getByTestId("add-spending").click();
    await page.selectOption("#rs-0-line", report.spending[0]!.budgetId);
    await page.fill("#rs-0-amount", "1.250.000");
    await page.fill("#rs-0-ref", "SP2D 0099/LS");
    await page.fill("#report-note", report.note!);
    await page.fill("#report-follow-up", report.followUp!);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, "pengawasan-formulir-ponsel");
    await page.getByTestId("report-submit").click();
    await page.getByTestId("report-saved").waitFor();

    // The status and the figures are the domain's for this report.
    await expect.poll(() => badge.getAttribute("data-progress-status")).toBe(after.status);
    await expect.poll(() => page.getByTestId("progress-actual").textContent()).toBe(pct(after.actual));
    expect(await page.getByTestId("progress-deviation").textContent()).toBe(`${after.deviation > 0 ? "+" : ""}${formatAngka(after.deviation, 2)}%`);
    // The Kurva S: one point per week, the actual line drawn up to today.
    const curve = page.getByTestId("kurva-s");
    expect(Number(await curve.getAttribute("data-points"))).toBe(after.curve.length);
    expect(await curve.locator("svg path").count()).toBeGreaterThan(4);
    await page.getByText("Angka Kurva S per minggu").click();
    const lastKnown = after.curve.filter((c) => c.actual !== null).at(-1);
    if (lastKnown) expect(await curve.locator("xpath=..").textContent()).toContain(pct(lastKnown.actual!));
    // The obstacles log has the note; the behind list no longer has the two activities.
    expect(await page.getByTestId("obstacles").textContent()).toContain(report.note!);
    for (const a of chosen) expect(await page.getByTestId("behind").textContent()).not.toContain(a.name);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, "pengawasan-ponsel");
    expect(await axeViolations(page)).toEqual([]);

    // The plan list now shows the new status.
    await boss.page.reload();
    await expect.poll(() => boss.page.getByTestId("progress-badge").getAttribute("data-progress-status")).toBe(after.status);
    expect(errors).toEqual([]);
    expect(boss.errors).toEqual([]);
  }, 240_000);
});
