// Live co-editing end to end: two Chromium contexts as two users of one plan (real server,
// real SQLite). Different fields merge within a second with no dialog; the same field keeps the
// later value and tells the other with one-click restore; presence shows both; a comment
// appears live; a user removed from the team loses the stream.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyPlan } from "../../src/domain/plan/empty.js";
import type { Plan } from "../../src/domain/plan/schema.js";
import { browserAvailability, openSidePanel, putTeam, screenshot, startHarness, waitSaved, type Harness, type TestUser } from "./support.js";

const availability = browserAvailability();
const d = availability.available ? describe : describe.skip;

const input = (page: Page, path: string) => page.locator(`[data-path="${path}"]`);

d("live co-editing in Chromium", () => {
  let h: Harness;
  let bobUser: TestUser;
  beforeAll(async () => {
    h = await startHarness();
    bobUser = await h.createUser({ email: "bob@contoh.go.id", name: "Bob Sekretaris", roles: ["penyusun"] });
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it("two users edit one plan: live merge, same-field notice with restore, presence, comments, and losing access", async () => {
    const plan: Plan = emptyPlan({ title: "Judul awal", fiscalYear: 2027, organizationName: "Dinas Contoh" });
    plan.targetGroups = [
      { id: "g1", name: "Lansia", size: 100 },
      { id: "g2", name: "Difabel", size: 40 },
    ];
    const api = await h.api();
    const created = (await (await api("POST", "/api/plans", plan)).json()) as { id: string };
    const team = await putTeam(api, created.id, [{ userId: h.defaultUser.user.id, role: "penyusun" }, { userId: bobUser.user.id, role: "penyusun" }]);
    expect(team.status).toBe(200);

    const alice = await h.newPage();
    const bob = await h.newPage({ signInAs: bobUser });
    for (const p of [alice.page, bob.page]) {
      await p.goto(`${h.baseUrl}/plans/${created.id}/sasaran`);
      await p.waitForSelector('[data-path="targetGroups[1].size"]');
    }

    // Presence: each sees the other on the stage list.
    await alice.page.locator('[data-testid="presence-sasaran"] [data-user="Bob Sekretaris"]').waitFor({ timeout: 10_000 });
    await bob.page.locator('[data-testid="presence-sasaran"] [data-user="Pengguna Uji"]').waitFor({ timeout: 10_000 });
    // Beside the item: Bob is on Difabel.
    await input(bob.page, "targetGroups[1].needs").focus();
    await expect.poll(() => alice.page.locator('[data-presence-names="Bob Sekretaris"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(alice.page, "live-presence");

    // Different fields of the same stage at once: each sees the other's within 1 s of its save, no dialog.
    await input(alice.page, "targetGroups[0].size").fill("150");
    await input(bob.page, "targetGroups[1].needs").fill("Juru bahasa isyarat");
    await Promise.all([waitSaved(alice.page), waitSaved(bob.page)]);
    await expect.poll(() => input(bob.page, "targetGroups[0].size").inputValue(), { timeout: 1000, interval: 50 }).toBe("150");
    await expect.poll(() => input(alice.page, "targetGroups[1].needs").inputValue(), { timeout: 1000, interval: 50 }).toBe("Juru bahasa isyarat");
    expect(await alice.page.getByTestId("conflict").count()).toBe(0);
    expect(await bob.page.getByTestId("conflict").count()).toBe(0);

    // The same field by both at once: the later save wins everywhere; the other is told and can restore.
    await input(alice.page, "title").fill("Judul dari Alice");
    await input(bob.page, "title").fill("Judul dari Bob");
    await Promise.all([waitSaved(alice.page), waitSaved(bob.page)]);
    const notice = (p: Page) => p.getByTestId("overwrite-notice");
    await expect.poll(async () => (await notice(alice.page).count()) + (await notice(bob.page).count()), { timeout: 10_000 }).toBe(1);
    const [winner, loser, mine] = (await notice(alice.page).count()) ? [bob, alice, "Judul dari Alice"] : [alice, bob, "Judul dari Bob"];
    const later = mine === "Judul dari Alice" ? "Judul dari Bob" : "Judul dari Alice";
    expect(await notice(loser.page).textContent()).toContain(mine);
    await expect.poll(() => input(loser.page, "title").inputValue(), { timeout: 5000 }).toBe(later);
    await expect.poll(() => input(winner.page, "title").inputValue(), { timeout: 5000 }).toBe(later);
    expect(await alice.page.getByTestId("conflict").count()).toBe(0);
    expect(await bob.page.getByTestId("conflict").count()).toBe(0);
    await screenshot(loser.page, "live-overwrite-notice");
    await loser.page.getByRole("button", { name: "Pulihkan nilai saya" }).click();
    await waitSaved(loser.page);
    await expect.poll(() => input(winner.page, "title").inputValue(), { timeout: 5000 }).toBe(mine);

    // Undo takes back only one's own edit: Bob's Ctrl+Z does not undo Alice's size.
    await input(bob.page, "targetGroups[1].needs").focus();
    await bob.page.keyboard.press("Control+z");
    await waitSaved(bob.page);
    expect(await input(bob.page, "targetGroups[0].size").inputValue()).toBe("150");

    // A comment appears live.
    const comment = await api("POST", `/api/plans/${created.id}/comments`, { body: "Mohon cek ukuran kelompok lansia", stage: "sasaran" });
    expect(comment.status).toBe(201);
    await openSidePanel(bob.page); // the comments panel is folded below 1600 px
    await bob.page.getByText("Mohon cek ukuran kelompok lansia").waitFor({ timeout: 5000 });

    // Bob is removed from the team: his stream is closed and he is told.
    const removed = await putTeam(api, created.id, [{ userId: h.defaultUser.user.id, role: "penyusun" }]);
    expect(removed.status).toBe(200);
    await bob.page.getByTestId("live-lost-access").waitFor({ timeout: 5000 });
    expect(alice.errors).toEqual([]);
  }, 120_000);
});
