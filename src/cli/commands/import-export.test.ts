import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../store/database.js";
import { plansRepo } from "../../store/plans-repo.js";
import { captureIo } from "../../test-support/cli-io.js";
import { testDatabases } from "../../test-support/databases.js";
import { examplePlans, minimalPlan } from "../../test-support/fixtures.js";
import { run } from "../main.js";
import { mspdiTestdataDir } from "../../documents/mspdi/testdata.js";
import { peopleRepo } from "../../store/people-repo.js";
import { loadDemoPlans } from "../demo.js";
import { realizationPlan } from "../../test-support/realization.js";

const scratch = () => mkdtempSync(join(tmpdir(), "rencana-cli-"));

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`import / export / migrate on ${target.dialect}`, () => {
    it("migrates, and says so only once", async () => {
      const url = await target.url();
      const first = captureIo();
      expect(await run(["migrate", "--db", url], first.io)).toBe(0);
      expect(first.out()).toContain("20261127T1930_plans");
      const again = captureIo({ DATABASE_URL: url });
      expect(await run(["migrate"], again.io)).toBe(0);
      expect(again.out()).toContain("up to date");
    });

    it("round-trips every example: import prints the id, export gives an equal document", async () => {
      const url = await target.url();
      const dir = scratch();
      const docs: [string, unknown][] = [...examplePlans(), ["minimal.json", minimalPlan()], ["realisasi.json", realizationPlan()]];
      for (const [name, doc] of docs) {
        const file = join(dir, name);
        writeFileSync(file, JSON.stringify(doc));
        const imp = captureIo();
        expect(await run(["import", file, "--db", url], imp.io), imp.err()).toBe(0);
        const id = imp.out().trim();
        expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
        const toStdout = captureIo();
        expect(await run(["export", id, "--db", url], toStdout.io)).toBe(0);
        expect(JSON.parse(toStdout.out()), name).toEqual(doc);
        const out = join(dir, `${id}.out.json`);
        expect(await run(["export", id, "--db", url, "-o", out], captureIo().io)).toBe(0);
        expect(JSON.parse(readFileSync(out, "utf8")), name).toEqual(doc);
      }
    });

    it("refuses an invalid file, listing every error, and stores nothing", async () => {
      const url = await target.url();
      const dir = scratch();
      const file = join(dir, "bad.json");
      writeFileSync(file, JSON.stringify({ ...minimalPlan(), title: "", fiscalYear: "2027" }));
      const c = captureIo();
      expect(await run(["import", file, "--db", url, "--lang", "en"], c.io)).toBe(1);
      expect(c.err()).toContain("2 error(s)");
      expect(c.err()).toContain("title: must not be empty");
      expect(c.err()).toContain("fiscalYear: must be a number");
      const missing = captureIo();
      expect(await run(["import", join(dir, "none.json"), "--db", url], missing.io)).toBe(1);
      expect(missing.err()).toContain("berkas tidak ditemukan");
      const badXml = join(dir, "bad.xml");
      writeFileSync(badXml, "<Project><Tasks>");
      const x = captureIo();
      expect(await run(["import", badXml, "--db", url], x.io)).toBe(1);
      const database = openDatabase(url);
      try {
        await database.migrate();
        expect(await plansRepo(database.db).count()).toEqual({ plans: 0, revisions: 0 });
      } finally {
        await database.close();
      }
      const notFound = captureIo();
      expect(await run(["export", "nope", "--db", url], notFound.io)).toBe(1);
      expect(notFound.err()).toContain("tidak ditemukan");
    });

    it("imports MS Project XML through the MSPDI reader", async () => {
      const url = await target.url();
      const c = captureIo();
      expect(await run(["import", join(mspdiTestdataDir(), "sample1-msp2010plus.xml"), "--db", url], c.io), c.err()).toBe(0);
      expect(c.out().trim()).toMatch(/^[A-Za-z0-9_-]{16}$/);
    });

    it("puts an imported plan in the only organisation, creates one named after the plan when there is none, and asks when there are several", async () => {
      const url = await target.url();
      const dir = scratch();
      const file = join(dir, "plan.json");
      writeFileSync(file, JSON.stringify(minimalPlan()));
      const first = captureIo();
      expect(await run(["import", file, "--db", url], first.io), first.err()).toBe(0);
      expect(first.err()).toContain("organisasi dibuat");
      const second = captureIo();
      expect(await run(["import", file, "--db", url], second.io), second.err()).toBe(0);
      const database = openDatabase(url);
      try {
        const people = peopleRepo(database.db);
        const repo = plansRepo(database.db);
        const orgs = await people.listOrganizations();
        expect(orgs.map((o) => o.name)).toEqual([minimalPlan().organization.name]);
        for (const id of [first.out().trim(), second.out().trim()]) expect((await repo.get(id))?.organizationId).toBe(orgs[0]!.id);
        // The import is in the audit log of that organisation.
        const audit = await database.db.selectFrom("audit_log").select(["action", "organization_id"]).where("plan_id", "=", first.out().trim()).execute();
        expect(audit).toEqual([{ action: "plan.import", organization_id: orgs[0]!.id }]);

        const other = await people.createOrganization("Dinas Lain");
        const ambiguous = captureIo();
        expect(await run(["import", file, "--db", url, "--lang", "en"], ambiguous.io)).toBe(1);
        expect(ambiguous.err()).toContain("there are 2 organisations; choose one");
        const unknown = captureIo();
        expect(await run(["import", file, "--db", url, "--organization", "Dinas Entah"], unknown.io)).toBe(1);
        expect(unknown.err()).toContain("organisasi «Dinas Entah» tidak ada");
        const chosen = captureIo();
        expect(await run(["import", file, "--db", url, "--organization", "Dinas Lain"], chosen.io), chosen.err()).toBe(0);
        expect((await repo.get(chosen.out().trim()))?.organizationId).toBe(other.id);
        expect((await repo.count()).plans).toBe(3);
      } finally {
        await database.close();
      }
    });

    it("loads the demo plans into an organisation that has none, only once", async () => {
      const url = await target.url();
      const database = openDatabase(url);
      try {
        await database.migrate();
        const repo = plansRepo(database.db);
        const org = await peopleRepo(database.db).createOrganization("Dinas Demo Uji");
        const owner = { organizationId: org.id, createdBy: null, team: [] };
        const dir = scratch();
        writeFileSync(join(dir, "a.json"), JSON.stringify(minimalPlan({ title: "Demo A" })));
        writeFileSync(join(dir, "broken.json"), "{");
        const c = captureIo();
        expect(await loadDemoPlans(repo, c.io, owner, dir)).toBe(1);
        expect(c.err()).toContain("broken.json");
        expect(await loadDemoPlans(repo, c.io, owner, dir)).toBe(0);
        expect((await repo.list({ organizationId: org.id })).items.map((i) => i.title)).toEqual(["Demo A"]);
        // Another organisation is not "the demo": it gets its own copy.
        const another = await peopleRepo(database.db).createOrganization("Dinas Demo Lain");
        expect(await loadDemoPlans(repo, c.io, { ...owner, organizationId: another.id }, dir)).toBe(1);
        // The real examples folder: every example loads.
        const third = await peopleRepo(database.db).createOrganization("Dinas Demo Ketiga");
        expect(await loadDemoPlans(repo, captureIo().io, { ...owner, organizationId: third.id })).toBe(examplePlans().length);
      } finally {
        await database.close();
      }
    });
  });
}

describe("backup", () => {
  it("refuses PostgreSQL and points to pg_dump", async () => {
    const c = captureIo();
    expect(await run(["backup", join(scratch(), "x.db"), "--db", "postgres://u@127.0.0.1:1/db"], c.io)).toBe(1);
    expect(c.err()).toContain("pg_dump");
  });

  it("writes a copy readable by its owner only, without sessions: a restored copy accepts no old cookie (D13)", async () => {
    const dir = scratch();
    const db = join(dir, "a.db");
    expect(await run(["migrate", "--db", db], captureIo().io)).toBe(0);
    const database = openDatabase(db);
    const people = peopleRepo(database.db);
    const org = await people.createOrganization("Dinas Cadangan");
    const user = await people.createUser({ organizationId: org.id, email: "cadangan@uji.go.id", name: "Cadangan", roles: ["admin"], passwordHash: "x" });
    const at = new Date().toISOString();
    await people.createSession({ id: "a".repeat(64), userId: user.id, csrfToken: "csrf-rahasia-cadangan", createdAt: at, lastSeenAt: at, expiresAt: at });
    await database.close();
    const out = join(dir, "cadangan.db");
    const c = captureIo();
    expect(await run(["backup", out, "--db", db], c.io), c.err()).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const copy = openDatabase(out, { mustExist: true });
    try {
      expect(await copy.db.selectFrom("sessions").selectAll().execute()).toEqual([]);
      expect((await peopleRepo(copy.db).getUserByEmail("cadangan@uji.go.id"))?.name).toBe("Cadangan");
    } finally {
      await copy.close();
    }
    // Not even in a free page: the CSRF token's bytes are gone from the file.
    expect(readFileSync(out).includes(Buffer.from("csrf-rahasia-cadangan"))).toBe(false);
  });

  it("refuses to overwrite, and reports a missing database", async () => {
    const dir = scratch();
    const db = join(dir, "a.db");
    expect(await run(["migrate", "--db", db], captureIo().io)).toBe(0);
    writeFileSync(join(dir, "exists.db"), "");
    const c = captureIo();
    expect(await run(["backup", join(dir, "exists.db"), "--db", db], c.io)).toBe(1);
    expect(c.err()).toContain("sudah ada");
    const m = captureIo();
    expect(await run(["backup", join(dir, "b.db"), "--db", join(dir, "missing.db")], m.io)).toBe(1);
    expect(m.err()).toContain("tidak ditemukan");
  });
});
