// Both people's values side by side; nothing is dropped until the user chooses.
import { useTranslation } from "react-i18next";
import type { Conflict } from "../state/edits.js";
import type { PlanSession } from "../state/session.js";

function show(v: unknown, empty: string): string {
  if (v === undefined || v === null || v === "") return empty;
  if (typeof v === "string") return v;
  if (typeof v === "object" && v !== null && "name" in v && typeof (v as { name: unknown }).name === "string") return (v as { name: string }).name;
  return JSON.stringify(v);
}

export function ConflictPanel({ session, conflicts }: { session: PlanSession; conflicts: Conflict[] }) {
  const { t } = useTranslation();
  const empty = t("conflict.none");
  return (
    <section className="conflicts" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t("conflict.title")}</h2>
      <p>{t("conflict.intro")}</p>
      <ul>
        {conflicts.map((c) => (
          <li key={c.key} className="conflict" data-testid="conflict">
            <code>{c.displayPath}</code>
            {c.kind === "both-changed" ? (
              <>
                <dl>
                  <dt>{t("conflict.mine")}</dt>
                  <dd data-testid="conflict-mine">{show(c.mine, empty)}</dd>
                  <dt>{t("conflict.theirs")}</dt>
                  <dd data-testid="conflict-theirs">{show(c.theirs, empty)}</dd>
                </dl>
                <button type="button" onClick={() => session.resolveConflict(c.key, true)}>
                  {t("conflict.keepMine")}
                </button>
                <button type="button" onClick={() => session.resolveConflict(c.key, false)}>
                  {t("conflict.keepTheirs")}
                </button>
              </>
            ) : c.kind === "deleted-by-them" ? (
              <>
                <p>{t("conflict.deleted")}</p>
                <p data-testid="conflict-mine">{show(c.mine, empty)}</p>
                <button type="button" onClick={() => session.resolveConflict(c.key, true)}>
                  {t("conflict.restore")}
                </button>
                <button type="button" onClick={() => session.resolveConflict(c.key, false)}>
                  {t("conflict.keepTheirs")}
                </button>
              </>
            ) : (
              <>
                <p>{t("conflict.changed")}</p>
                <p data-testid="conflict-theirs">{show(c.theirs, empty)}</p>
                <button type="button" onClick={() => session.resolveConflict(c.key, true)}>
                  {t("conflict.deleteAnyway")}
                </button>
                <button type="button" onClick={() => session.resolveConflict(c.key, false)}>
                  {t("conflict.keepIt")}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
