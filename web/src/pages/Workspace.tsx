// One plan: stage navigator with completeness, the stage screen, findings, saving and conflicts.
import { useCallback, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { computeFindings, type Finding } from "../../../src/domain/findings.js";
import { pick } from "../../../src/domain/messages.js";
import type { Plan } from "../../../src/domain/plan/schema.js";
import { ApiError, type ApiClient } from "../api/client.js";
import { createReviewApi, type PlanComment, type ReviewApi } from "../api/review.js";
import { createServiceApi } from "../api/service.js";
import { ReadOnlyContext, SessionContext } from "../components/fields.js";
import { ConflictPanel } from "../components/ConflictPanel.js";
import { currentLang } from "../i18n/index.js";
import { navigate, STAGE_SLUGS, stageHref, type StageSlug } from "../router.js";
import { PlanSession, useSession, type SessionState } from "../state/session.js";
import { focusPath, slugOfFindingStage, slugOfPath } from "../state/stages.js";
import { resolvePath, type Path } from "../state/edits.js";
import { describePath, humanizeMessage } from "../state/labels.js";
import { StageScreen } from "../stages/index.js";
import { SupervisionStage } from "../supervision/SupervisionStage.js";
import { CommentsPanel, openCommentCounts } from "../review/CommentsPanel.js";
import { HistoryPanel } from "../review/HistoryPanel.js";
import { TeamPanel } from "../review/TeamPanel.js";
import { WorkflowBar, type ReviewPanel } from "../review/WorkflowBar.js";
import { ItemPresenceMarks, OverwriteNotices, PresenceAvatars } from "../review/LivePresence.js";
import { itemRefOfPath, useLive } from "../state/live.js";
import "../review/review.css";

type Issue = { key: string; stage: StageSlug; severity: "error" | "warning" | "info"; path: string; message: string };

export function Workspace({ api, planId, stage, userId }: { api: ApiClient; planId: string; stage: StageSlug; userId?: string }) {
  const { t } = useTranslation();
  const [session, setSession] = useState<PlanSession | undefined>();
  const [loadError, setLoadError] = useState("");
  useEffect(() => {
    let s: PlanSession | undefined;
    let cancelled = false;
    api
      .getPlan(planId)
      .then((env) => {
        if (cancelled) return;
        s = new PlanSession(api, env);
        setSession(s);
      })
      .catch((e: unknown) => setLoadError(e instanceof ApiError && e.status === 404 ? t("common.notFound") : e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
      // Leaving the plan: send what is pending before letting go.
      void s?.flush().finally(() => s?.dispose());
    };
  }, [api, planId, t]);

  if (!session)
    return (
      <main id="main" tabIndex={-1}>
        {loadError ? <p role="alert" className="error-box">{loadError}</p> : <p>{t("common.loading")}</p>}
      </main>
    );
  return (
    <SessionContext.Provider value={session}>
      <LoadedWorkspace session={session} stage={stage} api={api} userId={userId} />
    </SessionContext.Provider>
  );
}

function useIssues(state: SessionState): Issue[] {
  const lang = currentLang();
  // Findings trail the typing by a frame on large plans: computed in a deferred render.
  // (On the first render too: the screen appears first, the findings a moment later.)
  const deferredPlan = useDeferredValue<Plan | null>(state.local, null);
  const findings = useMemo(() => {
    if (!deferredPlan) return [] as Finding[];
    try {
      return computeFindings(deferredPlan);
    } catch {
      return [] as Finding[];
    }
  }, [deferredPlan]);
  return useMemo(() => {
    const out: Issue[] = [];
    for (const [key, d] of state.drafts) out.push({ key: `draft-${key}`, stage: slugOfPath(draftDataPath(state.local, d.path)), severity: "error", path: draftDataPath(state.local, d.path), message: `${d.label}: ${pick(d.message, lang)}` });
    // Fields are named by their labels and items by their names, never by a path or an id.
    const plan = state.local;
    state.invalid.forEach((e, i) => out.push({ key: `inv-${i}`, stage: slugOfPath(e.path), severity: "error", path: e.path, message: `${describePath(plan, e.path, lang)}: ${humanizeMessage(plan, pick(e.message, lang), lang)}` }));
    state.fieldErrors.forEach((e, i) => out.push({ key: `srv-${i}`, stage: slugOfPath(e.path), severity: "error", path: e.path, message: `${describePath(plan, e.path, lang)}: ${humanizeMessage(plan, e.message, lang)}` }));
    findings.forEach((f, i) => out.push({ key: `f-${i}`, stage: slugOfFindingStage(f.stage), severity: f.severity, path: f.path, message: humanizeMessage(plan, pick(f.message, lang), lang) }));
    return out;
  }, [findings, state.invalid, state.fieldErrors, state.drafts, state.local, lang]);
}

/**
 * The citizens' verdict as findings of the plan (issue 17, closing the loop): an unsur below Baik
 * or a complaint past its deadline this year, from the server (they live in the
 * database, not in the plan); asked again on each stage change, e.g. after answering one.
 */
function useCitizenIssues(api: ApiClient, session: PlanSession, hasStandard: boolean, stage: StageSlug): Issue[] {
  const [issues, setIssues] = useState<Issue[]>([]);
  const service = useMemo(() => createServiceApi(api), [api]);
  useEffect(() => {
    if (!hasStandard) {
      setIssues([]);
      return;
    }
    let live = true;
    // This year's verdict, as the Layanan Publik stage shows it by default.
    const year = new Date().getFullYear();
    service.skm(session.planId, { from: `${year}-01-01`, to: `${year}-12-31` }).then(
      (v) => live && setIssues(v.findings.map((f, i) => ({ key: `citizen-${f.code}-${f.ref ?? i}`, stage: "layanan-publik", severity: f.severity, path: f.path, message: f.message }))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [service, session, hasStandard, stage]);
  return issues;
}

/** The dotted path (`budget[3].volume`) of an id-addressed field path, for focusing it. */
function draftDataPath(plan: Plan, path: Path): string {
  const concrete = resolvePath(plan, path) ?? [];
  return concrete.reduce<string>((acc, seg) => (typeof seg === "number" ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : String(seg)), "");
}

function LoadedWorkspace({ session, stage, api, userId }: { session: PlanSession; stage: StageSlug; api: ApiClient; userId?: string }) {
  const { t } = useTranslation();
  const state = useSession(session);
  const planIssues = useIssues(state);
  const citizenIssues = useCitizenIssues(api, session, state.local.serviceStandard !== undefined, stage);
  const issues = useMemo(() => (citizenIssues.length ? [...planIssues, ...citizenIssues] : planIssues), [planIssues, citizenIssues]);
  const [showAll, setShowAll] = useState(false);
  const review = useMemo(() => createReviewApi(api), [api]);
  const { workflow, abilities } = state.base;
  const [panel, setPanel] = useState<ReviewPanel | null>(null);
  // An approved plan stays read-only until the user confirms that editing opens a new revision.
  const [reopened, setReopened] = useState(false);
  const canEdit = !abilities || (abilities.edit && (workflow?.status !== "approved" || reopened));
  useEffect(() => {
    session.setEditable(canEdit);
  }, [session, canEdit]);
  useEffect(() => {
    if (workflow?.status !== "approved") setReopened(false);
  }, [workflow?.status]);

  const [comments, setComments] = useState<PlanComment[]>([]);
  const [commentsError, setCommentsError] = useState("");
  const reloadComments = useCallback(async () => {
    try {
      setComments((await review.comments(session.planId)).items);
      setCommentsError("");
    } catch (e) {
      setCommentsError(e instanceof Error ? e.message : String(e));
    }
  }, [review, session]);
  useEffect(() => {
    void reloadComments();
  }, [reloadComments]);
  const reloadPlan = useCallback(async () => {
    session.replaceBase(await api.getPlan(session.planId));
    await reloadComments();
  }, [api, session, reloadComments]);
  const commentCounts = useMemo(() => openCommentCounts(comments), [comments]);

  // Live: others' edits arrive at once; presence says where each person is (stage and item).
  const [itemRef, setItemRef] = useState<string | null>(null);
  useEffect(() => setItemRef(null), [stage]);
  useEffect(() => {
    function onFocus(e: FocusEvent) {
      const el = e.target instanceof Element ? e.target.closest("[data-path]") : null;
      if (el && el.closest(".stage-main")) setItemRef(itemRefOfPath(session.getState().local, el.getAttribute("data-path") ?? ""));
    }
    window.addEventListener("focusin", onFocus);
    return () => window.removeEventListener("focusin", onFocus);
  }, [session]);
  const live = useLive(api, session, { stage, itemRef }, reloadComments, reloadPlan);
  const others = useMemo(() => live.users.filter((u) => u.id !== userId), [live.users, userId]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === "z") {
        e.preventDefault();
        session.undo();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [session]);

  useEffect(() => {
    document.title = `${t(`stages.${stage}`)} — ${state.local.title} — ${t("app.name")}`;
  }, [stage, state.local.title, t]);

  // Closing the tab with edits not yet saved: ask first (the browser shows its own text).
  useEffect(() => {
    function onBeforeUnload(e: BeforeUnloadEvent) {
      const st = session.getState();
      if (st.pending.length || st.conflicts.length) e.preventDefault();
    }
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [session]);

  const counts = useMemo(() => {
    const m = new Map<StageSlug, number>();
    for (const i of issues) if (i.severity !== "info") m.set(i.stage, (m.get(i.stage) ?? 0) + 1);
    return m;
  }, [issues]);

  const shown = showAll ? issues : issues.filter((i) => i.stage === stage);
  // The same errors the server refuses a review step for (workflow.findings_open): the plan's own.
  const openErrors = useMemo(() => planIssues.filter((i) => i.severity === "error"), [planIssues]);
  // On narrow screens the stage navigation and the findings/comments panel are drawers
  // (CSS decides when); these say which one is pulled out.
  const [drawer, setDrawer] = useState<"nav" | "aside" | null>(null);
  // A new stage closes a drawer over the screen; the side column (wide screens) stays open.
  useEffect(() => setDrawer((d) => (d === "aside" && !window.matchMedia("(max-width: 999px)").matches ? d : null)), [stage]);
  useEffect(() => {
    if (!drawer) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setDrawer(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [drawer]);
  const jump = (issue: Issue) => {
    if (window.matchMedia("(max-width: 999px)").matches) setDrawer(null);
    if (issue.stage !== stage) navigate(stageHref(session.planId, issue.stage));
    setTimeout(() => focusPath(issue.path), 0);
  };
  const stageIssues = counts.get(stage) ?? 0;
  const stageComments = commentCounts.get(stage) ?? 0;

  return (
    <div className={`workspace ${drawer ? `drawer-${drawer}` : ""}`}>
      {drawer ? <div className="drawer-backdrop" aria-hidden="true" onClick={() => setDrawer(null)} /> : null}
      <nav id="stage-nav" className={`stage-nav drawer-left ${drawer === "nav" ? "open" : ""}`} aria-label={t("stages.nav")}>
        <button type="button" className="drawer-close" onClick={() => setDrawer(null)} aria-label={t("layout.close")}>
          ✕
        </button>
        <p className="plan-title" title={state.local.title}>
          {state.local.title}
        </p>
        <PresenceAvatars users={others} testId="presence-all" />
        <ol>
          {STAGE_SLUGS.filter((s) => s !== "pengawasan" || workflow?.baselineVersion != null || stage === s).map((s) => {
            const n = counts.get(s) ?? 0;
            const c = commentCounts.get(s) ?? 0;
            return (
              <li key={s}>
                <a
                  href={stageHref(session.planId, s)}
                  aria-current={s === stage ? "page" : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    setDrawer(null);
                    navigate(stageHref(session.planId, s));
                  }}
                >
                  <span>{t(`stages.${s}`)}</span>
                  <PresenceAvatars users={others.filter((u) => u.stage === s)} testId={`presence-${s}`} />
                  {c ? (
                    <span className="badge comments" data-testid={`comment-count-${s}`} aria-label={t("review.comments.count", { count: c })}>
                      {c}
                    </span>
                  ) : null}
                  <span className={n ? "badge open" : "badge done"} aria-label={n ? t("stages.open", { count: n }) : t("stages.complete")}>
                    {n ? n : "✓"}
                  </span>
                </a>
              </li>
            );
          })}
        </ol>
        <a
          href="/"
          className="back-link"
          onClick={(e) => {
            e.preventDefault();
            navigate("/");
          }}
        >
          ← {t("common.back")}
        </a>
      </nav>
      <main id="main" tabIndex={-1} className="stage-main">
        {workflow && abilities ? (
          <WorkflowBar
            session={session}
            workflow={workflow}
            abilities={abilities}
            review={review}
            onChanged={reloadPlan}
            panel={panel}
            onPanel={setPanel}
            reopened={reopened}
            onReopen={() => setReopened(true)}
            openErrors={openErrors}
            onOpenFinding={(f) => {
              const issue = issues.find((i) => i.key === f.key);
              if (issue) jump(issue);
            }}
          />
        ) : null}
        <SaveBar session={session} state={state} canEdit={canEdit}>
          <div className="drawer-toggles">
            <button type="button" className="toggle-nav" aria-controls="stage-nav" aria-expanded={drawer === "nav"} onClick={() => setDrawer(drawer === "nav" ? null : "nav")}>
              ☰ {t(`stages.${stage}`)}
            </button>
            <button type="button" className="toggle-aside" aria-controls="workspace-aside" aria-expanded={drawer === "aside"} onClick={() => setDrawer(drawer === "aside" ? null : "aside")} data-testid="toggle-aside">
              {t("layout.findingsAndComments", { findings: stageIssues, comments: stageComments })}
            </button>
          </div>
        </SaveBar>
        {live.lostAccess ? <p role="alert" className="error-box" data-testid="live-lost-access">{t("live.lostAccess")}</p> : null}
        <OverwriteNotices session={session} notices={state.notices} />
        <ItemPresenceMarks users={others.filter((u) => u.stage === stage)} plan={state.local} />
        {state.conflicts.length ? <ConflictPanel session={session} conflicts={state.conflicts} /> : null}
        {panel === "team" && workflow && abilities ? (
          <TeamPanel review={review} planId={session.planId} workflow={workflow} canManage={abilities.manageTeam} onSaved={reloadPlan} onClose={() => setPanel(null)} />
        ) : panel === "history" && abilities ? (
          <HistoryPanel review={review} planId={session.planId} currentVersion={state.base.version} baselineVersion={workflow?.baselineVersion ?? null} canRestore={abilities.restore} onRestored={reloadPlan} onClose={() => setPanel(null)} />
        ) : stage === "pengawasan" ? (
          // Supervision is not an edit of the plan: reports are their own writes, allowed after approval.
          <div data-testid="stage-screen">
            <details className="stage-help" data-testid="stage-help">
              <summary>{t("help.summary")}</summary>
              <p>{t("help.pengawasan")}</p>
            </details>
            <SupervisionStage plan={state.local} planId={session.planId} api={api} userId={userId} {...(workflow ? { workflow } : {})} />
          </div>
        ) : (
          // Read-only (under review, a reader, approved and not reopened): the fields read the context;
          // the editing buttons are hidden (review.css) and the session ignores edits.
          <ReadOnlyContext.Provider value={!canEdit}>
            <details className="stage-help" data-testid="stage-help">
              <summary>{t("help.summary")}</summary>
              <p>{t(`help.${stage}`)}</p>
            </details>
            <div className={canEdit ? "stage-editable" : "stage-readonly"} data-testid="stage-screen" data-readonly={!canEdit}>
              <StageScreen stage={stage} plan={state.local} session={session} api={api} />
            </div>
          </ReadOnlyContext.Provider>
        )}
      </main>
      <aside id="workspace-aside" className={`findings drawer-right ${drawer === "aside" ? "open" : ""}`} aria-labelledby="findings-title">
        <button type="button" className="drawer-close" onClick={() => setDrawer(null)} aria-label={t("layout.close")}>
          ✕
        </button>
        <h2 id="findings-title">{t("findings.title")}</h2>
        <label className="inline">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> {t("findings.all")}
        </label>
        {shown.length === 0 ? (
          <p>{t("findings.none")}</p>
        ) : (
          <ul>
            {shown.map((i) => (
              <li key={i.key} className={`finding ${i.severity}`}>
                <button type="button" className="link" onClick={() => jump(i)} data-target-path={i.path}>
                  <span className="sev">{t(`findings.${i.severity}`)}</span> {i.message}
                </button>
              </li>
            ))}
          </ul>
        )}
        {abilities ? (
          <CommentsPanel
            comments={comments}
            error={commentsError}
            stage={stage}
            plan={state.local}
            planId={session.planId}
            canComment={abilities.comment}
            review={review}
            onChanged={reloadComments}
          />
        ) : null}
      </aside>
    </div>
  );
}

function SaveBar({ session, state, canEdit, children }: { session: PlanSession; state: SessionState; canEdit: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  const drafts = state.drafts.size;
  // Never "saved" while a refused value waits on the screen: the rest is saved, that one is not.
  const text =
    state.status === "saved" && drafts
      ? t("save.draftsUnsaved", { count: drafts, version: state.base.version })
      : state.status === "saved"
      ? t("save.saved", { version: state.base.version })
      : state.status === "saving"
        ? t("save.saving")
        : state.status === "pending"
          ? t("save.pending")
          : state.status === "invalid"
            ? t("save.invalid")
            : t("save.error", { message: state.errorMessage ?? "" });
  return (
    <div className="save-bar">
      {children}
      <span role="status" aria-live="polite" className={`save-status ${state.status === "saved" && drafts ? "invalid" : state.status}`} data-testid="save-status" data-version={state.base.version} data-pending={state.pending.length}>
        {text}
      </span>
      {state.status === "error" ? (
        <button type="button" onClick={() => void session.flush()}>
          {t("save.retry")}
        </button>
      ) : null}
      <button type="button" onClick={() => session.undo()} disabled={!state.canUndo || !canEdit} title={t("save.undoHint")} aria-keyshortcuts="Control+Z">
        ↶ {t("save.undo")}
      </button>
    </div>
  );
}
