// The plan's history: its revisions (who saved which version when), the readable difference
// between any two grouped by stage, restoring an earlier revision as a new one, and the audit log.
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { pick, type Lang } from "../../../src/domain/messages.js";
import { formatChangeValue } from "../../../src/domain/plan/diff.js";
import { errorText, type AuditEntry, type PlanChangeView, type PlanDiffView, type ReviewApi, type RevisionInfo, type WorkflowEvent } from "../api/review.js";
import { currentLang } from "../i18n/index.js";
import { STAGE_SLUGS, type StageSlug } from "../router.js";
import { slugOfPath } from "../state/stages.js";
import { formatTime } from "./CommentsPanel.js";
import { Dialog } from "./Dialog.js";

/** Both languages when the server sends them, so a language switch re-words the list without reloading. */
function labelOf(c: PlanChangeView, lang: Lang): string {
  if (c.labels) return pick(c.labels, lang);
  return typeof c.label === "string" ? c.label : pick(c.label, lang);
}

const auditChangesSchema = z.object({
  count: z.number(),
  items: z.array(z.object({ path: z.string(), label: z.object({ id: z.string(), en: z.string() }) })),
});

/** What an audit entry changed, from the summary the server records with each plan write: "label; label (+n)". */
export function auditChangesText(detail: unknown, lang: Lang, more: (n: number) => string): string {
  const changes = z.object({ changes: auditChangesSchema }).safeParse(detail);
  if (!changes.success) return "";
  const { count, items } = changes.data.changes;
  const shown = items.slice(0, 3).map((c) => pick(c.label, lang));
  return shown.join("; ") + (count > shown.length ? ` ${more(count - shown.length)}` : "");
}

function stageOf(c: PlanChangeView): StageSlug {
  return (STAGE_SLUGS as readonly string[]).includes(c.stage ?? "") ? (c.stage as StageSlug) : slugOfPath(c.path);
}

export function HistoryPanel(props: {
  review: ReviewApi;
  planId: string;
  currentVersion: number;
  /** The approved version an amendment starts from, if any. */
  baselineVersion: number | null;
  canRestore: boolean;
  onRestored: () => Promise<void>;
  onClose: () => void;
}) {
  const { review, planId, currentVersion, baselineVersion, canRestore, onRestored, onClose } = props;
  const { t } = useTranslation();
  const lang = currentLang();
  const [revisions, setRevisions] = useState<RevisionInfo[] | undefined>();
  const [audit, setAudit] = useState<AuditEntry[] | undefined>();
  const [events, setEvents] = useState<WorkflowEvent[] | undefined>();
  const [from, setFrom] = useState<number | undefined>();
  const [to, setTo] = useState<number | undefined>();
  const [diff, setDiff] = useState<PlanDiffView | undefined>();
  const [error, setError] = useState("");
  const [auditError, setAuditError] = useState("");
  const [auditNext, setAuditNext] = useState<number | null>(null);
  const moreAudit = async (beforeId: number) => {
    try {
      const page = await review.audit(planId, beforeId);
      setAudit((prev) => [...(prev ?? []), ...page.items]);
      setAuditNext(page.nextBeforeId ?? null);
    } catch (e) {
      setAuditError(errorText(e));
    }
  };
  const [restoring, setRestoring] = useState<number | undefined>();
  const [notice, setNotice] = useState("");

  const load = useCallback(async () => {
    setError("");
    try {
      const r = await review.revisions(planId);
      const items = [...r.items].sort((a, b) => b.version - a.version);
      setRevisions(items);
      setTo((v) => v ?? items[0]?.version);
      setFrom((v) => v ?? items[1]?.version ?? items[0]?.version);
    } catch (e) {
      setError(errorText(e));
    }
    review.workflow(planId).then(
      (w) => setEvents([...w.events].reverse()),
      () => setEvents([]),
    );
    review.audit(planId).then(
      (a) => {
        setAudit(a.items);
        setAuditNext(a.nextBeforeId ?? null);
      },
      (e: unknown) => setAuditError(errorText(e)),
    );
  }, [review, planId]);
  useEffect(() => {
    void load();
  }, [load, currentVersion]);

  async function compare(a = from, b = to) {
    if (a === undefined || b === undefined) return;
    setError("");
    try {
      setDiff(await review.diff(planId, Math.min(a, b), Math.max(a, b)));
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function restore(version: number) {
    setError("");
    try {
      await review.restore(planId, version, currentVersion);
      setRestoring(undefined);
      setNotice(t("review.history.restored", { version }));
      await onRestored();
    } catch (e) {
      setRestoring(undefined);
      setError(errorText(e));
    }
  }

  const groups = useMemo(() => {
    const m = new Map<StageSlug, PlanChangeView[]>();
    for (const c of diff?.changes ?? []) {
      const s = stageOf(c);
      m.set(s, [...(m.get(s) ?? []), c]);
    }
    return STAGE_SLUGS.filter((s) => m.has(s)).map((s) => [s, m.get(s)!] as const);
  }, [diff]);

  return (
    <section className="card review-panel" aria-labelledby="history-title" data-testid="history-panel">
      <div className="toolbar">
        <h1 id="history-title">{t("review.history.title")}</h1>
        <button type="button" onClick={onClose}>
          {t("review.close")}
        </button>
      </div>
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error-box">
          {error}
        </p>
      ) : null}
      <h2>{t("review.history.revisions")}</h2>
      {!revisions ? (
        <p>{t("common.loading")}</p>
      ) : (
        <table className="data-table" data-testid="revisions">
          <thead>
            <tr>
              <th scope="col">{t("review.history.from")}</th>
              <th scope="col">{t("review.history.to")}</th>
              <th scope="col">{t("review.history.version")}</th>
              <th scope="col">{t("review.history.time")}</th>
              <th scope="col">{t("review.history.author")}</th>
              {canRestore ? (
                <th scope="col">
                  <span className="sr-only">{t("review.history.restore")}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.version} data-testid="revision" data-version={r.version}>
                <td>
                  <input type="radio" name="diff-from" checked={from === r.version} onChange={() => setFrom(r.version)} aria-label={`${t("review.history.from")} ${r.version}`} />
                </td>
                <td>
                  <input type="radio" name="diff-to" checked={to === r.version} onChange={() => setTo(r.version)} aria-label={`${t("review.history.to")} ${r.version}`} />
                </td>
                <td>
                  {r.version}
                  {r.version === currentVersion ? <span className="muted"> ({t("review.history.current")})</span> : null}
                </td>
                <td>
                  <time dateTime={r.createdAt}>{formatTime(r.createdAt)}</time>
                </td>
                <td>{r.authorName || r.authorId || "—"}</td>
                {canRestore ? (
                  <td>
                    {r.version !== currentVersion ? (
                      <button type="button" onClick={() => setRestoring(r.version)} aria-label={`${t("review.history.restore")} ${r.version}`}>
                        {t("review.history.restore")}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={from === undefined || to === undefined || from === to} onClick={() => void compare()}>
          {t("review.history.compare")}
        </button>
        {baselineVersion !== null && baselineVersion !== currentVersion ? (
          // What a reviewer of an amendment wants first: everything changed since the approved version.
          <button
            type="button"
            onClick={() => {
              setFrom(baselineVersion);
              setTo(currentVersion);
              void compare(baselineVersion, currentVersion);
            }}
          >
            {t("review.history.sinceBaseline", { version: baselineVersion })}
          </button>
        ) : null}
      </div>
      {diff ? (
        <div className="diff" data-testid="diff">
          <h2>{t("review.history.diffTitle", { from: diff.from, to: diff.to })}</h2>
          {groups.length === 0 ? <p>{t("review.history.noChanges")}</p> : null}
          {groups.map(([stage, changes]) => (
            <section key={stage} aria-label={t(`stages.${stage}`)}>
              <h3>{t(`stages.${stage}`)}</h3>
              <ul className="diff-list">
                {changes.map((c) => (
                  <li key={c.path} className={`diff-${c.kind}`} data-testid="diff-change" data-path={c.path}>
                    <span className="diff-kind">{t(`review.history.kinds.${c.kind}`)}</span> <span className="diff-label">{labelOf(c, lang)}</span>
                    {c.kind !== "added" ? (
                      <span className="diff-before">
                        {" "}
                        <del>{c.beforeText ?? formatChangeValue(c.before, lang)}</del>
                      </span>
                    ) : null}
                    {c.kind !== "removed" ? (
                      <span className="diff-after">
                        {" "}
                        → <ins>{c.afterText ?? formatChangeValue(c.after, lang)}</ins>
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : null}
      {events && events.length ? (
        <>
          <h2>{t("review.history.trail")}</h2>
          <ol className="wf-trail" data-testid="workflow-events" reversed>
            {events.map((e, i) => (
              <li key={i} data-testid="workflow-event" data-action={e.action}>
                <time dateTime={e.at}>{formatTime(e.at)}</time> — <strong>{e.name || e.userId || "—"}</strong> {t(`review.audit.plan_${e.action}`, { defaultValue: e.action })}
                {e.cycle ? <span className="muted"> · {t("review.history.cycle", { n: e.cycle })}</span> : null}
                {e.version ? <span className="muted"> · {t("review.comments.version", { version: e.version })}</span> : null}
                {e.comment ? <q className="wf-comment">{e.comment}</q> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <h2>{t("review.history.audit")}</h2>
      {auditError ? <p className="muted">{auditError}</p> : null}
      {audit ? (
        audit.length === 0 ? (
          <p>{t("review.history.noAudit")}</p>
        ) : (
          <table className="data-table" data-testid="audit">
            <thead>
              <tr>
                <th scope="col">{t("review.history.time")}</th>
                <th scope="col">{t("review.history.author")}</th>
                <th scope="col">{t("review.history.action")}</th>
                <th scope="col">{t("review.history.version")}</th>
                <th scope="col">{t("review.history.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((a) => (
                <tr key={a.id} data-testid="audit-entry" data-action={a.action}>
                  <td>
                    <time dateTime={a.at}>{formatTime(a.at)}</time>
                  </td>
                  <td>{a.userName || a.userId || "—"}</td>
                  <td>{t(`review.audit.${a.action.replace(/\./g, "_")}`, { defaultValue: a.action })}</td>
                  <td>{a.version ?? ""}</td>
                  <td data-testid="audit-changes">{auditChangesText(a.detail, currentLang(), (n) => t("review.history.more", { n }))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : auditError ? null : (
        <p>{t("common.loading")}</p>
      )}
      {auditNext !== null ? (
        <button type="button" className="view-control" onClick={() => void moreAudit(auditNext)}>
          {t("auditAdmin.more")}
        </button>
      ) : null}
      {restoring !== undefined ? (
        <Dialog title={t("review.history.restoreTitle", { version: restoring })} onClose={() => setRestoring(undefined)}>
          {() => (
            <>
              <p>{t("review.history.restoreText", { version: restoring, current: currentVersion })}</p>
              <div className="row">
                <button type="button" className="primary" onClick={() => void restore(restoring)}>
                  {t("review.history.restoreConfirm")}
                </button>
                <button type="button" onClick={() => setRestoring(undefined)}>
                  {t("review.cancel")}
                </button>
              </div>
            </>
          )}
        </Dialog>
      ) : null}
    </section>
  );
}
