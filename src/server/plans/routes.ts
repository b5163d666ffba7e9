// The plans resource under /api: list, create, get, replace (PUT), patch, archive,
// revisions, findings, stage outputs, export, and import.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { computeFindings } from "../../domain/findings.js";
import { stageOutputs } from "../../domain/stages/index.js";
import { applyJsonPatch, jsonPatchSchema, type JsonPatchOp } from "../../domain/plan/patch.js";
import { jsonDepthExceeds, jsonTooDeep } from "../limits/json-depth.js";
import type { Plan } from "../../domain/plan/schema.js";
import { validatePlan, validatePlanChange, zodIssueToErrors } from "../../domain/plan/validate.js";
import type { PeopleRepo } from "../../store/people-repo.js";
import type { PlansRepo, StoredPlan, WriteResult } from "../../store/plans-repo.js";
import { requireAuth } from "../auth/context.js";
import { planAbilities, policies } from "../auth/policy.js";
import { apiError, requestLang } from "../errors.js";
import { editChange } from "./edit-rules.js";
import { planEnvelope } from "./envelope.js";
import { importKindOf, planFromUpload } from "./import.js";
import { presentFinding, presentPlan, presentRevision, presentRevisionWithPlan, presentSummary } from "./presenters.js";
import { docs, langQuery, listQuery, parseIfMatch, planIdParams, revisionParams } from "./schema.js";

export type PlansRoutesOptions = {
  repo: PlansRepo;
  people: PeopleRepo;
  /** Largest plan body (create, replace, patch, import); every other route keeps the app's small default. */
  bodyLimit: number;
};

export function parseInput<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  const r = schema.safeParse(data ?? {});
  if (!r.success) {
    const errors = r.error.issues.flatMap((i) => zodIssueToErrors(i, data)).map((e) =>
      e.code === "field.unknown" ? { ...e, message: { id: `"${e.path}" tidak dikenal di sini`, en: `"${e.path}" is not accepted here` } } : e,
    );
    throw apiError("request.invalid", { errors });
  }
  return r.data;
}

function validPlanOr400(body: unknown): Plan {
  const r = validatePlan(body);
  if (!r.ok) throw apiError("validation.failed", { errors: r.errors });
  return r.plan;
}

/** The version an If-Match header names: 428 without one, 400 when it is not a version. */
export function requiredVersion(request: FastifyRequest): number {
  const v = parseIfMatch(request.headers["if-match"]);
  if (v.kind === "missing") throw apiError("version.required");
  if (v.kind === "invalid") throw apiError("version.invalid");
  return v.version;
}

function optionalVersion(request: FastifyRequest): number | undefined {
  const v = parseIfMatch(request.headers["if-match"]);
  if (v.kind === "invalid") throw apiError("version.invalid");
  return v.kind === "version" ? v.version : undefined;
}

function conflict(current: StoredPlan) {
  return apiError("version.conflict", { extra: { currentVersion: current.version, current: presentPlan(current) } });
}

/** The caller as the author of a change. */
export function actorOf(request: FastifyRequest) {
  const auth = requireAuth(request.auth);
  return { userId: auth.user.id, organizationId: auth.organizationId };
}

/** The stored plan, or 404. */
export async function mustGet(repo: PlansRepo, id: string): Promise<StoredPlan> {
  const p = await repo.get(id);
  if (!p) throw apiError("not_found");
  return p;
}

function fileSlug(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "rencana";
}

export const plansRoutes: FastifyPluginAsync<PlansRoutesOptions> = async (app, { repo, people, bodyLimit }) => {
  async function sendWritten(request: FastifyRequest, reply: FastifyReply, result: WriteResult) {
    if (!result.ok) throw result.reason === "conflict" ? conflict(result.current) : apiError("not_found");
    return reply.header("etag", `"${result.plan.version}"`).send(await planEnvelope(request, repo, people, result.plan));
  }

  async function sendCreated(request: FastifyRequest, reply: FastifyReply, created: StoredPlan) {
    return reply
      .code(201)
      .header("location", `/api/plans/${created.id}`)
      .header("etag", `"${created.version}"`)
      .send(await planEnvelope(request, repo, people, created));
  }

  /**
   * An edit of the document, subject to the workflow (locked under review, reopens an approved
   * plan). The new document is made from the row as it is inside the write transaction; an edit
   * that changes nothing stores nothing.
   */
  const edit = (request: FastifyRequest, id: string, expected: number, makePlan: (current: StoredPlan) => Plan, appliedOps?: readonly JsonPatchOp[]) =>
    repo.write(id, expected, (current) => editChange(current, makePlan(current)), { actor: actorOf(request), action: "plan.update", skipUnchanged: true, ...(appliedOps ? { appliedOps } : {}) });

  app.get("/plans", { schema: docs.list, config: { policy: policies.signedIn } }, async (request) => {
    const q = parseInput(listQuery, request.query);
    const auth = requireAuth(request.auth);
    // Admins see every plan of their organisation; everyone else the plans whose team they are on.
    const scope = auth.roles.includes("admin") ? { organizationId: auth.organizationId } : { organizationId: auth.organizationId, memberUserId: auth.user.id };
    const { items, total } = await repo.list({ ...q, ...scope });
    // Each item says what the caller may do with it, like the plan itself does (one query for all the teams).
    const teams = await repo.teams(items.map((i) => i.id));
    return {
      items: items.map((i) => ({
        ...presentSummary(i),
        abilities: planAbilities(auth, { planId: i.id, organizationId: i.organizationId, status: i.status, reviewStep: i.reviewStep, members: teams.get(i.id) ?? [] }),
      })),
      total,
    };
  });

  app.post("/plans", { schema: docs.create, bodyLimit, config: { policy: policies.penyusun } }, async (request, reply) => {
    parseInput(langQuery, request.query);
    const plan = validPlanOr400(request.body);
    const auth = requireAuth(request.auth);
    const created = await repo.create(plan, { organizationId: auth.organizationId, createdBy: auth.user.id, actor: actorOf(request) });
    return sendCreated(request, reply, created);
  });

  // Two queries in all: the session with its user, then the plan with its team (read by the policy check).
  app.get("/plans/:id", { schema: docs.get, config: { policy: policies.plan("read"), loadsPlan: true } }, async (request, reply) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const loaded = request.loadedPlan;
    const p = loaded?.stored ?? (await mustGet(repo, id));
    const envelope = await planEnvelope(request, repo, people, p, loaded?.team);
    reply.header("etag", `"${p.version}"`);
    if (!loaded?.documentText) return reply.send(envelope);
    // The stored document is JSON text already (written by JSON.stringify): it goes into the
    // answer as it is, instead of being serialised again (most of a large plan's answer).
    const { plan: _plan, ...rest } = envelope;
    void _plan;
    const head = JSON.stringify(rest);
    return reply.type("application/json; charset=utf-8").send(`${head.slice(0, -1)},"plan":${loaded.documentText}}`);
  });

  app.put("/plans/:id", { schema: docs.replace, bodyLimit, config: { policy: policies.plan("edit") } }, async (request, reply) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const expected = requiredVersion(request);
    const plan = validPlanOr400(request.body);
    return sendWritten(request, reply, await edit(request, id, expected, () => plan));
  });

  app.patch("/plans/:id", { schema: docs.patch, bodyLimit, config: { policy: policies.plan("edit") } }, async (request, reply) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const expected = requiredVersion(request);
    const ops = parseInput(jsonPatchSchema, request.body);
    // Patches apply to the version the client saw (anything else is a 409, not a merge), inside
    // the write transaction: the plan is read once, the ops copy only the paths they touch, and
    // only what they can affect is validated again.
    const result = await edit(request, id, expected, (current) => {
      // The document may not grow past what a client could have sent whole.
      const patched = applyJsonPatch(current.plan, ops, { maxDocumentChars: bodyLimit });
      if (!patched.ok) throw apiError("patch.failed", { detail: patched.error.message, errors: [patched.error] });
      const checked = validatePlanChange(current.plan, patched.value);
      if (!checked.ok) throw apiError("validation.failed", { errors: checked.errors });
      return checked.plan;
    }, ops);
    if (!result.ok) throw result.reason === "conflict" ? conflict(result.current) : apiError("not_found");
    // The answer is the new version and the ops as applied, not the plan: the client applies the
    // same ops to the copy it has.
    const { plan: _plan, ...envelope } = await planEnvelope(request, repo, people, result.plan);
    void _plan;
    return reply.header("etag", `"${result.plan.version}"`).send({ ...envelope, ops, changed: !result.unchanged });
  });

  app.post("/plans/:id/archive", { schema: docs.archive, config: { policy: policies.plan("edit") } }, async (request, reply) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const result = await repo.write(
      id,
      optionalVersion(request),
      (current) => {
        if (current.status === "submitted") throw apiError("workflow.locked");
        return { plan: current.plan, status: "archived" };
      },
      { actor: actorOf(request), action: "plan.archive" },
    );
    return sendWritten(request, reply, result);
  });

  app.get("/plans/:id/revisions", { schema: docs.revisions, config: { policy: policies.plan("read") } }, async (request) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const revisions = await repo.listRevisions(id);
    if (!revisions) throw apiError("not_found");
    const authors = new Map((await people.usersByIds(revisions.flatMap((r) => (r.authorId ? [r.authorId] : [])))).map((u) => [u.id, u.name]));
    return { items: revisions.map((r) => presentRevision(r, authors)) };
  });

  app.get("/plans/:id/revisions/:version", { schema: docs.revision, config: { policy: policies.plan("read") } }, async (request) => {
    parseInput(langQuery, request.query);
    const { id, version } = parseInput(revisionParams, request.params);
    const r = await repo.getRevision(id, version);
    if (!r) throw apiError("not_found");
    return presentRevisionWithPlan(r);
  });

  app.get("/plans/:id/findings", { schema: docs.findings, config: { policy: policies.plan("read") } }, async (request) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const p = await mustGet(repo, id);
    const lang = requestLang(request);
    return { items: computeFindings(p.plan).map((f) => presentFinding(f, lang)) };
  });

  app.get("/plans/:id/outputs", { schema: docs.outputs, config: { policy: policies.plan("read") } }, async (request) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    return stageOutputs((await mustGet(repo, id)).plan);
  });

  app.get("/plans/:id/export", { schema: docs.exportPlan, config: { policy: policies.plan("read") } }, async (request, reply) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const p = await mustGet(repo, id);
    return reply
      .header("content-type", "application/json; charset=utf-8")
      .header("content-disposition", `attachment; filename="${fileSlug(p.title)}.json"`)
      .send(JSON.stringify(p.plan, null, 2) + "\n");
  });

  // Import reads the raw text itself: an MS Project file arrives as XML even when a client
  // labels it application/json, so the body is sniffed rather than trusted to the header.
  await app.register(async (importScope) => {
    importScope.removeContentTypeParser(["application/json", "application/xml", "text/xml", "text/plain"]);
    importScope.addContentTypeParser(["application/json", "application/xml", "text/xml", "text/plain"], { parseAs: "string" }, (_request, body, done) => done(null, body));
    importScope.post("/import", { schema: docs.importPlan, bodyLimit, config: { policy: policies.penyusun } }, async (request, reply) => {
      parseInput(langQuery, request.query);
      const text = typeof request.body === "string" ? request.body.replace(/^\uFEFF/, "") : "";
      const kind = importKindOf(request.headers["content-type"] ?? "") === "xml" || text.trimStart().startsWith("<") ? "xml" : "json";
      let input: unknown = text;
      if (kind === "json") {
        if (jsonDepthExceeds(text)) throw jsonTooDeep();
        try {
          input = JSON.parse(text);
        } catch (e) {
          const m = (e as Error).message;
          throw apiError("json.invalid", { errors: [{ path: "", code: "json.invalid", message: { id: `bukan JSON yang sah: ${m}`, en: `not valid JSON: ${m}` } }] });
        }
      }
      const result = await planFromUpload(input, kind);
      if (!result.ok) throw apiError(result.code, { errors: result.errors });
      const auth = requireAuth(request.auth);
      const created = await repo.create(result.plan, { organizationId: auth.organizationId, createdBy: auth.user.id, actor: actorOf(request), action: "plan.import" });
      return sendCreated(request, reply, created);
    });
  });
};
