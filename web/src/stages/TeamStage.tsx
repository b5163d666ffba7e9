// The implementation team with roles and duties.
import { useTranslation } from "react-i18next";
import { TEAM_ROLES, type Plan } from "../../../src/domain/plan/schema.js";
import { LinesField, SelectField, TextField, newId } from "../components/fields.js";
import { LevelField, NipField, RankField } from "../components/officials.js";
import type { Op } from "../state/edits.js";
import type { StageProps } from "./index.js";

export function TeamStage({ plan, session }: StageProps) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="team-title">
      <h1 id="team-title">{t("team.title")}</h1>
      {plan.team.map((m, i) => {
        const base = ["team", { id: m.id }] as const;
        const dp = `team[${i}]`;
        return (
          <fieldset key={m.id} className="member" data-path={dp} tabIndex={-1}>
            <legend>
              {i + 1}. {m.name} — {t(`team.roles.${m.role}`)}
            </legend>
            <div className="grid-3">
              <TextField label={t("team.name")} path={[...base, "name"]} dataPath={`${dp}.name`} value={m.name} />
              <NipField label={t("team.nip")} path={[...base, "nip"]} dataPath={`${dp}.nip`} value={m.nip} />
              <RankField label={t("team.rank")} path={[...base, "rank"]} dataPath={`${dp}.rank`} value={m.rank} />
              <TextField label={t("team.position")} path={[...base, "position"]} dataPath={`${dp}.position`} value={m.position} />
              <LevelField label={t("team.level")} path={[...base, "level"]} dataPath={`${dp}.level`} value={m.level} />
              <SelectField label={t("team.role")} path={[...base, "role"]} dataPath={`${dp}.role`} value={m.role} options={TEAM_ROLES.map((r) => [r, t(`team.roles.${r}`)] as const)} />
            </div>
            <LinesField label={t("team.duties")} path={[...base, "duties"]} dataPath={`${dp}.duties`} value={m.duties} rows={3} />
            <button type="button" onClick={() => removeMember(session, plan, m.id)}>
              {t("common.remove")}: {m.name}
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => session.insert(["team"], { id: newId("m", plan.team), name: t("team.newName"), position: "", role: "anggota", duties: [] })}>
        + {t("team.newName")}
      </button>
      <TextField label={t("team.procedures")} path={["teamProcedures"]} dataPath="teamProcedures" value={plan.teamProcedures} optional multiline rows={4} />
    </section>
  );
}

/** Removing a member also clears the activities and communication rows that name them. */
function removeMember(session: StageProps["session"], plan: Plan, id: string) {
  const ops: Op[] = [];
  for (const a of plan.activities) if (a.ownerId === id) ops.push({ kind: "set", path: ["activities", { id: a.id }, "ownerId"], value: undefined, old: id });
  for (const c of plan.communication) if (c.ownerId === id) ops.push({ kind: "set", path: ["communication", { id: c.id }, "ownerId"], value: undefined, old: id });
  const index = plan.team.findIndex((m) => m.id === id);
  ops.push({ kind: "delete", path: ["team", { id }], old: plan.team[index], index });
  session.apply({ ops });
}
