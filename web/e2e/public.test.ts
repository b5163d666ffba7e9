// The citizens' side end to end at a phone's size (390×844): the unit publishes the adopted
// standard's page in the app; a citizen, not signed in, opens /layanan/<slug> (no sideways
// scroll, no serious axe violation), files a complaint and an SKM questionnaire; the unit answers
// the complaint and sees the IKM, adds an improvement activity from a finding; the citizen's
// tracking code then shows the answer.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, VIEWPORTS, axeViolations, browserAvailability, horizontalOverflow, openSidePanel, putTeam, screenshot, startHarness, waitSaved, type Harness } from "./support.js";

const availability = browserAvailability();
const d = availability.available ? describe : describe.skip;

d("public service page and the unit's answer (390×844)", () => {
  let h: Harness;
  let planId = "";
  const slug = "adminduk-keliling";
  beforeAll(async () => {
    h = await startHarness();
    const plan = JSON.parse(readFileSync(join(PROJECT_ROOT, "examples", "adminduk-keliling-lansia.json"), "utf8")) as unknown;
    const call = await h.api();
    const res = await call("POST", "/api/plans", plan);
    expect(res.status).toBe(201);
    planId = ((await res.json()) as { id: string }).id;
    expect((await putTeam(call, planId, [{ userId: h.defaultUser.user.id, role: "penyusun" }])).status).toBe(200);
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it("a citizen files a complaint and an SKM response; the unit answers and sees the IKM", async () => {
    // The unit publishes the page from the app.
    const unit = await h.newPage();
    await unit.page.setViewportSize(VIEWPORTS.phone);
    await unit.page.goto(`${h.baseUrl}/plans/${planId}/layanan-publik`);
    await unit.page.getByTestId("publish-page").click();
    await expect.poll(() => unit.page.getByTestId("public-page-link").textContent()).toBe(`/layanan/${slug}`);

    // A citizen, not signed in, on a phone.
    const citizen = await h.newPage({ signInAs: false });
    await citizen.page.setViewportSize(VIEWPORTS.phone);
    const started = Date.now();
    const response = await citizen.page.goto(`${h.baseUrl}/layanan/${slug}`);
    expect(response?.status()).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    await citizen.page.getByRole("heading", { name: "Maklumat pelayanan" }).waitFor();
    expect(await citizen.page.getByTestId("maklumat").textContent()).toContain("Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan");
    expect(await citizen.page.locator("script").count()).toBe(0);
    expect(await horizontalOverflow(citizen.page)).toBe(0);
    expect(await axeViolations(citizen.page)).toEqual([]);
    await screenshot(citizen.page, "public-phone-layanan");

    // The complaint, anonymous; sent after the minimum fill time.
    await citizen.page.getByLabel("Saran", { exact: true }).check();
    await citizen.page.getByLabel(/Isi pengaduan, saran atau masukan/).fill("Mohon jadwal kunjungan ke panti diumumkan seminggu sebelumnya.");
    await citizen.page.waitForTimeout(3_200);
    await citizen.page.locator("#pengaduan").getByRole("button", { name: "Kirim" }).click();
    const code = (await citizen.page.getByTestId("tracking-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await axeViolations(citizen.page)).toEqual([]);

    // The SKM questionnaire: U3 and U8 answered 3 (75,00: below Baik), the rest 4.
    const answers = [4, 4, 3, 4, 4, 4, 4, 3, 4];
    for (const [i, a] of answers.entries()) await citizen.page.locator(`input[name="u${i + 1}"][value="${a}"]`).check();
    await citizen.page.getByLabel("Jenis kelamin").selectOption("L");
    await citizen.page.getByLabel("Umur (tahun)").fill("45");
    await citizen.page.getByLabel("Saran (boleh dikosongkan)").fill("Tambah petugas perekaman pada hari Senin");
    await citizen.page.waitForTimeout(3_200);
    await citizen.page.getByRole("button", { name: "Kirim penilaian" }).click();
    await citizen.page.getByTestId("skm-thanks").waitFor();

    // The unit answers the complaint and sees the IKM.
    await unit.page.reload();
    const item = unit.page.getByTestId(`complaint-${code}`);
    await item.waitFor();
    await unit.page.getByTestId(`complaint-status-${code}`).selectOption("dijawab");
    await unit.page.getByTestId(`complaint-answer-${code}`).fill("Mulai bulan depan jadwal diumumkan lewat desa seminggu sebelumnya.");
    await unit.page.getByTestId(`complaint-save-${code}`).click();
    await expect.poll(() => unit.page.getByTestId(`complaint-status-${code}`).inputValue()).toBe("dijawab");
    // Σ answers 34 of one respondent: IKM = 25·34/9 = 94,44 (A).
    await expect.poll(() => unit.page.getByTestId("ikm-value").textContent()).toBe("IKM 94,44");
    expect(await unit.page.getByTestId("ikm-result").textContent()).toContain("Sangat Baik");
    expect(await unit.page.getByTestId("ikm-priority").textContent()).toContain("U3 Waktu penyelesaian (3,00)");
    await unit.page.getByTestId("nrr-chart").waitFor();
    expect(await horizontalOverflow(unit.page)).toBe(0);
    await screenshot(unit.page, "public-phone-unit");

    // The citizens' verdict is a finding of the plan: in the findings panel of its stage too.
    await unit.page.reload();
    await openSidePanel(unit.page);
    await expect.poll(() => unit.page.locator("#workspace-aside li.finding").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('unsur U3 "Waktu penyelesaian" bernilai')]));
    await unit.page.keyboard.press("Escape"); // the drawer closes
    await unit.page.locator("#workspace-aside.open").waitFor({ state: "detached" });

    // Closing the loop: U3 below Baik becomes a finding; one click adds an improvement activity to the plan.
    const before = ((await (await (await h.api())("GET", `/api/plans/${planId}`)).json()) as { plan: { activities: unknown[] } }).plan.activities.length;
    await unit.page.getByTestId("add-improvement-U3").click();
    await waitSaved(unit.page);
    const after = ((await (await (await h.api())("GET", `/api/plans/${planId}`)).json()) as { plan: { activities: { name: string }[] } }).plan.activities;
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)?.name).toBe("Perbaikan unsur waktu penyelesaian (SKM)");

    // The citizen's tracking code shows the status and the answer.
    await citizen.page.goto(`${h.baseUrl}/layanan/${slug}?kode=${code}`);
    const result = await citizen.page.getByTestId("tracking-result").textContent();
    expect(result).toContain("Dijawab");
    expect(result).toContain("Mulai bulan depan jadwal diumumkan lewat desa seminggu sebelumnya.");
    expect(result).not.toContain("panti");
    expect(unit.errors).toEqual([]);
    expect(citizen.errors).toEqual([]);
  }, 180_000);
});
