// Changing one's own password: the current one, the new one twice. The server checks the current
// password and ends the user's other sessions; this page stays signed in.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ApiError, type ApiClient } from "../api/client.js";
import { Dialog } from "../review/Dialog.js";

const answerSchema = z.object({ otherSessionsEnded: z.number() });

export function PasswordDialog({ api, onClose, onChanged }: { api: ApiClient; onClose: () => void; onChanged: (otherSessionsEnded: number) => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== again) return setErrors([t("password.mismatch")]);
    setBusy(true);
    try {
      const r = await api.request("POST", "/api/session/password", answerSchema, { body: { currentPassword: current, newPassword: next } });
      onChanged(r.otherSessionsEnded);
    } catch (err) {
      setErrors(err instanceof ApiError ? (err.fieldErrors.length ? err.fieldErrors.map((f) => `${t(`password.fields.${f.path}`, { defaultValue: f.path })}: ${f.message}`) : [err.message]) : [String(err)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t("password.title")} onClose={onClose}>
      {() => (
        <form onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor="pw-current" className="field-label">{t("password.fields.currentPassword")}</label>
            <input id="pw-current" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="pw-new" className="field-label">{t("password.fields.newPassword")}</label>
            <input id="pw-new" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="pw-again" className="field-label">{t("password.again")}</label>
            <input id="pw-again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required />
          </div>
          {errors.length ? (
            <div role="alert" className="error-box" data-testid="password-error">
              {errors.map((line, i) => (
                <p key={i}>{line}</p>
              ))}
            </div>
          ) : null}
          <div className="row">
            <button type="submit" className="primary" disabled={busy}>
              {t("password.save")}
            </button>
            <button type="button" onClick={onClose}>
              {t("password.cancel")}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
