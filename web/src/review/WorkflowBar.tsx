// The plan's place in the review: status, revision, decree number, whose turn it is, and only
// the actions the server's `abilities` allow. Every action saves pending edits first and
// reloads the plan after.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanAbilities, PlanWorkflow } from "../api/client.js";
import { errorText, type ReviewApi } from "../api/review.js";
import type { PlanSession } from "../state/session.js";
import { Dialog } from "./Dialog.js";

export type ReviewPanel = "team" | "history";
type Action = "submit" | "initial" | "approve" | "return" | "withdraw";

export const WORKFLOW_STATUSES = ["draft", "submitted", "returned", "approved", "archived"] as const;

export function statusLabelKey(status: string): string {
  return (WORKFLOW_STATUSES as readonly string[]).includes(status) ? `review.status.${status}` : "review.status.unknown";
}

/** An error finding that holds the review back, as the findings panel lists it. */
export type BlockingFinding = { key: string; path: string; message: string };

/** The actions that move a plan towards its decree: refused by the server while error findings are open. */
const GATED: ReadonlySet<Action> = new Set(["submit", "initial", "approve"]);

export function WorkflowBar(props: {
  session: PlanSession;
  workflow: PlanWorkflow;
  abilities: PlanAbilities;
  review: ReviewApi;
  /** Reloads the plan and its comments after an action. */
  onChanged: () => Promise<void>;
  panel: ReviewPanel | null;
  onPanel: (panel: ReviewPanel | null) => void;
  /** An approved plan: the user confirmed that editing opens a new revision. */
  reopened: boolean;
  onReopen: () => void;
  /** The plan's error findings: while there are any, submit, initial and approve are disabled with these as the reasons. */
  openErrors: readonly BlockingFinding[];
  onOpenFinding: (finding: BlockingFinding) => void;
}) {
  const { t } = useTranslation();
  const { workflow: wf, abilities: can, session } = props;
  const [dialog, setDialog] = useState<Action | "reopen" | null>(null);
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");

  async function run(action: Action) {
    if (action === "return" && comment.trim() === "") {
      setError(t("review.commentRequired"));
      return;
    }
    setBusy(true);
    setError("");
    try {
      await session.flush();
      const id = session.planId;
      const text = comment.trim() || undefined;
      if (action === "submit") await props.review.submit(id, text);
      else if (action === "initial") await props.review.initial(id, text);
      else if (action === "approve") await props.review.approve(id, text);
      else if (action === "withdraw") await props.review.withdraw(id, text);
      else await props.review.returnPlan(id, text ?? "");
      setDialog(null);
      setComment("");
      setNotice(t(`review.done.${action}`));
      await props.onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const actionButtons: [Action, boolean, string][] = [
    ["submit", can.submit, t("review.actions.submit")],
    ["initial", can.initial, t("review.actions.initial")],
    ["approve", can.approve, t("review.actions.approve")],
    ["return", can.return, t("review.actions.return")],
    ["withdraw", can.withdraw === true, t("review.actions.withdraw")],
  ];
  const blocked = props.openErrors.length > 0;
  const blockedAction = blocked ? actionButtons.find(([action, allowed]) => allowed && GATED.has(action))?.[0] : undefined;
  const awaitingRole = wf.awaiting ? t(`review.roles.${wf.awaiting.role}`, { defaultValue: wf.awaiting.role }) : "";

  return (
    <section className="workflow-bar" aria-label={t("review.bar")} data-testid="workflow-bar">
      <div className="wf-facts">
        <span className={`wf-status wf-${wf.status}`} data-testid="workflow-status" data-status={wf.status}>
          {t(statusLabelKey(wf.status))}
        </span>
        {wf.amendment > 0 ? <span data-testid="workflow-amendment">{t("review.amendment", { n: wf.amendment })}</span> : null}
        {wf.status === "approved" && wf.decreeNumber ? (
          <span data-testid="decree-number">
            {t("review.decreeNumber")}: <strong>{wf.decreeNumber}</strong>
          </span>
        ) : null}
        {wf.awaiting ? (
          <span data-testid="workflow-awaiting">
            {can.initial || can.approve ? t("review.yourTurn") : t("review.awaiting", { name: wf.awaiting.name, role: awaitingRole })}
          </span>
        ) : null}
      </div>
      <div className="wf-actions">
        {actionButtons.map(([action, allowed, label]) =>
          allowed ? (
            <button
              key={action}
              type="button"
              className={action === "return" || action === "withdraw" ? "" : "primary"}
              disabled={busy || (blocked && GATED.has(action))}
              aria-describedby={blocked && GATED.has(action) ? "wf-blocked" : undefined}
              onClick={() => {
                setError("");
                setNotice("");
                setDialog(action);
              }}
            >
              {label}
            </button>
          ) : null,
        )}
        <button type="button" aria-pressed={props.panel === "team"} onClick={() => props.onPanel(props.panel === "team" ? null : "team")}>
          {t("review.teamButton")}
        </button>
        <button type="button" aria-pressed={props.panel === "history"} onClick={() => props.onPanel(props.panel === "history" ? null : "history")}>
          {t("review.historyButton")}
        </button>
      </div>
      {blockedAction ? (
        <div id="wf-blocked" className="wf-blocked error-box" data-testid="workflow-blocked">
          <p>{t(`review.blocked.${blockedAction}`, { count: props.openErrors.length })}</p>
          <ul>
            {props.openErrors.map((f) => (
              <li key={f.key}>
                <button type="button" className="link" data-target-path={f.path} onClick={() => props.onOpenFinding(f)}>
                  {f.message}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {(wf.status === "draft" || wf.status === "returned") && !can.submit && can.manageTeam ? (
        // A new plan: "Ajukan" appears only once the plan team has a signatory; say so, and where.
        <p className="wf-note wf-guide" data-testid="workflow-guide">
          {t("review.guideTeam")}{" "}
          <button type="button" onClick={() => props.onPanel("team")}>
            {t("review.guideTeamButton")}
          </button>
        </p>
      ) : null}
      {wf.status === "submitted" ? <p className="wf-note">{t("review.locked")}</p> : null}
      {!can.edit && wf.status !== "submitted" && wf.status !== "archived" ? <p className="wf-note">{t("review.readOnly")}</p> : null}
      {wf.status === "approved" && can.edit && !props.reopened ? (
        <p className="wf-note">
          {t("review.approvedNote", { n: wf.amendment + 1 })}{" "}
          <button type="button" onClick={() => setDialog("reopen")}>
            {t("review.reopen")}
          </button>
        </p>
      ) : null}
      {wf.status === "approved" && props.reopened ? <p className="wf-note">{t("review.reopened", { n: wf.amendment + 1 })}</p> : null}
      {notice ? (
        <p role="status" className="notice" data-testid="workflow-notice">
          {notice}
        </p>
      ) : null}
      {error && !dialog ? (
        <p role="alert" className="error-box">
          {error}
        </p>
      ) : null}
      {dialog === "reopen" ? (
        <Dialog title={t("review.reopenTitle")} onClose={() => setDialog(null)}>
          {() => (
            <>
              <p>{t("review.reopenText", { n: wf.amendment + 1 })}</p>
              <div className="row">
                <button
                  type="button"
                  className="primary"
                  onClick={() => {
                    setDialog(null);
                    props.onReopen();
                  }}
                >
                  {t("review.reopenConfirm")}
                </button>
                <button type="button" onClick={() => setDialog(null)}>
                  {t("review.cancel")}
                </button>
              </div>
            </>
          )}
        </Dialog>
      ) : dialog ? (
        <Dialog title={t(`review.dialog.${dialog}`)} onClose={() => setDialog(null)}>
          {() => (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void run(dialog);
              }}
            >
              {GATED.has(dialog) ? <p data-testid="workflow-confirm">{t(`review.confirm.${dialog}`)}</p> : null}
              <div className="field">
                <label htmlFor="wf-comment" className="field-label">
                  {dialog === "return" ? t("review.returnComment") : t("review.optionalComment")}
                </label>
                <textarea id="wf-comment" rows={4} value={comment} aria-required={dialog === "return"} onChange={(e) => setComment(e.target.value)} />
              </div>
              {error ? (
                <p role="alert" className="error-box">
                  {error}
                </p>
              ) : null}
              <div className="row">
                <button type="submit" className="primary" disabled={busy}>
                  {t(`review.actions.${dialog}`)}
                </button>
                <button type="button" onClick={() => setDialog(null)}>
                  {t("review.cancel")}
                </button>
              </div>
            </form>
          )}
        </Dialog>
      ) : null}
    </section>
  );
}
