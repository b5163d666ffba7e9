// `rencana serve` as a real process: the advice on a database without users, and the demo
// whose printed e-mails and password really sign in and show the example plans with their team.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { examplePlans } from "../../test-support/fixtures.js";
import { signInOverHttp, startServer, type ServerProcess } from "../../test-support/server-process.js";

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill("SIGTERM");
  await server.exited;
}

type Envelope = { id: string; workflow: { team: { name: string; role: string; position: number }[] }; abilities: Record<string, boolean> };

describe("rencana serve", () => {
  it("tells how to create the first administrator when the database has no user; --demo prints sign-ins that work", async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), "rencana-serve-")), "rencana.db");
    const empty = await startServer(["--db", dbFile]);
    try {
      const anonymous = await fetch(`${empty.baseUrl}/api/plans`);
      expect(anonymous.status).toBe(401);
    } finally {
      await stop(empty);
    }
    expect(empty.output()).toContain("Belum ada pengguna");
    expect(empty.output()).toContain("No users yet");
    expect(empty.output()).toContain(`rencana user create --admin --email nama@instansi.go.id --name 'Nama Lengkap' --organization 'Nama Instansi' --db ${dbFile}`);

    for (let start = 1; start <= 2; start++) {
      const demo = await startServer(["--demo", "--db", dbFile]);
      try {
        const printed = demo.output();
        expect(printed).not.toContain("Belum ada pengguna");
        const emails = [...printed.matchAll(/^\s+(\S+@demo\.go\.id)\s/gm)].map((m) => m[1]!);
        expect(emails).toEqual(["admin@demo.go.id", "penyusun@demo.go.id", "pemeriksa1@demo.go.id", "pemeriksa2@demo.go.id", "penandatangan@demo.go.id", "pembaca@demo.go.id"]);
        const password = /kata sandi (\S+) \(sign in/.exec(printed)?.[1];
        expect(password).toBe("rencana-demo-2026");

        // The second start only has to show that nothing was added twice.
        for (const email of start === 1 ? emails : ["penyusun@demo.go.id"]) {
          const api = await signInOverHttp(demo.baseUrl, email, password!);
          const list = await api("GET", "/api/plans");
          expect(list.status, email).toBe(200);
          const { items } = (await list.json()) as { items: { id: string }[] };
          expect(items, `${email}, start ${start}`).toHaveLength(examplePlans().length);
          const res = await api("GET", `/api/plans/${items[0]!.id}`);
          const plan = (await res.json()) as Envelope;
          expect(plan.workflow.team.map((m) => [m.role, m.position, m.name]).sort()).toEqual(
            [
              ["penyusun", 0, "Penyusun Demo"],
              ["pemeriksa", 1, "Pemeriksa Satu Demo"],
              ["pemeriksa", 2, "Pemeriksa Dua Demo"],
              ["penandatangan", 0, "Penandatangan Demo"],
              ["pembaca", 0, "Pembaca Demo"],
            ].sort(),
          );
          if (email === "penyusun@demo.go.id") expect(plan.abilities).toMatchObject({ edit: true, submit: true, manageTeam: true });
          if (email === "pembaca@demo.go.id") expect(plan.abilities).toMatchObject({ read: true, edit: false, submit: false });
        }
      } finally {
        await stop(demo);
      }
    }
  }, 120_000);
});
