// Administration: tabs over the screens the session may open (users and units need
// `manageUsers`, organisation settings `manageSettings`, the audit log `viewAudit`).
import { useTranslation } from "react-i18next";
import { ApiError, type ApiClient, type Session } from "../api/client.js";
import { adminPagesFor } from "../auth/UserMenu.js";
import { adminHref, navigate, type AdminPage } from "../router.js";
import { AuditAdmin } from "./AuditAdmin.js";
import { CalendarAdmin } from "./CalendarAdmin.js";
import { RegisterAdmin } from "./RegisterAdmin.js";
import { SettingsAdmin } from "./SettingsAdmin.js";
import { UnitsAdmin } from "./UnitsAdmin.js";
import { UsersAdmin } from "./UsersAdmin.js";

/** An API error as lines: the message, then each field error ("roles: …"). */
export function errorLines(e: unknown): string[] {
  if (e instanceof ApiError) return [e.message, ...e.fieldErrors.map((f) => `${f.path}: ${f.message}`)];
  return [e instanceof Error ? e.message : String(e)];
}

export function ErrorBox({ lines }: { lines: string[] }) {
  if (!lines.length) return null;
  return (
    <div role="alert" className="error-box">
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}

export function AdminScreen({ api, session, page }: { api: ApiClient; session: Session; page: AdminPage }) {
  const { t } = useTranslation();
  return (
    <section className="admin">
      <nav aria-label={t("admin.nav")} className="admin-tabs">
        <ul>
          {adminPagesFor(session).map((p) => (
            <li key={p}>
              <a
                href={adminHref(p)}
                aria-current={p === page ? "page" : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(adminHref(p));
                }}
              >
                {t(`admin.${p}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {page === "users" ? (
        <UsersAdmin api={api} session={session} />
      ) : page === "units" ? (
        <UnitsAdmin api={api} />
      ) : page === "register" ? (
        <RegisterAdmin api={api} />
      ) : page === "calendar" ? (
        <CalendarAdmin api={api} />
      ) : page === "audit" ? (
        <AuditAdmin api={api} />
      ) : (
        <SettingsAdmin api={api} />
      )}
    </section>
  );
}
