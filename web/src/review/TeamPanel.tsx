// The plan team: who drafts, who initials in which order, who signs, who reads. Editable by the
// plan's penyusun or an admin (`abilities.manageTeam`); users are picked from the candidates the
// server lists for those who may change the team (GET /api/plans/:id/team), else named by their id.
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, type PlanWorkflow } from "../api/client.js";
import { errorText, PLAN_TEAM_ROLES, teamAnswerSchema, type PlanTeamRole, type ReviewApi, type TeamAnswer } from "../api/review.js";
import { conflictFields, RecordConflict, type ConflictField } from "../admin/RecordConflict.js";

type Candidate = NonNullable<TeamAnswer["candidates"]>[number];

export type Member = { userId: string; name: string; role: PlanTeamRole; position: number };

const ROLE_ORDER: Record<PlanTeamRole, number> = { penyusun: 0, pemeriksa: 1, penandatangan: 2, pembaca: 3 };

function isTeamRole(role: string): role is PlanTeamRole {
  return (PLAN_TEAM_ROLES as readonly string[]).includes(role);
}

/** Reviewers keep their relative order and are numbered 1, 2, …; everyone else has position 0. */
export function normalise(members: Member[]): Member[] {
  const sorted = [...members].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || (a.role === "pemeriksa" ? a.position - b.position : 0));
  let n = 0;
  return sorted.map((m) => ({ ...m, position: m.role === "pemeriksa" ? ++n : 0 }));
}

export function TeamPanel({ review, planId, workflow, canManage, onSaved, onClose }: { review: ReviewApi; planId: string; workflow: PlanWorkflow; canManage: boolean; onSaved: () => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const fromServer = useMemo(
    () => normalise(workflow.team.filter((m) => isTeamRole(m.role)).map((m) => ({ userId: m.userId, name: m.name, role: m.role as PlanTeamRole, position: m.position ?? 0 }))),
    [workflow.team],
  );
  const [members, setMembers] = useState<Member[]>(fromServer);
  useEffect(() => setMembers(fromServer), [fromServer]);
  // undefined: loading; null: no list to pick from (ids are typed instead).
  const [users, setUsers] = useState<Candidate[] | null | undefined>(canManage ? undefined : null);
  // The team's version (If-Match of a change), read again whenever the team shown changes.
  const [version, setVersion] = useState<number | undefined>();
  const [conflict, setConflict] = useState<{ fields: ConflictField[]; mine: Member[] } | undefined>();
  useEffect(() => {
    if (!canManage) return;
    review.team(planId).then(
      (r) => {
        setUsers(r.candidates ?? null);
        setVersion(r.version);
      },
      () => setUsers(null),
    );
  }, [review, planId, canManage, fromServer]);
  const [newUser, setNewUser] = useState("");
  const [newRole, setNewRole] = useState<PlanTeamRole>("pemeriksa");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");

  const roleLabel = (r: string) => t(`review.roles.${r}`, { defaultValue: r });
  const reviewers = members.filter((m) => m.role === "pemeriksa");
  const changed = JSON.stringify(members) !== JSON.stringify(fromServer);
  const candidate = users?.find((u) => u.userId === newUser);
  const roleChoices = candidate ? PLAN_TEAM_ROLES.filter((r) => candidate.roles.includes(r)) : PLAN_TEAM_ROLES;

  function move(userId: string, by: -1 | 1) {
    const order = reviewers.map((m) => m.userId);
    const i = order.indexOf(userId);
    const j = i + by;
    if (i < 0 || j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j]!, order[i]!];
    setMembers(normalise(members.map((m) => (m.role === "pemeriksa" ? { ...m, position: order.indexOf(m.userId) + 1 } : m))));
  }

  function add() {
    const userId = newUser.trim();
    if (!userId) return;
    if (members.some((m) => m.userId === userId && m.role === newRole)) {
      setError(t("review.team.duplicate"));
      return;
    }
    setError("");
    const name = users?.find((u) => u.userId === userId)?.name ?? userId;
    const rest = newRole === "penandatangan" ? members.filter((m) => m.role !== "penandatangan") : members;
    setMembers(normalise([...rest, { userId, name, role: newRole, position: newRole === "pemeriksa" ? reviewers.length + 1 : 0 }]));
    setNewUser("");
  }

  async function save() {
    setBusy(true);
    setError("");
    setNotice("");
    try {
      const saved = await review.setTeam(planId, version ?? 0, members.map((m) => (m.role === "pemeriksa" ? { userId: m.userId, role: m.role, position: m.position } : { userId: m.userId, role: m.role })));
      setVersion(saved.version);
      setConflict(undefined);
      await onSaved();
      setNotice(t("review.team.saved"));
    } catch (e) {
      const theirs = e instanceof ApiError && e.code === "record.conflict" ? teamAnswerSchema.safeParse(e.currentRecord) : undefined;
      if (theirs?.success) {
        // Someone else changed the team first: show theirs, and both lists.
        const now = normalise(theirs.data.members.filter((m) => isTeamRole(m.role)).map((m) => ({ userId: m.userId, name: m.name, role: m.role as PlanTeamRole, position: m.position ?? 0 })));
        const list = (ms: Member[]) => ms.map((m) => `${m.name} (${roleLabel(m.role)})`).join(", ");
        setConflict({ fields: conflictFields(["team"] as const, { team: list(members) }, { team: list(now) }, () => t("review.team.title")), mine: members });
        setMembers(now);
        setVersion(theirs.data.version);
      } else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card review-panel" aria-labelledby="review-team-title" data-testid="team-panel">
      <div className="toolbar">
        <h1 id="review-team-title">{t("review.team.title")}</h1>
        <button type="button" onClick={onClose}>
          {t("review.close")}
        </button>
      </div>
      <p className="muted">{t("review.team.intro")}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("review.team.role")}</th>
            <th scope="col">{t("review.team.order")}</th>
            <th scope="col">{t("review.team.name")}</th>
            {canManage ? (
              <th scope="col">
                <span className="sr-only">{t("review.team.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const ri = reviewers.indexOf(m);
            const awaiting = workflow.awaiting?.userId === m.userId && workflow.awaiting.role === m.role;
            return (
              <tr key={`${m.role}-${m.userId}`} data-testid="team-member" data-role={m.role}>
                <td>{roleLabel(m.role)}</td>
                <td>{m.role === "pemeriksa" ? m.position : ""}</td>
                <td>
                  {m.name || m.userId}
                  {awaiting ? <span className="badge open"> {t("review.team.turn")}</span> : null}
                </td>
                {canManage ? (
                  <td className="actions">
                    {m.role === "pemeriksa" ? (
                      <>
                        <button type="button" disabled={ri === 0} aria-label={`${t("review.team.up")}: ${m.name}`} onClick={() => move(m.userId, -1)}>
                          ↑
                        </button>
                        <button type="button" disabled={ri === reviewers.length - 1} aria-label={`${t("review.team.down")}: ${m.name}`} onClick={() => move(m.userId, 1)}>
                          ↓
                        </button>
                      </>
                    ) : null}
                    <button type="button" aria-label={`${t("review.team.remove")}: ${m.name} (${roleLabel(m.role)})`} onClick={() => setMembers(normalise(members.filter((x) => x !== m)))}>
                      ✕
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {canManage ? (
        <>
          <h2>{t("review.team.add")}</h2>
          <div className="row wrap">
            <div className="field">
              <label htmlFor="team-new-user" className="field-label">
                {users === null ? t("review.team.userId") : t("review.team.user")}
              </label>
              {users === null ? (
                <input id="team-new-user" type="text" value={newUser} onChange={(e) => setNewUser(e.target.value)} />
              ) : (
                <select
                  id="team-new-user"
                  value={newUser}
                  disabled={users === undefined}
                  onChange={(e) => {
                    setNewUser(e.target.value);
                    // A member's plan role must be one of their organisation roles: offer only those.
                    const roles = users?.find((u) => u.userId === e.target.value)?.roles;
                    const first = PLAN_TEAM_ROLES.find((r) => roles?.includes(r));
                    if (roles && first && !roles.includes(newRole)) setNewRole(first);
                  }}
                >
                  <option value="">{t("common.select")}</option>
                  {(users ?? []).map((u) => (
                    <option key={u.userId} value={u.userId}>
                      {u.name} ({u.roles.map(roleLabel).join(", ")})
                    </option>
                  ))}
                </select>
              )}
            </div>
            <div className="field">
              <label htmlFor="team-new-role" className="field-label">
                {t("review.team.role")}
              </label>
              <select id="team-new-role" value={newRole} onChange={(e) => setNewRole(e.target.value as PlanTeamRole)}>
                {roleChoices.map((r) => (
                  <option key={r} value={r}>
                    {roleLabel(r)}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" onClick={add} disabled={!newUser.trim()}>
              + {t("review.team.addButton")}
            </button>
          </div>
          {users === null ? <p className="hint">{t("review.team.idHint")}</p> : null}
          <div className="row">
            <button type="button" className="primary" disabled={busy || !changed} onClick={() => void save()}>
              {t("review.team.save")}
            </button>
            <button type="button" disabled={busy || !changed} onClick={() => setMembers(fromServer)}>
              {t("review.team.reset")}
            </button>
          </div>
        </>
      ) : null}
      {conflict ? (
        <RecordConflict
          fields={conflict.fields}
          onUseMine={() => {
            setMembers(conflict.mine);
            setConflict(undefined);
          }}
        />
      ) : null}
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error-box">
          {error}
        </p>
      ) : null}
    </section>
  );
}
