// Editing as a new user does it, in Chromium at a laptop's and a phone's width: a refused number
// explained beside its field and kept over a reload while every other edit saves; Indonesian
// number notation.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../src/domain/plan/schema.js";
import { PROJECT_ROOT, browserAvailability, putTeam, startHarness, type Harness } from "./support.js";

const availability = browserAvailability();
const d = availability.available ? describe : describe.skip;

d("editing: every refused input explained, nothing lost", () => {
  let h: Harness;
  const demo = JSON.parse(readFileSync(join(PROJECT_ROOT, "examples", "adminduk-keliling-lansia.json"), "utf8")) as Plan;
  async function createDemo(): Promise<string> {
    const res = await (await h.api())("POST", "/api/plans", demo);
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
  async function serverPlan(id: string): Promise<{ version: number; plan: Plan }> {
    return (await (await (await h.api())("GET", `/api/plans/${id}`)).json()) as { version: number; plan: Plan };
  }
  beforeAll(async () => {
    h = await startHarness();
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    it(`at ${viewport.width} px an invalid number shows its reason and survives a reload while other edits save`, async () => {
      const id = await createDemo();
      const { page, errors } = await h.newPage();
      await page.setViewportSize(viewport);
      await page.goto(`${h.baseUrl}/plans/${id}/sumber-daya`);
      const volume = page.locator('[data-path="budget[0].volume"]');
      await volume.fill("4 orang x 20 hari");
      const message = page.locator('[data-testid="field-error"]').first();
      await expect.poll(() => message.textContent()).toMatch(/^Volume 1: isi angkanya saja/);
      await expect.poll(() => volume.getAttribute("aria-invalid")).toBe("true");
      // Another field in the same plan: Indonesian notation, saved although the volume is refused.
      await page.locator('[data-path="budget[1].unitPrice"]').fill("Rp 1.500.000");
      await page.locator('[data-path="budget[2].volume"]').fill("1.234,5");
      await expect.poll(async () => (await serverPlan(id)).plan.budget[1]!.unitPrice, { timeout: 15_000 }).toBe(1_500_000);
      await expect.poll(async () => (await serverPlan(id)).plan.budget[2]!.volume, { timeout: 15_000 }).toBe(1234.5);
      const status = page.getByTestId("save-status");
      await expect.poll(() => status.getAttribute("data-pending"), { timeout: 15_000 }).toBe("0");
      expect(await status.textContent()).not.toMatch(/^Tersimpan/);
      expect(await status.textContent()).toMatch(/1 isian ditolak/);
      expect((await serverPlan(id)).plan.budget[0]!.volume).toBe(demo.budget[0]!.volume);

      await page.reload();
      await expect.poll(() => volume.inputValue()).toBe("4 orang x 20 hari");
      await expect.poll(() => message.textContent()).toMatch(/^Volume 1: isi angkanya saja/);
      expect(await page.locator('[data-path="budget[1].unitPrice"]').inputValue()).toBe("1500000");
      // Fixed: saved, the message gone, the indicator says saved again.
      await volume.fill("-50");
      await expect.poll(() => message.textContent()).toBe("Volume 1: tidak boleh kurang dari 0");
      await volume.fill("80");
      await expect.poll(() => page.locator('[data-testid="field-error"]').count()).toBe(0);
      await expect.poll(async () => (await serverPlan(id)).plan.budget[0]!.volume, { timeout: 15_000 }).toBe(80);
      await expect.poll(() => status.textContent()).toMatch(/^Tersimpan/);
      expect(errors).toEqual([]);
    }, 150_000);
  }

  it("a reviewer finds what awaits their paraf first on the plan list (Perlu tindakan saya), on a phone", async () => {
    const reviewer = await h.createUser({ email: "pemeriksa@contoh.go.id", name: "Budi Pemeriksa", roles: ["pemeriksa"] });
    const signer = await h.createUser({ email: "kepala@contoh.go.id", name: "Kepala Dinas", roles: ["penandatangan"] });
    const other = await createDemo();
    const id = await createDemo();
    const call = await h.api();
    const members = [{ userId: h.defaultUser.user.id, role: "penyusun" }, { userId: reviewer.user.id, role: "pemeriksa" }, { userId: signer.user.id, role: "penandatangan" }];
    for (const planId of [other, id]) expect((await putTeam(call, planId, members)).status).toBe(200);
    const submitted = await call("POST", `/api/plans/${id}/submit`, {});
    expect(submitted.status, await submitted.text()).toBe(200);
    const { page, errors } = await h.newPage({ signInAs: reviewer });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(h.baseUrl + "/");
    const awaiting = page.getByTestId("awaiting-me");
    await expect.poll(() => awaiting.getByRole("heading").textContent()).toBe("Perlu tindakan saya (1)");
    expect(await awaiting.getByRole("listitem").allTextContents()).toEqual([expect.stringMatching(/menunggu paraf Anda$/)]);
    await awaiting.getByRole("link").click();
    await page.waitForURL(new RegExp(`/plans/${id}/sasaran$`));
    await expect.poll(() => page.getByTestId("workflow-awaiting").textContent()).toBe("Giliran Anda");
    expect(errors).toEqual([]);
  }, 120_000);
});
