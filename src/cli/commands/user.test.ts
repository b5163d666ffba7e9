import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../server/auth/passwords.js";
import { openDatabase } from "../../store/database.js";
import { peopleRepo } from "../../store/people-repo.js";
import { captureIo } from "../../test-support/cli-io.js";
import { testDatabases } from "../../test-support/databases.js";
import { run } from "../main.js";

const PASSWORD = "sandi-rahasia-42";

async function withPeople<T>(url: string, fn: (people: ReturnType<typeof peopleRepo>, db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const database = openDatabase(url);
  try {
    await database.migrate();
    return await fn(peopleRepo(database.db), database);
  } finally {
    await database.close();
  }
}

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`rencana user on ${target.dialect}`, () => {
    it("creates the first administrator and the organisation, with the password from RENCANA_PASSWORD, never printing it", async () => {
      const url = await target.url();
      const c = captureIo({ RENCANA_PASSWORD: PASSWORD });
      const code = await run(["user", "create", "--admin", "--email", " Admin@Dinas.go.id ", "--name", "Siti Aminah", "--organization", "Dinas Uji", "--role", "penyusun", "--db", url], c.io);
      expect(code, c.err()).toBe(0);
      expect(c.out()).toContain("Dinas Uji");
      expect(c.out()).toContain("admin@dinas.go.id");
      expect(c.out() + c.err()).not.toContain(PASSWORD);
      await withPeople(url, async (people, database) => {
        const orgs = await people.listOrganizations();
        expect(orgs.map((o) => o.name)).toEqual(["Dinas Uji"]);
        const creds = await people.credentialsByEmail("admin@dinas.go.id");
        expect(creds?.user).toMatchObject({ name: "Siti Aminah", roles: ["admin", "penyusun"], organizationId: orgs[0]!.id, disabled: false });
        expect(creds?.passwordHash).toMatch(/^\$argon2id\$/);
        expect(await verifyPassword(creds!.passwordHash, PASSWORD)).toBe(true);
        const audit = await database.db.selectFrom("audit_log").selectAll().where("action", "=", "user.create").execute();
        expect(audit).toHaveLength(1);
        expect(audit[0]!.detail).not.toContain(PASSWORD);
      });
    });

    it("reads the password as one line of standard input when RENCANA_PASSWORD is unset, and joins the only organisation", async () => {
      const url = await target.url();
      expect(await run(["user", "create", "--admin", "--email", "a@uji.go.id", "--name", "A", "--organization", "Dinas Uji", "--db", url], captureIo({ RENCANA_PASSWORD: PASSWORD }).io)).toBe(0);
      const c = captureIo({}, "kata sandi dengan spasi\r\nbaris kedua tidak dibaca\n");
      const code = await run(["user", "create", "--email", "b@uji.go.id", "--name", "Budi Santoso", "--role", "pemeriksa", "pembaca", "--nip", "19800101 200501 1 001", "--db", url], c.io);
      expect(code, c.err()).toBe(0);
      expect(c.err()).toContain("Kata sandi");
      expect(c.out() + c.err()).not.toContain("kata sandi dengan spasi");
      await withPeople(url, async (people) => {
        const [org] = await people.listOrganizations();
        const creds = await people.credentialsByEmail("b@uji.go.id");
        expect(creds?.user).toMatchObject({ organizationId: org!.id, roles: ["pemeriksa", "pembaca"], nip: "198001012005011001" });
        expect(await verifyPassword(creds!.passwordHash, "kata sandi dengan spasi")).toBe(true);
      });
      const list = captureIo();
      expect(await run(["user", "list", "--db", url], list.io)).toBe(0);
      expect(list.out().trim().split("\n").map((l) => l.split("\t").slice(0, 3))).toEqual([
        ["a@uji.go.id", "A", "admin"],
        ["b@uji.go.id", "Budi Santoso", "pemeriksa,pembaca"],
      ]);
      const json = captureIo();
      expect(await run(["user", "list", "--json", "--db", url], json.io)).toBe(0);
      const items = JSON.parse(json.out()) as Record<string, unknown>[];
      expect(items.map((i) => i.email)).toEqual(["a@uji.go.id", "b@uji.go.id"]);
      expect(JSON.stringify(items)).not.toMatch(/argon2|password/i);
    });

    it("refuses bad input naming the option, in Indonesian and English, and creates nothing", async () => {
      const url = await target.url();
      const env = { RENCANA_PASSWORD: PASSWORD };
      const attempt = async (args: string[], io = captureIo(env)) => ({ code: await run(["user", "create", ...args, "--db", url], io.io), err: io.err() });

      const shape = await attempt(["--email", "bukan-surel", "--name", " ", "--role", "raja", "--nip", "123"]);
      expect(shape.code).toBe(2);
      expect(shape.err).toContain("--email: alamat surel tidak sah");
      expect(shape.err).toContain("not a valid e-mail address");
      expect(shape.err).toContain("--name: tidak boleh kosong (must not be empty)");
      expect(shape.err).toContain("--role: peran «raja» tidak dikenal");
      expect(shape.err).toContain('--nip: "123" tidak sah: NIP terdiri atas 18 angka, bukan 3 ("123" is not valid: a NIP has 18 digits, not 3)');

      const missing = await attempt([]);
      expect(missing.code).toBe(2);
      expect(missing.err).toMatch(/--email: wajib diisi \(required\)[\s\S]*--name: wajib diisi/);

      const noRole = await attempt(["--email", "a@uji.go.id", "--name", "A", "--organization", "X"]);
      expect(noRole).toMatchObject({ code: 2 });
      expect(noRole.err).toContain("--admin");

      const noOrganization = await attempt(["--admin", "--email", "a@uji.go.id", "--name", "A"]);
      expect(noOrganization.code).toBe(1);
      expect(noOrganization.err).toContain("--organization: basis data belum punya organisasi");
      expect(noOrganization.err).toContain("the database has no organisation yet");

      const short = await attempt(["--admin", "--email", "a@uji.go.id", "--name", "A", "--organization", "X"], captureIo({ RENCANA_PASSWORD: "pendek" }));
      expect(short.code).toBe(1);
      expect(short.err).toContain("kata sandi minimal 12 karakter (the password must be at least 12 characters long)");
      const common = await attempt(["--admin", "--email", "a@uji.go.id", "--name", "A", "--organization", "X"], captureIo({ RENCANA_PASSWORD: "password1234" }));
      expect(common.code).toBe(1);
      expect(common.err).toContain("too common or has been in a breach");
      expect(short.err).not.toContain("pendek");
      const noPassword = await attempt(["--admin", "--email", "a@uji.go.id", "--name", "A", "--organization", "X"], captureIo({}, ""));
      expect(noPassword.code).toBe(1);
      expect(noPassword.err).toContain("RENCANA_PASSWORD");

      await withPeople(url, async (people) => {
        expect(await people.countUsers()).toBe(0);
        expect(await people.listOrganizations()).toEqual([]);
      });
    });

    it("refuses a second account for the same e-mail, and asks which organisation when there are several", async () => {
      const url = await target.url();
      const env = { RENCANA_PASSWORD: PASSWORD };
      expect(await run(["user", "create", "--admin", "--email", "a@uji.go.id", "--name", "A", "--organization", "Dinas Satu", "--db", url], captureIo(env).io)).toBe(0);
      const again = captureIo(env);
      expect(await run(["user", "create", "--role", "pembaca", "--email", "A@UJI.GO.ID", "--name", "A lagi", "--db", url], again.io)).toBe(1);
      expect(again.err()).toContain("sudah terdaftar (e-mail already registered)");

      // A new name makes a new organisation (D14).
      const unknown = captureIo(env);
      expect(await run(["user", "create", "--role", "pembaca", "--email", "c@uji.go.id", "--name", "C", "--organization", "Dinas Lain", "--db", url], unknown.io), unknown.err()).toBe(0);
      expect(unknown.out()).toContain("Organisasi dibuat (organisation created): Dinas Lain");

      await withPeople(url, (people) => people.createOrganization("Dinas Dua"));
      const ambiguous = captureIo(env);
      expect(await run(["user", "create", "--role", "pembaca", "--email", "b@uji.go.id", "--name", "B", "--db", url], ambiguous.io)).toBe(1);
      expect(ambiguous.err()).toContain("ada 3 organisasi; pilih salah satu: «Dinas Satu», «Dinas Lain», «Dinas Dua»");
      const chosen = captureIo(env);
      expect(await run(["user", "create", "--role", "pembaca", "--email", "b@uji.go.id", "--name", "B", "--organization", "dinas dua", "--db", url], chosen.io), chosen.err()).toBe(0);

      const listed = captureIo();
      expect(await run(["user", "list", "--organization", "Dinas Dua", "--db", url], listed.io)).toBe(0);
      expect(listed.out()).toBe("b@uji.go.id\tB\tpembaca\tDinas Dua\n");
      const none = captureIo();
      expect(await run(["user", "list", "--organization", "Dinas Tiga", "--db", url], none.io)).toBe(1);
      expect(none.err()).toContain("tidak ada (no such organisation)");
    });

    it("resets a forgotten password from the command line: re-enables the account, ends its sessions, never prints the password", async () => {
      const url = await target.url();
      expect(await run(["user", "create", "--admin", "--email", "lupa@uji.go.id", "--name", "Lupa Sandi", "--organization", "Dinas Uji", "--db", url], captureIo({ RENCANA_PASSWORD: PASSWORD }).io)).toBe(0);
      const user = await withPeople(url, async (people) => {
        const u = await people.getUserByEmail("lupa@uji.go.id");
        if (!u) throw new Error("user missing");
        await people.updateUser(u.organizationId, u.id, { disabled: true });
        const at = new Date().toISOString();
        await people.createSession({ id: "sesi-lama", userId: u.id, csrfToken: "x", createdAt: at, lastSeenAt: at, expiresAt: at });
        return u;
      });
      const unknown = captureIo({ RENCANA_PASSWORD: "sandi-baru-sekali" });
      expect(await run(["user", "password", "--email", "siapa@uji.go.id", "--db", url], unknown.io)).toBe(1);
      expect(unknown.err()).toContain("--email: siapa@uji.go.id tidak terdaftar (no such user)");
      const short = captureIo({ RENCANA_PASSWORD: "pendek" });
      expect(await run(["user", "password", "--email", "lupa@uji.go.id", "--db", url], short.io)).toBe(1);

      const c = captureIo({}, "sandi-baru-sekali\n");
      expect(await run(["user", "password", "--email", "LUPA@uji.go.id", "--db", url], c.io)).toBe(0);
      expect(c.out()).toContain("1 sesi diakhiri");
      expect(c.out() + c.err()).not.toContain("sandi-baru-sekali");
      await withPeople(url, async (people) => {
        const found = await people.credentialsByEmail("lupa@uji.go.id");
        expect(found?.user.disabled).toBe(false);
        expect(await verifyPassword(found?.passwordHash ?? "", "sandi-baru-sekali")).toBe(true);
        expect(await verifyPassword(found?.passwordHash ?? "", PASSWORD)).toBe(false);
        expect(await people.countSessionsOfUser(user.id)).toBe(0);
      });
    });
  });
}
