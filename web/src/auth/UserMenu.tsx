// The header's user menu: who is signed in (name, organisation), the administration screens the
// user may open, and the two ways of signing out.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Session } from "../api/client.js";
import { adminHref, navigate, type AdminPage } from "../router.js";

export function adminPagesFor(session: Session): AdminPage[] {
  const pages: AdminPage[] = [];
  if (session.abilities.manageUsers) pages.push("users", "units");
  if (session.abilities.manageSettings) pages.push("settings", "register", "calendar");
  if (session.abilities.viewAudit) pages.push("audit");
  return pages;
}

export function UserMenu({
  session,
  onSignOut,
  onSignOutEverywhere,
  onChangePassword,
  onSessions,
}: {
  session: Session;
  onSignOut: () => void;
  onSignOutEverywhere: () => void;
  onChangePassword: () => void;
  onSessions: () => void;
}) {
  const { t } = useTranslation();
  const details = useRef<HTMLDetailsElement>(null);
  const close = () => details.current?.removeAttribute("open");
  // A <details> stays open until toggled: close it like a menu on a click elsewhere or Escape.
  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      if (details.current?.open && e.target instanceof Node && !details.current.contains(e.target)) details.current.removeAttribute("open");
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && details.current?.open) {
        details.current.removeAttribute("open");
        details.current.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, []);
  const pages = adminPagesFor(session);
  return (
    <details className="user-menu" ref={details}>
      <summary data-testid="user-menu">
        <span className="sr-only">{t("userMenu.label")}: </span>
        <span className="user-name">{session.user.name}</span>
        <span className="sr-only">, </span>
        <span className="user-org" title={session.organization.name}>
          {session.organization.name}
        </span>
      </summary>
      <div className="menu-panel">
        {pages.length ? (
          <nav aria-label={t("userMenu.administration")}>
            <p className="menu-heading">{t("userMenu.administration")}</p>
            <ul className="plain">
              {pages.map((page) => (
                <li key={page}>
                  <a
                    href={adminHref(page)}
                    onClick={(e) => {
                      e.preventDefault();
                      close();
                      navigate(adminHref(page));
                    }}
                  >
                    {t(`admin.${page}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <button
          type="button"
          onClick={() => {
            close();
            onSessions();
          }}
        >
          {t("userMenu.sessions")}
        </button>
        <button
          type="button"
          onClick={() => {
            close();
            onChangePassword();
          }}
        >
          {t("userMenu.changePassword")}
        </button>
        <button
          type="button"
          onClick={() => {
            close();
            onSignOut();
          }}
        >
          {t("userMenu.signOut")}
        </button>
        <button
          type="button"
          onClick={() => {
            close();
            onSignOutEverywhere();
          }}
        >
          {t("userMenu.signOutEverywhere")}
        </button>
      </div>
    </details>
  );
}
