// The shell: header with language switch, user menu and skip link; the sign-in gate; the routes.
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { createApiClient, type Session } from "./api/client.js";
import { AdminScreen } from "./admin/AdminScreen.js";
import { PasswordDialog } from "./auth/PasswordDialog.js";
import { SessionsDialog } from "./auth/SessionsDialog.js";
import { SignIn } from "./auth/SignIn.js";
import { UserMenu, adminPagesFor } from "./auth/UserMenu.js";
import { currentLang, setLang } from "./i18n/index.js";
import { PlanList } from "./pages/PlanList.js";
import { Workspace } from "./pages/Workspace.js";
import { navigate, parseRoute, usePathname } from "./router.js";
import { SESSION_RESUMED } from "./state/session.js";

/** Notices are i18n keys, so a language switch re-words them. */
type AuthState =
  | { kind: "loading" }
  | { kind: "signedOut"; notice?: string; error?: string }
  // `interrupted`: a request answered 401 while signed in; the page stays (unsaved edits with it)
  // under a sign-in dialog.
  | { kind: "signedIn"; session: Session; interrupted?: string };

function noticeFor(code: string): string {
  return code === "auth.expired" ? "auth.expired" : "auth.required401";
}

export function App() {
  const { t, i18n } = useTranslation();
  const pathname = usePathname();
  const route = parseRoute(pathname);
  const [auth, setAuth] = useState<AuthState>({ kind: "loading" });
  const [passwordDialog, setPasswordDialog] = useState(false);
  const [sessionsDialog, setSessionsDialog] = useState(false);
  const [passwordNotice, setPasswordNotice] = useState("");
  const api = useMemo(
    () =>
      createApiClient(currentLang, "", {
        // A request still in flight when the user signed out answers 401 afterwards: the sign-out's own notice stays.
        onUnauthorized: (e) =>
          setAuth((a) => (a.kind === "signedIn" ? { ...a, interrupted: noticeFor(e.code) } : a.kind === "signedOut" ? a : { kind: "signedOut", notice: noticeFor(e.code) })),
      }),
    [],
  );

  useEffect(() => {
    let live = true;
    api.getSessionState().then(
      (state) =>
        live &&
        setAuth(
          state.session
            ? { kind: "signedIn", session: state.session }
            : // A cookie whose session has ended (idle, revoked) says so; no cookie at all is just the sign-in page.
              { kind: "signedOut", ...(state.ended ? { notice: "auth.expired" } : {}) },
        ),
      (e: unknown) => live && setAuth({ kind: "signedOut", error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  async function signOut(everywhere: boolean) {
    try {
      if (everywhere) await api.signOutEverywhere();
      else await api.signOut();
    } catch {
      // Already gone on the server (expired, revoked): signed out all the same.
    }
    navigate("/");
    setAuth({ kind: "signedOut", notice: everywhere ? "auth.signedOutEverywhere" : "auth.signedOut" });
  }

  const header = (
    <header className="app-header">
      <a
        href="/"
        className="brand"
        onClick={(e) => {
          e.preventDefault();
          navigate("/");
        }}
      >
        {t("app.name")}
      </a>
      <div className="header-tools">
        <div className="lang-switch">
          <label htmlFor="lang-select">{t("app.language")}</label>
          <select id="lang-select" value={i18n.language === "en" ? "en" : "id"} onChange={(e) => setLang(e.target.value === "en" ? "en" : "id")}>
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </select>
        </div>
        {auth.kind === "signedIn" ? (
          <UserMenu session={auth.session} onSignOut={() => void signOut(false)} onSignOutEverywhere={() => void signOut(true)} onChangePassword={() => setPasswordDialog(true)} onSessions={() => setSessionsDialog(true)} />
        ) : null}
        {passwordNotice ? (
          <p role="status" className="header-notice" data-testid="password-notice">
            {passwordNotice}
          </p>
        ) : null}
      </div>
    </header>
  );

  if (auth.kind !== "signedIn") {
    return (
      <>
        {header}
        <main id="main" tabIndex={-1} className="sign-in-page">
          {auth.kind === "loading" ? (
            <p>{t("common.loading")}</p>
          ) : (
            <>
              {auth.error ? <p role="alert" className="error-box">{auth.error}</p> : null}
              <SignIn api={api} notice={auth.notice ? t(auth.notice) : undefined} onSignedIn={(session) => setAuth({ kind: "signedIn", session })} />
            </>
          )}
        </main>
      </>
    );
  }

  const { session } = auth;
  let content;
  if (route.name === "workspace") content = <Workspace key={route.planId} api={api} planId={route.planId} stage={route.stage} userId={session.user.id} />;
  else
    content = (
      <main id="main" tabIndex={-1}>
        {route.name === "list" ? (
          <PlanList api={api} canCreate={session.abilities.createPlan} canArchive={session.abilities.createPlan || session.abilities.manageUsers} />
        ) : route.name === "admin" ? (
          adminPagesFor(session).includes(route.page) ? (
            <AdminScreen api={api} session={session} page={route.page} />
          ) : (
            <p role="alert">{t("admin.forbidden")}</p>
          )
        ) : (
          <p>{t("common.notFound")}</p>
        )}
      </main>
    );
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      {header}
      {/* Keyed by user: someone else signing in over an interrupted page starts from a clean page. */}
      <div key={session.user.id} className="app-body" inert={auth.interrupted !== undefined}>
        {content}
      </div>
      {sessionsDialog ? (
        <SessionsDialog
          api={api}
          onClose={() => setSessionsDialog(false)}
          onEndedCurrent={() => {
            setSessionsDialog(false);
            void signOut(false);
          }}
        />
      ) : null}
      {passwordDialog ? (
        <PasswordDialog
          api={api}
          onClose={() => setPasswordDialog(false)}
          onChanged={(n) => {
            setPasswordDialog(false);
            setPasswordNotice(t("password.changed", { count: n }));
          }}
        />
      ) : null}
      {auth.interrupted ? (
        <SignIn
          api={api}
          dialog
          notice={t("auth.resume")}
          onSignedIn={(next) => {
            setAuth({ kind: "signedIn", session: next });
            // The same person again: the page's failed saves go out now. Someone else gets a fresh page (keyed by user).
            if (next.user.id === session.user.id) window.dispatchEvent(new Event(SESSION_RESUMED));
          }}
        />
      ) : null}
    </>
  );
}
