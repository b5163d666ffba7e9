// The security guarantees of sign-in and sessions, through the API on both databases:
// throttled sign-in, rate limits, session expiry and sign-out, CSRF, passwords never logged or
// returned, security headers and cookie flags.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../store/database.js";
import { peopleRepo } from "../../store/people-repo.js";
import { plansRepo } from "../../store/plans-repo.js";
import { createOrganization, createUser, signIn, signedInClient, TEST_PASSWORD } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp, type AppOptions } from "../app.js";

const MINUTE = 60_000;

/** A clock the test moves by hand, for throttling windows and session timeouts. */
function movableClock(start = Date.parse("2030-03-04T08:00:00Z")) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const signInRaw = (app: FastifyInstance, email: string, password: string) => app.inject({ method: "POST", url: "/api/session", payload: { email, password } });

const sessionCookie = (res: LightMyRequestResponse) => [res.headers["set-cookie"]].flat().find((c): c is string => typeof c === "string" && c.startsWith("rl_session="));

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`sign-in and session security on ${target.dialect}`, () => {
    let database: Database;
    const apps: FastifyInstance[] = [];
    const app = async (options: Omit<AppOptions, "db"> = {}) => {
      const a = await buildApp({ db: database, webRoot: false, ...options });
      apps.push(a);
      return a;
    };

    beforeAll(async () => {
      database = (await openMigrated(target)).database;
    });
    afterAll(async () => {
      for (const a of apps) await a.close();
      await database?.close();
    });

    it("throttles an account from one address after 5 failed sign-ins, even with the right password, until the window passes", async () => {
      const clock = movableClock();
      const api = await app({ auth: { now: clock.now, signinRequestsPerMinute: 1000 } });
      const org = await createOrganization(database);
      const user = await createUser(database, org.id, ["penyusun"]);
      for (let i = 0; i < 5; i++) {
        const r = await signInRaw(api, user.email, `salah-${i}-sandi`);
        expect(r.statusCode, r.body).toBe(401);
        expect(r.json().error.code).toBe("auth.invalid_credentials");
        clock.advance(MINUTE);
      }
      const throttled = await signInRaw(api, user.email, TEST_PASSWORD);
      expect(throttled.statusCode).toBe(429);
      expect(throttled.json().error.code).toBe("auth.throttled");
      // The oldest failure was 5 minutes ago: it leaves the 15-minute window in 10 minutes.
      expect(Number(throttled.headers["retry-after"])).toBe(10 * 60);
      expect(sessionCookie(throttled)).toBeUndefined();
      // The e-mail address is what is throttled, however it is written.
      expect((await signInRaw(api, user.email.toUpperCase(), TEST_PASSWORD)).statusCode).toBe(429);

      clock.advance(10 * MINUTE - 1000);
      expect((await signInRaw(api, user.email, TEST_PASSWORD)).statusCode).toBe(429);
      clock.advance(2000);
      const again = await signInRaw(api, user.email, TEST_PASSWORD);
      expect(again.statusCode, again.body).toBe(200);
      expect(sessionCookie(again)).toBeDefined();
    });

    it("clears the failure count on a successful sign-in; unknown addresses are throttled the same way", async () => {
      const clock = movableClock();
      const api = await app({ auth: { now: clock.now, signinRequestsPerMinute: 1000 } });
      const org = await createOrganization(database);
      const user = await createUser(database, org.id, ["pembaca"]);
      for (let i = 0; i < 4; i++) expect((await signInRaw(api, user.email, "bukan-sandinya")).statusCode).toBe(401);
      expect((await signInRaw(api, user.email, TEST_PASSWORD)).statusCode).toBe(200);
      // Had the four stayed counted, the fifth and sixth failure would be throttled.
      for (let i = 0; i < 5; i++) expect((await signInRaw(api, user.email, "bukan-sandinya")).statusCode).toBe(401);
      expect((await signInRaw(api, user.email, TEST_PASSWORD)).statusCode).toBe(429);

      const unknown = `tidak-ada-${Date.now()}@uji.go.id`;
      for (let i = 0; i < 5; i++) expect((await signInRaw(api, unknown, "apa-saja-123")).json().error.code).toBe("auth.invalid_credentials");
      expect((await signInRaw(api, unknown, "apa-saja-123")).json().error.code).toBe("auth.throttled");
    });

    it("rate-limits sign-in requests per client address, one count shared by two servers on the database (D5)", async () => {
      // Two app instances on one database stand for two server processes (the process test below runs real ones).
      const [a, b] = [await app({ auth: { signinRequestsPerMinute: 3 } }), await app({ auth: { signinRequestsPerMinute: 3 } })];
      const org = await createOrganization(database);
      const user = await createUser(database, org.id, ["pembaca"]);
      const from = `10.3.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
      const signInFrom = (api: FastifyInstance, remoteAddress: string) => api.inject({ method: "POST", url: "/api/session", remoteAddress, payload: { email: user.email, password: TEST_PASSWORD } });
      expect((await signInFrom(a, from)).statusCode).toBe(200);
      expect((await signInFrom(b, from)).statusCode).toBe(200);
      expect((await signInFrom(a, from)).statusCode).toBe(200);
      const limited = await signInFrom(b, from);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe("rate_limited");
      expect(sessionCookie(limited)).toBeUndefined();
      // Another client address is not affected.
      expect((await signInFrom(a, "10.9.8.7")).statusCode).toBe(200);
    });

    it("counts every one of 20 simultaneous wrong guesses before checking: at most 5 are checked (D4)", async () => {
      const api = await app({ auth: { signinRequestsPerMinute: 1000 } });
      const org = await createOrganization(database);
      const user = await createUser(database, org.id, ["pembaca"]);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => api.inject({ method: "POST", url: "/api/session", remoteAddress: "10.66.0.1", payload: { email: user.email, password: `tebakan-salah-${i}` } })),
      );
      const codes = answers.map((r) => r.json<{ error: { code: string } }>().error.code);
      expect(codes.filter((c) => c === "auth.invalid_credentials")).toHaveLength(5);
      expect(codes.filter((c) => c === "auth.throttled")).toHaveLength(15);
      const rows = await database.db.selectFrom("signin_attempts").select("outcome").where("email", "=", user.email).execute();
      expect(rows.map((r) => r.outcome)).toEqual(["failed", "failed", "failed", "failed", "failed"]);
    });

    it("throttles the guessing address, not the account: the real user signs in from another address (D9)", async () => {
      const clock = movableClock();
      const api = await app({ auth: { now: clock.now, signinRequestsPerMinute: 1000 } });
      const org = await createOrganization(database);
      const user = await createUser(database, org.id, ["pembaca"]);
      const from = (remoteAddress: string, password: string) => api.inject({ method: "POST", url: "/api/session", remoteAddress, payload: { email: user.email, password } });
      for (let i = 0; i < 5; i++) expect((await from("10.66.0.2", `salah-${i}-sandi`)).statusCode).toBe(401);
      expect((await from("10.66.0.2", TEST_PASSWORD)).json().error.code).toBe("auth.throttled");
      const real = await from("10.20.0.9", TEST_PASSWORD);
      expect(real.statusCode, real.body).toBe(200);
      expect(sessionCookie(real)).toBeDefined();
    });

    it("limits failures per address over all accounts, and per account over all addresses except those it signed in from", async () => {
      const clock = movableClock(Date.parse("2031-05-06T08:00:00Z"));
      const api = await app({ auth: { now: clock.now, signinRequestsPerMinute: 1000, maxFailedSigninsPerAddress: 6, maxFailedSigninsPerAccount: 4 } });
      const org = await createOrganization(database);
      const users = await Promise.all([1, 2, 3, 4].map(() => createUser(database, org.id, ["pembaca"])));
      const signInAs = (email: string, remoteAddress: string, password: string) => api.inject({ method: "POST", url: "/api/session", remoteAddress, payload: { email, password } });
      // One address guessing across accounts: 2 guesses on each of three accounts, then refused for a fourth.
      for (const u of users.slice(0, 3)) for (let i = 0; i < 2; i++) expect((await signInAs(u.email, "10.77.0.1", "bukan-sandinya-1")).statusCode).toBe(401);
      expect((await signInAs(users[3]!.email, "10.77.0.1", TEST_PASSWORD)).json().error.code).toBe("auth.throttled");
      expect((await signInAs(users[3]!.email, "10.77.0.2", TEST_PASSWORD)).statusCode).toBe(200);
      // Many addresses guessing one account: after 4 failures new addresses wait; the address the user signed in from does not.
      const target = users[3]!;
      for (let i = 0; i < 4; i++) expect((await signInAs(target.email, `10.78.0.${i + 1}`, "bukan-sandinya-2")).statusCode).toBe(401);
      expect((await signInAs(target.email, "10.78.0.99", TEST_PASSWORD)).json().error.code).toBe("auth.throttled");
      expect((await signInAs(target.email, "10.77.0.2", TEST_PASSWORD)).statusCode).toBe(200);
    });

    it("lists the user's active sessions and ends any one of them, but not another user's (D8, ASVS 3.3.4)", async () => {
      const api = await app({ auth: { signinRequestsPerMinute: 1000 } });
      const org = await createOrganization(database);
      const user = await createUser(database, org.id, ["pembaca"]);
      const other = await signIn(api, (await createUser(database, org.id, ["pembaca"])).email);
      const here = await signIn(api, user.email);
      const phone = await api.inject({ method: "POST", url: "/api/session", remoteAddress: "10.5.0.7", headers: { "user-agent": "Ponsel Dinas" }, payload: { email: user.email, password: TEST_PASSWORD } });
      const phoneCookie = sessionCookie(phone)!.split(";")[0]!;
      type Listed = { id: string; current: boolean; ip: string | null; userAgent: string | null };
      const list = async (c: typeof here) => (await c.inject({ method: "GET", url: "/api/sessions" })).json<{ sessions: Listed[] }>().sessions;
      const mine = await list(here);
      expect(mine).toHaveLength(2);
      expect(mine.filter((s) => s.current)).toHaveLength(1);
      const onPhone = mine.find((s) => s.userAgent === "Ponsel Dinas")!;
      expect(onPhone).toMatchObject({ current: false, ip: "10.5.0.7" });
      // Never the token nor the stored hash.
      expect(JSON.stringify(mine)).not.toContain(phoneCookie.split("=")[1]!);
      // Another user cannot end it, even knowing its handle.
      expect((await other.inject({ method: "DELETE", url: `/api/sessions/${onPhone.id}` })).statusCode).toBe(404);
      const ended = await here.inject({ method: "DELETE", url: `/api/sessions/${onPhone.id}` });
      expect(ended.statusCode, ended.body).toBe(204);
      expect((await api.inject({ method: "GET", url: "/api/session", headers: { cookie: phoneCookie } })).json().error.code).toBe("auth.expired");
      expect((await here.inject({ method: "GET", url: "/api/session" })).statusCode).toBe(200);
      expect(await list(here)).toHaveLength(1);
      const audit = await database.db.selectFrom("audit_log").select("action").where("user_id", "=", user.id).where("action", "=", "session.end").execute();
      expect(audit).toHaveLength(1);
    });

    it("expires an idle session, extends it on activity, and ends it at the absolute timeout", async () => {
      const clock = movableClock();
      const api = await app({ auth: { now: clock.now, idleTimeoutMs: 30 * MINUTE, absoluteTimeoutMs: 2 * 60 * MINUTE, signinRequestsPerMinute: 1000 } });
      const org = await createOrganization(database);
      const user = await createUser(database, org.id, ["pembaca"]);
      const me = (c: { inject: (o: { method: "GET"; url: string }) => Promise<LightMyRequestResponse> }) => c.inject({ method: "GET", url: "/api/session" });

      // Idle: 31 minutes without a request.
      const idle = await signIn(api, user.email);
      clock.advance(31 * MINUTE);
      const expired = await me(idle);
      expect(expired.statusCode).toBe(401);
      expect(expired.json().error.code).toBe("auth.expired");
      expect((await me(idle)).statusCode).toBe(401);

      // Active: a request every 25 minutes keeps it alive past 30 minutes, until the absolute 2 hours.
      const active = await signIn(api, user.email);
      for (let elapsed = 25; elapsed < 120; elapsed += 25) {
        clock.advance(25 * MINUTE);
        const r = await me(active);
        expect(r.statusCode, `after ${elapsed} minutes`).toBe(200);
      }
      clock.advance(25 * MINUTE); // 125 minutes since sign-in
      const absolute = await me(active);
      expect(absolute.statusCode).toBe(401);
      expect(absolute.json().error.code).toBe("auth.expired");
    });

    it("signs out one session, or every session of the user with revoke-all", async () => {
      const api = await app({ auth: { signinRequestsPerMinute: 1000 } });
      const org = await createOrganization(database);
      const user = await createUser(database, org.id, ["pembaca"]);
      const people = peopleRepo(database.db);

      const first = await signIn(api, user.email);
      const second = await signIn(api, user.email);
      const out = await first.inject({ method: "DELETE", url: "/api/session" });
      expect(out.statusCode).toBe(204);
      expect((await first.inject({ method: "GET", url: "/api/session" })).statusCode).toBe(401);
      expect((await second.inject({ method: "GET", url: "/api/session" })).statusCode).toBe(200);

      const third = await signIn(api, user.email);
      expect(await people.countSessionsOfUser(user.id)).toBe(2);
      const revoke = await third.inject({ method: "POST", url: "/api/session/revoke-all" });
      expect(revoke.statusCode).toBe(204);
      for (const c of [second, third]) {
        const r = await c.inject({ method: "GET", url: "/api/units" });
        expect(r.statusCode).toBe(401);
        expect(r.json().error.code).toBe("auth.expired");
      }
      expect(await people.countSessionsOfUser(user.id)).toBe(0);
      // The app's check at start answers 200 either way, and the same however often it is asked.
      for (let i = 0; i < 2; i++) {
        const state = await second.inject({ method: "GET", url: "/api/session/state" });
        expect(state.statusCode).toBe(200);
        expect(state.json()).toEqual({ signedIn: false, ended: true });
        expect(state.headers["set-cookie"]).toBeUndefined();
      }
      expect((await api.inject({ method: "GET", url: "/api/session/state" })).json()).toEqual({ signedIn: false, ended: false });
      const again = await signIn(api, user.email);
      const signedIn = (await again.inject({ method: "GET", url: "/api/session/state" })).json() as { signedIn: boolean; session: { user: { email: string } } };
      expect(signedIn.signedIn).toBe(true);
      expect(signedIn.session.user.email).toBe(user.email);
    });

    it("lets a user change their own password: the current one is required, the other sessions end, the audit names no password", async () => {
      const api = await app({ auth: { signinRequestsPerMinute: 1000 } });
      const org = await createOrganization(database);
      const user = await createUser(database, org.id, ["pemeriksa"]);
      const here = await signIn(api, user.email);
      const elsewhere = await signIn(api, user.email);
      const change = (payload: unknown) => here.inject({ method: "POST", url: "/api/session/password", payload: payload as Record<string, string> });

      const wrong = await change({ currentPassword: "bukan-sandinya", newPassword: "sandi-baru-yang-panjang" });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors.map((e: { path: string }) => e.path)).toEqual(["currentPassword"]);
      const short = await change({ currentPassword: TEST_PASSWORD, newPassword: "pendek" });
      expect(short.json().errors.map((e: { path: string }) => e.path)).toEqual(["newPassword"]);
      for (const [newPassword, code] of [["12345678", "password.too_short"], [" ".repeat(12), "password.blank"], ["iloveyou1234", "password.common"]]) {
        const refused = await change({ currentPassword: TEST_PASSWORD, newPassword });
        expect(refused.json().errors, newPassword).toEqual([expect.objectContaining({ path: "newPassword", code })]);
      }
      expect((await elsewhere.inject({ method: "GET", url: "/api/session" })).statusCode).toBe(200);

      const ok = await change({ currentPassword: TEST_PASSWORD, newPassword: "sandi-baru-yang-panjang" });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toEqual({ otherSessionsEnded: 1 });
      expect((await here.inject({ method: "GET", url: "/api/session" })).statusCode).toBe(200);
      expect((await elsewhere.inject({ method: "GET", url: "/api/session" })).json().error.code).toBe("auth.expired");
      expect((await signInRaw(api, user.email, TEST_PASSWORD)).statusCode).toBe(401);
      expect((await signInRaw(api, user.email, "sandi-baru-yang-panjang")).statusCode).toBe(200);
      const entries = await database.db.selectFrom("audit_log").select(["action", "detail"]).where("user_id", "=", user.id).where("action", "=", "user.update").execute();
      expect(entries).toHaveLength(1);
      expect(entries[0]?.detail).not.toContain("sandi-baru");
      expect(JSON.parse(entries[0]?.detail ?? "{}")).toMatchObject({ passwordChanged: true, self: true });
    });

    it("ends a user's sessions when an administrator disables them", async () => {
      const api = await app({ auth: { signinRequestsPerMinute: 1000 } });
      const admin = await signedInClient(api, database, ["admin"]);
      const user = await createUser(database, admin.organization.id, ["penyusun"]);
      const client = await signIn(api, user.email);
      expect((await client.inject({ method: "GET", url: "/api/session" })).statusCode).toBe(200);
      const disable = await admin.inject({ method: "PATCH", url: `/api/users/${user.id}`, payload: { disabled: true } });
      expect(disable.statusCode, disable.body).toBe(200);
      expect(disable.json().disabled).toBe(true);
      expect(await peopleRepo(database.db).countSessionsOfUser(user.id)).toBe(0);
      expect((await client.inject({ method: "GET", url: "/api/session" })).statusCode).toBe(401);
      const retry = await signInRaw(api, user.email, TEST_PASSWORD);
      expect(retry.statusCode).toBe(401);
      expect(retry.json().error.code).toBe("auth.invalid_credentials");
    });

    it("refuses a write carrying the cookie without the right CSRF token, and stores nothing", async () => {
      const api = await app();
      const client = await signedInClient(api, database, ["admin", "penyusun"]);
      const plans = plansRepo(database.db);
      const before = await plans.count();
      for (const headers of [{ cookie: client.cookie }, { cookie: client.cookie, "x-csrf-token": "palsu" }, { cookie: client.cookie, "x-csrf-token": "" }]) {
        const plan = await api.inject({ method: "POST", url: "/api/plans", headers, payload: minimalPlan({ title: "Tanpa CSRF" }) });
        expect(plan.statusCode).toBe(403);
        expect(plan.json().error.code).toBe("auth.csrf");
        const unit = await api.inject({ method: "POST", url: "/api/units", headers, payload: { name: "Unit tanpa CSRF" } });
        expect(unit.json().error.code).toBe("auth.csrf");
        const out = await api.inject({ method: "POST", url: "/api/session/revoke-all", headers });
        expect(out.json().error.code).toBe("auth.csrf");
      }
      expect(await plans.count()).toEqual(before);
      expect((await client.inject({ method: "GET", url: "/api/units" })).json().items).toEqual([]);
      // The session survived the forged sign-out, and the same write with the token works.
      expect((await client.inject({ method: "POST", url: "/api/units", payload: { name: "Unit dengan CSRF" } })).statusCode).toBe(201);
    });

    it("never logs or returns a password or its hash", async () => {
      let logText = "";
      const stream = new Writable({
        write(chunk: Buffer | string, _encoding, callback) {
          logText += chunk.toString();
          callback();
        },
      });
      const api = await app({ logger: { level: "trace", stream }, auth: { signinRequestsPerMinute: 1000 } });
      const bodies: string[] = [];
      const keep = (r: LightMyRequestResponse) => {
        bodies.push(r.body, JSON.stringify(r.headers));
        return r;
      };
      const admin = await signedInClient(api, database, ["admin"]);
      const adminEmail = admin.user.email;
      const wrongPassword = "Salah-Tebak-Sandi-777";
      const newUserPassword = "Sandi-Pengguna-Baru-2027!";
      const changedPassword = "Sandi-Diganti-2028#";

      keep(await signInRaw(api, adminEmail, wrongPassword));
      keep(await api.inject({ method: "POST", url: "/api/session", payload: { email: adminEmail, password: wrongPassword, extra: true } }));
      keep(await api.inject({ method: "POST", url: "/api/session", headers: { "content-type": "application/json" }, payload: `{"email":"${adminEmail}","password": ${wrongPassword}}` }));
      const again = keep(await signInRaw(api, adminEmail, TEST_PASSWORD));
      expect(again.statusCode).toBe(200);
      const created = keep(await admin.inject({ method: "POST", url: "/api/users", payload: { email: `baru-${Date.now()}@uji.go.id`, name: "Pengguna Baru", roles: ["penyusun"], password: newUserPassword } }));
      expect(created.statusCode, created.body).toBe(201);
      const userId = created.json().id as string;
      keep(await admin.inject({ method: "POST", url: "/api/users", payload: { email: `pendek-${Date.now()}@uji.go.id`, name: "Sandi Pendek", roles: ["penyusun"], password: "Pndk-1" } }));
      keep(await signInRaw(api, created.json().email, newUserPassword));
      keep(await admin.inject({ method: "PATCH", url: `/api/users/${userId}`, payload: { password: changedPassword } }));
      const signedIn = keep(await signInRaw(api, created.json().email, changedPassword));
      expect(signedIn.statusCode).toBe(200);
      keep(await admin.inject({ method: "GET", url: "/api/users" }));
      keep(await admin.inject({ method: "GET", url: "/api/session" }));

      const row = await database.db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow();
      expect(row.password_hash.startsWith("$argon2id$")).toBe(true);
      expect(row.password_hash).not.toContain(changedPassword);
      const adminRow = await database.db.selectFrom("users").select("password_hash").where("id", "=", admin.user.id).executeTakeFirstOrThrow();

      // The log did record the requests (so its silence about passwords means something).
      expect(logText).toContain("/api/users");
      expect(logText).toContain("/api/session");
      const everything = [logText, ...bodies].join("\n");
      // Also a password's first characters: an error message quoting part of a body is a leak too.
      const passwords = [TEST_PASSWORD, wrongPassword, newUserPassword, changedPassword, "Pndk-1"];
      for (const secret of [...passwords, ...passwords.map((p) => p.slice(0, 6)), row.password_hash, adminRow.password_hash, "$argon2"]) {
        expect(everything.includes(secret), `"${secret}" leaked`).toBe(false);
      }
      expect(everything).not.toMatch(/passwordHash|password_hash/);
    });

    it("sends security headers on API and web responses, and a locked-down session cookie", async () => {
      const webRoot = mkdtempSync(join(tmpdir(), "rencana-web-"));
      writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>Rencana</title>");
      const api = await app({ webRoot, auth: { signinRequestsPerMinute: 1000 } });
      for (const url of ["/api/health", "/", "/rencana/abc", "/api/units"]) {
        const r = await api.inject({ method: "GET", url });
        const csp = String(r.headers["content-security-policy"] ?? "");
        expect(csp, url).toContain("default-src 'self'");
        expect(csp, url).toContain("script-src 'self'");
        expect(r.headers["x-content-type-options"], url).toBe("nosniff");
        expect(csp.includes("frame-ancestors 'none'") || r.headers["x-frame-options"] !== undefined, url).toBe(true);
        expect(r.headers["referrer-policy"], url).toBeDefined();
      }

      const org = await createOrganization(database);
      const user = await createUser(database, org.id, ["pembaca"]);
      const plain = sessionCookie(await signInRaw(api, user.email, TEST_PASSWORD)) ?? "";
      expect(plain).toMatch(/;\s*HttpOnly/i);
      expect(plain).toMatch(/;\s*SameSite=Lax/i);
      expect(plain).toMatch(/;\s*Path=\//i);
      expect(plain).not.toMatch(/;\s*Secure/i);
      const secureApp = await app({ auth: { secureCookies: true } });
      const secure = sessionCookie(await signInRaw(secureApp, user.email, TEST_PASSWORD)) ?? "";
      expect(secure).toMatch(/;\s*Secure/i);
      expect(secure).toMatch(/;\s*HttpOnly/i);
    });

    // Documents render in a worker thread, whose first start loads every renderer (slow from the TypeScript sources).
    it("rate-limits document downloads per user", { timeout: 120_000 }, async () => {
      const api = await app({ auth: { documentsPerMinute: 2 } });
      const author = await signedInClient(api, database, ["penyusun"]);
      const admin = await signIn(api, (await createUser(database, author.organization.id, ["admin"])).email);
      const created = await author.inject({ method: "POST", url: "/api/plans", payload: minimalPlan({ title: "Batas unduhan" }) });
      expect(created.statusCode).toBe(201);
      const url = `/api/plans/${created.json().id}/documents/calendar.ics`;
      expect((await author.inject({ method: "GET", url })).statusCode).toBe(200);
      expect((await author.inject({ method: "GET", url })).statusCode).toBe(200);
      const limited = await author.inject({ method: "GET", url });
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe("rate_limited");
      // Per user: the same client address signed in as someone else still downloads.
      expect((await admin.inject({ method: "GET", url })).statusCode).toBe(200);
    });
  });
}
