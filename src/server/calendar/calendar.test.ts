// The organisation's working calendar through the API on both databases (issue 10, item 6):
// admins enter a year as decreed or not, and libur daerah; bad rows are refused whole with the
// field named; other organisations do not see it; a plan's schedule uses it, and an undecreed
// year's schedule lists the holidays its estimate cannot compute.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../store/database.js";
import { signedInClient, type TestClient } from "../../test-support/auth.js";
import { createUser, signIn } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp } from "../app.js";
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

async function pdfText(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "rl-cal-"));
  await writeFile(join(dir, "b.pdf"), bytes);
  return (await promisify(execFile)("pdftotext", ["-layout", join(dir, "b.pdf"), "-"], { maxBuffer: 64 * 1024 * 1024 })).stdout;
}

const DECREED = {
  decreed: true,
  source: "SKB Menag, Menaker, MenPANRB No. 9/2026 (contoh)",
  entries: [
    { date: "2027-01-01", name: "Tahun Baru 2027 Masehi", type: "libur-nasional" },
    { date: "2027-03-02", name: "Hari Jadi Kabupaten Uji", type: "libur-daerah" },
    { date: "2027-03-03", name: "Cuti bersama (contoh)", type: "cuti-bersama" },
    { date: "2027-03-08", name: "Hari Suci Nyepi (contoh)", type: "libur-nasional" },
    { date: "2027-03-09", name: "Idulfitri 1448 Hijriah", type: "libur-nasional" },
    { date: "2027-05-20", name: "Hari Raya Waisak (contoh)", type: "libur-nasional" },
  ],
};

type View = { year: number; origin: string; decreed: boolean; source: string | null; entries: { date: string; name: string; type: string; estimated: boolean }[]; unknown: { year: number; name: string }[] };

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`working calendar on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let admin: TestClient & { organization: { id: string } };
    let penyusun: TestClient;

    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      app = await buildApp({ db: database, webRoot: false, auth: { signinRequestsPerMinute: 10_000, documentsPerMinute: 10_000 } });
      admin = await signedInClient(app, database, ["admin"]);
      penyusun = await signIn(app, (await createUser(database, admin.organization.id, ["penyusun"], "Budi Penyusun")).email);
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    const view = async (client: TestClient, year: number) => {
      const r = await client.inject({ method: "GET", url: `/api/calendar/${year}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json<View>();
    };

    async function scheduleFinish(planId: string): Promise<{ finish: string; unknownHolidays: { name: string; year: number }[]; estimatedHolidayYears: number[] }> {
      const r = await penyusun.inject({ method: "GET", url: `/api/plans/${planId}/schedule` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    }

    it("an undecreed year is an estimate that lists what it cannot compute; the schedule says so", async () => {
      const v = await view(penyusun, 2027);
      expect(v.origin).toBe("perkiraan");
      expect(v.decreed).toBe(false);
      expect(v.unknown.map((u) => u.name)).toEqual(expect.arrayContaining(["Hari Suci Nyepi", "Hari Raya Waisak", "Cuti bersama"]));
      expect(v.entries.every((e) => e.estimated)).toBe(true);
      const decreed = await view(penyusun, 2026);
      expect([decreed.origin, decreed.decreed, decreed.unknown]).toEqual(["bawaan", true, []]);
    });

    it("admins enter a decreed year and libur daerah; plans' schedules and plan books use them; others do not see them", async () => {
      const created = await penyusun.inject({
        method: "POST",
        url: "/api/plans",
        payload: minimalPlan({ start: "2027-03-01", activities: [{ id: "k1", name: "Pendataan", output: "Data", durationDays: 3, dependsOn: [] }], assignments: [], budget: [] }),
      });
      expect(created.statusCode, created.body).toBe(201);
      const planId = created.json<{ id: string }>().id;
      const before = await scheduleFinish(planId);
      expect(before.finish).toBe("2027-03-03");
      expect(before.estimatedHolidayYears).toEqual([2027]);
      expect(before.unknownHolidays.map((u) => u.name)).toEqual(expect.arrayContaining(["Hari Suci Nyepi", "Hari Raya Waisak", "Cuti bersama"]));

      expect((await penyusun.inject({ method: "PUT", url: "/api/calendar/2027", payload: DECREED })).statusCode).toBe(403);
      const put = await admin.inject({ method: "PUT", url: "/api/calendar/2027", payload: DECREED });
      expect(put.statusCode, put.body).toBe(200);
      const v = put.json<View>();
      expect([v.origin, v.decreed, v.source, v.unknown]).toEqual(["organisasi", true, DECREED.source, []]);
      expect(v.entries.map((e) => [e.date, e.type])).toEqual([
        ["2027-01-01", "libur-nasional"],
        ["2027-03-02", "libur-daerah"],
        ["2027-03-03", "cuti-bersama"],
        ["2027-03-08", "libur-nasional"],
        ["2027-03-09", "libur-nasional"],
        ["2027-05-20", "libur-nasional"],
      ]);
      // The regional day and the cuti bersama: two days later, and nothing unknown.
      const after = await scheduleFinish(planId);
      expect(after.finish).toBe("2027-03-05");
      // The plan book's schedule chapter is computed with the same calendar: it lists the regional day.
      const book = await penyusun.inject({ method: "GET", url: `/api/plans/${planId}/documents/plan.pdf` });
      expect(book.statusCode, book.body.slice(0, 300)).toBe(200);
      const text = (await pdfText(new Uint8Array(book.rawPayload))).replace(/\s+/g, " ");
      expect(text).toContain("Hari Jadi Kabupaten Uji");
      expect(text).toContain("KONSEP");
      expect(after.estimatedHolidayYears).toEqual([]);
      expect(after.unknownHolidays).toEqual([]);

      // Entered again without its decree: flagged as an estimate, still naming what it lacks.
      const undecreed = await admin.inject({ method: "PUT", url: "/api/calendar/2027", payload: { ...DECREED, decreed: false, entries: DECREED.entries.filter((e) => e.type !== "cuti-bersama") } });
      expect(undecreed.statusCode, undecreed.body).toBe(200);
      expect(undecreed.json<View>().decreed).toBe(false);
      expect(undecreed.json<View>().unknown.map((u) => u.name)).toEqual(["Cuti bersama"]);
      expect((await scheduleFinish(planId)).unknownHolidays.map((u) => u.name)).toEqual(["Cuti bersama"]);

      // Another organisation keeps the estimate.
      const other = await signedInClient(app, database, ["admin", "penyusun"]);
      expect((await view(other, 2027)).origin).toBe("perkiraan");
      expect((await other.inject({ method: "GET", url: "/api/calendar" })).json().years).toEqual([]);

      // Removing the year brings the estimate back.
      expect((await admin.inject({ method: "DELETE", url: "/api/calendar/2027" })).json<View>().origin).toBe("perkiraan");
      expect((await scheduleFinish(planId)).finish).toBe("2027-03-03");
    });

    it("refuses bad rows whole, naming the field and row in Indonesian (English on request), and stores nothing", async () => {
      const bad = {
        decreed: true,
        source: "",
        entries: [
          { date: "2029-02-30", name: "Tanggal salah", type: "libur-nasional" },
          { date: "2028-01-01", name: "Tahun lain", type: "libur-nasional" },
          { date: "2029-08-17", name: "Proklamasi", type: "libur-nasional" },
          { date: "2029-08-17", name: "Proklamasi lagi", type: "libur-nasional" },
        ],
      };
      const r = await admin.inject({ method: "PUT", url: "/api/calendar/2029", payload: bad });
      expect(r.statusCode).toBe(400);
      const errors = r.json<{ errors: { path: string; message: string }[] }>().errors;
      expect(errors.map((e) => e.path)).toEqual(["entries[0].date", "entries[1].date", "entries[3]", "source"]);
      expect(errors[0]!.message).toContain("Tanggal (baris 1)");
      expect(errors[1]!.message).toContain("tidak di tahun 2029");
      expect(errors[3]!.message).toContain("nomor SKB");
      const en = await admin.inject({ method: "PUT", url: "/api/calendar/2029?lang=en", payload: bad });
      expect(en.json<{ errors: { message: string }[] }>().errors[0]!.message).toContain("Date (row 1)");
      const unknownType = await admin.inject({ method: "PUT", url: "/api/calendar/2029", payload: { decreed: false, source: "", entries: [{ date: "2029-01-01", name: "x", type: "libur-kantor" }] } });
      expect(unknownType.statusCode).toBe(400);
      expect((await admin.inject({ method: "GET", url: "/api/calendar" })).json().years.some((y: { year: number }) => y.year === 2029)).toBe(false);
      expect((await admin.inject({ method: "GET", url: "/api/calendar/1999" })).statusCode).toBe(400);
    });
  });
}
