// The sign-in form. Shown in place of any page when nobody is signed in (the URL stays, so the
// page opens after signing in), and as a dialog over the page when a session ends mid-work.
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, type ApiClient, type Session } from "../api/client.js";

type SignInError = { code: string; message: string; retryAfterSeconds?: number };

export function SignIn({ api, onSignedIn, notice, dialog = false }: { api: ApiClient; onSignedIn: (session: Session) => void; notice?: string; dialog?: boolean }) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  // Kept as data, not text, so a language switch re-words the message.
  const [error, setError] = useState<SignInError | undefined>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError({ code: "required", message: "" });
      return;
    }
    setBusy(true);
    try {
      const session = await api.signIn(email.trim(), password);
      setError(undefined);
      setPassword("");
      onSignedIn(session);
    } catch (err) {
      setError(err instanceof ApiError ? { code: err.code, message: err.message, retryAfterSeconds: err.retryAfterSeconds } : { code: "unknown", message: String(err) });
    } finally {
      setBusy(false);
    }
  }

  function errorText(e: SignInError): string {
    if (e.code === "required") return t("auth.required");
    if (e.code === "auth.invalid_credentials") return t("auth.invalidCredentials");
    if (e.code === "auth.throttled" || e.code === "rate_limited") {
      const s = e.retryAfterSeconds;
      if (s === undefined) return t("auth.throttled");
      return s < 60 ? t("auth.throttledSeconds", { count: Math.ceil(s) }) : t("auth.throttledMinutes", { count: Math.ceil(s / 60) });
    }
    return e.message;
  }

  const titleId = `${idPrefix}-title`;
  const form = (
    <form className="card sign-in" onSubmit={(e) => void submit(e)} aria-labelledby={titleId} noValidate>
      <h1 id={titleId}>{t("auth.title")}</h1>
      {notice ? <p role="status" className="notice">{notice}</p> : <p className="muted">{t("auth.intro")}</p>}
      <div className="field">
        <label htmlFor={`${idPrefix}-email`}>{t("auth.email")}</label>
        <input id={`${idPrefix}-email`} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} autoFocus required />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-password`}>{t("auth.password")}</label>
        <input id={`${idPrefix}-password`} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </div>
      {error ? (
        <p role="alert" className="error-box" data-testid="sign-in-error">
          {errorText(error)}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("auth.submitting") : t("auth.submit")}
        </button>
      </div>
    </form>
  );
  if (!dialog) return form;
  return (
    <div className="modal-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="modal">
        {form}
      </div>
    </div>
  );
}
