// Explicit presenters: the allow-listed fields a response carries, never a raw row.
import type { Finding } from "../../domain/findings.js";
import { pick, type Lang } from "../../domain/messages.js";
import type { PlanSummary, Revision, RevisionWithPlan, StoredPlan } from "../../store/plans-repo.js";

export function presentPlan(p: StoredPlan) {
  return { id: p.id, version: p.version, status: p.status, updatedAt: p.updatedAt, plan: p.plan };
}

export function presentSummary(p: PlanSummary) {
  return {
    id: p.id,
    title: p.title,
    fiscalYear: p.fiscalYear,
    organizationName: p.organizationName,
    unit: p.unit,
    status: p.status,
    version: p.version,
    updatedAt: p.updatedAt,
  };
}

export function presentRevision(r: Revision, authorNames: ReadonlyMap<string, string>) {
  return { version: r.version, createdAt: r.createdAt, title: r.title, authorId: r.authorId, authorName: r.authorId === null ? null : (authorNames.get(r.authorId) ?? "") };
}

export function presentRevisionWithPlan(r: RevisionWithPlan) {
  return { id: r.planId, version: r.version, createdAt: r.createdAt, plan: r.plan };
}

export function presentFinding(f: Finding, lang: Lang) {
  return {
    stage: f.stage,
    code: f.code,
    severity: f.severity,
    message: pick(f.message, lang),
    messages: f.message,
    path: f.path,
    ...(f.ref !== undefined ? { ref: f.ref } : {}),
  };
}
