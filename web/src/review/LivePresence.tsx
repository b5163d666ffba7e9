// Live co-editing on screen: who else is on the plan (avatars by the stage list and beside the
// item they are on), and the notice when someone else's later edit replaced a value one saved,
// with one-click restore.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { PresenceUser } from "../api/live.js";
import type { OverwriteNotice, PlanSession } from "../state/session.js";
import "./live.css";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase();
}

function hue(id: string): number {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) % 360;
  return h;
}

/** Round initials of the people given; their names as the accessible label. */
export function PresenceAvatars({ users, testId }: { users: readonly PresenceUser[]; testId?: string }) {
  const { t } = useTranslation();
  if (users.length === 0) return null;
  return (
    <span className="presence-avatars" data-testid={testId} aria-label={t("live.here", { names: users.map((u) => u.name).join(", ") })}>
      {users.map((u) => (
        <span key={u.id} className="avatar" title={u.name} style={{ background: `hsl(${hue(u.id)} 55% 42%)` }} data-user={u.name}>
          {initials(u.name)}
        </span>
      ))}
    </span>
  );
}

/** Path in the plan of the item with this id (`activities[3]`, `direction.goals[0]`), searched in every list. */
function itemPath(plan: unknown, id: string): string | null {
  const walk = (v: unknown, at: string): string | null => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item = v[i] as { id?: unknown } | null;
        const here = `${at}[${i}]`;
        if (item && typeof item === "object" && item.id === id) return here;
        const inner = walk(item, here);
        if (inner) return inner;
      }
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        const inner = walk(x, at ? `${at}.${k}` : k);
        if (inner) return inner;
      }
    }
    return null;
  };
  return walk(plan, "");
}

/**
 * Marks the first field of each item someone else is on with their initials (CSS draws them
 * beside it): the stage screens need not know about presence.
 */
export function ItemPresenceMarks({ users, plan }: { users: readonly PresenceUser[]; plan: unknown }) {
  useEffect(() => {
    const marked: Element[] = [];
    const byItem = new Map<string, PresenceUser[]>();
    for (const u of users) if (u.itemRef) byItem.set(u.itemRef, [...(byItem.get(u.itemRef) ?? []), u]);
    for (const [ref, people] of byItem) {
      const path = itemPath(plan, ref);
      if (!path) continue;
      const el = document.querySelector(`.stage-main [data-path="${CSS.escape(path)}"], .stage-main [data-path^="${CSS.escape(path)}."]`);
      if (!el) continue;
      el.setAttribute("data-presence", people.map((p) => initials(p.name)).join(" "));
      el.setAttribute("data-presence-names", people.map((p) => p.name).join(", "));
      marked.push(el);
    }
    return () => {
      for (const el of marked) {
        el.removeAttribute("data-presence");
        el.removeAttribute("data-presence-names");
      }
    };
  });
  return null;
}

export function OverwriteNotices({ session, notices }: { session: PlanSession; notices: readonly OverwriteNotice[] }) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  const show = (v: unknown) => (v === undefined || v === null || v === "" ? t("conflict.none") : typeof v === "string" ? v : JSON.stringify(v));
  return (
    <section className="live-notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <p key={n.key} className="live-notice" data-testid="overwrite-notice">
          {t("live.overwritten", { name: n.by || t("live.someone"), path: n.displayPath, theirs: show(n.theirs), mine: show(n.mine) })}{" "}
          <button type="button" onClick={() => session.restoreNotice(n.key)}>
            {t("live.restore")}
          </button>{" "}
          <button type="button" className="link" onClick={() => session.dismissNotice(n.key)}>
            {t("live.dismiss")}
          </button>
        </p>
      ))}
    </section>
  );
}
