// Users, units and organisation settings through the API, on both databases.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ORGANIZATION_SETTINGS } from "../../domain/organization/settings.js";
import { auditRepo } from "../../store/audit-repo.js";
import type { Database } from "../../store/database.js";
import { peopleRepo } from "../../store/people-repo.js";
import { createUser, signIn, signedInClient, TEST_PASSWORD, type TestClient } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp } from "../app.js";
import { MIN_PASSWORD_LENGTH } from "../auth/passwords.js";

type Organization = { id: string; name: string };

let counter = 0;
const uniqueEmail = (stem: string) => `${stem}-${Date.now().toString(36)}-${counter++}@uji.go.id`;

const paths = (r: LightMyRequestResponse) => (r.json().errors ?? []).map((e: { path: string }) => e.path);

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`users, units and organisation API on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let admin: TestClient & { organization: Organization };
    let penyusun: TestClient;
    let other: TestClient & { organization: Organization };

    const audit = (action: string) => auditRepo(database.db).list({ organizationId: admin.organization.id, limit: 500 }).then((rows) => rows.filter((r) => r.action === action));

    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      app = await buildApp({ db: database, webRoot: false, auth: { signinRequestsPerMinute: 10_000 } });
      admin = await signedInClient(app, database, ["admin"]);
      penyusun = await signIn(app, (await createUser(database, admin.organization.id, ["penyusun"])).email);
      other = await signedInClient(app, database, ["admin", "penyusun"]);
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it("creates a user who can sign in, lists the organisation's users, and never returns a hash", async () => {
      const email = uniqueEmail("Penyusun.Baru");
      const created = await admin.inject({ method: "POST", url: "/api/users", payload: { email, name: "Siti Penyusun", nip: "198001012005012001", roles: ["penyusun", "pemeriksa"], password: "sandi-baru-123" } });
      expect(created.statusCode, created.body).toBe(201);
      const user = created.json();
      expect(user).toEqual({ id: expect.any(String), email: email.toLowerCase(), name: "Siti Penyusun", nip: "198001012005012001", unitId: null, roles: ["penyusun", "pemeriksa"], disabled: false, version: 1 });
      expect(created.body).not.toMatch(/password|hash/i);
      // A NIP is checked by its structure (here the sex digit 3) and stored as digits when typed with spaces.
      const badNip = await admin.inject({ method: "POST", url: "/api/users", payload: { email: uniqueEmail("nip.salah"), name: "Nip Salah", nip: "19800101 200501 3 001", roles: ["pembaca"], password: "sandi-baru-123" } });
      expect(badNip.statusCode, badNip.body).toBe(400);
      expect(badNip.json().errors).toMatchObject([{ path: "nip", code: "nip.invalid", message: expect.stringContaining("angka ke-15 (3) adalah kode jenis kelamin") }]);
      const spaced = await admin.inject({ method: "PATCH", url: `/api/users/${user.id}`, headers: { "if-match": `"${user.version}"` }, payload: { nip: "19800101 200501 2 002" } });
      expect(spaced.statusCode, spaced.body).toBe(200);
      expect(spaced.json().nip).toBe("198001012005012002");
      user.version = spaced.json().version;
      user.nip = spaced.json().nip;

      const session = await signIn(app, email, "sandi-baru-123");
      expect(session.user.id).toBe(user.id);

      const list = await admin.inject({ method: "GET", url: "/api/users" });
      expect(list.statusCode).toBe(200);
      const ids = list.json().items.map((u: { id: string }) => u.id);
      expect(ids).toContain(user.id);
      expect(ids).toContain(penyusun.user.id);
      expect(ids).not.toContain(other.user.id);
      expect(list.body).not.toMatch(/password|hash|argon/i);

      const entries = await audit("user.create");
      const entry = entries.find((e) => e.detail.targetUserId === user.id);
      expect(entry).toMatchObject({ userId: admin.user.id, detail: { email: email.toLowerCase(), roles: ["penyusun", "pemeriksa"] } });
      expect(JSON.stringify(entry)).not.toMatch(/sandi-baru|password|hash/i);
    });

    it("refuses a duplicate e-mail (409, naming the field), a short password, unknown roles and fields, another organisation's unit", async () => {
      const email = uniqueEmail("ganda");
      const body = { email, name: "Pertama", roles: ["pembaca"], password: "sandi-cukup-panjang" };
      expect((await admin.inject({ method: "POST", url: "/api/users", payload: body })).statusCode).toBe(201);
      for (const again of [body, { ...body, email: `  ${email.toUpperCase()} ` }]) {
        const dup = await admin.inject({ method: "POST", url: "/api/users", payload: again });
        expect(dup.statusCode).toBe(409);
        expect(dup.json().error.code).toBe("conflict.duplicate");
        expect(paths(dup)).toEqual(["email"]);
      }
      // Addresses are unique across organisations too: one address, one account.
      const elsewhere = await other.inject({ method: "POST", url: "/api/users", payload: body });
      expect(elsewhere.statusCode).toBe(409);

      const short = await admin.inject({ method: "POST", url: "/api/users", headers: { "accept-language": "en" }, payload: { ...body, email: uniqueEmail("pendek"), password: "x".repeat(MIN_PASSWORD_LENGTH - 1) } });
      expect(short.statusCode).toBe(400);
      expect(short.json().errors).toEqual([expect.objectContaining({ path: "password", code: "password.too_short", message: `the password must be at least ${MIN_PASSWORD_LENGTH} characters long` })]);
      expect(short.json().errors[0].messages.id).toContain(`minimal ${MIN_PASSWORD_LENGTH} karakter`);

      // D8: the audit's examples and the shipped list of common and breached passwords.
      const refused: [string, string][] = [
        ["12345678", "password.too_short"],
        ["password", "password.too_short"],
        [" ".repeat(8), "password.blank"],
        [" ".repeat(16), "password.blank"],
        ["123456789012", "password.common"],
        ["Password1234", "password.common"],
        ["qwertyuiopasdfghjkl", "password.common"],
        ["abcabcabcabc", "password.common"],
      ];
      for (const [password, code] of refused) {
        const r = await admin.inject({ method: "POST", url: "/api/users", headers: { "accept-language": "en" }, payload: { ...body, email: uniqueEmail("umum"), password } });
        expect(r.statusCode, password).toBe(400);
        expect(r.json().errors, password).toEqual([expect.objectContaining({ path: "password", code })]);
      }

      const bad = await admin.inject({ method: "POST", url: "/api/users", payload: { email: "bukan-surel", name: "", roles: ["raja"], password: "sandi-cukup-panjang", level: 9 } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe("request.invalid");
      expect(paths(bad).sort()).toEqual(["email", "level", "name", "roles[0]"]);
      const noRoles = await admin.inject({ method: "POST", url: "/api/users", payload: { ...body, email: uniqueEmail("tanpa-peran"), roles: [] } });
      expect(paths(noRoles)).toEqual(["roles"]);

      const foreignUnit = (await other.inject({ method: "POST", url: "/api/units", payload: { name: "Unit organisasi lain" } })).json();
      const wrongUnit = await admin.inject({ method: "POST", url: "/api/users", payload: { ...body, email: uniqueEmail("unit-asing"), unitId: foreignUnit.id } });
      expect(wrongUnit.statusCode).toBe(400);
      expect(paths(wrongUnit)).toEqual(["unitId"]);
      const count = (await admin.inject({ method: "GET", url: "/api/users" })).json().items.length;
      expect(count).toBe(4); // the admin, the penyusun, the two created above
    });

    it("changes a user; another organisation's user is not found; an admin cannot lock themselves out", async () => {
      const user = await createUser(database, admin.organization.id, ["pembaca"]);
      const unit = (await admin.inject({ method: "POST", url: "/api/units", payload: { name: "Seksi Perubahan" } })).json();
      const changed = await admin.inject({ method: "PATCH", url: `/api/users/${user.id}`, payload: { name: "Nama Baru", nip: "", unitId: unit.id, roles: ["pemeriksa", "pembaca"] } });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ id: user.id, name: "Nama Baru", nip: null, unitId: unit.id, roles: ["pemeriksa", "pembaca"], disabled: false });
      const entry = (await audit("user.update")).find((e) => e.detail.targetUserId === user.id);
      expect(entry?.detail).toMatchObject({ changed: ["name", "nip", "unitId", "roles"], roles: ["pemeriksa", "pembaca"] });

      for (const id of [other.user.id, "tidakada"]) {
        const r = await admin.inject({ method: "PATCH", url: `/api/users/${id}`, payload: { name: "Diambil alih" } });
        expect(r.statusCode).toBe(404);
        expect(r.json().error.code).toBe("not_found");
      }
      expect((await peopleRepo(database.db).getUser(other.user.id))?.name).toBe(other.user.name);

      const demote = await admin.inject({ method: "PATCH", url: `/api/users/${admin.user.id}`, headers: { "accept-language": "en" }, payload: { roles: ["penyusun"] } });
      expect(demote.statusCode).toBe(400);
      expect(demote.json().errors).toEqual([expect.objectContaining({ path: "roles", code: "user.self_lockout", message: "you cannot remove your own admin role; ask another administrator" })]);
      const disable = await admin.inject({ method: "PATCH", url: `/api/users/${admin.user.id}`, payload: { disabled: true } });
      expect(disable.statusCode).toBe(400);
      expect(paths(disable)).toEqual(["disabled"]);
      expect((await peopleRepo(database.db).getUser(admin.user.id))).toMatchObject({ roles: ["admin"], disabled: false });
      // Adding a role to oneself is fine.
      const more = await admin.inject({ method: "PATCH", url: `/api/users/${admin.user.id}`, payload: { roles: ["admin", "pembaca"] } });
      expect(more.json().roles).toEqual(["admin", "pembaca"]);
      await admin.inject({ method: "PATCH", url: `/api/users/${admin.user.id}`, payload: { roles: ["admin"] } });

      const unknown = await admin.inject({ method: "PATCH", url: `/api/users/${user.id}`, payload: { email: "baru@uji.go.id", roles: ["kepala"] } });
      expect(paths(unknown).sort()).toEqual(["email", "roles[0]"]);
    });

    it("a new password ends the user's sessions; the old one stops working; an admin's own change keeps their current session", async () => {
      const user = await createUser(database, admin.organization.id, ["penyusun"]);
      const first = await signIn(app, user.email);
      const second = await signIn(app, user.email);
      const short = await admin.inject({ method: "PATCH", url: `/api/users/${user.id}`, payload: { password: "pendek" } });
      expect(paths(short)).toEqual(["password"]);
      expect((await first.inject({ method: "GET", url: "/api/session" })).statusCode).toBe(200);

      const r = await admin.inject({ method: "PATCH", url: `/api/users/${user.id}`, payload: { password: "sandi-pengganti-9" } });
      expect(r.statusCode, r.body).toBe(200);
      for (const c of [first, second]) expect((await c.inject({ method: "GET", url: "/api/session" })).json().error.code).toBe("auth.expired");
      expect((await app.inject({ method: "POST", url: "/api/session", payload: { email: user.email, password: TEST_PASSWORD } })).statusCode).toBe(401);
      await signIn(app, user.email, "sandi-pengganti-9");
      const entry = (await audit("user.update")).find((e) => e.detail.targetUserId === user.id);
      expect(entry?.detail).toMatchObject({ changed: ["password"], sessionsEnded: 2 });
      expect(JSON.stringify(entry)).not.toMatch(/sandi-pengganti|argon/);

      // The admin changes their own password: their other sessions end, this one stays.
      const selfAdmin = await signedInClient(app, database, ["admin"]);
      const elsewhere = await signIn(app, selfAdmin.user.email);
      const own = await selfAdmin.inject({ method: "PATCH", url: `/api/users/${selfAdmin.user.id}`, payload: { password: "sandi-admin-baru-1" } });
      expect(own.statusCode).toBe(200);
      expect((await selfAdmin.inject({ method: "GET", url: "/api/session" })).statusCode).toBe(200);
      expect((await elsewhere.inject({ method: "GET", url: "/api/session" })).statusCode).toBe(401);
    });

    it("versions users, units and settings: 428 without If-Match, 409 with the current record when stale, one of two simultaneous editors wins (D6)", async () => {
      // An organisation of its own: its settings change here.
      const admin = await signedInClient(app, database, ["admin"]);
      const user = await createUser(database, admin.organization.id, ["pembaca"]);
      const unit = (await admin.inject({ method: "POST", url: "/api/units", payload: { name: "Seksi Versi" } })).json<{ id: string; version: number }>();
      const org = (await admin.inject({ method: "GET", url: "/api/organization" })).json<{ version: number; settings: Record<string, unknown> }>();
      const cases = [
        { method: "PATCH" as const, url: `/api/users/${user.id}`, version: user.version, change: (i: number) => ({ name: `Nama versi ${i}` }), read: async () => (await peopleRepo(database.db).getUser(user.id))?.name },
        { method: "PATCH" as const, url: `/api/units/${unit.id}`, version: unit.version, change: (i: number) => ({ name: `Unit versi ${i}` }), read: async () => (await peopleRepo(database.db).getUnit(admin.organization.id, unit.id))?.name },
        {
          method: "PUT" as const,
          url: "/api/organization/settings",
          version: org.version,
          change: (i: number) => ({ ...org.settings, unitCode: `UNIT${i}` }),
          read: async () => ((await peopleRepo(database.db).getOrganization(admin.organization.id))?.settings as { unitCode?: string }).unitCode,
        },
      ];
      for (const c of cases) {
        const missing = await admin.inject({ method: c.method, url: c.url, headers: { "if-match": "" }, payload: c.change(0) });
        expect(missing.statusCode, `${c.url} ${missing.body}`).toBe(428);
        expect(missing.json().error.code).toBe("version.required");
        // Two admins editing from the same version at once: exactly one change is stored, the other gets 409 with the winner's record.
        const before = await c.read();
        const [a, b] = await Promise.all([1, 2].map((i) => admin.inject({ method: c.method, url: c.url, headers: { "if-match": `"${c.version}"` }, payload: c.change(i) })));
        const statuses = [a!.statusCode, b!.statusCode].sort();
        expect(statuses, `${c.url}: ${a!.body} ${b!.body}`).toEqual([200, 409]);
        const winner = a!.statusCode === 200 ? a! : b!;
        const loser = a!.statusCode === 409 ? a! : b!;
        expect(loser.json().error.code).toBe("record.conflict");
        expect(loser.json().currentVersion).toBe(c.version + 1);
        expect(winner.headers.etag).toBe(`"${c.version + 1}"`);
        const stored = await c.read();
        expect(stored).not.toBe(before);
        expect(JSON.stringify(loser.json().current)).toContain(String(stored));
        // The stale version stays refused; the current one is accepted.
        expect((await admin.inject({ method: c.method, url: c.url, headers: { "if-match": `"${c.version}"` }, payload: c.change(3) })).statusCode).toBe(409);
        expect((await c.read())).toBe(stored);
        expect((await admin.inject({ method: c.method, url: c.url, headers: { "if-match": `"${c.version + 1}"` }, payload: c.change(4) })).statusCode).toBe(200);
      }
    });

    it("manages units: create with parent and code, duplicate code, no loops, other organisation's units hidden", async () => {
      const parent = await admin.inject({ method: "POST", url: "/api/units", payload: { name: "Bidang Pelayanan", code: "BP" } });
      expect(parent.statusCode, parent.body).toBe(201);
      expect(parent.json()).toEqual({ id: expect.any(String), name: "Bidang Pelayanan", code: "BP", parentId: null, version: 1 });
      const child = await admin.inject({ method: "POST", url: "/api/units", payload: { name: "Seksi Dokumen", parentId: parent.json().id } });
      expect(child.json()).toMatchObject({ parentId: parent.json().id, code: null });

      const dup = await admin.inject({ method: "POST", url: "/api/units", payload: { name: "Lain", code: "bp" } });
      expect(dup.statusCode).toBe(409);
      expect(paths(dup)).toEqual(["code"]);
      const foreign = (await other.inject({ method: "POST", url: "/api/units", payload: { name: "Unit asing", code: "BP" } })).json();
      expect(foreign.code).toBe("BP"); // codes are unique within an organisation only
      const foreignParent = await admin.inject({ method: "POST", url: "/api/units", payload: { name: "Anak asing", parentId: foreign.id } });
      expect(foreignParent.statusCode).toBe(400);
      expect(paths(foreignParent)).toEqual(["parentId"]);
      expect(paths(await admin.inject({ method: "POST", url: "/api/units", payload: { name: " " } }))).toEqual(["name"]);

      const loop = await admin.inject({ method: "PATCH", url: `/api/units/${parent.json().id}`, payload: { parentId: child.json().id } });
      expect(loop.statusCode).toBe(400);
      expect(loop.json().errors[0]).toMatchObject({ path: "parentId", code: "unit.cycle" });
      expect(paths(await admin.inject({ method: "PATCH", url: `/api/units/${parent.json().id}`, payload: { parentId: parent.json().id } }))).toEqual(["parentId"]);

      const renamed = await admin.inject({ method: "PATCH", url: `/api/units/${child.json().id}`, payload: { name: "Seksi Dokumen Kependudukan", code: "SDK" } });
      expect(renamed.json()).toEqual({ id: child.json().id, name: "Seksi Dokumen Kependudukan", code: "SDK", parentId: parent.json().id, version: 2 });
      const detached = await admin.inject({ method: "PATCH", url: `/api/units/${child.json().id}`, payload: { parentId: null, code: "" } });
      expect(detached.json()).toMatchObject({ parentId: null, code: null });

      const notMine = await admin.inject({ method: "PATCH", url: `/api/units/${foreign.id}`, payload: { name: "Diambil alih" } });
      expect(notMine.statusCode).toBe(404);
      const list = await penyusun.inject({ method: "GET", url: "/api/units" });
      expect(list.statusCode).toBe(200);
      const names = list.json().items.map((u: { name: string }) => u.name);
      expect(names).toContain("Seksi Dokumen Kependudukan");
      expect(names).not.toContain("Unit asing");
      expect((await audit("unit.create")).length).toBeGreaterThanOrEqual(2);
      expect((await audit("unit.update")).some((e) => e.detail.unitId === child.json().id && e.detail.code === "SDK")).toBe(true);

      // The database holds the rule too (two admins racing past the API's check): a unique index per organisation.
      const people = peopleRepo(database.db);
      await people.createUnit(admin.organization.id, { name: "Serentak 1", code: "SRT" });
      await expect(people.createUnit(admin.organization.id, { name: "Serentak 2", code: "SRT" })).rejects.toThrow();
      await people.createUnit(other.organization.id, { name: "Serentak asing", code: "SRT" });
      await people.createUnit(admin.organization.id, { name: "Tanpa kode 1" });
      await people.createUnit(admin.organization.id, { name: "Tanpa kode 2" });
    });

    it("only administrators manage users, units and settings; everyone signed in reads units and the organisation", async () => {
      const refused = [
        { method: "GET", url: "/api/users" },
        { method: "POST", url: "/api/users", payload: { email: uniqueEmail("x"), name: "X", roles: ["admin"], password: "sandi-cukup-panjang" } },
        { method: "PATCH", url: `/api/users/${penyusun.user.id}`, payload: { roles: ["admin", "penyusun"] } },
        { method: "POST", url: "/api/units", payload: { name: "Unit penyusun" } },
        { method: "PATCH", url: "/api/units/apa-saja", payload: { name: "Unit" } },
        { method: "PUT", url: "/api/organization/settings", payload: {} },
      ] as const;
      for (const r of refused) {
        const res = await penyusun.inject(r);
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
        expect(res.json().error.code).toBe("auth.forbidden");
        const anonymous = await app.inject(r);
        expect(anonymous.statusCode, `${r.method} ${r.url}`).toBe(401);
      }
      expect((await peopleRepo(database.db).getUser(penyusun.user.id))?.roles).toEqual(["penyusun"]);
      expect((await penyusun.inject({ method: "GET", url: "/api/units" })).statusCode).toBe(200);
      const org = await penyusun.inject({ method: "GET", url: "/api/organization" });
      expect(org.statusCode).toBe(200);
      expect(org.json()).toEqual({ id: admin.organization.id, name: admin.organization.name, settings: DEFAULT_ORGANIZATION_SETTINGS, version: expect.any(Number) });
      expect((await app.inject({ method: "GET", url: "/api/organization" })).statusCode).toBe(401);
    });

    // Documents render in a worker thread, whose first start loads every renderer (slow from the TypeScript sources).
    it("validates settings naming the field, stores them per organisation, and documents print the letterhead", { timeout: 120_000 }, async () => {
      const badTemplate = await admin.inject({ method: "PUT", url: "/api/organization/settings", payload: { decreeNumberTemplate: "800/{nomor}/{year}" } });
      expect(badTemplate.statusCode).toBe(400);
      expect(paths(badTemplate)).toContain("decreeNumberTemplate");
      const bad = await admin.inject({ method: "PUT", url: "/api/organization/settings", payload: { paper: "Letter", letterhead: { address: "", fax: "1" }, colour: "biru" } });
      expect(paths(bad).sort()).toEqual(["colour", "letterhead.address", "letterhead.fax", "paper"]);

      const address = "Jl. Kop Surat Uji No. 17, Kota Uji";
      const settings = { letterhead: { government: "PEMERINTAH KABUPATEN UJI", address, phone: "(0274) 555-0101" }, decreeNumberTemplate: "470/{counter:4}/{unitCode}/{month}/{year}", unitCode: "DISDUK", amendmentDecree: "pencabutan", paper: "A4", font: "Arial" };
      const saved = await admin.inject({ method: "PUT", url: "/api/organization/settings", payload: settings });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ settings, version: expect.any(Number) });
      expect((await penyusun.inject({ method: "GET", url: "/api/organization" })).json().settings).toEqual(settings);
      expect((await other.inject({ method: "GET", url: "/api/organization" })).json().settings).toEqual(DEFAULT_ORGANIZATION_SETTINGS);
      const entry = (await audit("settings.update"))[0];
      expect(entry?.detail.changed).toEqual(["letterhead.government", "letterhead.address", "letterhead.phone", "decreeNumberTemplate", "unitCode", "amendmentDecree", "paper", "font"]);

      // The plan names no address: the organisation's appears in its decree; the other organisation's decree has none.
      const documentText = async (client: TestClient) => {
        const created = await client.inject({ method: "POST", url: "/api/plans", payload: minimalPlan({ title: "Rencana berkop" }) });
        expect(created.statusCode, created.body).toBe(201);
        const docx = await client.inject({ method: "GET", url: `/api/plans/${created.json().id}/documents/sk.docx` });
        expect(docx.statusCode, docx.body).toBe(200);
        const files = unzipSync(new Uint8Array(docx.rawPayload));
        const text = (name: string) => {
          const file = files[name];
          if (!file) throw new Error(`no ${name} in the decree`);
          return strFromU8(file);
        };
        return { body: text("word/document.xml"), styles: text("word/styles.xml") };
      };
      const A4_PAGE = /<w:pgSz w:w="11905" w:h="16837"/;
      const mine = await documentText(penyusun);
      expect(mine.body).toContain(address);
      expect(mine.body).toContain("Telepon (0274) 555-0101");
      expect(mine.body).toMatch(A4_PAGE);
      expect(mine.styles).toContain('w:ascii="Arial"');
      const theirs = await documentText(other);
      expect(theirs.body).not.toContain(address);
      expect(theirs.body).not.toMatch(A4_PAGE);
      expect(theirs.styles).not.toContain('w:ascii="Arial"');
    });
  });
}
