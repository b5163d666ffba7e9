// Editing the RAB and the activity list like a spreadsheet, in Debian's Chromium: rows pasted
// from tab-separated text (as Excel and LibreOffice copy them) through the real clipboard,
// Enter to move down a column, Ctrl+D to fill down, and what a paste could not use explained.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyPlan } from "../../src/domain/plan/empty.js";
import { formatRupiah } from "../../src/domain/format/indonesian.js";
import type { Plan } from "../../src/domain/plan/schema.js";
import { browserAvailability, startHarness, waitSaved, type Harness } from "./support.js";

const availability = browserAvailability();
const d = availability.available ? describe : describe.skip;

function planWithActivities(): Plan {
  const plan = emptyPlan({ title: "Rencana RAB tempel", fiscalYear: 2027, organizationName: "Dinas Contoh" });
  plan.activities = [
    { id: "k-rapat", name: "Rapat persiapan", durationDays: 2, dependsOn: [] },
    { id: "k-rekam", name: "Perekaman keliling", durationDays: 10, dependsOn: [{ activityId: "k-rapat", type: "FS", lagDays: 0 }] },
  ];
  return plan;
}

async function pasteInto(page: Page, dataPath: string, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator(`[data-path="${dataPath}"]`).focus();
  await page.keyboard.press("Control+V");
}

const focusedPath = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-path"));

d("spreadsheet editing in Chromium", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it("20 RAB rows pasted from tab-separated text become 20 lines with their amounts; Enter and Ctrl+D work as in a spreadsheet", async () => {
    const created = await (await h.api())("POST", "/api/plans", planWithActivities());
    const { id } = (await created.json()) as { id: string };
    const { context, page, errors } = await h.newPage();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.baseUrl });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${h.baseUrl}/plans/${id}/sumber-daya`);
    await page.getByRole("button", { name: "+ Belanja baru" }).click();

    // Kegiatan, Uraian, Volume, Satuan, Harga satuan, Pajak, Kode rekening, Sumber dana (Jumlah is computed, not pasted).
    const rows = Array.from({ length: 20 }, (_, k) => {
      const n = k + 1;
      const activity = n % 2 ? "1" : "Perekaman keliling";
      return [activity, `Uraian baris ${n}`, String(n), "orang", "Rp 15.000", "", "5.1.02.01.01.0052", n % 2 ? "APBD" : "DAK"].join("\t");
    });
    await pasteInto(page, "budget[0].activityId", rows.join("\r\n") + "\r\n");
    await expect.poll(() => page.getByTestId("paste-report").textContent()).toBe("20 baris ditempel.");
    await expect.poll(() => page.locator('tr[data-path^="budget["]').count()).toBe(20);
    const expectedTotal = Array.from({ length: 20 }, (_, k) => (k + 1) * 15_000).reduce((a, b) => a + b, 0);
    await expect.poll(() => page.getByTestId("rab-total").textContent()).toBe(formatRupiah(expectedTotal));
    await waitSaved(page);

    // Stored as pasted: every line, activity, volume, price and source.
    const stored = (await (await (await h.api())("GET", `/api/plans/${id}`)).json()) as { plan: Plan };
    expect(stored.plan.budget).toHaveLength(20);
    stored.plan.budget.forEach((line, k) => {
      expect(line.item).toBe(`Uraian baris ${k + 1}`);
      expect(line.activityId).toBe((k + 1) % 2 ? "k-rapat" : "k-rekam");
      expect(line.volume).toBe(k + 1);
      expect(line.unitPrice).toBe(15_000);
      expect(line.source).toBe((k + 1) % 2 ? "APBD" : "DAK");
      expect(line.account).toBe("5.1.02.01.01.0052");
    });

    // Enter moves down the same column; Shift+Enter back up.
    await page.locator('[data-path="budget[3].item"]').focus();
    await page.keyboard.press("Enter");
    expect(await focusedPath(page)).toBe("budget[4].item");
    await page.keyboard.press("Shift+Enter");
    expect(await focusedPath(page)).toBe("budget[3].item");

    // Ctrl+D fills a cell from the one above.
    await page.locator('[data-path="budget[5].unit"]').fill("paket");
    await page.locator('[data-path="budget[6].unit"]').focus();
    await page.keyboard.press("Control+D");
    await expect.poll(() => page.locator('[data-path="budget[6].unit"]').inputValue()).toBe("paket");
    await waitSaved(page);
    const after = (await (await (await h.api())("GET", `/api/plans/${id}`)).json()) as { plan: Plan };
    expect(after.plan.budget[6]!.unit).toBe("paket");
    expect(errors).toEqual([]);
  }, 120_000);

  it("what a paste cannot use is named by row and column, and a refused number stays with its reason", async () => {
    const created = await (await h.api())("POST", "/api/plans", planWithActivities());
    const { id } = (await created.json()) as { id: string };
    const { context, page, errors } = await h.newPage();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.baseUrl });
    await page.goto(`${h.baseUrl}/plans/${id}/sumber-daya`);
    await page.getByRole("button", { name: "+ Belanja baru" }).click();
    const tsv = ["1\tSewa tenda\t2\tunit\t500.000", "Pelaporan\tKonsumsi\t4 orang x 20 hari\tkotak\t25.000"].join("\n");
    await pasteInto(page, "budget[0].activityId", tsv);
    const report = page.getByTestId("paste-report");
    await expect.poll(() => report.getAttribute("role")).toBe("alert");
    await expect.poll(() => report.textContent()).toContain('Baris 2, Kegiatan: "Pelaporan" tidak ada di pilihan');
    // The volume keeps what was pasted, explained beside it, and the row's amount is not a stale figure.
    await expect.poll(() => page.locator('[data-path="budget[1].volume"]').inputValue()).toBe("4 orang x 20 hari");
    await expect.poll(() => page.locator('tr[data-path="budget[1]"] [data-testid="field-error"]').textContent()).toContain("Volume 2");
    await expect.poll(() => page.locator('tr[data-path="budget[1]"] [data-testid="rab-amount"]').textContent()).toBe("—");
    // The valid row is saved.
    await expect.poll(async () => {
      const r = (await (await (await h.api())("GET", `/api/plans/${id}`)).json()) as { plan: Plan };
      return r.plan.budget[0] ? `${r.plan.budget[0].item} ${r.plan.budget[0].volume} ${r.plan.budget[0].unitPrice}` : "";
    }).toBe("Sewa tenda 2 500000");
    expect(errors).toEqual([]);
  }, 90_000);

  it("activity rows pasted past the end are added", async () => {
    const created = await (await h.api())("POST", "/api/plans", planWithActivities());
    const { id } = (await created.json()) as { id: string };
    const { context, page, errors } = await h.newPage();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.baseUrl });
    await page.goto(`${h.baseUrl}/plans/${id}/kegiatan`);
    await pasteInto(page, "activities[1].name", ["Perekaman keliling\tKTP-el tercetak", "Pelaporan\tLaporan kegiatan", "Evaluasi\tCatatan evaluasi"].join("\n"));
    await expect.poll(() => page.locator('tr[data-path^="activities["]').count()).toBe(4);
    await waitSaved(page);
    const r = (await (await (await h.api())("GET", `/api/plans/${id}`)).json()) as { plan: Plan };
    expect(r.plan.activities.map((a) => `${a.name}|${a.output ?? ""}`)).toEqual(["Rapat persiapan|", "Perekaman keliling|KTP-el tercetak", "Pelaporan|Laporan kegiatan", "Evaluasi|Catatan evaluasi"]);
    expect(errors).toEqual([]);
  }, 90_000);
});
