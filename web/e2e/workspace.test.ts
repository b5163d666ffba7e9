// The workspace end to end: real server, real SQLite, Debian's Chromium.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyPlan } from "../../src/domain/plan/empty.js";
import type { Plan } from "../../src/domain/plan/schema.js";
import { PROJECT_ROOT, browserAvailability, openSidePanel, savedVersion, screenshot, startHarness, waitSaved, type Harness } from "./support.js";

const availability = browserAvailability();
const d = availability.available ? describe : describe.skip;

async function apiCreate(h: Harness, plan: Plan): Promise<{ id: string; version: number }> {
  const res = await (await h.api())("POST", "/api/plans", plan);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; version: number };
}

async function apiGet(h: Harness, id: string): Promise<{ version: number; plan: Plan }> {
  const res = await (await h.api())("GET", `/api/plans/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { version: number; plan: Plan };
}

async function fill(page: Page, dataPath: string, value: string) {
  await page.locator(`[data-path="${dataPath}"]`).fill(value);
}

async function gotoStage(page: Page, label: RegExp) {
  await page.getByRole("navigation").getByRole("link", { name: label }).click();
  await page.waitForSelector(".stage-main h1");
}

d("planning workspace in Chromium", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it("a new user creates a plan from nothing through every stage and downloads the documents", async () => {
    const { page, errors } = await h.newPage();
    await page.goto(h.baseUrl + "/");
    await page.getByRole("button", { name: "Rencana baru" }).click();
    await page.getByLabel("Judul rencana").fill("Pelayanan KTP-el Keliling");
    await page.getByLabel("Nama instansi").fill("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Contoh");
    await page.getByLabel("Unit kerja").fill("Seksi Identitas Penduduk");
    await page.locator("#new-year").fill("2027");
    await page.getByRole("button", { name: "Buat rencana" }).click();
    await page.waitForURL(/\/plans\/[^/]+\/sasaran$/);
    const planId = page.url().split("/")[4]!;

    // Stage 1: target groups and their totals.
    await page.getByRole("button", { name: "+ Kelompok baru" }).click();
    await fill(page, "targetGroups[0].name", "Lansia");
    await fill(page, "targetGroups[0].size", "1200");
    await page.getByRole("button", { name: "+ Kelompok baru" }).click();
    await fill(page, "targetGroups[1].name", "Penyandang disabilitas");
    await fill(page, "targetGroups[1].size", "350");
    await expect.poll(() => page.getByTestId("target-totals").textContent()).toContain("2 kelompok, 1.550 orang");
    await waitSaved(page);
    await screenshot(page, "new-plan-01-sasaran");

    // Stage 2: SWOT with weights and ratings, a TOWS strategy linked to its factors.
    await gotoStage(page, /2 Analisis/);
    const strengths = page.locator(".q-strength");
    await strengths.getByRole("button", { name: "+ Faktor baru" }).click();
    await fill(page, "analysis.factors[0].text", "Operator berpengalaman");
    await fill(page, "analysis.factors[0].weight", "0.6");
    await fill(page, "analysis.factors[0].rating", "4");
    await page.locator(".q-opportunity").getByRole("button", { name: "+ Faktor baru" }).click();
    await fill(page, "analysis.factors[1].text", "Dukungan kader desa");
    await fill(page, "analysis.factors[1].weight", "0.5");
    await fill(page, "analysis.factors[1].rating", "3");
    await expect.poll(() => page.getByTestId("ifas").textContent()).toBe("2,40");
    await expect.poll(() => page.getByTestId("swot-quadrant").textContent()).toBe("I");
    await page.getByRole("button", { name: "+ SO" }).click();
    await fill(page, "analysis.strategies[0].text", "Layanan jemput bola bersama kader");
    await page.locator('[data-path="analysis.strategies[0].factorIds"]').getByLabel(/Operator berpengalaman/).check();
    await page.locator('[data-path="analysis.strategies[0].factorIds"]').getByLabel(/Dukungan kader/).check();
    await waitSaved(page);
    await screenshot(page, "new-plan-02-analisis");

    // Stage 3: direction and activities traced to a target and a strategy.
    await gotoStage(page, /3 Kegiatan/);
    await fill(page, "direction.vision", "Semua lansia memiliki KTP-el");
    await page.getByRole("button", { name: "+ Tujuan baru" }).click();
    await fill(page, "direction.goals[0].text", "Meningkatkan cakupan KTP-el lansia");
    await page.getByRole("button", { name: "+ Sasaran baru" }).click();
    await fill(page, "direction.targets[0].text", "Cakupan KTP-el lansia naik");
    await fill(page, "direction.targets[0].indicator", "Persentase lansia ber-KTP-el");
    await fill(page, "direction.targets[0].targetValue", "95%");
    for (const name of ["Rapat persiapan", "Perekaman keliling", "Pelaporan"]) {
      await page.getByRole("button", { name: "+ Kegiatan baru" }).click();
      const i = (await page.locator('tr[data-path^="activities["]').count()) - 1;
      await fill(page, `activities[${i}].name`, name);
      await fill(page, `activities[${i}].output`, `Keluaran ${name.toLowerCase()}`);
      await page.locator(`[data-path="activities[${i}].targetId"]`).selectOption({ label: "Cakupan KTP-el lansia naik" });
    }
    await expect.poll(() => page.locator(".tree").textContent()).toContain("Perekaman keliling");
    await waitSaved(page);
    await screenshot(page, "new-plan-03-kegiatan");

    // Stage 4: durations and links, re-scheduled at once.
    await gotoStage(page, /4 Jadwal/);
    await fill(page, "activities[0].durationDays", "2");
    await fill(page, "activities[1].durationDays", "10");
    await page.locator('[data-activity]:has-text("Perekaman keliling") button.link').first().click();
    await page.getByRole("button", { name: "+ Tambah pendahulu" }).click();
    await page.locator('[data-activity]:has-text("Pelaporan") button.link').first().click();
    await page.getByRole("button", { name: "+ Tambah pendahulu" }).click();
    await page.locator('[data-path="activities[2].dependsOn[0].activityId"]').selectOption({ label: "2. Perekaman keliling" });
    const rows = page.locator(".s-row[data-activity]");
    await expect.poll(async () => {
      const start = await rows.nth(2).getByTestId("start").getAttribute("data-date");
      const finishBefore = await rows.nth(1).getByTestId("finish").getAttribute("data-date");
      return Boolean(start && finishBefore && start > finishBefore);
    }).toBe(true);
    await waitSaved(page);
    await screenshot(page, "new-plan-04-jadwal");

    // Team first (activities and communication name their owners).
    await gotoStage(page, /^Tim/);
    const members: [string, string, string][] = [
      ["Drs. Bambang Santoso", "Kepala Dinas", "Pengarah"],
      ["Siti Aminah, S.Sos", "Kepala Seksi Identitas Penduduk", "Ketua"],
      ["Agus Wibowo", "Operator SIAK", "Anggota"],
    ];
    for (const [i, [name, position, role]] of members.entries()) {
      await page.getByRole("button", { name: "+ Anggota baru" }).click();
      await fill(page, `team[${i}].name`, name);
      await fill(page, `team[${i}].position`, position);
      await page.locator(`[data-path="team[${i}].role"]`).selectOption({ label: role });
      await fill(page, `team[${i}].duties`, "Mengoordinasikan pelaksanaan\nMelaporkan hasil");
    }
    await waitSaved(page);
    await screenshot(page, "new-plan-06-tim");

    // Stage 5: resources, assignment, RAB with totals in Rupiah.
    await gotoStage(page, /5 Sumber Daya/);
    await page.getByRole("button", { name: "+ Sumber daya baru" }).click();
    await fill(page, "resources[0].name", "Operator perekaman");
    await fill(page, "resources[0].available", "2");
    await page.getByRole("button", { name: "+ Penugasan" }).click();
    await fill(page, "assignments[0].quantity", "3");
    await page.getByRole("button", { name: "+ Belanja baru" }).click();
    await fill(page, "budget[0].item", "Konsumsi petugas");
    await fill(page, "budget[0].volume", "20");
    await fill(page, "budget[0].unit", "kotak");
    await fill(page, "budget[0].unitPrice", "35000");
    await expect.poll(() => page.getByTestId("rab-total").textContent()).toContain("Rp700.000");
    await expect.poll(() => page.locator(".load-chart").textContent()).toContain("melebihi");
    await waitSaved(page);
    await screenshot(page, "new-plan-05-sumber-daya");

    // Stakeholders, the grid and a communication row with principles.
    await gotoStage(page, /Pemangku/);
    await page.getByRole("button", { name: "+ Pemangku kepentingan baru" }).click();
    await fill(page, "stakeholders[0].name", "Camat");
    await fill(page, "stakeholders[0].power", "4");
    await fill(page, "stakeholders[0].interest", "4");
    await expect.poll(() => page.getByTestId("sh-quadrant").first().textContent()).toContain("Promoters");
    // Drag the stakeholder on the power × interest grid to low power, low interest…
    const chip = page.locator('.pi-chip:has-text("Camat")');
    await chip.scrollIntoViewIfNeeded();
    const grid = (await page.getByTestId("pi-grid").boundingBox())!;
    const box = (await chip.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(grid.x + 40, grid.y + grid.height - 30, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId("sh-quadrant").first().textContent()).toContain("Apathetics");
    expect(await page.locator('[data-path="stakeholders[0].power"]').inputValue()).toBe("1");
    expect(await page.locator('[data-path="stakeholders[0].interest"]').inputValue()).toBe("1");
    // …and back with the keyboard: three steps up and three to the right.
    await chip.focus();
    for (const key of ["ArrowUp", "ArrowUp", "ArrowUp", "ArrowRight", "ArrowRight", "ArrowRight"]) await page.keyboard.press(key);
    await expect.poll(() => page.getByTestId("sh-quadrant").first().textContent()).toContain("Promoters");
    await page.getByRole("button", { name: "+ Baris komunikasi" }).click();
    await fill(page, "communication[0].objective", "Dukungan tempat pelayanan");
    await fill(page, "communication[0].message", "Jadwal keliling per desa");
    await fill(page, "communication[0].channel", "Rapat koordinasi");
    await fill(page, "communication[0].frequency", "Bulanan");
    await page.locator('[data-path="communication[0].principles"]').getByLabel("Terbuka").check();
    await page.locator('[data-path="communication[0].principles"]').getByLabel("Terstruktur").check();
    await waitSaved(page);
    await screenshot(page, "new-plan-07-pemangku-kepentingan");

    await gotoStage(page, /Mobilisasi/);
    await page.getByRole("button", { name: "+ Mitra baru" }).click();
    await fill(page, "mobilization[0].partner", "Bank BPD");
    await page.getByRole("button", { name: "Tahap berikutnya: Bank BPD" }).click();
    await expect.poll(() => page.locator('section:has(#col-first-contact) article[aria-label="Bank BPD"]').count()).toBe(1);
    await waitSaved(page);
    await screenshot(page, "new-plan-08-mobilisasi");

    // Documents: the decree, its preview, and the downloads.
    await gotoStage(page, /Dokumen/);
    await fill(page, "decree.issuerTitle", "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN CONTOH");
    await fill(page, "decree.place", "Contoh");
    await fill(page, "decree.date", "2027-01-04");
    await fill(page, "decree.signatory.name", "Drs. Hadi Prasetyo, M.Si");
    await fill(page, "decree.signatory.position", "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Contoh");
    await fill(page, "decree.considerations", "bahwa untuk meningkatkan cakupan KTP-el lansia perlu dibentuk tim");
    await fill(page, "decree.legalBases", "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik");
    await fill(page, "decree.copiesTo", "Bupati Contoh");
    await expect.poll(() => page.getByTestId("sk-preview").textContent()).toContain("4 Januari 2027");
    await expect.poll(() => page.getByTestId("sk-preview").textContent()).toContain("Siti Aminah, S.Sos");
    await waitSaved(page);
    await screenshot(page, "new-plan-09-dokumen");

    const saved = await apiGet(h, planId);
    expect(saved.plan.targetGroups.map((g) => g.size)).toEqual([1200, 350]);
    expect(saved.plan.activities).toHaveLength(3);
    expect(saved.plan.activities[2]!.dependsOn[0]!.activityId).toBe(saved.plan.activities[1]!.id);
    expect(saved.plan.team.map((m) => m.role)).toEqual(["pengarah", "ketua", "anggota"]);
    expect(saved.plan.budget[0]!.unitPrice).toBe(35000);
    expect(saved.plan.decree.legalBases).toHaveLength(1);

    // Downloads: the plan JSON always; each document that the server offers.
    const dir = mkdtempSync(join(tmpdir(), "rencana-dl-"));
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-json").click()]);
    const jsonPath = join(dir, json.suggestedFilename() || "plan.json");
    await json.saveAs(jsonPath);
    expect((JSON.parse(readFileSync(jsonPath, "utf8")) as Plan).title).toBe("Pelayanan KTP-el Keliling");
    const offered: string[] = [];
    for (const testId of ["download-sk-docx", "download-sk-pdf", "download-plan-docx", "download-plan-pdf", "download-budget-xlsx", "download-calendar-ics"]) {
      const href = await page.getByTestId(testId).getAttribute("href");
      const probe = await page.request.get(h.baseUrl + href);
      const required = testId.startsWith("download-sk-") || testId.startsWith("download-plan-");
      if (!required && probe.status() === 404 && (await probe.text()).includes("not_found")) continue; // not served by this build
      expect(probe.status(), `${testId}: ${await probe.text()}`).toBe(200);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
      const p = join(dir, download.suggestedFilename());
      await download.saveAs(p);
      expect(readFileSync(p).length).toBeGreaterThan(100);
      offered.push(testId);
    }
    console.info(`documents downloaded: ${offered.join(", ") || "(none served yet)"}`);
    expect(errors).toEqual([]);

    // A download refused by the server is shown, not saved: with the session gone, the click asks to sign in again.
    await page.context().clearCookies();
    let downloaded = false;
    page.on("download", () => (downloaded = true));
    await page.getByTestId("download-sk-docx").click();
    await page.getByRole("dialog").getByLabel("Kata sandi").waitFor();
    expect(downloaded).toBe(false);
  }, 180_000);

  it("changing a link in the schedule moves the dependent activities", async () => {
    const plan = emptyPlan({ title: "Uji tautan", fiscalYear: 2027, organizationName: "Dinas Contoh", start: "2027-03-01" });
    plan.calendar.nationalHolidays = false;
    plan.activities = [
      { id: "a", name: "Persiapan", durationDays: 5, dependsOn: [] },
      { id: "b", name: "Pelaksanaan", durationDays: 3, dependsOn: [{ activityId: "a", type: "FS", lagDays: 0 }] },
      { id: "c", name: "Pelaporan", durationDays: 2, dependsOn: [{ activityId: "b", type: "FS", lagDays: 0 }] },
    ];
    const created = await apiCreate(h, plan);
    const { page, errors } = await h.newPage();
    await page.goto(`${h.baseUrl}/plans/${created.id}/jadwal`);
    const row = (id: string) => page.locator(`.s-row[data-activity="${id}"]`);
    await expect.poll(() => row("b").getByTestId("start").getAttribute("data-date")).toBe("2027-03-08");
    expect(await row("c").getByTestId("start").getAttribute("data-date")).toBe("2027-03-11");
    expect(await page.locator('rect[data-activity="c"]').getAttribute("data-start")).toBe("2027-03-11");

    // FS → SS: Pelaksanaan starts with Persiapan, and Pelaporan follows it.
    await row("b").locator("button.link").click();
    await page.locator('[data-path="activities[1].dependsOn[0].type"]').selectOption("SS");
    await expect.poll(() => row("b").getByTestId("start").getAttribute("data-date")).toBe("2027-03-01");
    expect(await row("c").getByTestId("start").getAttribute("data-date")).toBe("2027-03-04");
    expect(await page.locator('rect[data-activity="c"]').getAttribute("data-start")).toBe("2027-03-04");
    await expect.poll(() => page.locator("path.g-link.SS").count()).toBe(1);

    // A lag of 2 days on the link moves both again.
    await page.locator('[data-path="activities[1].dependsOn[0].lagDays"]').fill("2");
    await expect.poll(() => row("c").getByTestId("start").getAttribute("data-date")).toBe("2027-03-08");
    await waitSaved(page);
    const saved = await apiGet(h, created.id);
    expect(saved.plan.activities[1]!.dependsOn[0]).toEqual({ activityId: "a", type: "SS", lagDays: 2 });
    await screenshot(page, "schedule-link-changed");
    expect(errors).toEqual([]);
  }, 90_000);

  it("the Gantt shades weekends and holidays, draws a today line, and all four link types", async () => {
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const start = new Date(Date.now() - 10 * 86_400_000);
    const holiday = new Date(Date.now() + 3 * 86_400_000);
    const plan = emptyPlan({ title: "Uji Gantt", fiscalYear: start.getUTCFullYear(), organizationName: "Dinas Contoh", start: iso(start) });
    plan.calendar.holidays = [{ date: iso(holiday), name: "Libur daerah" }];
    plan.activities = [
      { id: "a", name: "A", durationDays: 5, dependsOn: [] },
      { id: "b", name: "B", durationDays: 5, dependsOn: [{ activityId: "a", type: "FS", lagDays: 0 }] },
      { id: "c", name: "C", durationDays: 3, dependsOn: [{ activityId: "a", type: "SS", lagDays: 1 }] },
      { id: "d", name: "D", durationDays: 3, dependsOn: [{ activityId: "b", type: "FF", lagDays: 0 }] },
      { id: "e", name: "E", durationDays: 2, dependsOn: [{ activityId: "c", type: "SF", lagDays: 2 }] },
      { id: "m", name: "Selesai", durationDays: 0, dependsOn: [{ activityId: "d", type: "FS", lagDays: 0 }] },
    ];
    const created = await apiCreate(h, plan);
    const { page, errors } = await h.newPage();
    await page.goto(`${h.baseUrl}/plans/${created.id}/jadwal`);
    await page.waitForSelector("rect.g-bar");
    expect(await page.getByTestId("today-line").count()).toBe(1);
    expect(await page.locator("rect.g-weekend").count()).toBeGreaterThan(0);
    expect(await page.locator("rect.g-holiday").count()).toBeGreaterThan(0);
    for (const [type, count] of [["FS", 2], ["SS", 1], ["FF", 1], ["SF", 1]] as const) expect(await page.locator(`path.g-link.${type}`).count(), type).toBe(count);
    expect(await page.locator("rect.g-bar.critical").count()).toBeGreaterThan(0);
    expect(await page.locator("path.g-milestone").count()).toBe(1);
    await screenshot(page, "schedule-link-types");
    expect(errors).toEqual([]);
  }, 60_000);

  it("without the live stream, a conflicting edit from a second browser is surfaced and nothing is lost", async () => {
    const plan = emptyPlan({ title: "Judul awal", fiscalYear: 2027, organizationName: "Dinas Contoh" });
    plan.targetGroups = [
      { id: "g1", name: "Lansia", size: 100 },
      { id: "g2", name: "Difabel", size: 40 },
    ];
    const created = await apiCreate(h, plan);
    const alice = await h.newPage();
    const bob = await h.newPage();
    // A proxy that cuts the event stream: edits meet only at save time, as before live co-editing (web/e2e/live.test.ts).
    for (const p of [alice.page, bob.page]) await p.route("**/events?*", (route) => route.abort());
    await alice.page.goto(`${h.baseUrl}/plans/${created.id}/sasaran`);
    await bob.page.goto(`${h.baseUrl}/plans/${created.id}/sasaran`);
    await alice.page.waitForSelector('[data-path="title"]');
    await bob.page.waitForSelector('[data-path="title"]');

    // Alice saves first: a new title and a new size for Lansia.
    await fill(alice.page, "title", "Judul dari Alice");
    await fill(alice.page, "targetGroups[0].size", "150");
    expect(await savedVersion(alice.page)).toBeGreaterThan(created.version);

    // Bob, still on the first version, changes the same title and another field.
    await fill(bob.page, "title", "Judul dari Bob");
    await fill(bob.page, "targetGroups[1].needs", "Pendampingan juru bahasa isyarat");
    const conflict = bob.page.getByTestId("conflict");
    await expect.poll(() => conflict.count(), { timeout: 15_000 }).toBe(1);
    expect(await conflict.getByTestId("conflict-mine").textContent()).toBe("Judul dari Bob");
    expect(await conflict.getByTestId("conflict-theirs").textContent()).toBe("Judul dari Alice");
    await screenshot(bob.page, "conflict-panel");

    // Bob's other edit was merged onto Alice's version, and Alice's size change is there for Bob.
    await waitSaved(bob.page);
    let server = await apiGet(h, created.id);
    expect(server.plan.title).toBe("Judul dari Alice");
    expect(server.plan.targetGroups[0]!.size).toBe(150);
    expect(server.plan.targetGroups[1]!.needs).toBe("Pendampingan juru bahasa isyarat");
    expect(await bob.page.locator('[data-path="targetGroups[0].size"]').inputValue()).toBe("150");

    // Bob keeps his title: nothing is lost on either side.
    await bob.page.getByRole("button", { name: "Pakai nilai saya" }).click();
    await waitSaved(bob.page);
    server = await apiGet(h, created.id);
    expect(server.plan.title).toBe("Judul dari Bob");
    expect(server.plan.targetGroups[0]!.size).toBe(150);
    expect(server.plan.targetGroups[1]!.needs).toBe("Pendampingan juru bahasa isyarat");

    // Undo (Ctrl+Z) takes back Bob's last edit and saves that too.
    await bob.page.locator('[data-path="targetGroups[1].needs"]').focus();
    await bob.page.keyboard.press("Control+z");
    await expect.poll(() => bob.page.locator('[data-path="title"]').inputValue()).toBe("Judul dari Alice");
    await waitSaved(bob.page);
    expect((await apiGet(h, created.id)).plan.title).toBe("Judul dari Alice");
    expect([...alice.errors, ...bob.errors].filter((e) => !e.includes("409") && !e.includes("ERR_FAILED") && !e.includes("EventSource"))).toEqual([]);
  }, 90_000);

  it("text with markup typed into fields shows as text", async () => {
    const created = await apiCreate(h, emptyPlan({ title: "Uji markup", fiscalYear: 2027, organizationName: "Dinas Contoh" }));
    const { page, errors } = await h.newPage();
    await page.goto(`${h.baseUrl}/plans/${created.id}/sasaran`);
    const hostile = `<b>tebal</b><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
    await fill(page, "title", hostile);
    await page.getByRole("button", { name: "+ Kelompok baru" }).click();
    await fill(page, "targetGroups[0].name", hostile);
    await waitSaved(page);
    await expect.poll(() => page.locator(".stage-nav .plan-title").textContent()).toBe(hostile);
    await page.reload();
    await page.waitForSelector('[data-path="title"]');
    expect(await page.locator('[data-path="title"]').inputValue()).toBe(hostile);
    expect(await page.locator(".stage-nav .plan-title").textContent()).toBe(hostile);
    expect(await page.locator(".stage-nav b, .stage-main b, .stage-nav img, .stage-main img").count()).toBe(0);
    await gotoStage(page, /Dokumen/);
    await expect.poll(() => page.getByTestId("sk-preview").textContent()).toContain("<b>tebal</b>".toUpperCase());
    expect(await page.locator(".sk-paper img, .sk-paper b, .sk-paper script").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  }, 60_000);

  it("a finding jumps to the field concerned, and errors show in the chosen language", async () => {
    const plan = emptyPlan({ title: "Uji temuan", fiscalYear: 2027, organizationName: "Dinas Contoh" });
    plan.activities = [{ id: "k1", name: "Kegiatan tanpa penanggung jawab", durationDays: 2, dependsOn: [] }];
    const created = await apiCreate(h, plan);
    const { page, errors } = await h.newPage();
    await page.goto(`${h.baseUrl}/plans/${created.id}/sasaran`);
    await openSidePanel(page);
    await page.getByLabel("Semua tahap").check();
    await page.waitForSelector('.findings button[data-target-path^="activities[0]"]', { timeout: 20_000 });
    const finding = page.locator('.findings button[data-target-path^="activities[0]"]').first();
    const target = (await finding.getAttribute("data-target-path"))!;
    await finding.click();
    await page.waitForURL(/\/(kegiatan|jadwal)$/);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.path ?? "")).not.toBe("");
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.path!);
    expect(target.startsWith(focused), `${target} focuses ${focused}`).toBe(true);

    // A file that is not a valid plan: every error with its path, in Indonesian, then in English.
    const bad = writePlanFile({ ...plan, fiscalYear: 1900, activities: [{ ...plan.activities[0]!, durationDays: -1 }] } as Plan);
    await page.goto(h.baseUrl + "/");
    await page.waitForSelector("#filter-q");
    await page.getByTestId("import-file").setInputFiles(bad);
    await page.waitForSelector(".error-box", { timeout: 20_000 });
    await expect.poll(() => page.locator(".error-box").textContent()).toContain("activities[0].durationDays: tidak boleh kurang dari 0");
    expect(await page.locator(".error-box").textContent()).toContain("fiscalYear");
    await page.locator("#lang-select").selectOption("en");
    await page.getByTestId("import-file").setInputFiles(bad);
    await expect.poll(() => page.locator(".error-box").textContent()).toContain("activities[0].durationDays: must not be less than 0");
    // The server's own errors arrive in the chosen language too.
    const res = await page.evaluate(async (id) => {
      const { csrfToken } = (await (await fetch("/api/session")).json()) as { csrfToken: string };
      const headers = { "Content-Type": "application/json-patch+json", "If-Match": "1", "Accept-Language": "en", "x-csrf-token": csrfToken };
      return (await fetch(`/api/plans/${id}`, { method: "PATCH", headers, body: JSON.stringify([{ op: "replace", path: "/fiscalYear", value: 1900 }]) })).json();
    }, created.id);
    expect(JSON.stringify(res)).toMatch(/must not be less than|less than/);
    await page.locator("#lang-select").selectOption("id");
    expect(errors.filter((e) => !e.includes("400"))).toEqual([]);
  }, 60_000);

  it("imports the demo plan from a file and shows every screen (screenshots)", async () => {
    const { page, errors } = await h.newPage();
    await page.goto(h.baseUrl + "/");
    await page.getByTestId("import-file").setInputFiles(join(PROJECT_ROOT, "examples", "adminduk-keliling-lansia.json"));
    await page.waitForURL(/\/plans\/[^/]+\/sasaran$/);
    await page.waitForSelector('[data-path="title"]');
    const stages: [RegExp, string][] = [
      [/1 Sasaran/, "sasaran"], [/2 Analisis/, "analisis"], [/3 Kegiatan/, "kegiatan"], [/4 Jadwal/, "jadwal"], [/5 Sumber Daya/, "sumber-daya"],
      [/^Tim/, "tim"], [/Pemangku/, "pemangku-kepentingan"], [/Mobilisasi/, "mobilisasi"], [/Dokumen/, "dokumen"],
    ];
    for (const [label, name] of stages) {
      await gotoStage(page, label);
      await page.waitForTimeout(150);
      await screenshot(page, `demo-${name}`);
      if (name === "pemangku-kepentingan") {
        await page.getByTestId("pi-grid").scrollIntoViewIfNeeded();
        await screenshot(page, "demo-pemangku-kepentingan-peta");
      }
      if (name === "dokumen") {
        await page.getByTestId("sk-preview").scrollIntoViewIfNeeded();
        await screenshot(page, "demo-dokumen-pratinjau-sk");
      }
      if (name === "analisis") {
        await page.locator(".swot-chart").scrollIntoViewIfNeeded();
        await screenshot(page, "demo-analisis-ifas-efas");
      }
    }
    await page.locator("#lang-select").selectOption("en");
    await gotoStage(page, /4 Schedule/);
    await expect.poll(() => page.locator("h1").textContent()).toContain("Activity schedule");
    await screenshot(page, "demo-jadwal-en");
    await page.locator("#lang-select").selectOption("id");
    await page.goto(h.baseUrl + "/");
    await page.waitForSelector("table");
    await screenshot(page, "plan-list");
    await page.getByLabel("Cari judul").fill("Adminduk");
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    await page.getByLabel("Tahun anggaran").selectOption("2026");
    await expect.poll(() => page.getByText("Belum ada rencana").count()).toBe(1);
    expect(errors).toEqual([]);
  }, 90_000);
});

// Keep a copy of a plan file for manual import checks; harmless when unused.
export function writePlanFile(plan: Plan): string {
  const p = join(mkdtempSync(join(tmpdir(), "rencana-plan-")), "plan.json");
  writeFileSync(p, JSON.stringify(plan));
  return p;
}
