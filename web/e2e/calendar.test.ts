// The organisation's working calendar in Chromium (issue 10, item 6): the admin opens an
// undecreed year, sees it flagged as an estimate with what it cannot compute listed, adds a
// libur daerah, is refused a date outside the year with the row named, and the plan's schedule
// says which holidays its estimate could not count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minimalPlan } from "../../src/test-support/fixtures.js";
import { browserAvailability, screenshot, startHarness, type Harness } from "./support.js";

const availability = browserAvailability();
const d = availability.available ? describe : describe.skip;

d("working calendar in Chromium", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it("an admin keeps the year's holidays; the estimate lists what it lacks; the schedule says so", async () => {
    const admin = await h.createUser({ email: "admin.kalender@contoh.go.id", name: "Admin Kalender", roles: ["admin", "penyusun"] });
    const { page, errors } = await h.newPage({ signInAs: admin });
    await page.goto(`${h.baseUrl}/admin/kalender-kerja`);
    await page.getByTestId("calendar-admin").waitFor();
    await page.getByTestId("calendar-year").fill("2027");
    const status = page.getByTestId("calendar-status");
    await expect.poll(() => status.getAttribute("data-origin")).toBe("perkiraan");
    expect(await status.textContent()).toContain("Perkiraan");
    const unknown = (await page.getByTestId("calendar-unknown").textContent()) ?? "";
    for (const name of ["Hari Suci Nyepi", "Hari Raya Waisak", "Cuti bersama"]) expect(unknown).toContain(name);
    const before = await page.getByTestId("calendar-row").count();
    expect(before).toBeGreaterThan(5);

    // A libur daerah, first with a date outside the year: refused, the row named, nothing saved.
    await page.getByRole("button", { name: "+ Hari libur" }).click();
    const n = before + 1;
    await page.getByLabel(`Tanggal ${n}`, { exact: true }).fill("2028-03-02");
    await page.getByLabel(`Nama hari libur ${n}`, { exact: true }).fill("Hari Jadi Kabupaten Contoh");
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain(`Tanggal (baris ${n}) 2028-03-02 tidak di tahun 2027`);
    await page.getByLabel(`Tanggal ${n}`, { exact: true }).fill("2027-03-02");
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await expect.poll(async () => ((await page.getByRole("alert").count()) > 0 ? await page.getByRole("alert").first().textContent() : "") ?? "").toBe("");
    await page.getByRole("status").filter({ hasText: "Tersimpan." }).waitFor();
    await expect.poll(() => status.getAttribute("data-origin")).toBe("organisasi");
    expect(await status.getAttribute("data-decreed")).toBe("false");
    expect(await page.getByTestId("calendar-row").count()).toBe(n);
    await screenshot(page, "kalender-kerja");

    // The plan's schedule over 2027 names what the estimate could not count, and the libur daerah is off.
    const created = await (await h.api(admin))(
      "POST",
      "/api/plans",
      minimalPlan({ start: "2027-03-01", activities: [{ id: "k1", name: "Pendataan", output: "Data", durationDays: 3, dependsOn: [] }], assignments: [], budget: [] }),
    );
    expect(created.status).toBe(201);
    const planId = ((await created.json()) as { id: string }).id;
    const schedule = (await (await (await h.api(admin))("GET", `/api/plans/${planId}/schedule`)).json()) as { finish: string };
    expect(schedule.finish).toBe("2027-03-04");
    await page.goto(`${h.baseUrl}/plans/${planId}/jadwal`);
    const note = page.getByTestId("schedule-unknown-holidays");
    await note.waitFor();
    expect(await note.textContent()).toContain("Hari Suci Nyepi 2027");
    // The one console error is the refused save's 400 (the date outside the year), answered on purpose.
    expect(errors).toEqual(["console: Failed to load resource: the server responded with a status of 400 (Bad Request)"]);
  }, 240_000);
});
