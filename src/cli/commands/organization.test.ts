// D14: `rencana organization create` and `rencana user create --organization` naming a new one
// make a second organisation, on both databases.
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../store/database.js";
import { peopleRepo } from "../../store/people-repo.js";
import { captureIo } from "../../test-support/cli-io.js";
import { testDatabases } from "../../test-support/databases.js";
import { run } from "../main.js";

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`rencana organization on ${target.dialect}`, () => {
    it("creates organisations by command and by naming a new one for a user", async () => {
      const url = await target.url();
      const first = captureIo({ RENCANA_PASSWORD: "sandi-admin-pertama-1" });
      expect(await run(["user", "create", "--admin", "--email", "admin@satu.go.id", "--name", "Admin Satu", "--organization", "Dinas Satu", "--db", url], first.io), first.err()).toBe(0);
      const made = captureIo();
      expect(await run(["organization", "create", "Dinas Dua", "--db", url], made.io), made.err()).toBe(0);
      expect(made.out()).toContain("Dinas Dua");
      const again = captureIo();
      expect(await run(["organization", "create", "dinas dua", "--db", url], again.io)).toBe(1);
      expect(again.err()).toContain("sudah ada");
      const third = captureIo({ RENCANA_PASSWORD: "sandi-admin-ketiga-1" });
      expect(await run(["user", "create", "--admin", "--email", "admin@tiga.go.id", "--name", "Admin Tiga", "--organization", "Dinas Tiga", "--db", url], third.io), third.err()).toBe(0);
      expect(third.out()).toContain("Organisasi dibuat");
      const database = openDatabase(url);
      try {
        const people = peopleRepo(database.db);
        expect((await people.listOrganizations()).map((o) => o.name).sort()).toEqual(["Dinas Dua", "Dinas Satu", "Dinas Tiga"]);
        const tiga = (await people.listOrganizations()).find((o) => o.name === "Dinas Tiga")!;
        expect((await people.getUserByEmail("admin@tiga.go.id"))?.organizationId).toBe(tiga.id);
      } finally {
        await database.close();
      }
    });
  });
}
