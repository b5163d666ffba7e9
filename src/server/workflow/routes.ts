// The review and approval workflow: a plan's team, and submit → initial (each reviewer in
// order) → approve, or return with a comment at any step. Every action is one transaction:
// the status move (guarded by the state it was decided against, so a double click or two
// reviewers at once cannot skip a step), its workflow event, its audit entry.
//
// Versions: submit, initial and return change only workflow columns and keep the document
// version, so the ETag a client holds for editing stays valid after a round trip through
// review. Approve writes a new version (the decree number and date), which becomes the frozen
// baseline.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { openErrors } from "../../domain/findings.js";
import { decreeSubject } from "../../domain/decree/model.js";
import { oneLine } from "../../domain/decree/text.js";
import { decreeSeries, readOrganizationSettings } from "../../domain/organization/settings.js";
import { allocateRegisterCounter, recordRegisterEntry } from "../../store/decree-register-repo.js";
import { newVerificationCode, recordVerification } from "../../store/verification-repo.js";
import type { Archiver } from "../verification/archive.js";
import { publicUrlOf } from "../verification/public-url.js";
import type { Plan } from "../../domain/plan/schema.js";
import type { Database } from "../../store/database.js";
import { recordAudit, type AuditAction } from "../../store/audit-repo.js";
import { peopleRepo, type PeopleRepo, type User } from "../../store/people-repo.js";
import type { DatabaseSchema } from "../../store/schema.js";
import { plansRepo, writeTransaction, type PlanMember, type PlansRepo, type StoredPlan } from "../../store/plans-repo.js";
import {
  listWorkflowEvents,
  lockInState,
  lockUnlessStatus,
  moveWorkflow,
  recordReturnComment,
  recordWorkflowEvent,
  type WorkflowAction,
  type WorkflowState,
} from "../../store/workflow-repo.js";
import { requireAuth } from "../auth/context.js";
import { awaitingMember, mayOnPlan, planRolesOf, policies, reviewChain } from "../auth/policy.js";
import { apiError, requestLang } from "../errors.js";
import { accessOf, planEnvelope, teamWithNames } from "../plans/envelope.js";
import { presentFinding } from "../plans/presenters.js";
import { actorOf, mustGet, parseInput, requiredVersion } from "../plans/routes.js";
import { langQuery, planIdParams } from "../plans/schema.js";
import { draftAsAmendment } from "../../domain/decree/amendment.js";
import { decreeDay, hasDecreeNumber, stampDecree } from "./decree-number.js";
import { actionBody, docs, returnBody } from "./schema.js";
import { checkTeam, teamBody } from "./team.js";

export type WorkflowRoutesOptions = {
  database: Database;
  repo: PlansRepo;
  people: PeopleRepo;
  /** The clock (ms): the decree's date and year, event and audit times. */
  now?: () => number;
  /** Writes the approved decree's archive copy after the approval commits (verification/archive.ts). */
  archive?: Archiver;
};

type Bilingual = { id: string; en: string };

const invalidState = (detail: Bilingual) => apiError("workflow.invalid_state", { detail });
const STATUS_NAMES: Record<string, Bilingual> = {
  draft: { id: "draf", en: "draft" },
  submitted: { id: "diajukan", en: "submitted" },
  approved: { id: "disetujui", en: "approved" },
  returned: { id: "dikembalikan", en: "returned" },
  archived: { id: "diarsipkan", en: "archived" },
};
const statusName = (s: string) => STATUS_NAMES[s] ?? { id: s, en: s };
/** Another action (a double click, another reviewer) changed the workflow after this one was decided. */
const movedMeanwhile = () =>
  invalidState({ id: "alur persetujuan rencana ini baru saja berubah; muat ulang lalu ulangi bila masih perlu", en: "the plan's workflow has just changed; reload and retry if still needed" });

/** Why the team cannot start a review round, or null: a signatory, and every one in the chain able to act. */
function chainProblem(members: readonly PlanMember[], users: ReadonlyMap<string, User>): Bilingual | null {
  if (!members.some((m) => m.role === "penandatangan")) {
    return {
      id: "tim belum memiliki penandatangan; tetapkan penandatangan pada tim rencana sebelum mengajukan",
      en: "the team has no penandatangan (signatory); set one in the plan's team before submitting",
    };
  }
  for (const m of reviewChain(members)) {
    const u = users.get(m.userId);
    if (!u || u.disabled || !u.roles.includes(m.role)) {
      const who = u?.name ?? m.userId;
      return {
        id: `${who} tidak dapat bertindak sebagai ${m.role} (akun nonaktif atau peran dicabut); perbarui tim rencana`,
        en: `${who} cannot act as ${m.role} (account disabled or role withdrawn); update the plan's team`,
      };
    }
  }
  return null;
}

/**
 * Refuses a review step while the plan has error findings: a decree is never submitted,
 * initialled or approved (and numbered) while it lacks a required part. The answer lists them
 * as the app's findings panel does, so each can be opened and fixed.
 */
function refuseOpenErrors(request: FastifyRequest, plan: Plan): void {
  const open = openErrors(plan);
  if (open.length === 0) return;
  const lang = requestLang(request);
  throw apiError("workflow.findings_open", {
    errors: open.map((f) => ({ path: f.path, code: f.code, message: f.message })),
    extra: { findings: open.map((f) => presentFinding(f, lang)) },
  });
}

export const workflowRoutes: FastifyPluginAsync<WorkflowRoutesOptions> = async (app, { database, repo, people, now = Date.now, archive }) => {
  const db = database.db;
  const iso = () => new Date(now()).toISOString();

  async function sendPlan(request: FastifyRequest, reply: FastifyReply, id: string) {
    const stored = await mustGet(repo, id);
    return reply.header("etag", `"${stored.version}"`).send(await planEnvelope(request, repo, people, stored));
  }

  function stateOf(p: StoredPlan): WorkflowState {
    return { status: p.status, reviewStep: p.workflow.reviewStep, reviewCycle: p.workflow.reviewCycle };
  }

  /** The member whose turn it is, checked to be the caller acting in `role` (initial: pemeriksa, approve: penandatangan, return: either). */
  async function requireTurn(request: FastifyRequest, stored: StoredPlan, action: "initial" | "approve" | "return"): Promise<{ step: number; member: PlanMember }> {
    const auth = requireAuth(request.auth);
    if (stored.status !== "submitted" || stored.workflow.reviewStep === null) {
      throw invalidState({
        id: `rencana berstatus ${statusName(stored.status).id}; hanya rencana yang diajukan dapat diparaf, disetujui atau dikembalikan`,
        en: `the plan is ${statusName(stored.status).en}; only a submitted plan can be initialled, approved or returned`,
      });
    }
    const access = accessOf(stored, await repo.team(stored.id));
    const awaiting = awaitingMember(access);
    const mine = awaiting !== null && awaiting.userId === auth.user.id && planRolesOf(auth, access).includes(awaiting.role);
    const rightRole = action === "return" || (action === "initial" ? awaiting?.role === "pemeriksa" : awaiting?.role === "penandatangan");
    if (!awaiting || !mine || !rightRole) throw apiError("workflow.not_your_turn");
    return { step: stored.workflow.reviewStep, member: awaiting };
  }

  /** A move that keeps the document version: status/step columns, event, optional return comment, audit — one transaction. */
  async function moveAndRecord(
    request: FastifyRequest,
    stored: StoredPlan,
    action: Exclude<WorkflowAction, "approve">,
    to: WorkflowState,
    comment: string | undefined,
    insideCheck?: (q: Kysely<DatabaseSchema>) => Promise<void>,
  ): Promise<void> {
    const auth = requireAuth(request.auth);
    const from = stateOf(stored);
    const at = iso();
    const version = await writeTransaction(db, async (q) => {
      const moved = await moveWorkflow(q, stored.id, from, to, at);
      if (!moved) throw movedMeanwhile();
      if (insideCheck) await insideCheck(q);
      const step = action === "submit" ? null : from.reviewStep;
      const cycle = to.reviewCycle;
      await recordWorkflowEvent(q, { planId: stored.id, cycle, step, userId: auth.user.id, action, version: moved.version, comment: comment ?? null, at });
      const commentId = action === "return" && comment ? await recordReturnComment(q, { planId: stored.id, authorId: auth.user.id, body: comment, version: moved.version, at }) : undefined;
      await recordAudit(q, {
        organizationId: moved.organizationId,
        planId: stored.id,
        userId: auth.user.id,
        action: `plan.${action}` as AuditAction,
        version: moved.version,
        detail: { cycle, step, status: { from: from.status, to: to.status }, ...(comment ? { comment } : {}), ...(commentId ? { commentId } : {}) },
        at,
      });
      return moved.version;
    });
    // Committed: the plan's live streams hear of it (a return's comment is in the comments list they reload).
    app.realtime.workflowChanged(stored.id, { action, status: to.status, step: to.reviewStep, cycle: to.reviewCycle, version, by: { id: auth.user.id, name: auth.user.name } });
  }

  // ---- team ----

  async function teamResponse(request: FastifyRequest, planId: string) {
    const auth = requireAuth(request.auth);
    const stored = await mustGet(repo, planId);
    const members = await repo.team(planId);
    const access = accessOf(stored, members);
    const body: { members: Awaited<ReturnType<typeof teamWithNames>>; version: number; candidates?: { userId: string; name: string; roles: string[] }[] } = {
      members: await teamWithNames(people, members),
      version: (await repo.teamVersion(planId)) ?? 1,
    };
    // Whoever may change the team needs to see who can join it; readers see only the team.
    if (mayOnPlan("team", auth, access)) {
      const users = await people.listUsers(auth.organizationId);
      body.candidates = users
        .filter((u) => !u.disabled)
        .map((u) => ({ userId: u.id, name: u.name, roles: u.roles.filter((r) => r !== "admin") }))
        .filter((u) => u.roles.length > 0);
    }
    return body;
  }

  const sendTeam = async (request: FastifyRequest, reply: FastifyReply, planId: string) => {
    const body = await teamResponse(request, planId);
    return reply.header("etag", `"${body.version}"`).send(body);
  };

  app.get("/plans/:id/team", { schema: docs.getTeam, config: { policy: policies.plan("read") } }, async (request, reply) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    return sendTeam(request, reply, id);
  });

  app.put("/plans/:id/team", { schema: docs.putTeam, config: { policy: policies.plan("team") } }, async (request, reply) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    // The team's version (GET …/team): of two people editing the team, the second gets 409.
    const expected = requiredVersion(request);
    const teamConflict = async () => {
      const current = await teamResponse(request, id);
      return apiError("record.conflict", { extra: { currentVersion: current.version, current } });
    };
    if ((await repo.teamVersion(id)) !== expected) throw await teamConflict();
    const body = parseInput(teamBody, request.body);
    const auth = requireAuth(request.auth);
    const stored = await mustGet(repo, id);
    if (stored.status === "submitted") throw apiError("workflow.locked");
    const users = new Map((await people.usersByIds(body.members.map((m) => m.userId))).map((u) => [u.id, u]));
    const checked = checkTeam(body.members, users, auth.organizationId);
    if (!checked.ok) throw apiError("request.invalid", { errors: checked.errors });
    const written = await repo.setTeam(id, checked.members, actorOf(request), {
      // Under the row lock: a submission that got in first wins, and this change is refused.
      guard: async (q) => {
        if (!(await lockUnlessStatus(q, id, ["submitted"]))) throw apiError("workflow.locked");
      },
      expectedVersion: expected,
    });
    if (!written) throw await teamConflict();
    // Whoever left the team loses the plan's live stream now; the others reload the team.
    app.realtime.accessChanged({ planId: id });
    app.realtime.workflowChanged(id, { action: "team", status: stored.status, step: stored.workflow.reviewStep, cycle: stored.workflow.reviewCycle, version: stored.version, by: { id: auth.user.id, name: auth.user.name } });
    return sendTeam(request, reply, id);
  });

  // ---- workflow actions ----

  app.post("/plans/:id/submit", { schema: docs.submit, config: { policy: policies.plan("submit") } }, async (request, reply) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const { comment } = parseInput(actionBody, request.body);
    const stored = await mustGet(repo, id);
    if (stored.status !== "draft" && stored.status !== "returned") {
      throw invalidState({
        id: `rencana berstatus ${statusName(stored.status).id}; hanya draf atau rencana yang dikembalikan dapat diajukan${stored.status === "approved" ? " (ubah rencana untuk membuka revisi baru)" : ""}`,
        en: `the plan is ${statusName(stored.status).en}; only a draft or a returned plan can be submitted${stored.status === "approved" ? " (edit the plan to open a new revision)" : ""}`,
      });
    }
    const to: WorkflowState = { status: "submitted", reviewStep: 1, reviewCycle: stored.workflow.reviewCycle + 1 };
    refuseOpenErrors(request, stored.plan);
    await moveAndRecord(request, stored, "submit", to, comment, async (q) => {
      // Read the plan and team under the row lock: an edit or team change committed just before is what counts.
      const locked = await plansRepo(q).get(id);
      if (locked) refuseOpenErrors(request, locked.plan);
      const members = await plansRepo(q).team(id);
      const users = new Map((await peopleRepo(q).usersByIds(members.map((m) => m.userId))).map((u) => [u.id, u]));
      const problem = chainProblem(members, users);
      if (problem) throw invalidState(problem);
    });
    return sendPlan(request, reply, id);
  });

  app.post("/plans/:id/initial", { schema: docs.initial, config: { policy: policies.plan("initial") } }, async (request, reply) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const { comment } = parseInput(actionBody, request.body);
    const stored = await mustGet(repo, id);
    const { step } = await requireTurn(request, stored, "initial");
    // The plan cannot change while submitted; a plan submitted before a rule existed still stops here.
    refuseOpenErrors(request, stored.plan);
    await moveAndRecord(request, stored, "initial", { ...stateOf(stored), reviewStep: step + 1 }, comment);
    return sendPlan(request, reply, id);
  });

  app.post("/plans/:id/return", { schema: docs.return, config: { policy: policies.plan("return") } }, async (request, reply) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const { comment } = parseInput(returnBody, request.body);
    const stored = await mustGet(repo, id);
    await requireTurn(request, stored, "return");
    await moveAndRecord(request, stored, "return", { ...stateOf(stored), status: "returned", reviewStep: null }, comment);
    return sendPlan(request, reply, id);
  });

  // The author takes the plan back out of review (to change it before the reviewers finish), or an
  // admin does when the review is stuck (a reviewer's account disabled or role withdrawn).
  app.post("/plans/:id/withdraw", { schema: docs.withdraw, config: { policy: policies.plan("team") } }, async (request, reply) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const { comment } = parseInput(actionBody, request.body);
    const stored = await mustGet(repo, id);
    if (stored.status !== "submitted") {
      throw invalidState({
        id: `rencana berstatus ${statusName(stored.status).id}; hanya rencana yang sedang diajukan dapat ditarik kembali`,
        en: `the plan is ${statusName(stored.status).en}; only a submitted plan can be withdrawn`,
      });
    }
    await moveAndRecord(request, stored, "withdraw", { ...stateOf(stored), status: "draft", reviewStep: null }, comment);
    return sendPlan(request, reply, id);
  });

  app.post("/plans/:id/approve", { schema: docs.approve, config: { policy: policies.plan("approve") } }, async (request, reply) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const { comment } = parseInput(actionBody, request.body);
    const auth = requireAuth(request.auth);
    const stored = await mustGet(repo, id);
    const { step } = await requireTurn(request, stored, "approve");
    const seen = stateOf(stored);
    const organizationId = stored.organizationId ?? auth.organizationId;
    const settings = readOrganizationSettings((await people.getOrganization(organizationId))?.settings);
    const atMs = now();
    const at = new Date(atMs).toISOString();
    const day = decreeDay(atMs);
    const verificationCode = newVerificationCode();
    // An amendment of an approved plan: the decree approved last (the frozen baseline) is the one
    // the new decree amends or, as the organisation prefers, replaces (indonesia.md §1.5).
    const baseline = stored.workflow.baselineVersion === null ? undefined : (await repo.getRevision(id, stored.workflow.baselineVersion))?.plan;
    const result = await repo.write(
      id,
      stored.version,
      async (current, q) => {
        // Lock the row in the state the approval was decided against: a return, a resubmission
        // or another approval that got in first makes this one a 409, before a number is used.
        if (!(await lockInState(q, id, seen, current.version))) throw movedMeanwhile();
        refuseOpenErrors(request, current.plan);
        // The number comes from the organisation's register (one per organisation, series and
        // calendar year), allocated here so a refused approval uses none; a decree numbered by hand
        // keeps its number. An amendment is a decree of its own: it cites the earlier one and gets
        // a new number and date (the earlier number stays in the register and in the baseline).
        const toStamp = baseline ? draftAsAmendment(current.plan, baseline, settings.amendmentDecree) : current.plan;
        let allocated: { counter: number; series: string; year: number } | null = null;
        if (!hasDecreeNumber(toStamp)) {
          const series = decreeSeries(settings.decreeNumberTemplate);
          allocated = { counter: await allocateRegisterCounter(q, { organizationId, series, year: day.year }), series, year: day.year };
        }
        const plan = stampDecree(toStamp, day, settings, allocated?.counter ?? null);
        // The approved decree's verification: its unguessable code and what the public page shows.
        const signatory = [oneLine(plan.decree.signatory.name), oneLine(plan.decree.signatory.position)].filter(Boolean).join(", ");
        await recordVerification(q, {
          code: verificationCode,
          organizationId,
          planId: id,
          planVersion: current.version + 1,
          kind: "sk",
          number: plan.decree.number ?? "",
          issuedOn: plan.decree.date ?? day.iso,
          title: decreeSubject(plan),
          signatory,
          createdAt: at,
        });
        if (allocated) {
          await recordRegisterEntry(q, {
            organizationId,
            ...allocated,
            number: plan.decree.number ?? "",
            planId: id,
            planVersion: current.version + 1,
            title: decreeSubject(plan),
            signatory,
            issuedOn: plan.decree.date ?? day.iso,
            status: "issued",
            userId: auth.user.id,
            at,
          });
        }
        return {
          plan,
          status: "approved",
          workflow: { reviewStep: null, baselineVersion: current.version + 1 },
          detail: { cycle: seen.reviewCycle, step, decreeNumber: plan.decree.number ?? null, ...(allocated ? { decreeCounter: allocated } : {}), ...(comment ? { comment } : {}) },
        };
      },
      {
        actor: actorOf(request),
        action: "plan.approve",
        afterWrite: (q, written) =>
          recordWorkflowEvent(q, { planId: id, cycle: seen.reviewCycle, step, userId: auth.user.id, action: "approve", version: written.version, comment: comment ?? null, at }),
      },
    );
    // A version written in between (which the lock rules out while submitted) reads as the workflow having moved.
    if (!result.ok) throw result.reason === "not_found" ? apiError("not_found") : movedMeanwhile();
    archive?.schedule(verificationCode, publicUrlOf(request));
    return sendPlan(request, reply, id);
  });

  app.get("/plans/:id/workflow", { schema: docs.workflow, config: { policy: policies.plan("read") } }, async (request) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const stored = await mustGet(repo, id);
    const envelope = await planEnvelope(request, repo, people, stored);
    const events = await listWorkflowEvents(db, id);
    const names = new Map((await people.usersByIds(events.map((e) => e.userId))).map((u) => [u.id, u.name]));
    return {
      workflow: envelope.workflow,
      events: events.map((e) => ({ at: e.at, userId: e.userId, name: names.get(e.userId) ?? "", action: e.action, cycle: e.cycle, step: e.step, version: e.version, comment: e.comment })),
    };
  });
};
