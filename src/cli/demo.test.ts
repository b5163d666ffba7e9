import { describe, expect, it } from "vitest";
import { verifyPassword } from "../server/auth/passwords.js";
import { peopleRepo } from "../store/people-repo.js";
import { plansRepo } from "../store/plans-repo.js";
import { captureIo } from "../test-support/cli-io.js";
import { testDatabases } from "../test-support/databases.js";
import { examplePlans, minimalPlan } from "../test-support/fixtures.js";
import { openMigrated } from "../test-support/open-store.js";
import { DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_USERS, demoSignInText, setUpDemo } from "./demo.js";

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`serve --demo set-up on ${target.dialect}`, () => {
    it("makes the demo organisation, one user per role and the example plans with their team, once", async () => {
      const { database } = await openMigrated(target);
      try {
        const people = peopleRepo(database.db);
        const repo = plansRepo(database.db);
        // A plan of another organisation (as an older database holds) does not keep the demo away.
        const elsewhere = await people.createOrganization("Dinas Lama");
        await repo.create(minimalPlan(), { organizationId: elsewhere.id });

        const c = captureIo();
        const demo = await setUpDemo(database, c.io);
        expect(c.err()).toBe("");
        expect(demo.organization.name).toBe(DEMO_ORGANIZATION);
        expect(demo.loaded).toBe(examplePlans().length);

        const users = await people.listUsers(demo.organization.id);
        expect(Object.fromEntries(users.map((u) => [u.email, u.roles]))).toEqual({
          "admin@demo.go.id": ["admin", "penyusun"],
          "penyusun@demo.go.id": ["penyusun"],
          "pemeriksa1@demo.go.id": ["pemeriksa"],
          "pemeriksa2@demo.go.id": ["pemeriksa"],
          "penandatangan@demo.go.id": ["penandatangan"],
          "pembaca@demo.go.id": ["pembaca"],
        });
        const byEmail = new Map(users.map((u) => [u.email, u]));
        for (const u of users) expect(await verifyPassword((await people.credentialsByEmail(u.email))!.passwordHash, DEMO_PASSWORD), u.email).toBe(true);

        const { items } = await repo.list({ organizationId: demo.organization.id });
        expect(items).toHaveLength(examplePlans().length);
        for (const item of items) {
          const stored = await repo.get(item.id);
          expect(stored?.createdBy).toBe(byEmail.get("penyusun@demo.go.id")!.id);
          const team = (await repo.team(item.id)).map((m) => [users.find((u) => u.id === m.userId)!.email, m.role, m.position]);
          expect(team.sort()).toEqual(
            [
              ["penyusun@demo.go.id", "penyusun", 0],
              ["pemeriksa1@demo.go.id", "pemeriksa", 1],
              ["pemeriksa2@demo.go.id", "pemeriksa", 2],
              ["penandatangan@demo.go.id", "penandatangan", 0],
              ["pembaca@demo.go.id", "pembaca", 0],
            ].sort(),
          );
        }

        const text = demoSignInText(demo);
        for (const d of DEMO_USERS) expect(text).toContain(d.email);
        expect(text).toContain(`kata sandi ${DEMO_PASSWORD}`);
        expect(text).toContain("password rencana-demo-2026");

        // A second start adds nothing.
        const again = await setUpDemo(database, captureIo().io);
        expect(again.organization.id).toBe(demo.organization.id);
        expect(again.loaded).toBe(0);
        expect(await people.countUsers()).toBe(DEMO_USERS.length);
        expect((await repo.count()).plans).toBe(examplePlans().length + 1);
        expect(demoSignInText(again)).toContain("admin@demo.go.id");
      } finally {
        await database.close();
      }
    });
  });
}
