// Issue 13 hygiene, through the API on both databases: an address taken in another organisation
// answers like one taken in one's own (D10); every API answer and download is `no-store` (D11);
// expired sessions, old sign-in attempts, ended rate-limit windows and audit entries past the
// retention period are removed by the scheduled clean-up, live ones kept; a write that changes
// nothing stores no revision (D12).
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../store/database.js";
import { parseAuditRetention, runHygiene } from "../../store/hygiene.js";
import { peopleRepo } from "../../store/people-repo.js";
import { signedInClient, type TestClient } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp } from "../app.js";

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`security hygiene on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let admin: TestClient;
    let otherAdmin: TestClient;

    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      app = await buildApp({ db: database, webRoot: false, hygiene: { intervalMs: false }, auth: { signinRequestsPerMinute: 1000 } });
      admin = await signedInClient(app, database, ["admin", "penyusun"]);
      otherAdmin = await signedInClient(app, database, ["admin"]);
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it("answers an address taken in another organisation exactly like one taken in one's own (D10)", async () => {
      const body = (email: string) => ({ email, name: "Orang Baru", roles: ["pembaca"], password: "sandi-orang-baru-1" });
      const mine = `milik-sendiri-${Date.now()}@uji.go.id`;
      const theirs = `milik-lain-${Date.now()}@uji.go.id`;
      expect((await admin.inject({ method: "POST", url: "/api/users", payload: body(mine) })).statusCode).toBe(201);
      expect((await otherAdmin.inject({ method: "POST", url: "/api/users", payload: body(theirs) })).statusCode).toBe(201);
      const own = await admin.inject({ method: "POST", url: "/api/users", payload: body(mine) });
      const foreign = await admin.inject({ method: "POST", url: "/api/users", payload: body(theirs) });
      expect(foreign.statusCode).toBe(own.statusCode);
      // The same body but for the address itself: nothing says which organisation, or that it is another one.
      expect(foreign.body.replaceAll(theirs, "ADDRESS")).toBe(own.body.replaceAll(mine, "ADDRESS"));
      expect(foreign.body).not.toContain(otherAdmin.user.name);
    });

    it("sends Cache-Control: no-store on API answers, errors and downloads (D11)", async () => {
      const created = await admin.inject({ method: "POST", url: "/api/plans", payload: minimalPlan({ title: "Rencana tanpa cache" }) });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      for (const url of ["/api/session", "/api/plans", `/api/plans/${id}`, `/api/plans/${id}/documents/plan.ics`, "/api/users", "/api/tidak-ada"]) {
        const r = await admin.inject({ method: "GET", url });
        expect(r.headers["cache-control"], `${url} ${r.statusCode}`).toBe("no-store");
      }
      expect((await app.inject({ method: "GET", url: "/api/session" })).headers["cache-control"]).toBe("no-store");
    });

    it("a write that changes nothing stores no revision and keeps the version (D12)", async () => {
      const created = await admin.inject({ method: "POST", url: "/api/plans", payload: minimalPlan({ title: "Rencana tanpa perubahan" }) });
      const id = created.json<{ id: string }>().id;
      const revisions = async () => (await database.db.selectFrom("plan_revisions").select("version").where("plan_id", "=", id).execute()).length;
      const before = await revisions();
      const empty = await admin.inject({ method: "PATCH", url: `/api/plans/${id}`, headers: { "if-match": '"1"', "content-type": "application/json-patch+json" }, payload: "[]" });
      expect(empty.statusCode, empty.body).toBe(200);
      expect(empty.json()).toMatchObject({ version: 1, changed: false });
      const same = await admin.inject({ method: "PUT", url: `/api/plans/${id}`, headers: { "if-match": '"1"' }, payload: created.json<{ plan: Record<string, unknown> }>().plan });
      expect(same.statusCode, same.body).toBe(200);
      expect(same.headers.etag).toBe('"1"');
      expect(await revisions()).toBe(before);
    });

    it("removes expired sessions, old sign-in attempts, ended rate-limit windows and audit entries past retention; keeps the live ones (D12)", async () => {
      const now = Date.parse("2032-06-01T08:00:00Z");
      const people = peopleRepo(database.db);
      const userId = admin.user.id;
      const session = (id: string, lastSeen: number, expires: number) =>
        people.createSession({ id: id.padEnd(64, "0"), userId, csrfToken: "c", createdAt: iso(lastSeen), lastSeenAt: iso(lastSeen), expiresAt: iso(expires) });
      await session("hidup", now - 60_000, now + 3_600_000);
      await session("menganggur", now - 31 * 60_000, now + 3_600_000);
      await session("kedaluwarsa", now - 60_000, now - 1);
      const attempt = (email: string, at: number, outcome: "failed" | "ok") => database.db.insertInto("signin_attempts").values({ email, ip: "10.1.1.1", at: iso(at), outcome }).execute();
      await attempt("lama@uji.go.id", now - 16 * 60_000, "failed");
      await attempt("baru@uji.go.id", now - 60_000, "failed");
      await attempt("lama@uji.go.id", now - 31 * DAY, "ok");
      await attempt("baru@uji.go.id", now - DAY, "ok");
      await database.db.insertInto("rate_limit_counters").values([{ key: "hygiene|old", count: 3, reset_at: now - 1 }, { key: "hygiene|live", count: 3, reset_at: now + 60_000 }]).execute();
      await database.db.insertInto("audit_log").values([
        { organization_id: null, plan_id: null, user_id: null, action: "session.signin", version: null, detail: "{\"uji\":\"lama\"}", at: iso(now - 400 * DAY) },
        { organization_id: null, plan_id: null, user_id: null, action: "session.signin", version: null, detail: "{\"uji\":\"baru\"}", at: iso(now - 10 * DAY) },
      ]).execute();

      const result = await runHygiene(database.db, { now, idleTimeoutMs: 30 * 60_000, signinWindowMs: 15 * 60_000, knownAddressMs: 30 * DAY, auditRetentionDays: 365 });
      const sessions = (await database.db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute()).map((r) => r.id.replace(/0+$/, ""));
      expect(sessions).toContain("hidup");
      expect(sessions).not.toContain("menganggur");
      expect(sessions).not.toContain("kedaluwarsa");
      const attempts = await database.db.selectFrom("signin_attempts").select(["email", "outcome"]).where("ip", "=", "10.1.1.1").orderBy("email").orderBy("outcome").execute();
      expect(attempts).toEqual([{ email: "baru@uji.go.id", outcome: "failed" }, { email: "baru@uji.go.id", outcome: "ok" }]);
      expect((await database.db.selectFrom("rate_limit_counters").select("key").where("key", "like", "hygiene|%").execute()).map((r) => r.key)).toEqual(["hygiene|live"]);
      const audit = (await database.db.selectFrom("audit_log").select("detail").where("detail", "like", "%uji%").execute()).map((r) => r.detail);
      expect(audit).toEqual(['{"uji":"baru"}']);
      expect(result.auditEntries).toBeGreaterThanOrEqual(1);
      expect(result.sessions).toBeGreaterThanOrEqual(2);
      // "forever" keeps every audit entry; a retention under 30 days is refused.
      expect(parseAuditRetention("forever")).toBeNull();
      expect(parseAuditRetention(undefined)).toBe(3650);
      expect(parseAuditRetention("400")).toBe(400);
      expect(() => parseAuditRetention("7")).toThrow(/RENCANA_AUDIT_RETENTION_DAYS/);
    });
  });
}
