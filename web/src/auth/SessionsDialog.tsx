// The user's active sessions (ASVS 3.3.4): where and when each was opened and last used, this
// one marked; each can be ended. Ending this one signs the page out.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ApiError, type ApiClient } from "../api/client.js";
import { Dialog } from "../review/Dialog.js";
import { formatTime } from "../review/CommentsPanel.js";

const sessionsSchema = z.object({
  sessions: z.array(
    z.object({ id: z.string(), current: z.boolean(), createdAt: z.string(), lastSeenAt: z.string(), expiresAt: z.string(), ip: z.string().nullable(), userAgent: z.string().nullable() }),
  ),
});
type ActiveSession = z.infer<typeof sessionsSchema>["sessions"][number];

export function SessionsDialog({ api, onClose, onEndedCurrent }: { api: ApiClient; onClose: () => void; onEndedCurrent: () => void }) {
  const { t } = useTranslation();
  const [sessions, setSessions] = useState<ActiveSession[] | undefined>();
  const [error, setError] = useState("");
  const load = useCallback(async () => {
    try {
      setSessions((await api.request("GET", "/api/sessions", sessionsSchema)).sessions);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  async function end(s: ActiveSession) {
    try {
      await api.request("DELETE", `/api/sessions/${encodeURIComponent(s.id)}`, z.undefined());
      if (s.current) return onEndedCurrent();
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <Dialog title={t("sessions.title")} onClose={onClose}>
      {() => (
        <div data-testid="sessions-dialog">
          {error ? (
            <p role="alert" className="error-box">
              {error}
            </p>
          ) : null}
          {sessions === undefined ? (
            <p>{t("common.loading")}</p>
          ) : (
            <ul className="plain session-list">
              {sessions.map((s) => (
                <li key={s.id} data-testid="session-item">
                  <p>
                    <strong>{s.userAgent ?? t("sessions.unknownDevice")}</strong>
                    {s.current ? <span className="badge"> {t("sessions.current")}</span> : null}
                  </p>
                  <p className="muted">
                    {t("sessions.details", { ip: s.ip ?? "—", created: formatTime(s.createdAt), lastSeen: formatTime(s.lastSeenAt) })}
                  </p>
                  <button type="button" onClick={() => void end(s)}>
                    {s.current ? t("sessions.endCurrent") : t("sessions.end")}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="row">
            <button type="button" onClick={onClose}>
              {t("sessions.close")}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
