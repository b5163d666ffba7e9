// Progress reports through the API, on both databases: refused before approval and for someone
// off the team; after approval versioned and audited without touching the approved plan; two at
// once both kept; an edit cannot rewrite them and an amendment keeps them.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../domain/plan/schema.js";
import type { Database } from "../../store/database.js";
import { createOrganization, createUser, signIn, type TestClient } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { realizationPlan } from "../../test-support/realization.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp } from "../app.js";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { formatAngka } from "../../domain/format/indonesian.js";
import { computeProgress } from "../../domain/realization/index.js";
import { missingPrograms } from "../../test-support/tools.js";

const runFile = promisify(execFile);

const YEAR_MS = 365 * 24 * 3_600_000;

type Office = { penyusun: TestClient; signatory: TestClient; reader: TestClient; outsider: TestClient };

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`progress reports on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;

    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      app = await buildApp({
        db: database,
        webRoot: false,
        auth: { now: () => Date.parse("2027-02-01T03:00:00Z"), idleTimeoutMs: 10 * YEAR_MS, absoluteTimeoutMs: 10 * YEAR_MS, signinRequestsPerMinute: 10_000 },
      });
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    async function office(): Promise<Office> {
      const org = await createOrganization(database);
      const client = async (role: "penyusun" | "penandatangan" | "pembaca") => signIn(app, (await createUser(database, org.id, [role])).email);
      return { penyusun: await client("penyusun"), signatory: await client("penandatangan"), reader: await client("pembaca"), outsider: await client("penyusun") };
    }

    /** The example plan without reports, with its team, optionally approved. */
    async function planIn(o: Office, approve: boolean): Promise<string> {
      const plan: Plan = { ...realizationPlan(), realization: undefined };
      delete plan.realization;
      const created = await o.penyusun.inject({ method: "POST", url: "/api/plans", payload: plan });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      const team = await o.penyusun.inject({
        method: "PUT",
        url: `/api/plans/${id}/team`,
        payload: { members: [{ userId: o.penyusun.user.id, role: "penyusun" }, { userId: o.signatory.user.id, role: "penandatangan" }, { userId: o.reader.user.id, role: "pembaca" }] },
      });
      expect(team.statusCode, team.body).toBe(200);
      if (approve) {
        expect((await o.penyusun.inject({ method: "POST", url: `/api/plans/${id}/submit` })).statusCode).toBe(200);
        const approved = await o.signatory.inject({ method: "POST", url: `/api/plans/${id}/approve` });
        expect(approved.statusCode, approved.body).toBe(200);
      }
      return id;
    }

    const report = (client: TestClient, id: string, body: unknown, lang = "id") =>
      client.inject({ method: "POST", url: `/api/plans/${id}/realization/reports?lang=${lang}`, payload: body as object });
    const envelope = async (client: TestClient, id: string) =>
      (await client.inject({ method: "GET", url: `/api/plans/${id}` })).json<{ version: number; status: string; plan: Plan; workflow: { baselineVersion: number | null; amendment: number } }>();
    const audit = async (id: string) => (await database.db.selectFrom("audit_log").select(["action", "version", "detail"]).where("plan_id", "=", id).orderBy("id").execute()).map((r) => ({ ...r, version: r.version === null ? null : Number(r.version) }));

    const FIRST = { date: "2027-01-15", activities: [{ activityId: "k01", percent: 100, actualStart: "2027-01-04", actualFinish: "2027-01-05" }, { activityId: "k02", percent: 30 }], spending: [{ budgetId: "b01", amount: 1_500_000, reference: "SP2D 0012/LS/2027" }], note: "Jaringan terputus", followUp: "Modem cadangan" };

    it("refuses a report before approval, and stores nothing", async () => {
      const o = await office();
      const id = await planIn(o, false);
      const before = await envelope(o.penyusun, id);
      const r = await report(o.penyusun, id, FIRST);
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json().error.code).toBe("realization.not_approved");
      const after = await envelope(o.penyusun, id);
      expect(after.version).toBe(before.version);
      expect(after.plan.realization).toBeUndefined();
      expect((await audit(id)).map((a) => a.action)).not.toContain("realization.report");
    });

    it("refuses someone not on the team and a reader", async () => {
      const o = await office();
      const id = await planIn(o, true);
      for (const client of [o.outsider, o.reader]) {
        const r = await report(client, id, FIRST);
        expect(r.statusCode, r.body).toBe(403);
        expect(r.json().error.code).toBe("auth.forbidden");
      }
      expect((await envelope(o.penyusun, id)).plan.realization).toBeUndefined();
    });

    it("after approval: versioned and audited, the approved plan and its status untouched", async () => {
      const o = await office();
      const id = await planIn(o, true);
      const approved = await envelope(o.penyusun, id);
      expect(approved.status).toBe("approved");
      const r = await report(o.signatory, id, FIRST);
      expect(r.statusCode, r.body).toBe(201);
      expect(r.headers.etag).toBe(`"${approved.version + 1}"`);
      const body = r.json<{ version: number; index: number; progress: { actual: number; planned: number; status: string } }>();
      expect(body).toMatchObject({ version: approved.version + 1, index: 0 });
      expect(body.progress.actual).toBeGreaterThan(0);
      const now = await envelope(o.penyusun, id);
      expect(now.status).toBe("approved");
      expect(now.workflow).toMatchObject({ baselineVersion: approved.workflow.baselineVersion, amendment: approved.workflow.amendment });
      // Only the realisation changed.
      const { realization, ...rest } = now.plan;
      const { realization: none, ...approvedRest } = approved.plan;
      expect(none).toBeUndefined();
      expect(rest).toEqual(approvedRest);
      expect(realization).toEqual({ reports: [FIRST] });
      const entry = (await audit(id)).at(-1)!;
      expect(entry).toMatchObject({ action: "realization.report", version: approved.version + 1 });
      expect(JSON.parse(entry.detail)).toMatchObject({ report: { index: 0, date: "2027-01-15", activities: 2, spending: 1 } });
      // The progress view reads the reports; the approved version is the baseline.
      const progress = await o.reader.inject({ method: "GET", url: `/api/plans/${id}/progress?at=2027-01-15` });
      expect(progress.statusCode, progress.body).toBe(200);
      const p = progress.json<{ progress: { financial: { actual: number }; activities: { id: string; actual: number; slipDays?: number }[]; baselines: { label: string }[] } }>().progress;
      expect(p.financial.actual).toBe(1_500_000);
      expect(p.activities.find((a) => a.id === "k02")).toMatchObject({ actual: 30, slipDays: 0 });
      expect(p.baselines.map((b) => b.label)).toEqual([`Rencana disetujui (versi ${approved.workflow.baselineVersion})`]);
    });

    it("keeps both of two reports sent at once", async () => {
      const o = await office();
      const id = await planIn(o, true);
      const second = { date: "2027-01-22", activities: [{ activityId: "k02", percent: 50 }], spending: [] };
      const [a, b] = await Promise.all([report(o.penyusun, id, FIRST), report(o.signatory, id, second)]);
      expect([a.statusCode, b.statusCode], `${a.body} ${b.body}`).toEqual([201, 201]);
      const reports = (await envelope(o.penyusun, id)).plan.realization!.reports;
      expect(reports).toHaveLength(2);
      expect(reports).toEqual(expect.arrayContaining([FIRST, second]));
      expect((await audit(id)).filter((e) => e.action === "realization.report")).toHaveLength(2);
    });

    it("names a bad reference by its label and stores nothing", async () => {
      const o = await office();
      const id = await planIn(o, true);
      const r = await report(o.penyusun, id, { date: "2027-01-15", activities: [{ activityId: "k99", percent: 10 }], spending: [] }, "en");
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().errors[0]).toMatchObject({ path: "realization.reports[0].activities[0].activityId", code: "reference.missing" });
      expect(r.json().errors[0].message).toContain("Progress report 2027-01-15, activity");
      const bad = await report(o.penyusun, id, { date: "2027-13-01", activities: [], spending: [] });
      expect(bad.statusCode).toBe(400);
      expect((await envelope(o.penyusun, id)).plan.realization).toBeUndefined();
    });

    it("an amendment keeps the reports; an edit cannot rewrite them", async () => {
      const o = await office();
      const id = await planIn(o, true);
      expect((await report(o.penyusun, id, FIRST)).statusCode).toBe(201);
      const current = await envelope(o.penyusun, id);
      // A whole-document edit without the section (an older client) keeps the reports and opens an amendment.
      const { realization: _kept, ...withoutReports } = current.plan;
      void _kept;
      const edited = { ...withoutReports, activities: current.plan.activities.map((a) => (a.id === "k02" ? { ...a, durationDays: a.durationDays + 5 } : a)) };
      const put = await o.penyusun.inject({ method: "PUT", url: `/api/plans/${id}`, headers: { "if-match": `"${current.version}"` }, payload: edited });
      expect(put.statusCode, put.body).toBe(200);
      const amended = await envelope(o.penyusun, id);
      expect(amended.status).toBe("draft");
      expect(amended.workflow.amendment).toBe(current.workflow.amendment + 1);
      expect(amended.plan.realization).toEqual({ reports: [FIRST] });
      // The slip against the approved baseline shows the longer k02.
      const p = (await o.penyusun.inject({ method: "GET", url: `/api/plans/${id}/progress?at=2027-01-15` })).json<{ progress: { activities: { id: string; slipDays?: number }[] } }>().progress;
      expect(p.activities.find((a) => a.id === "k02")!.slipDays).toBe(5);
      // Rewriting a report through PATCH is refused.
      const patch = await o.penyusun.inject({
        method: "PATCH",
        url: `/api/plans/${id}`,
        headers: { "if-match": `"${amended.version}"` },
        payload: [{ op: "replace", path: "/realization/reports/0/activities/0/percent", value: 5 }],
      });
      expect(patch.statusCode, patch.body).toBe(400);
      expect(patch.json().errors[0].path).toBe("realization");
    });

    it("the plan list's status: only readable approved plans, with the kritis notice for the signatory", async () => {
      const o = await office();
      const approved = await planIn(o, true);
      const draft = await planIn(o, false);
      expect((await report(o.penyusun, approved, FIRST)).statusCode).toBe(201);
      const ids = `${approved},${draft},nope`;
      const expected = computeProgress({ ...realizationPlan([FIRST]) }, "2027-02-01");
      if (!expected.ok) throw new Error("example must schedule");
      for (const [client, notice] of [[o.signatory, true], [o.penyusun, false], [o.reader, false]] as const) {
        const r = await client.inject({ method: "GET", url: `/api/progress-summary?ids=${ids}` });
        expect(r.statusCode, r.body).toBe(200);
        const body = r.json<{ at: string; items: { id: string; status: string; planned: number; deviation: number; notice: boolean }[] }>();
        expect(body.at).toBe("2027-02-01");
        expect(body.items).toEqual([expect.objectContaining({ id: approved, status: expected.view.status, planned: expected.view.planned, deviation: expected.view.deviation, notice })]);
      }
      expect(expected.view.status).toBe("kritis");
      // Someone off the team learns nothing; too many ids are refused.
      expect((await o.outsider.inject({ method: "GET", url: `/api/progress-summary?ids=${ids}` })).json().items).toEqual([]);
      const many = Array.from({ length: 101 }, (_, i) => `p${i}`).join(",");
      expect((await o.penyusun.inject({ method: "GET", url: `/api/progress-summary?ids=${many}` })).statusCode).toBe(400);
      // The plan's own progress says who must hear of it.
      const own = (await o.signatory.inject({ method: "GET", url: `/api/plans/${approved}/progress` })).json<{ notice: { forMe: boolean; to: { role: string }[] } }>();
      expect(own.notice).toMatchObject({ forMe: true });
      expect(own.notice.to.map((t) => t.role).sort()).toEqual(["penanggung-jawab", "pengarah"]);
      expect((await o.penyusun.inject({ method: "GET", url: `/api/plans/${approved}/progress` })).json().notice.forMe).toBe(false);
    });

    it.skipIf(missingPrograms("pdftotext") !== undefined)(
      "re-planning: approved again, the laporan kemajuan shows the original and the amended baseline",
      { timeout: 180_000 },
      async () => {
        const o = await office();
        const id = await planIn(o, true);
        const first = (await envelope(o.penyusun, id)).workflow.baselineVersion!;
        expect((await report(o.penyusun, id, FIRST)).statusCode).toBe(201);
        const current = await envelope(o.penyusun, id);
        const edited = { ...current.plan, activities: current.plan.activities.map((a) => (a.id === "k02" ? { ...a, durationDays: a.durationDays + 5 } : a)) };
        expect((await o.penyusun.inject({ method: "PUT", url: `/api/plans/${id}`, headers: { "if-match": `"${current.version}"` }, payload: edited })).statusCode).toBe(200);
        expect((await o.penyusun.inject({ method: "POST", url: `/api/plans/${id}/submit` })).statusCode).toBe(200);
        expect((await o.signatory.inject({ method: "POST", url: `/api/plans/${id}/approve` })).statusCode).toBe(200);
        const amended = await envelope(o.penyusun, id);
        const second = amended.workflow.baselineVersion!;
        expect(second).toBeGreaterThan(first);
        expect(amended.plan.realization).toEqual({ reports: [FIRST] });
        const p = (await o.penyusun.inject({ method: "GET", url: `/api/plans/${id}/progress?at=2027-02-01` })).json<{ progress: { baselines: { label: string; planned: number }[]; activities: { id: string; baselineSlips: (number | null)[] }[] } }>().progress;
        expect(p.baselines.map((b) => b.label)).toEqual([`Rencana awal (versi ${first})`, `Rencana perubahan (versi ${second})`]);
        expect(p.activities.find((a) => a.id === "k02")!.baselineSlips).toEqual([5, 0]);
        const pdf = await o.reader.inject({ method: "GET", url: `/api/plans/${id}/documents/laporan-kemajuan.pdf?at=2027-02-01` });
        expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
        expect(pdf.headers["content-disposition"]).toMatch(/laporan-kemajuan-/);
        const dir = mkdtempSync(join(tmpdir(), "lk-api-"));
        writeFileSync(join(dir, "lk.pdf"), pdf.rawPayload);
        const text = (await runFile("pdftotext", ["-enc", "UTF-8", join(dir, "lk.pdf"), "-"])).stdout.replace(/\s+/g, "");
        for (const b of p.baselines) expect(text).toContain(`Menurut${b.label}:rencanakumulatifper1Februari2027${formatAngka(b.planned, 2)}%`.replace(/\s+/g, ""));
        expect(text).toContain(`Geserthdrencanaawal(versi${first})(harikerja)`);
        const bad = await o.reader.inject({ method: "GET", url: `/api/plans/${id}/documents/laporan-kemajuan.pdf?month=2027-13` });
        expect(bad.statusCode).toBe(400);
      },
    );
  });
}
