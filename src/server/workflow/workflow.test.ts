// The review and approval workflow end to end through the API, on both databases: a team of
// five signed-in users, submit → initial by each reviewer in order → approve (decree number,
// baseline), return at every step, wrong turn / wrong state, the lock under review, the
// amendment after approval, the organisation's decree register per calendar year, and two
// people acting at once.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../domain/plan/schema.js";
import type { Database } from "../../store/database.js";
import { peopleRepo, type Organization } from "../../store/people-repo.js";
import { createOrganization, createUser, signIn, type TestClient } from "../../test-support/auth.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { missingPrograms } from "../../test-support/tools.js";
import { openMigrated } from "../../test-support/open-store.js";
import { buildApp } from "../app.js";

const YEAR_MS = 365 * 24 * 3_600_000;
const TEMPLATE = "800/{counter:3}/{unitCode}/{month}/{year}";

type Envelope = {
  id: string;
  version: number;
  status: string;
  plan: Plan;
  workflow: {
    status: string;
    cycle: number;
    step: number | null;
    baselineVersion: number | null;
    amendment: number;
    decreeNumber?: string;
    team: { userId: string; name: string; role: string; position: number }[];
    awaiting: { userId: string; name: string; role: string } | null;
  };
  abilities: Record<string, boolean>;
};

type Office = {
  org: Organization;
  penyusun: TestClient;
  reviewer1: TestClient;
  reviewer2: TestClient;
  signatory: TestClient;
  reader: TestClient;
};

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`review workflow on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    // The app's clock: approvals are dated by it, so the year can be moved.
    let clock = Date.parse("2027-03-10T03:00:00Z");

    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      app = await buildApp({
        db: database,
        webRoot: false,
        auth: { now: () => clock, idleTimeoutMs: 10 * YEAR_MS, absoluteTimeoutMs: 10 * YEAR_MS, signinRequestsPerMinute: 10_000 },
      });
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    /** An organisation with its numbering template and one signed-in user per role. */
    async function office(): Promise<Office> {
      const org = await createOrganization(database);
      await peopleRepo(database.db).updateOrganizationSettings(org.id, { decreeNumberTemplate: TEMPLATE, unitCode: "DISDUK" });
      const client = async (role: "penyusun" | "pemeriksa" | "penandatangan" | "pembaca", name: string) => signIn(app, (await createUser(database, org.id, [role], name)).email);
      return {
        org,
        penyusun: await client("penyusun", "Budi Penyusun"),
        reviewer1: await client("pemeriksa", "Ani Pemeriksa Satu"),
        reviewer2: await client("pemeriksa", "Dedi Pemeriksa Dua"),
        signatory: await client("penandatangan", "Siti Penandatangan"),
        reader: await client("pembaca", "Rudi Pembaca"),
      };
    }

    async function createPlan(o: Office, overrides: Partial<Plan> = {}): Promise<Envelope> {
      const r = await o.penyusun.inject({ method: "POST", url: "/api/plans", payload: minimalPlan({ title: "Rencana alur persetujuan", ...overrides }) });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<Envelope>();
    }

    async function setFullTeam(o: Office, planId: string) {
      const r = await o.penyusun.inject({
        method: "PUT",
        url: `/api/plans/${planId}/team`,
        payload: {
          members: [
            { userId: o.penyusun.user.id, role: "penyusun" },
            { userId: o.reviewer2.user.id, role: "pemeriksa", position: 2 },
            { userId: o.reviewer1.user.id, role: "pemeriksa", position: 1 },
            { userId: o.signatory.user.id, role: "penandatangan" },
            { userId: o.reader.user.id, role: "pembaca" },
          ],
        },
      });
      expect(r.statusCode, r.body).toBe(200);
    }

    const act = (client: TestClient, planId: string, action: string, comment?: string) =>
      client.inject({ method: "POST", url: `/api/plans/${planId}/${action}`, ...(comment !== undefined ? { payload: { comment } } : {}) });

    function ok(r: LightMyRequestResponse): Envelope {
      expect(r.statusCode, r.body).toBe(200);
      return r.json<Envelope>();
    }

    function refused(r: LightMyRequestResponse, status: number, code: string) {
      expect(r.statusCode, r.body).toBe(status);
      expect(r.json().error.code).toBe(code);
    }

    async function approveThrough(o: Office, planId: string): Promise<Envelope> {
      ok(await act(o.penyusun, planId, "submit"));
      ok(await act(o.reviewer1, planId, "initial"));
      ok(await act(o.reviewer2, planId, "initial"));
      return ok(await act(o.signatory, planId, "approve"));
    }

    const auditActions = async (planId: string) =>
      (await database.db.selectFrom("audit_log").select("action").where("plan_id", "=", planId).orderBy("id").execute()).map((r) => r.action);

    /** The register's counters of an organisation and year: [series, last number]. */
    const counterOf = async (orgId: string, year: number) =>
      (await database.db.selectFrom("decree_register_counters").select(["series", "last_number"]).where("organization_id", "=", orgId).where("year", "=", year).orderBy("series").execute()).map(
        (r): [string, number] => [r.series, Number(r.last_number)],
      );

    it("versions the team: 428 without If-Match, 409 with the current team when stale; of two editors at once one wins (D6)", async () => {
      const o = await office();
      const plan = await createPlan(o);
      const url = `/api/plans/${plan.id}/team`;
      const got = await o.penyusun.inject({ method: "GET", url });
      const version = got.json<{ version: number }>().version;
      expect(got.headers.etag).toBe(`"${version}"`);
      const withReader = { members: [{ userId: o.penyusun.user.id, role: "penyusun" }, { userId: o.reader.user.id, role: "pembaca" }] };
      const withSignatory = { members: [{ userId: o.penyusun.user.id, role: "penyusun" }, { userId: o.signatory.user.id, role: "penandatangan" }] };
      refused(await o.penyusun.inject({ method: "PUT", url, headers: { "if-match": "" }, payload: withReader }), 428, "version.required");
      const [a, b] = await Promise.all([withReader, withSignatory].map((payload) => o.penyusun.inject({ method: "PUT", url, headers: { "if-match": `"${version}"` }, payload })));
      expect([a!.statusCode, b!.statusCode].sort(), `${a!.body} ${b!.body}`).toEqual([200, 409]);
      const loser = a!.statusCode === 409 ? a! : b!;
      expect(loser.json().error.code).toBe("record.conflict");
      expect(loser.json().currentVersion).toBe(version + 1);
      // The conflict carries the team as stored: the winner's.
      const stored = (await o.penyusun.inject({ method: "GET", url })).json<{ members: { userId: string }[]; version: number }>();
      expect(stored.version).toBe(version + 1);
      expect(loser.json().current.members.map((m: { userId: string }) => m.userId).sort()).toEqual(stored.members.map((m) => m.userId).sort());
      refused(await o.penyusun.inject({ method: "PUT", url, headers: { "if-match": `"${version}"` }, payload: withReader }), 409, "record.conflict");
      expect((await o.penyusun.inject({ method: "PUT", url, headers: { "if-match": `"${version + 1}"` }, payload: withReader })).statusCode).toBe(200);
    });

    it("keeps the team: shows it with names, checks members against the organisation, numbers reviewers", async () => {
      const o = await office();
      const plan = await createPlan(o);
      const url = `/api/plans/${plan.id}/team`;

      const initial = ok(await o.penyusun.inject({ method: "GET", url }));
      expect(initial).toMatchObject({ members: [{ userId: o.penyusun.user.id, name: "Budi Penyusun", role: "penyusun", position: 0 }] });
      // The penyusun sees who can join, with their plan roles; the list never holds another organisation's users.
      const candidates = (initial as unknown as { candidates: { userId: string; roles: string[] }[] }).candidates;
      expect(candidates.map((c) => c.userId).sort()).toEqual([o.penyusun, o.reviewer1, o.reviewer2, o.signatory, o.reader].map((c) => c.user.id).sort());
      expect(candidates.find((c) => c.userId === o.reviewer1.user.id)?.roles).toEqual(["pemeriksa"]);

      const stranger = await office();
      const bad = await o.penyusun.inject({
        method: "PUT",
        url,
        payload: {
          members: [
            { userId: o.reviewer1.user.id, role: "penyusun" }, // holds only pemeriksa
            { userId: stranger.reviewer1.user.id, role: "pemeriksa" }, // another organisation
            { userId: o.signatory.user.id, role: "penandatangan" },
            { userId: o.reviewer2.user.id, role: "penandatangan" }, // a second signatory, and a role not held
            { userId: o.reviewer1.user.id, role: "pemeriksa", position: 1 },
            { userId: o.reviewer2.user.id, role: "pemeriksa", position: 1 }, // same position
          ],
        },
      });
      refused(bad, 400, "request.invalid");
      const errors = bad.json<{ errors: { path: string; code: string }[] }>().errors.map((e) => `${e.path} ${e.code}`);
      expect(errors.sort()).toEqual(
        [
          "members[0].role team.role_not_held",
          "members[1].userId team.user_unknown",
          "members[3].role team.role_not_held",
          "members[3].role team.penandatangan_multiple",
          "members[5].position team.position_duplicate",
        ].sort(),
      );
      refused(await o.penyusun.inject({ method: "PUT", url, payload: { members: [{ userId: o.reader.user.id, role: "pembaca" }] } }), 400, "request.invalid");
      expect((await o.penyusun.inject({ method: "PUT", url, payload: { members: [{ userId: o.reader.user.id, role: "pembaca" }] } })).json().errors[0]).toMatchObject({
        path: "members",
        code: "team.penyusun_required",
      });
      refused(await o.penyusun.inject({ method: "PUT", url, payload: { members: [{ userId: o.penyusun.user.id, role: "boss" }] } }), 400, "request.invalid");

      // Positions absent: array order; given ones are kept and the rest fill the gaps; stored as 1…n.
      const numbered = ok(
        await o.penyusun.inject({
          method: "PUT",
          url,
          payload: {
            members: [
              { userId: o.penyusun.user.id, role: "penyusun" },
              { userId: o.reviewer2.user.id, role: "pemeriksa" },
              { userId: o.reviewer1.user.id, role: "pemeriksa", position: 1 },
              { userId: o.signatory.user.id, role: "penandatangan" },
            ],
          },
        }),
      ) as unknown as { members: { userId: string; role: string; position: number }[] };
      const reviewers = numbered.members.filter((m) => m.role === "pemeriksa").sort((a, b) => a.position - b.position);
      expect(reviewers.map((m) => [m.userId, m.position])).toEqual([
        [o.reviewer1.user.id, 1],
        [o.reviewer2.user.id, 2],
      ]);
      expect(await auditActions(plan.id)).toEqual(["plan.create", "plan.team"]);

      // A reviewer on the team may read it, not change it, and is not shown the candidates.
      const asReviewer = ok(await o.reviewer1.inject({ method: "GET", url }));
      expect(asReviewer).not.toHaveProperty("candidates");
      refused(await o.reviewer1.inject({ method: "PUT", url, payload: { members: [] } }), 403, "auth.forbidden");
    });

    it("runs submit → initial by each reviewer in order → approve, with the decree number and the frozen baseline", async () => {
      const o = await office();
      const plan = await createPlan(o);
      const id = plan.id;

      // Without a signatory there is nobody to approve: the message says what is missing.
      const noSignatory = await act(o.penyusun, id, "submit");
      refused(noSignatory, 409, "workflow.invalid_state");
      expect(noSignatory.json().error.message).toContain("penandatangan");
      await setFullTeam(o, id);

      const submitted = ok(await act(o.penyusun, id, "submit", "Mohon diperiksa"));
      expect(submitted.version).toBe(1); // no new document version: the editor's ETag stays valid
      expect(submitted.workflow).toMatchObject({ status: "submitted", cycle: 1, step: 1, awaiting: { userId: o.reviewer1.user.id, name: "Ani Pemeriksa Satu", role: "pemeriksa" } });
      expect(submitted.abilities).toMatchObject({ edit: false, submit: false, manageTeam: false });

      // Under review: no edits, no team changes, no second submission.
      refused(await o.penyusun.inject({ method: "PUT", url: `/api/plans/${id}`, headers: { "if-match": '"1"' }, payload: { ...plan.plan, title: "Diubah" } }), 409, "workflow.locked");
      refused(await o.penyusun.inject({ method: "PUT", url: `/api/plans/${id}/team`, payload: { members: [{ userId: o.penyusun.user.id, role: "penyusun" }] } }), 409, "workflow.locked");
      refused(await act(o.penyusun, id, "submit"), 409, "workflow.invalid_state");

      // Order: reviewer 2 and the signatory must wait for reviewer 1; the reader and the penyusun may not act at all.
      refused(await act(o.reviewer2, id, "initial"), 403, "workflow.not_your_turn");
      refused(await act(o.reviewer2, id, "return", "belum giliran saya"), 403, "workflow.not_your_turn");
      refused(await act(o.signatory, id, "approve"), 403, "workflow.not_your_turn");
      refused(await act(o.reader, id, "initial"), 403, "auth.forbidden");
      refused(await act(o.penyusun, id, "approve"), 403, "auth.forbidden");
      expect((await o.reviewer1.inject({ method: "GET", url: `/api/plans/${id}` })).json().abilities).toMatchObject({ initial: true, return: true, approve: false });

      const first = ok(await act(o.reviewer1, id, "initial"));
      expect(first.workflow).toMatchObject({ step: 2, awaiting: { userId: o.reviewer2.user.id } });
      refused(await act(o.reviewer1, id, "initial"), 403, "workflow.not_your_turn");
      // The signatory approves only after every reviewer.
      refused(await act(o.signatory, id, "approve"), 403, "workflow.not_your_turn");
      const second = ok(await act(o.reviewer2, id, "initial", "Sudah sesuai"));
      expect(second.workflow).toMatchObject({ step: 3, awaiting: { userId: o.signatory.user.id, role: "penandatangan" } });
      expect(second.version).toBe(1);

      const approved = ok(await act(o.signatory, id, "approve"));
      expect(approved.version).toBe(2);
      expect(approved.workflow).toMatchObject({ status: "approved", step: null, baselineVersion: 2, awaiting: null, decreeNumber: "800/001/DISDUK/III/2027" });
      expect(approved.plan.decree).toMatchObject({ number: "800/001/DISDUK/III/2027", date: "2027-03-10" });
      refused(await act(o.signatory, id, "approve"), 409, "workflow.invalid_state");
      refused(await act(o.reviewer1, id, "initial"), 409, "workflow.invalid_state");

      // The baseline revision carries the number; the first revision stays as it was.
      expect((await o.reader.inject({ method: "GET", url: `/api/plans/${id}/revisions/2` })).json().plan.decree.number).toBe("800/001/DISDUK/III/2027");
      expect((await o.reader.inject({ method: "GET", url: `/api/plans/${id}/revisions/1` })).json().plan.decree.number).toBeUndefined();

      const trail = (await o.reader.inject({ method: "GET", url: `/api/plans/${id}/workflow` })).json();
      expect(trail.workflow).toMatchObject({ status: "approved", baselineVersion: 2, decreeNumber: "800/001/DISDUK/III/2027" });
      expect(trail.events.map((e: { action: string; name: string; step: number | null; version: number; comment: string | null }) => [e.action, e.name, e.step, e.version, e.comment])).toEqual([
        ["submit", "Budi Penyusun", null, 1, "Mohon diperiksa"],
        ["initial", "Ani Pemeriksa Satu", 1, 1, null],
        ["initial", "Dedi Pemeriksa Dua", 2, 1, "Sudah sesuai"],
        ["approve", "Siti Penandatangan", 3, 2, null],
      ]);
      expect(await auditActions(id)).toEqual(["plan.create", "plan.team", "plan.submit", "plan.initial", "plan.initial", "plan.approve"]);
      expect(await counterOf(o.org.id, 2027)).toEqual([["800", 1]]);
    });

    it("refuses to submit, initial or approve a plan with error findings, listing them; the plan stays where it was", async () => {
      const o = await office();
      // What a new user tried: no issuer, no signatory, no activities.
      const base = minimalPlan();
      const plan = await createPlan(o, {
        activities: [],
        assignments: [],
        budget: [],
        decree: { ...base.decree, issuerTitle: "", signatory: { name: "", position: "" } },
      });
      await setFullTeam(o, plan.id);
      const r = await act(o.penyusun, plan.id, "submit");
      refused(r, 422, "workflow.findings_open");
      const body = r.json<{ findings: { stage: string; code: string; severity: string; path: string; message: string; messages: { id: string; en: string } }[]; errors: { path: string }[] }>();
      const codes = body.findings.map((f) => f.code);
      expect(codes).toEqual(expect.arrayContaining(["decree.issuer.missing", "decree.signatory.nameMissing", "decree.signatory.position.missing", "activities.empty"]));
      expect(body.findings.every((f) => f.severity === "error" && f.message !== "" && f.messages.en !== "")).toBe(true);
      expect(body.findings.find((f) => f.code === "decree.issuer.missing")).toMatchObject({ stage: "keputusan", path: "decree.issuerTitle" });
      expect(body.errors.map((e) => e.path)).toEqual(body.findings.map((f) => f.path));
      // English on request.
      const en = await o.penyusun.inject({ method: "POST", url: `/api/plans/${plan.id}/submit?lang=en` });
      refused(en, 422, "workflow.findings_open");
      expect(en.json().error.message).toContain("error findings");
      const after = ok(await o.penyusun.inject({ method: "GET", url: `/api/plans/${plan.id}` }));
      expect(after).toMatchObject({ status: "draft", version: 1, workflow: { cycle: 0, step: null } });
      expect(await auditActions(plan.id)).toEqual(["plan.create", "plan.team"]);

      // A plan under review that has (or, after a rule change, gets) an error finding cannot move on either.
      const good = await createPlan(o);
      await setFullTeam(o, good.id);
      ok(await act(o.penyusun, good.id, "submit"));
      const broken = { ...good.plan, decree: { ...good.plan.decree, place: "" } };
      await database.db.updateTable("plans").set({ document: JSON.stringify(broken) }).where("id", "=", good.id).execute();
      const initial = await act(o.reviewer1, good.id, "initial");
      refused(initial, 422, "workflow.findings_open");
      expect(initial.json().findings).toMatchObject([{ stage: "keputusan", code: "decree.place.missing", path: "decree.place" }]);
      await database.db.updateTable("plans").set({ document: JSON.stringify(good.plan) }).where("id", "=", good.id).execute();
      ok(await act(o.reviewer1, good.id, "initial"));
      ok(await act(o.reviewer2, good.id, "initial"));
      await database.db.updateTable("plans").set({ document: JSON.stringify(broken) }).where("id", "=", good.id).execute();
      refused(await act(o.signatory, good.id, "approve"), 422, "workflow.findings_open");
      const still = ok(await o.reader.inject({ method: "GET", url: `/api/plans/${good.id}` }));
      expect(still).toMatchObject({ status: "submitted", version: 1, workflow: { step: 3 } });
      expect(still.plan.decree.number).toBeUndefined();
      expect(await counterOf(o.org.id, 2027)).toEqual([]);
    });

    it("does not let a plan with an unauthorised signatory through (a.n. by staff, Plt. by a II/a), naming the rule; a bad NIP or pangkat is refused at the edge (400)", async () => {
      const o = await office();
      const base = minimalPlan();
      const issuer = base.decree.issuerTitle;
      const staff = { name: "Sutarno", rank: "Pengatur (II/c)", position: "Pengadministrasi Umum", capacity: "an" as const, onBehalfOf: issuer };
      const plan = await createPlan(o, { decree: { ...base.decree, signatory: staff } });
      await setFullTeam(o, plan.id);
      const r = await act(o.penyusun, plan.id, "submit");
      refused(r, 422, "workflow.findings_open");
      const finding = r.json<{ findings: { code: string; path: string; message: string; messages: { id: string; en: string } }[] }>().findings.find((f) => f.code === "decree.signatory.anStaff");
      expect(finding?.path).toBe("decree.signatory.position");
      expect(finding?.messages.id).toMatch(/aturan: a\.n\. hanya ditandatangani pejabat struktural satu tingkat di bawah/);
      expect(finding?.messages.en).toMatch(/rule: a\.n\. is signed only by a structural official one level below/);

      // Under review, the signatory changed underneath (a Plt. by a II/a staff member): approval is refused too.
      const good = await createPlan(o);
      await setFullTeam(o, good.id);
      ok(await act(o.penyusun, good.id, "submit"));
      ok(await act(o.reviewer1, good.id, "initial"));
      ok(await act(o.reviewer2, good.id, "initial"));
      const plt = { ...good.plan, decree: { ...good.plan.decree, signatory: { name: "Rudi", rank: "Pengatur Muda (II/a)", position: base.decree.signatory.position, capacity: "plt" as const } } };
      await database.db.updateTable("plans").set({ document: JSON.stringify(plt) }).where("id", "=", good.id).execute();
      const approve = await act(o.signatory, good.id, "approve");
      refused(approve, 422, "workflow.findings_open");
      expect(approve.json().findings.map((f: { code: string }) => f.code)).toContain("decree.signatory.actingStaff");
      const still = ok(await o.reader.inject({ method: "GET", url: `/api/plans/${good.id}` }));
      expect(still).toMatchObject({ status: "submitted", workflow: { step: 3 } });
      expect(still.plan.decree.number).toBeUndefined();

      // The Sekretaris Dinas a.n. the Kepala Dinas, and the head without the region suffix, go through.
      const sekdis = { name: "Ir. Hadi Purnomo", nip: "19710214 199703 1 003", rank: "Pembina (IV/a)", position: "Sekretaris", level: "administrator" as const, capacity: "an" as const, onBehalfOf: issuer };
      const fine = await createPlan(o, { decree: { ...base.decree, signatory: sekdis } });
      await setFullTeam(o, fine.id);
      const approved = await approveThrough(o, fine.id);
      expect(approved.status).toBe("approved");
      const head = await createPlan(o, { decree: { ...base.decree, signatory: { name: "Dra. Siti Aminah", position: "Kepala Dinas Kependudukan dan Pencatatan Sipil" } } });
      await setFullTeam(o, head.id);
      expect((await approveThrough(o, head.id)).status).toBe("approved");

      // A 17-digit NIP or a pangkat outside the list never reaches the plan: 400 naming the field and the rule.
      for (const [field, value, text] of [
        ["nip", "19710214199703100", /NIP penanda tangan: "19710214199703100" tidak sah: NIP terdiri atas 18 angka, bukan 17/],
        ["nip", "197102141997033003", /angka ke-15 \(3\) adalah kode jenis kelamin/],
        ["rank", "Pembina (IV/c)", /pangkat penanda tangan: pangkat\/golongan "Pembina \(IV\/c\)" tidak ada dalam daftar resmi/],
      ] as const) {
        const draft = await createPlan(o);
        const patch = await o.penyusun.inject({
          method: "PATCH",
          url: `/api/plans/${draft.id}`,
          headers: { "if-match": `"${draft.version}"`, "content-type": "application/json-patch+json" },
          payload: [{ op: "add", path: `/decree/signatory/${field}`, value }],
        });
        expect(patch.statusCode, patch.body).toBe(400);
        const err = patch.json<{ error: { code: string }; errors: { path: string; code: string; message: string }[] }>();
        expect(err.error.code).toBe("validation.failed");
        expect(err.errors[0]).toMatchObject({ path: `decree.signatory.${field}`, code: `${field}.invalid` });
        expect(err.errors[0]!.message).toMatch(text);
        const unchanged = ok(await o.penyusun.inject({ method: "GET", url: `/api/plans/${draft.id}` }));
        expect(unchanged.version).toBe(draft.version);
      }
    });

    it("reopens an approved plan on edit as a new revision that goes through review again; its approval is a decree of amendment with a number of its own", async () => {
      const o = await office();
      const plan = await createPlan(o);
      await setFullTeam(o, plan.id);
      const approved = await approveThrough(o, plan.id);
      const baseline = (await o.penyusun.inject({ method: "GET", url: `/api/plans/${plan.id}/revisions/${approved.version}` })).json().plan as Plan;

      const edited = ok(
        await o.penyusun.inject({ method: "PUT", url: `/api/plans/${plan.id}`, headers: { "if-match": `"${approved.version}"` }, payload: { ...approved.plan, title: "Rencana alur persetujuan (revisi 1)" } }),
      );
      expect(edited.version).toBe(3);
      expect(edited.workflow).toMatchObject({ status: "draft", amendment: 1, baselineVersion: 2, step: null });
      // The frozen baseline is untouched by the amendment.
      expect((await o.penyusun.inject({ method: "GET", url: `/api/plans/${plan.id}/revisions/2` })).json().plan).toEqual(baseline);
      expect(baseline.title).toBe("Rencana alur persetujuan");

      // The konsep of the amendment already reads as the decree of amendment, its own number blank.
      const konsep = await o.reviewer1.inject({ method: "GET", url: `/api/plans/${plan.id}/documents/sk.docx` });
      expect(konsep.statusCode, konsep.body).toBe(200);
      const konsepText = strFromU8(unzipSync(new Uint8Array(konsep.rawPayload))["word/document.xml"]!).replace(/<[^>]+>/g, "");
      expect(konsepText).toContain("PERUBAHAN ATAS KEPUTUSAN KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN UJI NOMOR 800/001/DISDUK/III/2027");
      expect(konsepText).toContain("NOMOR ....................");
      expect(konsepText).not.toContain("NOMOR 800/001/DISDUK/III/2027TENTANG");

      // The amendment cannot skip review: the signatory may not approve a draft.
      refused(await act(o.signatory, plan.id, "approve"), 409, "workflow.invalid_state");
      ok(await act(o.penyusun, plan.id, "submit"));
      refused(await act(o.signatory, plan.id, "approve"), 403, "workflow.not_your_turn");
      ok(await act(o.reviewer1, plan.id, "initial"));
      ok(await act(o.reviewer2, plan.id, "initial"));
      clock += 86_400_000; // approved the next day
      const reapproved = ok(await act(o.signatory, plan.id, "approve"));
      expect(reapproved.workflow).toMatchObject({ status: "approved", cycle: 2, amendment: 1, baselineVersion: 4, decreeNumber: "800/002/DISDUK/III/2027" });
      expect(reapproved.plan.title).toBe("Rencana alur persetujuan (revisi 1)");
      // A decree of amendment: its own number from the register, dated today, citing the earlier one.
      expect(reapproved.plan.decree).toMatchObject({
        number: "800/002/DISDUK/III/2027",
        date: "2027-03-11",
        amends: { kind: "perubahan", number: "800/001/DISDUK/III/2027", date: "2027-03-10", subject: "Pembentukan Tim Pelaksana Rencana alur persetujuan", issuerTitle: baseline.decree.issuerTitle },
      });
      expect(await counterOf(o.org.id, 2027)).toEqual([["800", 2]]);
      // The earlier number and its decree stay readable: the baseline revision and the register.
      const earlier = (await o.reader.inject({ method: "GET", url: `/api/plans/${plan.id}/revisions/2` })).json().plan as Plan;
      expect(earlier.decree).toMatchObject({ number: "800/001/DISDUK/III/2027", date: "2027-03-10" });
      expect(earlier.decree.amends).toBeUndefined();
      const admin = await signIn(app, (await createUser(database, o.org.id, ["admin"], "Admin Register")).email);
      const register = await admin.inject({ method: "GET", url: "/api/decree-register?year=2027" });
      expect(register.statusCode, register.body).toBe(200);
      {
        const items = register.json<{ items: { number: string; title: string; planVersion: number; status: string }[] }>().items.filter((i) => i.number.startsWith("800/00"));
        expect(items.map((i) => [i.number, i.planVersion, i.status]).sort()).toEqual([
          ["800/001/DISDUK/III/2027", 2, "issued"],
          ["800/002/DISDUK/III/2027", 4, "issued"],
        ]);
        expect(items.find((i) => i.number === "800/002/DISDUK/III/2027")?.title).toBe("Perubahan atas Keputusan Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Uji Nomor 800/001/DISDUK/III/2027 tentang Pembentukan Tim Pelaksana Rencana alur persetujuan");
      }
      // The amendment decree as downloaded: DOCX text names and cites the decree it amends.
      const docx = await o.reader.inject({ method: "GET", url: `/api/plans/${plan.id}/documents/sk.docx` });
      expect(docx.statusCode, docx.body).toBe(200);
      const xml = unzipSync(new Uint8Array(docx.rawPayload))["word/document.xml"];
      const text = strFromU8(xml!).replace(/<[^>]+>/g, "");
      expect(text).toContain("PERUBAHAN ATAS KEPUTUSAN KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN UJI NOMOR 800/001/DISDUK/III/2027 TENTANG PEMBENTUKAN TIM PELAKSANA RENCANA ALUR PERSETUJUAN");
      expect(text).toContain("bahwa telah ditetapkan Keputusan Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Uji Nomor 800/001/DISDUK/III/2027 tanggal 10 Maret 2027 tentang Pembentukan Tim Pelaksana Rencana alur persetujuan;");
      // And the PDF (the approved archive copy), read by poppler's pdftotext (required in CI).
      if (process.env.REQUIRE_ALL_BACKENDS !== "1" && missingPrograms("pdftotext")) return void (clock -= 86_400_000);
      const pdf = await o.reader.inject({ method: "GET", url: `/api/plans/${plan.id}/documents/sk.pdf` });
      expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
      const pdfFile = join(mkdtempSync(join(tmpdir(), "amend-")), "sk.pdf");
      writeFileSync(pdfFile, pdf.rawPayload);
      const pdfText = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", pdfFile, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      expect(pdfText).toContain("PERUBAHAN ATAS KEPUTUSAN KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN UJI NOMOR 800/001/DISDUK/III/2027");
      expect(pdfText).toContain("NOMOR 800/002/DISDUK/III/2027");
      expect(pdfText).toContain("Nomor 800/001/DISDUK/III/2027 tanggal 10 Maret 2027 tentang Pembentukan Tim Pelaksana Rencana alur persetujuan;");
      clock -= 86_400_000;
    });

    it("drafts a replacement decree revoking the earlier one where the organisation prefers it", async () => {
      const o = await office();
      await peopleRepo(database.db).updateOrganizationSettings(o.org.id, { decreeNumberTemplate: TEMPLATE, unitCode: "DISDUK", amendmentDecree: "pencabutan" });
      const plan = await createPlan(o);
      await setFullTeam(o, plan.id);
      const approved = await approveThrough(o, plan.id);
      const edited = ok(await o.penyusun.inject({ method: "PUT", url: `/api/plans/${plan.id}`, headers: { "if-match": `"${approved.version}"` }, payload: { ...approved.plan, title: "Rencana alur persetujuan (pengganti)" } }));
      const replaced = await approveThrough(o, edited.id);
      expect(replaced.plan.decree).toMatchObject({ number: "800/002/DISDUK/III/2027", amends: { kind: "pencabutan", number: "800/001/DISDUK/III/2027" } });
      const docx = await o.reader.inject({ method: "GET", url: `/api/plans/${plan.id}/documents/sk.docx` });
      const text = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))["word/document.xml"]!).replace(/<[^>]+>/g, "");
      expect(text).toContain("Dengan berlakunya Keputusan ini, Keputusan Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Uji Nomor 800/001/DISDUK/III/2027 tentang Pembentukan Tim Pelaksana Rencana alur persetujuan dicabut dan dinyatakan tidak berlaku.");
      expect(text).not.toContain("PERUBAHAN ATAS");
    });

    it("returns with a comment at every step; the comment is kept on the plan and in the trail; the plan is editable again", async () => {
      const o = await office();
      const plan = await createPlan(o);
      await setFullTeam(o, plan.id);
      const returners = [o.reviewer1, o.reviewer2, o.signatory];
      for (const [k, returner] of returners.entries()) {
        ok(await act(o.penyusun, plan.id, "submit"));
        for (const reviewer of returners.slice(0, k)) ok(await act(reviewer, plan.id, "initial"));
        // The reason is required.
        const noReason = await act(returner, plan.id, "return");
        refused(noReason, 400, "request.invalid");
        expect(noReason.json().errors[0].path).toBe("comment");
        refused(await act(returner, plan.id, "return", "   "), 400, "request.invalid");
        const returned = ok(await act(returner, plan.id, "return", `Perbaiki langkah ${k + 1}`));
        expect(returned.workflow).toMatchObject({ status: "returned", step: null, cycle: k + 1, awaiting: null });
        expect((await o.penyusun.inject({ method: "GET", url: `/api/plans/${plan.id}` })).json().abilities).toMatchObject({ edit: true, submit: true, manageTeam: true });
        refused(await act(returner, plan.id, "return", "lagi"), 409, "workflow.invalid_state");
        refused(await act(o.reviewer1, plan.id, "initial"), 409, "workflow.invalid_state");
      }
      const comments = await database.db.selectFrom("comments").selectAll().where("plan_id", "=", plan.id).orderBy("created_at").orderBy("id").execute();
      expect(comments.map((c) => [c.author_id, c.body, c.stage, c.item_ref, Number(c.version)])).toEqual(returners.map((r, k) => [r.user.id, `Perbaiki langkah ${k + 1}`, null, null, 1]));
      const events = (await o.penyusun.inject({ method: "GET", url: `/api/plans/${plan.id}/workflow` })).json().events as { action: string; step: number | null; cycle: number; comment: string | null }[];
      expect(events.filter((e) => e.action === "return").map((e) => [e.cycle, e.step, e.comment])).toEqual([
        [1, 1, "Perbaiki langkah 1"],
        [2, 2, "Perbaiki langkah 2"],
        [3, 3, "Perbaiki langkah 3"],
      ]);
      expect((await auditActions(plan.id)).filter((a) => a === "plan.return")).toHaveLength(3);

      // Returned: the penyusun edits (the ETag from before review still holds) and submits again from step 1.
      const edited = ok(await o.penyusun.inject({ method: "PUT", url: `/api/plans/${plan.id}`, headers: { "if-match": '"1"' }, payload: { ...plan.plan, title: "Sudah diperbaiki" } }));
      expect(edited).toMatchObject({ version: 2, status: "returned" });
      const again = ok(await act(o.penyusun, plan.id, "submit"));
      expect(again.workflow).toMatchObject({ status: "submitted", cycle: 4, step: 1 });
    });

    it("lets the penyusun withdraw a submitted plan, and an admin unstick a review whose reviewer can no longer act", async () => {
      const o = await office();
      const plan = await createPlan(o);
      await setFullTeam(o, plan.id);
      refused(await act(o.penyusun, plan.id, "withdraw"), 409, "workflow.invalid_state");
      const submitted = ok(await act(o.penyusun, plan.id, "submit"));
      expect(submitted.abilities).toMatchObject({ withdraw: true, edit: false });
      refused(await act(o.reviewer1, plan.id, "withdraw"), 403, "auth.forbidden");
      const withdrawn = ok(await act(o.penyusun, plan.id, "withdraw", "Ada yang perlu ditambah"));
      expect(withdrawn).toMatchObject({ status: "draft", version: submitted.version, workflow: { step: null, awaiting: null } });
      expect(withdrawn.abilities).toMatchObject({ edit: true, submit: true, withdraw: false });

      // Reviewer 1 initials, then reviewer 2's account is disabled: nobody can act until an admin withdraws the plan.
      ok(await act(o.penyusun, plan.id, "submit"));
      ok(await act(o.reviewer1, plan.id, "initial"));
      const admin = await signIn(app, (await createUser(database, o.org.id, ["admin"], "Admin Kantor")).email);
      ok(await admin.inject({ method: "PATCH", url: `/api/users/${o.reviewer2.user.id}`, payload: { disabled: true } }));
      expect(ok(await admin.inject({ method: "GET", url: `/api/plans/${plan.id}` })).abilities).toMatchObject({ withdraw: true });
      expect(ok(await act(admin, plan.id, "withdraw")).status).toBe("draft");
      expect((await auditActions(plan.id)).filter((a) => a.startsWith("plan.withdraw"))).toEqual(["plan.withdraw", "plan.withdraw"]);
      const trail = (await o.penyusun.inject({ method: "GET", url: `/api/plans/${plan.id}/workflow` })).json<{ events: { action: string; comment: string | null }[] }>().events;
      expect(trail.map((e) => e.action)).toEqual(["submit", "withdraw", "submit", "initial", "withdraw"]);
      expect(trail[1]?.comment).toBe("Ada yang perlu ditambah");
    });

    it("goes straight to the signatory when the team has no reviewer", async () => {
      const o = await office();
      const plan = await createPlan(o);
      ok(
        await o.penyusun.inject({
          method: "PUT",
          url: `/api/plans/${plan.id}/team`,
          payload: { members: [{ userId: o.penyusun.user.id, role: "penyusun" }, { userId: o.signatory.user.id, role: "penandatangan" }] },
        }),
      );
      const submitted = ok(await act(o.penyusun, plan.id, "submit"));
      expect(submitted.workflow).toMatchObject({ step: 1, awaiting: { userId: o.signatory.user.id, role: "penandatangan" } });
      expect(ok(await act(o.signatory, plan.id, "approve")).status).toBe("approved");
    });

    it("numbers decrees from the organisation's register per calendar year of the approval (Jakarta time)", async () => {
      const o = await office();
      const other = await office();
      const approveNew = async (who: Office, overrides: Partial<Plan> = {}) => {
        const p = await createPlan(who, overrides);
        await setFullTeam(who, p.id);
        return (await approveThrough(who, p.id)).plan.decree;
      };
      try {
      clock = Date.parse("2027-06-02T02:00:00Z");
      expect(await approveNew(o)).toMatchObject({ number: "800/001/DISDUK/VI/2027", date: "2027-06-02" });
      expect((await approveNew(o)).number).toBe("800/002/DISDUK/VI/2027");
      // Another organisation counts on its own.
      expect((await approveNew(other)).number).toBe("800/001/DISDUK/VI/2027");
      // Another signing office numbers in the same register: one number is never issued twice.
      const baseDecree = minimalPlan().decree;
      expect((await approveNew(o, { decree: { ...baseDecree, issuerTitle: "SEKRETARIS DAERAH KABUPATEN UJI", signatory: { name: "Drs. Sekda", position: "Sekretaris Daerah Kabupaten Uji" } } })).number).toBe("800/003/DISDUK/VI/2027");
      // A decree that already has a number (typed by the penyusun) keeps it and uses no counter.
      expect(await approveNew(o, { decree: { ...baseDecree, number: "800/999/MANUAL/2027", date: "2027-05-31" } })).toMatchObject({ number: "800/999/MANUAL/2027", date: "2027-05-31" });

      // A new calendar year restarts the counter; the plan's fiscal year plays no part.
      clock = Date.parse("2028-01-05T02:00:00Z");
      expect(await approveNew(o, { fiscalYear: 2027 })).toMatchObject({ number: "800/001/DISDUK/I/2028", date: "2028-01-05" });
      // 18:00 UTC on 31 December is already New Year's Day in Jakarta.
      clock = Date.parse("2028-12-31T18:00:00Z");
      expect(await approveNew(o)).toMatchObject({ number: "800/001/DISDUK/I/2029", date: "2029-01-01" });
      expect((await approveNew(o)).number).toBe("800/002/DISDUK/I/2029");

      expect(await counterOf(o.org.id, 2027)).toEqual([["800", 3]]);
      expect(await counterOf(o.org.id, 2029)).toEqual([["800", 2]]);
      } finally {
        clock = Date.parse("2027-03-10T03:00:00Z");
      }
    });

    it("lets only one of two simultaneous actions on the same step through", async () => {
      const o = await office();
      const plan = await createPlan(o);
      await setFullTeam(o, plan.id);
      ok(await act(o.penyusun, plan.id, "submit"));

      // A double (triple) click on "paraf": one initial, never two steps. A click that arrives after
      // the first committed is no longer the reviewer's turn (403); one racing it loses the guarded UPDATE (409).
      const initials = await Promise.all([1, 2, 3].map(() => act(o.reviewer1, plan.id, "initial")));
      expect(initials.filter((r) => r.statusCode === 200)).toHaveLength(1);
      for (const r of initials.filter((x) => x.statusCode !== 200)) expect(["workflow.invalid_state", "workflow.not_your_turn"]).toContain(r.json().error.code);
      const after = (await o.reviewer1.inject({ method: "GET", url: `/api/plans/${plan.id}` })).json<Envelope>();
      expect(after.workflow.step).toBe(2);
      ok(await act(o.reviewer2, plan.id, "initial"));

      // The signatory clicks approve and return at once: exactly one wins, and a refused approval uses no number.
      const [approve, ret] = await Promise.all([act(o.signatory, plan.id, "approve"), act(o.signatory, plan.id, "return", "Tunggu")]);
      expect([approve.statusCode, ret.statusCode].sort()).toEqual([200, 409]);
      const final = (await o.reader.inject({ method: "GET", url: `/api/plans/${plan.id}` })).json<Envelope>();
      expect(final.status).toBe(approve.statusCode === 200 ? "approved" : "returned");
      expect(await counterOf(o.org.id, 2027)).toEqual(approve.statusCode === 200 ? [["800", 1]] : []);
      const events = (await o.reader.inject({ method: "GET", url: `/api/plans/${plan.id}/workflow` })).json().events as { action: string }[];
      expect(events.map((e) => e.action)).toEqual(["submit", "initial", "initial", approve.statusCode === 200 ? "approve" : "return"]);
    });

    it("gives two plans approved at the same moment different decree numbers", async () => {
      const o = await office();
      const plans = [await createPlan(o), await createPlan(o), await createPlan(o)];
      for (const p of plans) {
        await setFullTeam(o, p.id);
        ok(await act(o.penyusun, p.id, "submit"));
        ok(await act(o.reviewer1, p.id, "initial"));
        ok(await act(o.reviewer2, p.id, "initial"));
      }
      const approvals = await Promise.all(plans.map((p) => act(o.signatory, p.id, "approve")));
      const numbers = approvals.map((r) => ok(r).plan.decree.number).sort();
      expect(numbers).toEqual(["800/001/DISDUK/III/2027", "800/002/DISDUK/III/2027", "800/003/DISDUK/III/2027"]);
    });

    it("keeps the register (buku agenda keputusan) for admins: every number with its decree, voiding with a reason, a voided number never reused, the real next number", async () => {
      const o = await office();
      const admin = await signIn(app, (await createUser(database, o.org.id, ["admin"], "Admin Agenda")).email);
      const approveNew = async (title: string) => {
        const p = await createPlan(o, { title });
        await setFullTeam(o, p.id);
        return approveThrough(o, p.id);
      };
      expect(ok(await admin.inject({ method: "GET", url: "/api/decree-register/next" }))).toMatchObject({ series: "800", year: 2027, counter: 1, number: "800/001/DISDUK/III/2027" });
      const first = await approveNew("Rencana agenda satu");
      // An admin records the next number as spoiled (nomor batal): the next approval skips it.
      refused(await admin.inject({ method: "POST", url: "/api/decree-register/spoiled", payload: { reason: "" } }), 400, "request.invalid");
      const spoiled = await admin.inject({ method: "POST", url: "/api/decree-register/spoiled", payload: { reason: "Blangko rusak saat dicetak" } });
      expect(spoiled.statusCode, spoiled.body).toBe(201);
      expect(spoiled.json()).toMatchObject({ number: "800/002/DISDUK/III/2027", status: "void", voidReason: "Blangko rusak saat dicetak", voidedByName: "Admin Agenda" });
      const second = await approveNew("Rencana agenda dua");
      expect(second.plan.decree.number).toBe("800/003/DISDUK/III/2027");
      // The settings preview's next number is the real one, also for a template being edited.
      expect((await admin.inject({ method: "GET", url: "/api/decree-register/next" })).json().number).toBe("800/004/DISDUK/III/2027");
      expect(ok(await admin.inject({ method: "GET", url: `/api/decree-register/next?template=${encodeURIComponent("188.4/{counter}/{year}")}` }))).toMatchObject({ series: "188.4", number: "188.4/1/2027" });

      const register = ok(await admin.inject({ method: "GET", url: "/api/decree-register?year=2027" })) as unknown as {
        year: number;
        items: { id: number; number: string; status: string; title: string; signatory: string; issuedOn: string; planId: string | null }[];
      };
      expect(register.items.map((e) => [e.number, e.status, e.title, e.planId])).toEqual([
        ["800/001/DISDUK/III/2027", "issued", "Pembentukan Tim Pelaksana Rencana agenda satu", first.id],
        ["800/002/DISDUK/III/2027", "void", "", null],
        ["800/003/DISDUK/III/2027", "issued", "Pembentukan Tim Pelaksana Rencana agenda dua", second.id],
      ]);
      expect(register.items[0]).toMatchObject({ issuedOn: "2027-03-10", signatory: "Dra. Siti Aminah, Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Uji" });

      // Voiding an issued number: with a reason, once; it stays in the register and is never reused.
      const entry = register.items[2]!;
      refused(await admin.inject({ method: "POST", url: `/api/decree-register/${entry.id}/void`, payload: {} }), 400, "request.invalid");
      expect(ok(await admin.inject({ method: "POST", url: `/api/decree-register/${entry.id}/void`, payload: { reason: "Keputusan ditarik" } }))).toMatchObject({ status: "void", voidReason: "Keputusan ditarik" });
      refused(await admin.inject({ method: "POST", url: `/api/decree-register/${entry.id}/void`, payload: { reason: "lagi" } }), 409, "workflow.invalid_state");
      expect((await approveNew("Rencana agenda tiga")).plan.decree.number).toBe("800/004/DISDUK/III/2027");
      // Others: penyusun may not see the register; another organisation's admin does not find the entry.
      refused(await o.penyusun.inject({ method: "GET", url: "/api/decree-register" }), 403, "auth.forbidden");
      const stranger = await office();
      const strangerAdmin = await signIn(app, (await createUser(database, stranger.org.id, ["admin"], "Admin Lain")).email);
      refused(await strangerAdmin.inject({ method: "POST", url: `/api/decree-register/${register.items[0]!.id}/void`, payload: { reason: "bukan milik saya" } }), 404, "not_found");
      expect((await database.db.selectFrom("audit_log").select("action").where("organization_id", "=", o.org.id).where("action", "=", "decree.void").execute()).length).toBe(2);
    });
  });
}
