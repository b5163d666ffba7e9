// Users of the organisation: list, create (with roles), edit roles/unit/disable, reset password.
import { formatNip } from "../../../src/domain/format/indonesian.js";
import { useCallback, useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, ORG_ROLES, userSchema, type ApiClient, type Session, type Unit, type User, type UserChanges } from "../api/client.js";
import { conflictFields, RecordConflict, type ConflictField } from "./RecordConflict.js";
import { ErrorBox, errorLines } from "./AdminScreen.js";

function RoleChecks({ value, onChange }: { value: string[]; onChange: (roles: string[]) => void }) {
  const { t } = useTranslation();
  const idPrefix = useId();
  return (
    <fieldset className="role-checks">
      <legend>{t("users.roles")}</legend>
      {ORG_ROLES.map((role) => (
        <label key={role} className="inline" htmlFor={`${idPrefix}-${role}`}>
          <input
            id={`${idPrefix}-${role}`}
            type="checkbox"
            checked={value.includes(role)}
            onChange={(e) => onChange(e.target.checked ? ORG_ROLES.filter((r) => r === role || value.includes(r)) : value.filter((r) => r !== role))}
          />
          {t(`admin.roles.${role}`)}
        </label>
      ))}
    </fieldset>
  );
}

function UnitSelect({ id, units, value, onChange }: { id: string; units: Unit[]; value: string; onChange: (unitId: string) => void }) {
  const { t } = useTranslation();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t("users.noUnit")}</option>
      {units.map((u) => (
        <option key={u.id} value={u.id}>
          {u.code ? `${u.name} (${u.code})` : u.name}
        </option>
      ))}
    </select>
  );
}

function roleLabel(t: (key: string) => string, role: string): string {
  return (ORG_ROLES as readonly string[]).includes(role) ? t(`admin.roles.${role}`) : role;
}

export function UsersAdmin({ api, session }: { api: ApiClient; session: Session }) {
  const { t } = useTranslation();
  const [users, setUsers] = useState<User[] | undefined>();
  const [units, setUnits] = useState<Unit[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState("");
  const [mode, setMode] = useState<{ kind: "none" } | { kind: "create" } | { kind: "edit"; user: User }>({ kind: "none" });

  const load = useCallback(async () => {
    try {
      const [u, un] = await Promise.all([api.listUsers(), api.listUnits()]);
      setUsers(u.items);
      setUnits(un.items);
    } catch (e) {
      setErrors(errorLines(e));
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  const unitName = (id: string | null | undefined) => (id ? (units.find((u) => u.id === id)?.name ?? id) : "");

  function done(message: string) {
    setMode({ kind: "none" });
    setErrors([]);
    setNotice(message);
    void load();
  }

  return (
    <section aria-labelledby="users-title">
      <div className="toolbar">
        <h1 id="users-title">{t("users.title")}</h1>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setNotice("");
            setMode({ kind: "create" });
          }}
        >
          {t("users.newUser")}
        </button>
      </div>
      {notice ? <p role="status">{notice}</p> : null}
      <ErrorBox lines={errors} />
      {mode.kind === "create" ? <NewUserForm api={api} units={units} onDone={(u) => done(t("users.created", { name: u.name }))} onCancel={() => setMode({ kind: "none" })} /> : null}
      {mode.kind === "edit" ? (
        <EditUserForm key={mode.user.id} api={api} user={mode.user} units={units} onDone={done} onCancel={() => setMode({ kind: "none" })} />
      ) : null}
      {users === undefined ? (
        errors.length ? null : <p>{t("common.loading")}</p>
      ) : users.length === 0 ? (
        <p>{t("users.empty")}</p>
      ) : (
        <table className="data-table" data-testid="users-table">
          <caption className="sr-only">{t("users.count", { count: users.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("users.email")}</th>
              <th scope="col">{t("users.nip")}</th>
              <th scope="col">{t("users.unit")}</th>
              <th scope="col">{t("users.roles")}</th>
              <th scope="col">{t("users.status")}</th>
              <th scope="col">
                <span className="sr-only">{t("admin.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-user={u.email} className={u.disabled ? "muted" : undefined}>
                <td>
                  {u.name} {u.id === session.user.id ? <span className="muted">{t("users.you")}</span> : null}
                </td>
                <td>{u.email}</td>
                <td>{u.nip ? formatNip(u.nip) : ""}</td>
                <td>{unitName(u.unitId)}</td>
                <td>{u.roles.map((r) => roleLabel(t, r)).join(", ")}</td>
                <td>{u.disabled ? t("users.disabled") : t("users.active")}</td>
                <td>
                  <button
                    type="button"
                    aria-label={`${t("admin.edit")} ${u.name}`}
                    onClick={() => {
                      setNotice("");
                      setMode({ kind: "edit", user: u });
                    }}
                  >
                    {t("admin.edit")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function NewUserForm({ api, units, onDone, onCancel }: { api: ApiClient; units: Unit[]; onDone: (user: User) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [nip, setNip] = useState("");
  const [unitId, setUnitId] = useState("");
  const [roles, setRoles] = useState<string[]>(["penyusun"]);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<string[]>([]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!email.trim() || !name.trim() || !password) return setErrors([t("users.required")]);
    if (!roles.length) return setErrors([t("users.rolesRequired")]);
    try {
      const created = await api.createUser({ email: email.trim(), name: name.trim(), ...(nip.trim() ? { nip: nip.trim() } : {}), ...(unitId ? { unitId } : {}), roles, password });
      onDone(created);
    } catch (err) {
      setErrors(errorLines(err));
    }
  }

  return (
    <form className="card admin-form" onSubmit={(e) => void submit(e)} aria-labelledby="new-user-title" noValidate>
      <h2 id="new-user-title">{t("users.newUser")}</h2>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="new-user-email">{t("users.email")}</label>
          <input id="new-user-email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus />
        </div>
        <div className="field">
          <label htmlFor="new-user-name">{t("users.name")}</label>
          <input id="new-user-name" type="text" value={name} onChange={(e) => setName(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="new-user-nip">{t("users.nip")}</label>
          <input id="new-user-nip" type="text" inputMode="numeric" value={nip} onChange={(e) => setNip(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="new-user-unit">{t("users.unit")}</label>
          <UnitSelect id="new-user-unit" units={units} value={unitId} onChange={setUnitId} />
        </div>
        <div className="field">
          <label htmlFor="new-user-password">{t("users.password")}</label>
          <input id="new-user-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </div>
      </div>
      <RoleChecks value={roles} onChange={setRoles} />
      <ErrorBox lines={errors} />
      <div className="row">
        <button type="submit" className="primary">
          {t("users.create")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("admin.cancel")}
        </button>
      </div>
    </form>
  );
}

function EditUserForm({ api, user: loaded, units, onDone, onCancel }: { api: ApiClient; user: User; units: Unit[]; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  // The user as loaded (its version goes with a change as If-Match); replaced by theirs on a conflict.
  const [user, setUser] = useState(loaded);
  type Mine = { name: string; nip: string; unitId: string; roles: string[]; disabled: boolean };
  const [conflict, setConflict] = useState<{ fields: ConflictField[]; mine: Mine } | undefined>();
  const [name, setName] = useState(user.name);
  const [nip, setNip] = useState(user.nip ?? "");
  const [unitId, setUnitId] = useState(user.unitId ?? "");
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [disabled, setDisabled] = useState(user.disabled);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<string[]>([]);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setErrors([t("users.required")]);
    if (!roles.length) return setErrors([t("users.rolesRequired")]);
    // Only what changed: a PATCH that re-sends everything could undo another admin's edit.
    const changes: UserChanges = {};
    if (name.trim() !== user.name) changes.name = name.trim();
    if (nip.trim() !== (user.nip ?? "")) changes.nip = nip.trim() || null;
    if (unitId !== (user.unitId ?? "")) changes.unitId = unitId || null;
    if (roles.join() !== user.roles.join()) changes.roles = roles;
    if (disabled !== user.disabled) changes.disabled = disabled;
    try {
      const saved = Object.keys(changes).length ? await api.updateUser(user.id, user.version, changes) : user;
      onDone(t("users.updated", { name: saved.name }));
    } catch (err) {
      if (!showConflict(err)) setErrors(errorLines(err));
    }
  }

  /** Someone else changed this user first: show their version, and what differs from what was entered here. */
  function showConflict(err: unknown): boolean {
    const theirs = err instanceof ApiError && err.code === "record.conflict" ? userSchema.safeParse(err.currentRecord) : undefined;
    if (!theirs?.success) return false;
    const mine: Mine = { name, nip, unitId, roles, disabled };
    const now: Mine = { name: theirs.data.name, nip: theirs.data.nip ?? "", unitId: theirs.data.unitId ?? "", roles: theirs.data.roles, disabled: theirs.data.disabled };
    const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
    const shown = (m: Mine) => ({ ...m, unitId: unitName(m.unitId), roles: m.roles.map((r) => roleLabel(t, r)), disabled: m.disabled ? t("users.disable") : "" });
    const label = (k: keyof Mine) => (k === "unitId" ? t("users.unit") : k === "disabled" ? t("users.disable") : k === "roles" ? t("users.roles") : t(`users.${k}`));
    setConflict({ fields: conflictFields(["name", "nip", "unitId", "roles", "disabled"] as const, shown(mine), shown(now), label), mine });
    setUser(theirs.data);
    setName(now.name);
    setNip(now.nip);
    setUnitId(now.unitId);
    setRoles(now.roles);
    setDisabled(now.disabled);
    setErrors([]);
    return true;
  }

  async function resetPassword() {
    if (!password) return setErrors([t("users.required")]);
    try {
      await api.updateUser(user.id, user.version, { password });
      onDone(t("users.passwordChanged", { name: user.name }));
    } catch (err) {
      if (!showConflict(err)) setErrors(errorLines(err));
    }
  }

  return (
    <form className="card admin-form" onSubmit={(e) => void save(e)} aria-labelledby="edit-user-title" noValidate>
      <h2 id="edit-user-title">{t("users.editTitle", { name: user.name })}</h2>
      <p className="muted">{user.email}</p>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="edit-user-name">{t("users.name")}</label>
          <input id="edit-user-name" type="text" value={name} onChange={(e) => setName(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="edit-user-nip">{t("users.nip")}</label>
          <input id="edit-user-nip" type="text" inputMode="numeric" value={nip} onChange={(e) => setNip(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="edit-user-unit">{t("users.unit")}</label>
          <UnitSelect id="edit-user-unit" units={units} value={unitId} onChange={setUnitId} />
        </div>
      </div>
      <RoleChecks value={roles} onChange={setRoles} />
      <label className="inline" htmlFor="edit-user-disabled">
        <input id="edit-user-disabled" type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} />
        {t("users.disable")}
      </label>
      <ErrorBox lines={errors} />
      {conflict ? (
        <RecordConflict
          fields={conflict.fields}
          onUseMine={() => {
            setName(conflict.mine.name);
            setNip(conflict.mine.nip);
            setUnitId(conflict.mine.unitId);
            setRoles(conflict.mine.roles);
            setDisabled(conflict.mine.disabled);
            setConflict(undefined);
          }}
        />
      ) : null}
      <div className="row">
        <button type="submit" className="primary">
          {t("admin.save")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("admin.cancel")}
        </button>
      </div>
      <fieldset className="password-reset">
        <legend>{t("users.resetPassword")}</legend>
        <div className="row">
          <div className="field">
            <label htmlFor="edit-user-password">{t("users.newPassword")}</label>
            <input id="edit-user-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          <button type="button" onClick={() => void resetPassword()}>
            {t("users.setPassword")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
