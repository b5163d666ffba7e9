// The comments of one stage (and the plan-wide ones, such as a return's reason): read them, jump
// to the item a comment names, add one (optionally on an item), mark one resolved.
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Plan } from "../../../src/domain/plan/schema.js";
import { errorText, type PlanComment, type ReviewApi } from "../api/review.js";
import { currentLang } from "../i18n/index.js";
import type { StageSlug } from "../router.js";
import { focusPath } from "../state/stages.js";
import { stageItems, type CommentItem } from "./items.js";

export function formatTime(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleString(currentLang() === "en" ? "en-GB" : "id-ID", { dateStyle: "medium", timeStyle: "short" });
}

/** Open comments per stage slug, for the badges of the stage navigation. */
export function openCommentCounts(comments: readonly PlanComment[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of comments) if (!c.resolvedAt && c.stage) m.set(c.stage, (m.get(c.stage) ?? 0) + 1);
  return m;
}

export function CommentsPanel(props: { comments: readonly PlanComment[]; error: string; stage: StageSlug; plan: Plan; planId: string; canComment: boolean; review: ReviewApi; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { stage, plan } = props;
  const items = useMemo(() => stageItems(plan, stage), [plan, stage]);
  // The item the user last focused on the stage screen: one click comments on it.
  const [focused, setFocused] = useState<CommentItem | undefined>();
  useEffect(() => {
    function onFocus(e: FocusEvent) {
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (!target?.closest(".stage-main")) return;
      for (let el = target.closest<HTMLElement>("[data-path]"); el; el = el.parentElement?.closest<HTMLElement>("[data-path]") ?? null) {
        const p = el.dataset.path ?? "";
        const item = items.find((i) => p === i.dataPath || p.startsWith(`${i.dataPath}.`) || p.startsWith(`${i.dataPath}[`));
        if (item) {
          setFocused(item);
          return;
        }
      }
    }
    document.addEventListener("focusin", onFocus);
    return () => document.removeEventListener("focusin", onFocus);
  }, [items]);
  const focusedItem = focused && items.find((i) => i.ref === focused.ref);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const here = props.comments.filter((c) => c.stage === stage || !c.stage);
  const open = here.filter((c) => !c.resolvedAt);
  const resolved = here.filter((c) => c.resolvedAt);
  const [body, setBody] = useState("");
  const [itemRef, setItemRef] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");

  async function add() {
    if (!body.trim()) {
      setError(t("review.comments.empty"));
      return;
    }
    setBusy(true);
    setError("");
    try {
      await props.review.addComment(props.planId, { stage, ...(itemRef ? { itemRef } : {}), body: body.trim() });
      setBody("");
      setItemRef("");
      await props.onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function resolve(id: string) {
    setError("");
    try {
      await props.review.resolveComment(props.planId, id);
      await props.onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  }

  function one(c: PlanComment) {
    const item = c.itemRef ? items.find((i) => i.ref === c.itemRef) : undefined;
    return (
      <li key={c.id} className={`comment${c.resolvedAt ? " resolved" : ""}`} data-testid="comment">
        <p className="comment-meta">
          <strong>{c.authorName || c.authorId || "—"}</strong> · <time dateTime={c.createdAt}>{formatTime(c.createdAt)}</time>
          {c.version ? <> · {t("review.comments.version", { version: c.version })}</> : null}
          {!c.stage ? <> · {t("review.comments.general")}</> : null}
        </p>
        {c.itemRef ? (
          item ? (
            <button type="button" className="link comment-item" onClick={() => focusPath(item.dataPath)}>
              {item.label}
            </button>
          ) : (
            <span className="comment-item muted">{c.itemRef}</span>
          )
        ) : null}
        <p className="comment-body" data-testid="comment-body">
          {c.body}
        </p>
        {!c.resolvedAt && props.canComment ? (
          <button type="button" onClick={() => void resolve(c.id)} aria-label={`${t("review.comments.resolve")}: ${c.body.slice(0, 40)}`}>
            ✓ {t("review.comments.resolve")}
          </button>
        ) : null}
      </li>
    );
  }

  return (
    <section className="comments-panel" aria-labelledby="comments-title" data-testid="comments-panel">
      <h2 id="comments-title">
        {t("review.comments.title")} <span className="muted">({open.length})</span>
      </h2>
      {props.error ? <p className="muted">{props.error}</p> : null}
      {open.length === 0 ? <p className="muted">{t("review.comments.none")}</p> : <ul className="comment-list">{open.map(one)}</ul>}
      {resolved.length ? (
        <details>
          <summary>{t("review.comments.resolved", { count: resolved.length })}</summary>
          <ul className="comment-list">{resolved.map(one)}</ul>
        </details>
      ) : null}
      {props.canComment ? (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          {focusedItem ? (
            <button
              type="button"
              className="link comment-on-item"
              onClick={() => {
                setItemRef(focusedItem.ref);
                bodyRef.current?.focus();
              }}
            >
              {t("review.comments.onItem", { item: focusedItem.label })}
            </button>
          ) : null}
          {items.length ? (
            <div className="field">
              <label htmlFor="comment-item" className="field-label">
                {t("review.comments.item")}
              </label>
              <select id="comment-item" value={itemRef} onChange={(e) => setItemRef(e.target.value)}>
                <option value="">{t("review.comments.wholeStage")}</option>
                {items.map((i) => (
                  <option key={i.ref} value={i.ref}>
                    {i.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="comment-body" className="field-label">
              {t("review.comments.new")}
            </label>
            <textarea id="comment-body" ref={bodyRef} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
          </div>
          {error ? (
            <p role="alert" className="error-box">
              {error}
            </p>
          ) : null}
          <button type="submit" disabled={busy}>
            {t("review.comments.send")}
          </button>
        </form>
      ) : null}
    </section>
  );
}
