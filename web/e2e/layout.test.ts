// Every screen at a phone's and a laptop's width: no horizontal page scroll, key columns wide
// enough to read, no serious or critical axe-core violation, and a screenshot of each.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAGE_SLUGS } from "../src/router.js";
import { PROJECT_ROOT, VIEWPORTS, axeViolations, browserAvailability, horizontalOverflow, screenshot, startHarness, type Harness } from "./support.js";

const availability = browserAvailability();
const d = availability.available ? describe : describe.skip;

/** The rendered width of the first element matching the selector (0 when absent). */
function widthOf(page: Page, selector: string): Promise<number> {
  return page.evaluate((s) => document.querySelector(s)?.getBoundingClientRect().width ?? 0, selector);
}

d("layout at 390 and 1366 px, accessibility", () => {
  let h: Harness;
  let planId = "";
  beforeAll(async () => {
    h = await startHarness();
    const plan = JSON.parse(readFileSync(join(PROJECT_ROOT, "examples", "adminduk-keliling-lansia.json"), "utf8")) as unknown;
    const res = await (await h.api())("POST", "/api/plans", plan);
    expect(res.status).toBe(201);
    planId = ((await res.json()) as { id: string }).id;
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    it(`every screen at ${viewport.width}×${viewport.height}: no sideways scroll, readable columns, no serious axe violation`, async () => {
      const { page, errors } = await h.newPage();
      await page.setViewportSize(viewport);
      const started = Date.now();
      const problems: string[] = [];
      await page.goto(h.baseUrl + "/");
      await page.waitForSelector("table, .plan-cards");
      problems.push(...(await axeViolations(page)).map((v) => `list: ${v}`));
      const listOverflow = await horizontalOverflow(page);
      if (listOverflow > 0) problems.push(`list: scrolls sideways by ${listOverflow}px`);
      await screenshot(page, `layout-${device}-daftar`);
      for (const stage of STAGE_SLUGS) {
        await page.goto(`${h.baseUrl}/plans/${planId}/${stage}`);
        await page.waitForSelector(".stage-main h1");
        await page.waitForTimeout(100);
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) problems.push(`${stage}: scrolls sideways by ${overflow}px`);
        // axe is slow on a big page: every screen once at the laptop's width; on the phone the
        // workspace's own parts (drawers, cards) on the first stage.
        if (device === "laptop") problems.push(...(await axeViolations(page)).map((v) => `${stage}: ${v}`));
        await screenshot(page, `layout-${device}-${stage}`);
        if (device === "phone" && stage === "sasaran") {
          problems.push(...(await axeViolations(page)).map((v) => `${stage} (phone): ${v}`));
          await page.getByRole("button", { name: /1 Sasaran/ }).click();
          await page.getByRole("navigation", { name: "Tahapan rencana" }).getByRole("link", { name: /4 Jadwal/ }).waitFor();
          problems.push(...(await axeViolations(page)).map((v) => `stage drawer (phone): ${v}`));
          await screenshot(page, `layout-${device}-tahapan`);
          await page.keyboard.press("Escape");
          await page.getByTestId("toggle-aside").click();
          await page.getByRole("heading", { name: "Yang masih perlu dilengkapi" }).waitFor();
          await screenshot(page, `layout-${device}-temuan`);
          await page.keyboard.press("Escape");
        }
        if (device === "laptop") {
          // Key columns: about 30 characters of a name or a RAB description, a SWOT factor's text.
          const minimum: Record<string, [string, number][]> = {
            kegiatan: [['[data-path="activities[0].name"]', 220]],
            jadwal: [[".c-name", 200], [".schedule-chart", 600]],
            "sumber-daya": [['[data-path="budget[0].item"]', 200]],
            analisis: [['[data-path="analysis.factors[0].text"]', 220]],
          };
          for (const [selector, min] of minimum[stage] ?? []) {
            const w = await widthOf(page, selector);
            if (w < min) problems.push(`${stage}: ${selector} is ${Math.round(w)}px wide (< ${min})`);
          }
        }
      }
      console.log(`layout at ${viewport.width}px: ${Date.now() - started} ms`);
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
    }, 300_000);
  }
});
