// The citizens' side through the API, on both databases: a published page takes anonymous
// complaints and SKM responses; an unpublished one is 404; the honeypot, the minimum fill time
// and the per-address limit (counted in the database, so two servers share it) refuse without
// storing; a tracking code shows its status and answer and nothing else; nothing of the plan
// beyond the adopted standard is published; the unit answers and reads the IKM with its findings.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../domain/plan/schema.js";
import type { Database } from "../../store/database.js";
import { createOrganization, createUser, signIn, type TestClient } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { EXAMPLES_DIR } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp } from "../app.js";

const example = () => JSON.parse(readFileSync(join(EXAMPLES_DIR, "adminduk-keliling-lansia.json"), "utf8")) as Plan;
const YEAR_MS = 365 * 24 * 3_600_000;
let seq = 0;

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`public service page on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    let second: FastifyInstance;
    let clock = Date.parse("2027-03-01T02:00:00Z");
    const now = () => clock;
    let penyusun: TestClient;
    let outsider: TestClient;

    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      const options = {
        db: database,
        webRoot: false as const,
        auth: { now, idleTimeoutMs: 10 * YEAR_MS, absoluteTimeoutMs: 10 * YEAR_MS, signinRequestsPerMinute: 10_000 },
        publicForms: { now, minFillMs: 3_000, complaintsPerHour: 4, skmPerHour: 100, readsPerHour: 10_000 },
      };
      app = await buildApp(options);
      // A second server on the same database: the per-address counter is shared through it.
      second = await buildApp(options);
      const org = await createOrganization(database);
      penyusun = await signIn(app, (await createUser(database, org.id, ["penyusun"])).email);
      const other = await createOrganization(database);
      outsider = await signIn(app, (await createUser(database, other.id, ["admin", "penyusun"])).email);
    });
    afterAll(async () => {
      await app?.close();
      await second?.close();
      await database?.close();
    });

    /** The example plan (adopted standard) under a fresh slug, with the penyusun on its team. */
    async function planWith(change: (p: Plan) => void = () => {}): Promise<{ id: string; slug: string }> {
      const plan = example();
      const slug = `adminduk-${target.dialect}-${seq++}`;
      plan.serviceStandard!.slug = slug;
      change(plan);
      const created = await penyusun.inject({ method: "POST", url: "/api/plans", payload: plan });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      const team = await penyusun.inject({ method: "PUT", url: `/api/plans/${id}/team`, payload: { members: [{ userId: penyusun.user.id, role: "penyusun" }] } });
      expect(team.statusCode, team.body).toBe(200);
      return { id, slug };
    }

    async function published(): Promise<{ id: string; slug: string }> {
      const p = await planWith();
      const res = await penyusun.inject({ method: "PUT", url: `/api/plans/${p.id}/public-page` });
      expect(res.statusCode, res.body).toBe(200);
      return p;
    }

    /** A form token served now; the clock then moves past the minimum fill time. */
    async function token(slug: string, wait = 5_000): Promise<string> {
      const res = await app.inject({ method: "GET", url: `/api/public/services/${slug}` });
      expect(res.statusCode, res.body).toBe(200);
      clock += wait;
      return res.json<{ formToken: string }>().formToken;
    }

    const count = async (table: "service_complaints" | "skm_responses", planId: string) =>
      Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).where("plan_id", "=", planId).executeTakeFirstOrThrow()).n);

    const post = (url: string, payload: unknown, ip = "203.0.113.9", server = app) => server.inject({ method: "POST", url, payload: payload as InjectOptions["payload"], remoteAddress: ip });

    it("an unpublished page is 404 on every public route, and only an adopted standard can be published", async () => {
      const p = await planWith((plan) => delete plan.serviceStandard!.process!.adoption);
      expect((await app.inject({ method: "GET", url: `/api/public/services/${p.slug}` })).statusCode).toBe(404);
      expect((await post(`/api/public/services/${p.slug}/complaints`, { body: "Antrean lama" })).statusCode).toBe(404);
      expect((await post(`/api/public/services/${p.slug}/skm`, { answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] })).statusCode).toBe(404);
      const html = await app.inject({ method: "GET", url: `/layanan/${p.slug}` });
      expect(html.statusCode).toBe(404);
      expect(html.headers["content-type"]).toMatch(/text\/html/);
      const refused = await penyusun.inject({ method: "PUT", url: `/api/plans/${p.id}/public-page` });
      expect(refused.statusCode).toBe(409);
      expect(refused.json<{ error: { code: string } }>().error.code).toBe("public_page.not_adopted");
      expect(await count("service_complaints", p.id)).toBe(0);
    });

    it("publishes only the adopted standard's public part; withdrawing makes it 404 again", async () => {
      const p = await published();
      const res = await app.inject({ method: "GET", url: `/api/public/services/${p.slug}` });
      const text = res.body;
      const plan = example();
      expect(text).toContain("Kartu Keluarga (asli atau fotokopi)");
      expect(text).toContain("Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan");
      // Nothing of the plan beyond the standard's public part: no plan id, team, budget, activities, internal components.
      const member = plan.team.find((m) => !text.includes(m.name))?.name ?? "";
      expect(member).not.toBe("");
      for (const secret of [p.id, plan.team.map((m) => m.nip ?? "").find((n) => n.length > 0) ?? "-", plan.budget[0]!.item, plan.budget[0]!.item, plan.activities[0]!.name, plan.serviceStandard!.internalSupervision!, plan.serviceStandard!.competence!]) expect(text).not.toContain(secret);
      const page = await app.inject({ method: "GET", url: `/layanan/${p.slug}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Maklumat pelayanan");
      expect(page.body).not.toContain("<script");
      expect(page.body).not.toContain(member);
      // Another organisation cannot publish or read it.
      expect((await outsider.inject({ method: "PUT", url: `/api/plans/${p.id}/public-page` })).statusCode).toBe(404);
      expect((await penyusun.inject({ method: "DELETE", url: `/api/plans/${p.id}/public-page` })).statusCode).toBe(200);
      expect((await app.inject({ method: "GET", url: `/api/public/services/${p.slug}` })).statusCode).toBe(404);
    });

    it("stores an anonymous complaint and shows its status and answer by tracking code, nothing else", async () => {
      const p = await published();
      const t = await token(p.slug);
      const filed = await post(`/api/public/services/${p.slug}/complaints`, { kind: "pengaduan", body: "Petugas belum datang ke panti kami", token: t, homepage: "" });
      expect(filed.statusCode, filed.body).toBe(201);
      const { trackingCode, dueOn } = filed.json<{ trackingCode: string; dueOn: string }>();
      expect(trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(dueOn).toBe("2027-03-08"); // 5 working days after Monday 1 March 2027
      const row = await database.db.selectFrom("service_complaints").selectAll().where("code", "=", trackingCode).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ plan_id: p.id, body: "Petugas belum datang ke panti kami", name: null, contact: null, status: "diterima" });

      const status = await app.inject({ method: "GET", url: `/api/public/services/${p.slug}/complaints/${trackingCode}` });
      expect(status.statusCode).toBe(200);
      expect(Object.keys(status.json()).sort()).toEqual(["answer", "code", "status", "statusLabel"]);
      expect(status.json()).toMatchObject({ code: trackingCode, status: "diterima", answer: null });
      expect(status.body).not.toContain("panti kami");

      // The unit answers: diproses, then dijawab (an answer is required).
      const list = await penyusun.inject({ method: "GET", url: `/api/plans/${p.id}/complaints` });
      const complaintId = list.json<{ items: { id: string; code: string }[] }>().items.find((c) => c.code === trackingCode)!.id;
      const noAnswer = await penyusun.inject({ method: "PATCH", url: `/api/plans/${p.id}/complaints/${complaintId}`, payload: { status: "dijawab" } });
      expect(noAnswer.statusCode).toBe(400);
      expect(noAnswer.body).toMatch(/jawaban wajib/);
      expect((await penyusun.inject({ method: "PATCH", url: `/api/plans/${p.id}/complaints/${complaintId}`, payload: { status: "diproses" } })).statusCode).toBe(200);
      const answered = await penyusun.inject({ method: "PATCH", url: `/api/plans/${p.id}/complaints/${complaintId}`, payload: { status: "dijawab", answer: "Kunjungan dijadwalkan Rabu, 3 Maret." } });
      expect(answered.statusCode, answered.body).toBe(200);
      const after = await app.inject({ method: "GET", url: `/layanan/${p.slug}?kode=${trackingCode.toLowerCase()}` });
      expect(after.body).toContain("Dijawab");
      expect(after.body).toContain("Kunjungan dijadwalkan Rabu, 3 Maret.");
      expect(after.body).not.toContain("panti kami");
      // The code belongs to this page only; another organisation cannot see or answer it.
      const other = await published();
      expect((await app.inject({ method: "GET", url: `/api/public/services/${other.slug}/complaints/${trackingCode}` })).statusCode).toBe(404);
      expect((await outsider.inject({ method: "PATCH", url: `/api/plans/${p.id}/complaints/${complaintId}`, payload: { status: "diproses" } })).statusCode).toBe(404);
    });

    it("refuses the honeypot, a form sent too fast and a forged token, storing nothing", async () => {
      const p = await published();
      const robot = await post(`/api/public/services/${p.slug}/complaints`, { body: "Beli obat murah", token: await token(p.slug), homepage: "http://spam.example" }, "198.51.100.1");
      expect(robot.statusCode).toBe(400);
      expect(robot.json()).toMatchObject({ error: { code: "public_form.rejected" }, reason: "spam" });
      const fast = await post(`/api/public/services/${p.slug}/complaints`, { body: "Terlalu cepat", token: await token(p.slug, 500) }, "198.51.100.1");
      expect(fast.json()).toMatchObject({ error: { code: "public_form.rejected" }, reason: "too_fast" });
      const forged = await post(`/api/public/services/${p.slug}/skm`, { answers: [4, 4, 4, 4, 4, 4, 4, 4, 4], token: `${clock - 10_000}.${"A".repeat(43)}` }, "198.51.100.1");
      expect(forged.json()).toMatchObject({ error: { code: "public_form.rejected" }, reason: "expired" });
      // A token of another page is no good here either.
      const other = await published();
      const elsewhere = await post(`/api/public/services/${p.slug}/complaints`, { body: "Token lain", token: await token(other.slug) }, "198.51.100.1");
      expect(elsewhere.json()).toMatchObject({ reason: "expired" });
      expect(await count("service_complaints", p.id)).toBe(0);
      expect(await count("skm_responses", p.id)).toBe(0);
    });

    it("limits complaints per address per hour across two servers on one database", async () => {
      const p = await published();
      const ip = `192.0.2.${seq}`;
      clock = Math.floor(clock / 3_600_000) * 3_600_000 + 3_600_000 + 60_000; // the start of a fresh hour
      const t = await token(p.slug);
      for (let i = 0; i < 4; i++) {
        const res = await post(`/api/public/services/${p.slug}/complaints`, { body: `Pengaduan ke-${i + 1}`, token: t }, ip, i % 2 === 0 ? app : second);
        expect(res.statusCode, res.body).toBe(201);
      }
      const fifth = await post(`/api/public/services/${p.slug}/complaints`, { body: "Pengaduan ke-5", token: t }, ip, second);
      expect(fifth.statusCode).toBe(429);
      expect(Number(fifth.headers["retry-after"])).toBeGreaterThan(0);
      // The HTML form says the same in words, keeping what was typed.
      const form = await app.inject({ method: "POST", url: `/layanan/${p.slug}/pengaduan`, payload: `body=${encodeURIComponent("Pengaduan ke-6")}&token=${encodeURIComponent(t)}`, headers: { "content-type": "application/x-www-form-urlencoded" }, remoteAddress: ip });
      expect(form.statusCode).toBe(429);
      expect(form.body).toContain("Terlalu banyak kiriman");
      expect(form.body).toContain("Pengaduan ke-6");
      // Another address is not affected; the next hour starts again.
      expect((await post(`/api/public/services/${p.slug}/complaints`, { body: "Dari alamat lain", token: t }, "192.0.2.250")).statusCode).toBe(201);
      clock += 3_600_000;
      expect((await post(`/api/public/services/${p.slug}/complaints`, { body: "Jam berikutnya", token: await token(p.slug) }, ip)).statusCode).toBe(201);
      expect(await count("service_complaints", p.id)).toBe(6);
      // The address itself is never stored, only a keyed hash of it.
      const keys = await database.db.selectFrom("rate_limit_counters").select("key").where("key", "like", "public-%").execute();
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.some((k) => k.key.includes(ip))).toBe(false);
    });

    it("takes SKM responses from the HTML form and JSON; the unit reads the IKM, the priority and the loop's findings", async () => {
      const p = await published();
      const t = await token(p.slug);
      const form = ["u1=4", "u2=3", "u3=1", "u4=4", "u5=3", "u6=3", "u7=4", "u8=3", "u9=3", "gender=P", "age=67", "education=SD", "occupation=Lainnya", `suggestion=${encodeURIComponent("Jadwal kunjungan diumumkan lebih awal")}`, `token=${encodeURIComponent(t)}`, "homepage="].join("&");
      const html = await app.inject({ method: "POST", url: `/layanan/${p.slug}/skm`, payload: form, headers: { "content-type": "application/x-www-form-urlencoded" }, remoteAddress: "203.0.113.50" });
      expect(html.statusCode, html.body.slice(0, 300)).toBe(200);
      expect(html.body).toContain("Terima kasih atas penilaian Anda");
      const json = await post(`/api/public/services/${p.slug}/skm`, { answers: [4, 3, 2, 4, 3, 3, 4, 3, 3], token: t }, "203.0.113.51");
      expect(json.statusCode, json.body).toBe(201);
      const bad = await post(`/api/public/services/${p.slug}/skm`, { answers: [4, 3, 5, 4, 3, 3, 4, 3, 3], age: 4, token: t }, "203.0.113.51");
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain("U3 Waktu penyelesaian: jawaban 1 sampai 4");
      expect(bad.body).toContain("Umur: bilangan bulat 10–120 tahun");
      const badForm = await app.inject({ method: "POST", url: `/layanan/${p.slug}/skm`, payload: `u1=4&token=${encodeURIComponent(t)}`, headers: { "content-type": "application/x-www-form-urlencoded" }, remoteAddress: "203.0.113.52" });
      expect(badForm.statusCode).toBe(400);
      expect(badForm.body).toContain("U2 Sistem, mekanisme dan prosedur: pilih salah satu jawaban");
      expect(await count("skm_responses", p.id)).toBe(2);
      const stored = await database.db.selectFrom("skm_responses").selectAll().where("plan_id", "=", p.id).orderBy("submitted_at").execute();
      expect(stored[0]).toMatchObject({ answers: "4,3,1,4,3,3,4,3,3", gender: "P", education: "SD", occupation: "Lainnya" });

      // A complaint left unanswered past its deadline joins the findings.
      const filed = await post(`/api/public/services/${p.slug}/complaints`, { body: "Belum ada kabar", token: t }, "203.0.113.53");
      expect(filed.statusCode).toBe(201);
      clock += 30 * 24 * 3_600_000;
      const skm = await penyusun.inject({ method: "GET", url: `/api/plans/${p.id}/skm?from=2027-01-01&to=2027-12-31` });
      expect(skm.statusCode, skm.body).toBe(200);
      const body = skm.json<{ respondents: number; result: { ikm: number; mutu: string; unsur: { code: string; nrr: number }[] }; priority: { code: string }[]; suggestions: { text: string }[]; findings: { code: string; ref: string }[] }>();
      expect(body.respondents).toBe(2);
      // Sum of answers 28 + 29 = 57 over 2 respondents: IKM = 25·57/18 = 79.1666… → 79.17 (B).
      expect(body.result.ikm).toBe(79.17);
      expect(body.result.mutu).toBe("B");
      expect(body.result.unsur.find((u) => u.code === "U3")!.nrr).toBe(1.5);
      expect(body.priority.map((u) => u.code)).toEqual(["U3"]);
      expect(body.suggestions.map((s) => s.text)).toEqual(["Jadwal kunjungan diumumkan lebih awal"]);
      // Every unsur whose NRR × 25 is under 76,61 (Baik) is a finding: U3 (1,5) and those at 3,00 (75,00, C).
      // The laporan hasil SKM of the period, rendered in the worker thread from the same responses.
      const report = await penyusun.inject({ method: "GET", url: `/api/plans/${p.id}/documents/laporan-skm.pdf?from=2027-01-01&to=2027-12-31` });
      expect(report.statusCode, report.body.slice(0, 200)).toBe(200);
      expect(report.headers["content-type"]).toBe("application/pdf");
      expect(report.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
      expect((await penyusun.inject({ method: "GET", url: `/api/plans/${p.id}/documents/laporan-skm.docx?from=2027-12-31&to=2027-01-01` })).statusCode).toBe(400);
      expect(body.findings.map((f) => `${f.code}:${f.ref}`)).toEqual([...["U3", "U2", "U5", "U6", "U8", "U9"].map((u) => `skm.unsur.below_baik:${u}`), `complaint.overdue:${filed.json<{ trackingCode: string }>().trackingCode}`]);
    });
  });
}
