// Help in the module's own words, end to end in Debian's Chromium: the terms' explanations,
// the six communication principles, the service pattern's description as a field, a new plan
// starting on the next working day and an added activity selected for typing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultStart, emptyPlan } from "../../src/domain/plan/empty.js";
import { formatTanggalHari } from "../../src/domain/format/indonesian.js";
import { browserAvailability, openSidePanel, startHarness, waitSaved, type Harness } from "./support.js";

const availability = browserAvailability();
const d = availability.available ? describe : describe.skip;

/** The browser's own date, as the app sees it. */
const browserToday = () => `(() => { const d = new Date(); return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0"); })()`;

d("help in the module's words in Chromium", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it("a new plan starts on the next working day; the service description is a field its finding leads to", async () => {
    const { page, errors } = await h.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(h.baseUrl + "/");
    const today = (await page.evaluate(browserToday())) as string;
    const year = Number(today.slice(0, 4));
    await page.getByRole("button", { name: "Rencana baru" }).click();
    await page.getByLabel("Judul rencana").fill("Pelayanan Akta Kelahiran Keliling");
    await page.getByLabel("Nama instansi").fill("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Contoh");
    await page.locator("#new-year").fill(String(year));
    await page.getByRole("button", { name: "Buat rencana" }).click();
    await page.waitForURL(/\/plans\/[^/]+\/sasaran$/);

    const start = await page.locator('[data-path="start"]').first().inputValue();
    expect(start).toBe(defaultStart(year, today));
    expect(start > today).toBe(true);
    // Shown in Indonesian form beside the field, with the day's name (never Saturday or Sunday).
    const shown = await page.locator('[data-path="start"]').first().locator("xpath=following-sibling::span[1]").textContent();
    expect(shown).toBe(formatTanggalHari(start));
    expect(shown).not.toMatch(/^(Sabtu|Minggu)/);

    // The finding about the pattern's description leads to the field, which now exists.
    await openSidePanel(page);
    await page.getByRole("button", { name: /uraian layanan dan alasan memilih pola/ }).first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-path"))).toBe("service.description");
    await page.getByLabel("Uraian layanan dan alasan memilih pola").fill("Pola fungsional: layanan diberikan oleh dinas sesuai tugas dan fungsinya.");
    await waitSaved(page);
    await expect.poll(async () => (await page.getByRole("button", { name: /uraian layanan dan alasan memilih pola/ }).count())).toBe(0);
    expect(errors).toEqual([]);
  }, 90_000);

  it("an added activity is selected with its name ready to be typed over, on both screens", async () => {
    const { page, errors } = await h.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(h.baseUrl + "/");
    await page.getByRole("button", { name: "Rencana baru" }).click();
    await page.getByLabel("Judul rencana").fill("Rencana kegiatan terpilih");
    await page.getByLabel("Nama instansi").fill("Dinas Contoh");
    await page.getByRole("button", { name: "Buat rencana" }).click();
    await page.waitForURL(/\/plans\/[^/]+\/sasaran$/);
    await page.getByRole("navigation").getByRole("link", { name: /3 Kegiatan/ }).click();
    await page.getByRole("button", { name: "+ Kegiatan baru" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-path"))).toBe("activities[0].name");
    await page.keyboard.type("Rapat persiapan");
    await expect.poll(() => page.locator('[data-path="activities[0].name"]').inputValue()).toBe("Rapat persiapan");

    await page.getByRole("navigation").getByRole("link", { name: /4 Jadwal/ }).click();
    await page.getByRole("button", { name: "+ Kegiatan baru" }).first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-path"))).toBe("activities[1].name");
    await page.keyboard.type("Perekaman keliling");
    await expect.poll(() => page.locator('.s-row[aria-selected="true"]').textContent()).toContain("Perekaman keliling");
    await waitSaved(page);
    expect(errors).toEqual([]);
  }, 90_000);

  it("the resource load draws each resource on its own scale, day by day, with the days over what is available", async () => {
    const plan = emptyPlan({ title: "Rencana beban", fiscalYear: 2027, organizationName: "Dinas Contoh", start: "2027-02-01" });
    plan.activities = [
      { id: "k-a", name: "Perekaman pagi", durationDays: 5, dependsOn: [] },
      { id: "k-b", name: "Perekaman sore", durationDays: 3, dependsOn: [] },
    ];
    plan.resources = [
      { id: "r-petugas", kind: "people", name: "Petugas perekam", unit: "orang", available: 4 },
      { id: "r-dana", kind: "budget", name: "Dana operasional", unit: "rupiah", available: 10_000_000 },
    ];
    // 3 + 3 people on the three days both run: 6 of 4. Rp2.000.000 a day of Rp10.000.000.
    plan.assignments = [
      { activityId: "k-a", resourceId: "r-petugas", quantity: 3 },
      { activityId: "k-b", resourceId: "r-petugas", quantity: 3 },
      { activityId: "k-a", resourceId: "r-dana", quantity: 2_000_000 },
    ];
    const created = await (await h.api())("POST", "/api/plans", plan);
    const { id } = (await created.json()) as { id: string };
    const { page, errors } = await h.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${h.baseUrl}/plans/${id}/sumber-daya`);
    const people = page.locator('.load-chart li[data-resource="r-petugas"]');
    const money = page.locator('.load-chart li[data-resource="r-dana"]');
    await expect.poll(() => people.getByTestId("load-summary").textContent()).toBe("puncak 6 dari 4 orang tersedia");
    expect(await people.textContent()).toContain("melebihi pada 3 hari kerja, mulai 1 Februari 2027");
    expect(await money.getByTestId("load-summary").textContent()).toBe("puncak 2.000.000 dari 10.000.000 rupiah tersedia");
    expect(await money.textContent()).toContain("cukup setiap hari");
    // Each on its own scale: Rupiah bars are a fifth of the chart's height, not a hair next to people.
    const tallest = async (li: typeof people) => Math.max(...(await li.locator("rect.need").evaluateAll((els) => els.map((e) => Number(e.getAttribute("height"))))));
    expect(await tallest(people)).toBeCloseTo(56, 0);
    expect(await tallest(money)).toBeCloseTo(56 * 0.2, 0);
    expect(await people.locator("rect.need.over").count()).toBe(3);
    expect(await money.locator("rect.need.over").count()).toBe(0);
    // The available line sits at 4 of 6 for the people.
    const line = Number(await people.getByTestId("avail-line").getAttribute("y1"));
    expect(line).toBeCloseTo(56 - (4 / 6) * 56, 1);
    expect(errors).toEqual([]);
  }, 90_000);

  it("the Gantt's scale has day, week and month zooms with a two-level header whose labels never overlap", async () => {
    const plan = emptyPlan({ title: "Rencana skala", fiscalYear: 2026, organizationName: "Dinas Contoh", start: "2026-12-21" });
    plan.activities = [
      { id: "k-a", name: "Persiapan", durationDays: 5, dependsOn: [] },
      { id: "k-b", name: "Pelaksanaan", durationDays: 40, dependsOn: [{ activityId: "k-a", type: "FS", lagDays: 0 }] },
    ];
    const created = await (await h.api())("POST", "/api/plans", plan);
    const { id } = (await created.json()) as { id: string };
    const { page, errors } = await h.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${h.baseUrl}/plans/${id}/jadwal`);
    await page.locator(".gantt-header").waitFor();
    // The float column's explanation button fits its header cell (not cut off by an ellipsis).
    const floatHelp = (await page.getByRole("button", { name: "Penjelasan: Float" }).boundingBox())!;
    const floatCell = (await page.locator(".s-head .c-float").boundingBox())!;
    expect(floatHelp.x + floatHelp.width).toBeLessThanOrEqual(floatCell.x + floatCell.width);
    expect(floatHelp.y).toBeGreaterThanOrEqual(floatCell.y);
    expect(floatHelp.y + floatHelp.height).toBeLessThanOrEqual(floatCell.y + floatCell.height);
    // …and on the same line as the column's name, not wrapped below it.
    expect(await page.locator(".s-head .c-float").evaluate((cell) => cell.scrollHeight <= cell.clientHeight && cell.scrollWidth <= cell.clientWidth)).toBe(true);
    const overlaps = () =>
      page.evaluate(() => {
        const found: string[] = [];
        for (const row of ["0", "1"]) {
          const boxes = Array.from(document.querySelectorAll<SVGTextElement>(`.gantt-header text[data-row="${row}"]`))
            .map((t) => ({ text: t.textContent ?? "", box: t.getBoundingClientRect() }))
            .sort((a, b) => a.box.left - b.box.left);
          for (let i = 1; i < boxes.length; i++) if (boxes[i]!.box.left < boxes[i - 1]!.box.right - 0.5) found.push(`${boxes[i - 1]!.text} / ${boxes[i]!.text}`);
        }
        return found;
      });
    const upper = () => page.locator('.gantt-header text[data-row="0"]').allTextContents();
    for (const [label, zoom] of [["Hari", "hari"], ["Minggu", "minggu"], ["Bulan", "bulan"]] as const) {
      await page.getByLabel("Skala").selectOption({ label });
      await expect.poll(() => page.locator(".gantt-header").getAttribute("data-zoom")).toBe(zoom);
      expect(await overlaps()).toEqual([]);
    }
    await page.getByLabel("Skala").selectOption({ label: "Hari" });
    await expect.poll(upper).toContain("Desember 2026");
    expect(await upper()).toContain("Januari 2027");
    expect(await page.locator('.gantt-header text[data-row="1"]').allTextContents()).toContain("31");
    await page.getByLabel("Skala").selectOption({ label: "Bulan" });
    await expect.poll(upper).toContain("2027");
    expect(errors).toEqual([]);
  }, 90_000);

  it("terms open their explanation; link types and the six principles say what they mean", async () => {
    const { page, errors } = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(h.baseUrl + "/");
    await page.getByRole("button", { name: "Rencana baru" }).click();
    await page.getByLabel("Judul rencana").fill("Rencana istilah");
    await page.getByLabel("Nama instansi").fill("Dinas Contoh");
    await page.getByRole("button", { name: "Buat rencana" }).click();
    await page.waitForURL(/\/plans\/([^/]+)\/sasaran$/);
    const planUrl = page.url().replace(/\/sasaran$/, "");

    await page.goto(`${planUrl}/analisis`);
    // The quadrant's axes are named and scaled, and the chart fits the phone.
    await expect.poll(() => page.getByTestId("axis-x").textContent()).toBe("IFAS: kekuatan − kelemahan →");
    expect(await page.getByTestId("axis-y").textContent()).toBe("EFAS: peluang − ancaman →");
    expect(await page.locator('.swot-chart text[data-axis="x"]').allTextContents()).toEqual(["-4", "-2", "0", "2", "4"]);
    const chart = (await page.locator(".swot-chart svg").boundingBox())!;
    expect(chart.x + chart.width).toBeLessThanOrEqual(390);
    // Whole, not squeezed by its caption: all four quadrants and the point are drawn inside it.
    expect(chart.width).toBeGreaterThanOrEqual(250);
    const point = (await page.getByTestId("swot-point").boundingBox())!;
    expect(point.x).toBeGreaterThanOrEqual(chart.x);
    expect(point.x + point.width).toBeLessThanOrEqual(chart.x + chart.width);
    const ifas = page.getByRole("button", { name: "Penjelasan: IFAS" });
    await ifas.click();
    const pop = page.locator(".term-pop:popover-open");
    await expect.poll(() => pop.textContent()).toContain("kekuatan dikurangi jumlah skor kelemahan");
    // Inside the phone's screen, and closed by Escape with focus back on its button.
    const box = (await pop.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.keyboard.press("Escape");
    await expect.poll(() => pop.count()).toBe(0);
    await page.getByRole("button", { name: "Penjelasan: TOWS" }).click();
    await expect.poll(() => page.locator(".term-pop:popover-open").textContent()).toContain("SO memakai kekuatan untuk meraih peluang");
    await page.keyboard.press("Escape");

    // Link types named by what they do, float explained.
    await page.goto(`${planUrl}/kegiatan`);
    for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "+ Kegiatan baru" }).click();
    await waitSaved(page);
    await page.goto(`${planUrl}/jadwal`);
    await page.locator('[data-activity] button.link').nth(1).click();
    await page.getByRole("button", { name: "+ Tambah pendahulu" }).click();
    const options = await page.locator('[data-path="activities[1].dependsOn[0].type"] option').allTextContents();
    expect(options).toContain("FS — mulai setelah pendahulu selesai");
    expect(options).toContain("SF — selesai setelah pendahulu mulai");
    await page.getByRole("button", { name: "Penjelasan: FS / SS / FF / SF" }).click();
    await expect.poll(() => page.locator(".term-pop:popover-open").textContent()).toContain("SS (mulai–mulai)");
    await page.keyboard.press("Escape");

    // The six principles with the module's explanation beside each box.
    await page.goto(`${planUrl}/pemangku-kepentingan`);
    await page.getByRole("button", { name: /Pemangku kepentingan baru/ }).click();
    await page.getByRole("button", { name: /Baris komunikasi/ }).click();
    const principles = page.locator('[data-path="communication[0].principles"]');
    await expect.poll(() => principles.textContent()).toContain("transparan: informatif dan jujur dalam berkomunikasi");
    await expect.poll(() => principles.textContent()).toContain("terlalu sering membuat apatis");
    await principles.getByLabel(/Seimbang/).check();
    await waitSaved(page);
    await page.getByRole("button", { name: "Penjelasan: Peta kekuasaan × kepentingan" }).click();
    await expect.poll(() => page.locator(".term-pop:popover-open").textContent()).toContain("Latents (kekuasaan tinggi, kepentingan rendah)");
    expect(errors).toEqual([]);
  }, 120_000);
});
