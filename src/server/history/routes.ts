// History of a plan: a readable difference between any two revisions, restoring an earlier
// revision as a new version, and the audit log (per plan for its team, per organisation for
// administrators).
import type { FastifyPluginAsync } from "fastify";
import { formatChangeValue, planDiff, type PlanChange } from "../../domain/plan/diff.js";
import { pick, type Lang } from "../../domain/messages.js";
import { validatePlan } from "../../domain/plan/validate.js";
import { auditRepo, type AuditRow } from "../../store/audit-repo.js";
import type { Database } from "../../store/database.js";
import type { PeopleRepo } from "../../store/people-repo.js";
import type { PlansRepo } from "../../store/plans-repo.js";
import { requireAuth } from "../auth/context.js";
import { policies } from "../auth/policy.js";
import { apiError, requestLang } from "../errors.js";
import { editChange } from "../plans/edit-rules.js";
import { planEnvelope } from "../plans/envelope.js";
import { presentPlan } from "../plans/presenters.js";
import { actorOf, parseInput, requiredVersion } from "../plans/routes.js";
import { langQuery, planIdParams, revisionParams } from "../plans/schema.js";
import { AUDIT_DEFAULT_LIMIT, diffQuery, historyDocs, orgAuditQuery, planAuditQuery, restoreBody } from "./schema.js";

export type HistoryRoutesOptions = { database: Database; repo: PlansRepo; people: PeopleRepo };

/** One change for the screen: the label in the request's language and both, values raw and as text. */
export function presentChange(c: PlanChange, lang: Lang) {
  return {
    path: c.path,
    kind: c.kind,
    stage: c.stage,
    label: pick(c.label, lang),
    labels: c.label,
    ...("before" in c ? { before: c.before, beforeText: formatChangeValue(c.before, lang) } : {}),
    ...("after" in c ? { after: c.after, afterText: formatChangeValue(c.after, lang) } : {}),
  };
}

export function presentAuditEntry(row: AuditRow, names: ReadonlyMap<string, string>, titles: ReadonlyMap<string, string> = new Map()) {
  return {
    id: row.id,
    at: row.at,
    userId: row.userId,
    userName: row.userId === null ? null : (names.get(row.userId) ?? ""),
    action: row.action,
    planId: row.planId,
    planTitle: row.planId === null ? null : (titles.get(row.planId) ?? null),
    version: row.version,
    detail: row.detail,
  };
}

export const historyRoutes: FastifyPluginAsync<HistoryRoutesOptions> = async (app, { database, repo, people }) => {
  const audit = auditRepo(database.db);

  async function auditPage(rows: AuditRow[], limit: number, organizationId: string) {
    const ids = rows.flatMap((r) => (r.userId === null ? [] : [r.userId]));
    const names = new Map((await people.usersByIds(ids)).map((u) => [u.id, u.name]));
    const titles = await repo.titles(rows.flatMap((r) => (r.planId === null ? [] : [r.planId])), organizationId);
    const last = rows.at(-1);
    return { items: rows.map((r) => presentAuditEntry(r, names, titles)), nextBeforeId: rows.length === limit && last ? last.id : null };
  }

  app.get("/plans/:id/diff", { schema: historyDocs.diff, config: { policy: policies.plan("read") } }, async (request) => {
    const { id } = parseInput(planIdParams, request.params);
    const { from, to } = parseInput(diffQuery, request.query);
    const [before, after] = await Promise.all([repo.getRevision(id, from), repo.getRevision(id, to)]);
    if (!before || !after) throw apiError("not_found");
    const lang = requestLang(request);
    return { from, to, changes: planDiff(before.plan, after.plan).map((c) => presentChange(c, lang)) };
  });

  app.post("/plans/:id/revisions/:version/restore", { schema: historyDocs.restore, config: { policy: policies.plan("edit") } }, async (request, reply) => {
    parseInput(langQuery, request.query);
    const { id, version } = parseInput(revisionParams, request.params);
    parseInput(restoreBody, request.body);
    const expected = requiredVersion(request);
    const revision = await repo.getRevision(id, version);
    if (!revision) throw apiError("not_found");
    // An old revision may predate a tightening of format v1: it is restored only if valid today.
    const checked = validatePlan(revision.plan);
    if (!checked.ok) throw apiError("validation.failed", { errors: checked.errors });
    const result = await repo.write(id, expected, (current) => editChange(current, checked.plan), {
      actor: actorOf(request),
      action: "plan.restore",
      detail: { fromVersion: version },
    });
    if (!result.ok) {
      if (result.reason === "not_found") throw apiError("not_found");
      throw apiError("version.conflict", { extra: { currentVersion: result.current.version, current: presentPlan(result.current) } });
    }
    return reply.header("etag", `"${result.plan.version}"`).send(await planEnvelope(request, repo, people, result.plan));
  });

  app.get("/plans/:id/audit", { schema: historyDocs.planAudit, config: { policy: policies.plan("read") } }, async (request) => {
    const { id } = parseInput(planIdParams, request.params);
    const { limit = AUDIT_DEFAULT_LIMIT, beforeId } = parseInput(planAuditQuery, request.query);
    const auth = requireAuth(request.auth);
    const rows = await audit.list({ organizationId: auth.organizationId, planId: id, limit, ...(beforeId !== undefined ? { beforeId } : {}) });
    return auditPage(rows, limit, auth.organizationId);
  });

  app.get("/audit", { schema: historyDocs.orgAudit, config: { policy: policies.admin } }, async (request) => {
    const { limit = AUDIT_DEFAULT_LIMIT, beforeId, planId } = parseInput(orgAuditQuery, request.query);
    const auth = requireAuth(request.auth);
    // Always the caller's organisation: a plan id of another organisation simply lists nothing.
    const rows = await audit.list({
      organizationId: auth.organizationId,
      limit,
      ...(planId !== undefined ? { planId } : {}),
      ...(beforeId !== undefined ? { beforeId } : {}),
    });
    return auditPage(rows, limit, auth.organizationId);
  });
};
