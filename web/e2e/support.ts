// End-to-end harness: the real server (buildApp on a temp SQLite database) serving a fresh build
// of the web app, and Debian's Chromium driven by playwright-core.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { build } from "vite";
import { buildApp } from "../../src/server/app.js";
import { hashPassword } from "../../src/server/auth/passwords.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { peopleRepo, type Role, type User } from "../../src/store/people-repo.js";

export const CHROMIUM = "/usr/bin/chromium";
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The committed set is refreshed with UPDATE_SCREENSHOTS=1; ordinary runs keep theirs out of the tree. */
export const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS === "1" ? join(PROJECT_ROOT, "docs", "screenshots") : join(PROJECT_ROOT, ".test-output", "screenshots");

/** Chromium missing: skip with a message, unless CI demands every backend. */
export function browserAvailability(): { available: boolean; reason?: string } {
  if (existsSync(CHROMIUM)) return { available: true };
  const reason = `E2E tests skipped: ${CHROMIUM} not found (install Debian's chromium package)`;
  if (process.env.REQUIRE_ALL_BACKENDS === "1") throw new Error(reason.replace("skipped", "cannot run") + " and REQUIRE_ALL_BACKENDS=1");
  console.warn(reason);
  return { available: false, reason };
}

export type Credentials = { email: string; password: string };
export type TestUser = Credentials & { user: User };

/** A user created straight in the test database (as `rencana user create` would). */
export type NewTestUser = { email: string; name: string; roles: Role[]; password?: string; organization?: string };

/** A signed-in API caller for the test's own requests (cookie + CSRF token, like the web app). */
export type ApiCaller = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;

export type Harness = {
  baseUrl: string;
  browser: Browser;
  db: Database;
  /** Every role of the default organisation: what each test signs in as unless it says otherwise. */
  defaultUser: TestUser;
  createUser: (user: NewTestUser) => Promise<TestUser>;
  /** A new browser page, signed in as `signInAs` (default: the default user; `false`: signed out). */
  newPage: (opts?: { lang?: "id" | "en"; signInAs?: Credentials | false }) => Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  /** Signs in over HTTP and returns a caller that sends the session cookie and CSRF token. */
  api: (as?: Credentials) => Promise<ApiCaller>;
  close: () => Promise<void>;
};

export const DEFAULT_ORGANIZATION = "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Contoh";
export const DEFAULT_PASSWORD = "rahasia-uji-123";

let builtWebRoot: Promise<string> | undefined;

/** Builds the web app once per test process into a temp folder, so a stale dist/web never hides a change. */
export function buildWeb(): Promise<string> {
  builtWebRoot ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), "rencana-web-"));
    await build({ configFile: join(PROJECT_ROOT, "web", "vite.config.ts"), logLevel: "warn", build: { outDir, emptyOutDir: true } });
    return outDir;
  })();
  return builtWebRoot;
}

export async function startHarness(): Promise<Harness> {
  const webRoot = await buildWeb();
  const dbDir = mkdtempSync(join(tmpdir(), "rencana-e2e-"));
  const db: Database = openDatabase(join(dbDir, "e2e.db"));
  await db.migrate();
  const people = peopleRepo(db.db);
  async function createUser(u: NewTestUser): Promise<TestUser> {
    const orgName = u.organization ?? DEFAULT_ORGANIZATION;
    const org = (await people.findOrganizationByName(orgName)) ?? (await people.createOrganization(orgName));
    const password = u.password ?? DEFAULT_PASSWORD;
    const passwordHash = await hashPassword(password);
    const user = await people.createUser({ organizationId: org.id, email: u.email, name: u.name, roles: u.roles, passwordHash });
    return { email: u.email, password, user };
  }
  const defaultUser = await createUser({ email: "uji@contoh.go.id", name: "Pengguna Uji", roles: ["admin", "penyusun", "pemeriksa", "penandatangan", "pembaca"] });
  // Every page and API helper signs in from 127.0.0.1: the per-address limit (tested in
  // src/server/auth) would throttle the suite itself. The per-e-mail throttle stays.
  const app = await buildApp({ db, webRoot, auth: { signinRequestsPerMinute: 10_000 } });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=id-ID"],
    // launch() (not launchPersistentContext) gives every run a fresh, throw-away profile.
  });
  const contexts: BrowserContext[] = [];
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    browser,
    db,
    defaultUser,
    createUser,
    async api(as = defaultUser) {
      const res = await fetch(`${baseUrl}/api/session`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: as.email, password: as.password }) });
      if (res.status !== 200) throw new Error(`sign-in of ${as.email} over HTTP answered ${res.status}: ${await res.text()}`);
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      const cookie = (res.headers.getSetCookie()[0] ?? "").split(";")[0]!;
      return (method, path, body, headers = {}) =>
        fetch(`${baseUrl}${path}`, {
          method,
          headers: { cookie, "x-csrf-token": csrfToken, ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
          body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
        });
    },
    async newPage(opts = {}) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: opts.lang === "en" ? "en-US" : "id-ID" });
      contexts.push(context);
      // tsx/esbuild name helpers may appear inside functions passed to page.evaluate.
      await context.addInitScript("globalThis.__name = globalThis.__name || ((f) => f);");
      const signInAs = opts.signInAs ?? defaultUser;
      if (signInAs) {
        // The context's request client shares the browser's cookie jar: the page starts signed in.
        const res = await context.request.post(`${baseUrl}/api/session`, { data: { email: signInAs.email, password: signInAs.password } });
        if (res.status() !== 200) throw new Error(`sign-in of ${signInAs.email} answered ${res.status()}: ${await res.text()}`);
      }
      const page = await context.newPage();
      // Playwright's actions wait forever by default: fail with the locator's name instead of
      // hitting the test's timeout with no clue.
      page.setDefaultTimeout(20_000);
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(`console: ${m.text()}`);
      });
      return { context, page, errors };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await app.close();
      await db.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Waits until the workspace reports every edit saved. */
export async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="save-status"]');
    return el?.classList.contains("saved") ?? false;
  }, undefined, { timeout: 15_000 });
}

export async function savedVersion(page: Page): Promise<number> {
  await waitSaved(page);
  return Number(await page.getAttribute('[data-testid="save-status"]', "data-version"));
}

/**
 * Opens the findings and comments panel, which stays folded beside the stage below 1600 px
 * (a drawer below 1000 px) so the tables get the width.
 */
export async function openSidePanel(page: Page): Promise<void> {
  await page.getByTestId("save-status").waitFor();
  const toggle = page.getByTestId("toggle-aside");
  if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
}

/** Sets a plan's team as the web app does: reads the team's version, then PUTs with If-Match. */
export async function putTeam(call: ApiCaller, planId: string, members: { userId: string; role: string; position?: number }[]): Promise<Response> {
  const current = (await (await call("GET", `/api/plans/${planId}/team`)).json()) as { version: number };
  return call("PUT", `/api/plans/${planId}/team`, { members }, { "If-Match": `"${current.version}"` });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const VIEWPORTS = { phone: { width: 390, height: 844 }, laptop: { width: 1366, height: 768 } } as const;

/** How far the page scrolls sideways (0 = none). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** axe-core's serious and critical violations on the page as it is now, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE); // evaluate, not a script tag: the app's CSP refuses inline scripts
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<Result> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
}

