// A change refused because someone else changed the same record first (409 `record.conflict`):
// the form now shows their version, and this box lists what they changed against what you had
// entered, with a button to put your entries back (saving then applies them over theirs).
import { useTranslation } from "react-i18next";

export type ConflictField = { label: string; mine: string; theirs: string };

/** The fields whose value differs between your entries and the stored record, labelled. */
export function conflictFields<K extends string>(keys: readonly K[], mine: Record<K, unknown>, theirs: Record<K, unknown>, label: (key: K) => string): ConflictField[] {
  const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : Array.isArray(v) ? v.join(", ") : String(v));
  return keys.filter((k) => show(mine[k]) !== show(theirs[k])).map((k) => ({ label: label(k), mine: show(mine[k]), theirs: show(theirs[k]) }));
}

export function RecordConflict({ fields, onUseMine }: { fields: ConflictField[]; onUseMine?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="error-box record-conflict" data-testid="record-conflict">
      <p>
        <strong>{t("recordConflict.title")}</strong> {t("recordConflict.intro")}
      </p>
      {fields.length ? (
        <ul>
          {fields.map((f) => (
            <li key={f.label} data-testid="record-conflict-field">
              {t("recordConflict.field", { label: f.label, theirs: f.theirs, mine: f.mine })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("recordConflict.same")}</p>
      )}
      {onUseMine && fields.length ? (
        <button type="button" onClick={onUseMine}>
          {t("recordConflict.useMine")}
        </button>
      ) : null}
    </div>
  );
}
