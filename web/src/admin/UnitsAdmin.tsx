// Units of the organisation: list, create, rename (name and code; the code goes into decree numbers).
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, unitSchema, type ApiClient, type Unit } from "../api/client.js";
import { conflictFields, RecordConflict, type ConflictField } from "./RecordConflict.js";
import { ErrorBox, errorLines } from "./AdminScreen.js";

export function UnitsAdmin({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const [units, setUnits] = useState<Unit[] | undefined>();
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState("");
  const [editing, setEditing] = useState<string | undefined>();
  const [name, setName] = useState("");
  const [code, setCode] = useState("");
  const [parentId, setParentId] = useState("");

  const load = useCallback(async () => {
    try {
      setUnits((await api.listUnits()).items);
    } catch (e) {
      setErrors(errorLines(e));
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  async function create(e: FormEvent) {
    e.preventDefault();
    setNotice("");
    if (!name.trim()) return setErrors([t("units.required")]);
    try {
      const created = await api.createUnit({ name: name.trim(), ...(code.trim() ? { code: code.trim() } : {}), ...(parentId ? { parentId } : {}) });
      setName("");
      setCode("");
      setParentId("");
      setErrors([]);
      setNotice(t("units.created", { name: created.name }));
      await load();
    } catch (err) {
      setErrors(errorLines(err));
    }
  }

  const parentName = (id: string | null | undefined) => (id ? (units?.find((u) => u.id === id)?.name ?? id) : "");

  return (
    <section aria-labelledby="units-title">
      <h1 id="units-title">{t("units.title")}</h1>
      {notice ? <p role="status">{notice}</p> : null}
      <ErrorBox lines={errors} />
      {units === undefined ? (
        errors.length ? null : <p>{t("common.loading")}</p>
      ) : units.length === 0 ? (
        <p>{t("units.empty")}</p>
      ) : (
        <table className="data-table" data-testid="units-table">
          <caption className="sr-only">{t("units.count", { count: units.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("units.name")}</th>
              <th scope="col">{t("units.code")}</th>
              <th scope="col">{t("units.parent")}</th>
              <th scope="col">
                <span className="sr-only">{t("units.rename")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) =>
              editing === u.id ? (
                <UnitEditRow
                  key={u.id}
                  api={api}
                  unit={u}
                  onDone={(saved) => {
                    setEditing(undefined);
                    setErrors([]);
                    setNotice(t("units.updated", { name: saved.name }));
                    void load();
                  }}
                  onError={setErrors}
                  onCancel={() => setEditing(undefined)}
                />
              ) : (
                <tr key={u.id} data-unit={u.name}>
                  <td>{u.name}</td>
                  <td>{u.code ?? ""}</td>
                  <td>{parentName(u.parentId)}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={`${t("units.rename")} ${u.name}`}
                      onClick={() => {
                        setNotice("");
                        setEditing(u.id);
                      }}
                    >
                      {t("units.rename")}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <form className="card admin-form" onSubmit={(e) => void create(e)} aria-labelledby="new-unit-title" noValidate>
        <h2 id="new-unit-title">{t("units.newUnit")}</h2>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="new-unit-name">{t("units.name")}</label>
            <input id="new-unit-name" type="text" value={name} onChange={(e) => setName(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="new-unit-code">{t("units.code")}</label>
            <input id="new-unit-code" type="text" value={code} onChange={(e) => setCode(e.target.value)} aria-describedby="new-unit-code-hint" />
            <span id="new-unit-code-hint" className="hint">
              {t("units.codeHint")}
            </span>
          </div>
          <div className="field">
            <label htmlFor="new-unit-parent">{t("units.parent")}</label>
            <select id="new-unit-parent" value={parentId} onChange={(e) => setParentId(e.target.value)}>
              <option value="">{t("units.noParent")}</option>
              {(units ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="row">
          <button type="submit" className="primary">
            {t("units.create")}
          </button>
        </div>
      </form>
    </section>
  );
}

function UnitEditRow({ api, unit, onDone, onError, onCancel }: { api: ApiClient; unit: Unit; onDone: (u: Unit) => void; onError: (lines: string[]) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(unit.name);
  const [code, setCode] = useState(unit.code ?? "");
  // The unit as loaded (its version goes with the change as If-Match); replaced by theirs on a conflict.
  const [base, setBase] = useState(unit);
  const [conflict, setConflict] = useState<{ fields: ConflictField[]; mine: { name: string; code: string } } | undefined>();
  async function save() {
    if (!name.trim()) return onError([t("units.required")]);
    const changes: { name?: string; code?: string | null } = {};
    if (name.trim() !== base.name) changes.name = name.trim();
    if (code.trim() !== (base.code ?? "")) changes.code = code.trim() || null;
    try {
      onDone(Object.keys(changes).length ? await api.updateUnit(base.id, base.version, changes) : base);
    } catch (err) {
      const theirs = err instanceof ApiError && err.code === "record.conflict" ? unitSchema.safeParse(err.currentRecord) : undefined;
      if (!theirs?.success) return onError(errorLines(err));
      const mine = { name, code };
      const now = { name: theirs.data.name, code: theirs.data.code ?? "" };
      setConflict({ fields: conflictFields(["name", "code"] as const, mine, now, (k) => t(`units.${k}`)), mine });
      setBase(theirs.data);
      setName(now.name);
      setCode(now.code);
    }
  }
  return (
    <tr data-unit={unit.name}>
      <td>
        <input
          type="text"
          aria-label={t("units.name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoFocus
          onKeyDown={(e) => {
            if (e.key === "Enter") void save();
            if (e.key === "Escape") onCancel();
          }}
        />
        {conflict ? (
          <RecordConflict
            fields={conflict.fields}
            onUseMine={() => {
              setName(conflict.mine.name);
              setCode(conflict.mine.code);
              setConflict(undefined);
            }}
          />
        ) : null}
      </td>
      <td>
        <input type="text" aria-label={t("units.code")} value={code} onChange={(e) => setCode(e.target.value)} />
      </td>
      <td />
      <td>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void save()}>
            {t("admin.save")}
          </button>
          <button type="button" onClick={onCancel}>
            {t("admin.cancel")}
          </button>
        </div>
      </td>
    </tr>
  );
}
