// Stage 3: direction (vision … programs), the direction tree with traceability, the activities.
import { focusPath } from "../state/stages.js";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProgramNode } from "../../../src/domain/stages/index.js";
import { directionOutputs } from "../state/outputs.js";
import { HORIZONS } from "../../../src/domain/plan/schema.js";
import { EditTable } from "../components/EditTable.js";
import { LinesField, SelectField, TextField, newId, useReadOnly } from "../components/fields.js";
import type { StageProps } from "./index.js";

const PAGE = 200;

export function ActivitiesStage({ plan, session }: StageProps) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const d = plan.direction;
  // Large plans: rows are added a page at a time (the schedule screen virtualises instead);
  // a finding about a later activity brings its row in.
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => {
    function onFocus(e: Event) {
      const m = /^activities\[(\d+)\]/.exec(String((e as CustomEvent).detail));
      if (m) setLimit((l) => Math.max(l, Number(m[1]) + 1));
    }
    window.addEventListener("rencana:focus", onFocus);
    return () => window.removeEventListener("rencana:focus", onFocus);
  }, []);
  return (
    <>
      <section className="card" aria-labelledby="direction-title">
        <h1 id="direction-title">{t("direction.title")}</h1>
        <TextField label={t("direction.vision")} path={["direction", "vision"]} dataPath="direction.vision" value={d.vision} multiline rows={2} />
        <div className="grid-2">
          <LinesField label={t("direction.missions")} path={["direction", "missions"]} dataPath="direction.missions" value={d.missions} hint={t("documents.onePerLine")} />
          <LinesField label={t("direction.policies")} path={["direction", "policies"]} dataPath="direction.policies" value={d.policies} hint={t("documents.onePerLine")} />
        </div>
        <h2>{t("direction.goals")}</h2>
        {d.goals.map((g, i) => (
          <div key={g.id} className="row" data-path={`direction.goals[${i}]`} tabIndex={-1}>
            <TextField className="grow" label={`${t("direction.goal")} ${i + 1}`} path={["direction", "goals", { id: g.id }, "text"]} dataPath={`direction.goals[${i}].text`} value={g.text} />
            <button type="button" aria-label={`${t("common.remove")}: ${g.text}`} onClick={() => session.remove(["direction", "goals", { id: g.id }])}>
              ✕
            </button>
          </div>
        ))}
        <button type="button" onClick={() => session.insert(["direction", "goals"], { id: newId("tj", d.goals), text: t("direction.newGoal") })}>
          + {t("direction.newGoal")}
        </button>
        <h2>{t("direction.targets")}</h2>
        <EditTable minWidth={640} columns={[{ label: t("direction.goal"), width: "26%" }, { label: t("direction.target"), width: "30%" }, { label: t("direction.indicator"), width: "30%" }, { label: t("direction.targetValue"), width: "14%" }]}>
            {d.targets.map((s, i) => {
              const base = ["direction", "targets", { id: s.id }] as const;
              const dp = `direction.targets[${i}]`;
              const n = i + 1;
              return (
                <tr key={s.id} data-path={dp} tabIndex={-1}>
                  <td>
                    <SelectField hideLabel label={`${t("direction.goal")} ${n}`} path={[...base, "goalId"]} dataPath={`${dp}.goalId`} value={s.goalId} options={d.goals.map((g, gi) => [g.id, `${gi + 1}. ${g.text}`] as const)} />
                  </td>
                  <td>
                    <TextField hideLabel label={`${t("direction.target")} ${n}`} path={[...base, "text"]} dataPath={`${dp}.text`} value={s.text} />
                  </td>
                  <td>
                    <TextField hideLabel label={`${t("direction.indicator")} ${n}`} path={[...base, "indicator"]} dataPath={`${dp}.indicator`} value={s.indicator} />
                  </td>
                  <td>
                    <TextField hideLabel label={`${t("direction.targetValue")} ${n}`} path={[...base, "targetValue"]} dataPath={`${dp}.targetValue`} value={s.targetValue} />
                  </td>
                  <td>
                    <button type="button" aria-label={`${t("common.remove")}: ${s.text}`} onClick={() => session.remove(base)}>
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </EditTable>
        {d.goals.length ? (
          <button type="button" onClick={() => session.insert(["direction", "targets"], { id: newId("ss", d.targets), goalId: d.goals[0]!.id, text: t("direction.newTarget"), indicator: "", targetValue: "" })}>
            + {t("direction.newTarget")}
          </button>
        ) : null}
        <h2>{t("direction.programs")}</h2>
        {d.programs.map((p, i) => (
          <div key={p.id} className="row" data-path={`direction.programs[${i}]`} tabIndex={-1}>
            <TextField className="grow" label={`${t("direction.program")} ${i + 1}`} path={["direction", "programs", { id: p.id }, "name"]} dataPath={`direction.programs[${i}].name`} value={p.name} />
            <button type="button" aria-label={`${t("common.remove")}: ${p.name}`} onClick={() => session.remove(["direction", "programs", { id: p.id }])}>
              ✕
            </button>
          </div>
        ))}
        <button type="button" onClick={() => session.insert(["direction", "programs"], { id: newId("pr", d.programs), name: t("direction.newProgram") })}>
          + {t("direction.newProgram")}
        </button>
      </section>
      <DirectionTree {...{ plan, session }} />
      <section className="card" aria-labelledby="activities-title">
        <h2 id="activities-title">{t("activities.title")}</h2>
        <EditTable
          minWidth={1000}
          sheet={readOnly ? undefined : {
            addRows: (count) => {
              // Rows past the shown page are shown too, so the paste can fill them.
              setLimit((l) => Math.max(l, plan.activities.length + count));
              const taken = [...plan.activities];
              for (let k = 0; k < count; k++) {
                const activity = { id: newId("k", taken), name: t("activities.newName"), durationDays: 1, dependsOn: [] };
                taken.push(activity);
                session.insert(["activities"], activity);
              }
            },
          }}
          columns={[
            { label: t("activities.name"), width: "23%" },
            { label: t("activities.output"), width: "19%" },
            { label: t("activities.target"), width: "14%" },
            { label: t("activities.program"), width: "12%" },
            { label: t("activities.owner"), width: "11%" },
            { label: t("activities.horizon"), width: "9%" },
            { label: t("activities.strategies"), width: "12%" },
          ]}
        >
            {plan.activities.slice(0, limit).map((a, i) => {
              const base = ["activities", { id: a.id }] as const;
              const dp = `activities[${i}]`;
              const n = `${i + 1}`;
              return (
                <tr key={a.id} data-path={dp} tabIndex={-1}>
                  <td>
                    <TextField hideLabel label={`${t("activities.name")} ${n}`} path={[...base, "name"]} dataPath={`${dp}.name`} value={a.name} />
                  </td>
                  <td>
                    <TextField hideLabel label={`${t("activities.output")} ${n}`} path={[...base, "output"]} dataPath={`${dp}.output`} value={a.output} optional />
                  </td>
                  <td>
                    <SelectField hideLabel optional label={`${t("activities.target")} ${n}`} path={[...base, "targetId"]} dataPath={`${dp}.targetId`} value={a.targetId} options={d.targets.map((s) => [s.id, s.text] as const)} />
                  </td>
                  <td>
                    <SelectField hideLabel optional label={`${t("activities.program")} ${n}`} path={[...base, "programId"]} dataPath={`${dp}.programId`} value={a.programId} options={d.programs.map((p) => [p.id, p.name] as const)} />
                  </td>
                  <td>
                    <SelectField hideLabel optional label={`${t("activities.owner")} ${n}`} path={[...base, "ownerId"]} dataPath={`${dp}.ownerId`} value={a.ownerId} options={plan.team.map((m) => [m.id, m.name] as const)} />
                  </td>
                  <td>
                    <SelectField hideLabel optional label={`${t("activities.horizon")} ${n}`} path={[...base, "horizon"]} dataPath={`${dp}.horizon`} value={a.horizon} options={HORIZONS.map((h) => [h, t(`activities.horizons.${h}`)] as const)} />
                  </td>
                  <td>
                    <fieldset className="checks compact" data-path={`${dp}.strategyIds`}>
                      <legend className="sr-only">{`${t("activities.strategies")} ${n}`}</legend>
                      {plan.analysis.strategies.map((s) => (
                        <label key={s.id} className="inline" title={s.text}>
                          <input
                            type="checkbox" disabled={readOnly}
                            checked={a.strategyIds?.includes(s.id) ?? false}
                            onChange={(e) => {
                              const cur = a.strategyIds ?? [];
                              const next = e.target.checked ? [...cur, s.id] : cur.filter((x) => x !== s.id);
                              session.set([...base, "strategyIds"], next.length ? next : undefined);
                            }}
                          />
                          {s.kind}: {s.text.slice(0, 24)}
                        </label>
                      ))}
                    </fieldset>
                  </td>
                  <td>
                    <button type="button" aria-label={`${t("common.remove")}: ${a.name}`} onClick={() => removeActivity(session, plan, a.id)}>
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </EditTable>
        {plan.activities.length > limit ? (
          <button type="button" className="view-control" onClick={() => setLimit((l) => l + PAGE)}>
            {t("activities.more", { shown: limit, total: plan.activities.length })}
          </button>
        ) : null}
        <button
          type="button"
          onClick={() => {
            setLimit((l) => Math.max(l, plan.activities.length + 1));
            session.insert(["activities"], { id: newId("k", plan.activities), name: t("activities.newName"), durationDays: 1, dependsOn: [] });
            // The new activity is selected, its name ready to be typed over.
            focusPath(`activities[${plan.activities.length}].name`, 10, true);
          }}
        >
          + {t("activities.newName")}
        </button>
      </section>
    </>
  );
}

/** Removing an activity also removes what points at it, as one undoable edit, so the plan stays valid. */
export function removeActivity(session: StageProps["session"], plan: StageProps["plan"], id: string) {
  const index = plan.activities.findIndex((a) => a.id === id);
  if (index < 0) return;
  const ops: Parameters<typeof session.apply>[0]["ops"] = [];
  plan.activities.forEach((a) => {
    if (a.dependsOn.some((dep) => dep.activityId === id))
      ops.push({ kind: "set", path: ["activities", { id: a.id }, "dependsOn"], value: a.dependsOn.filter((dep) => dep.activityId !== id), old: a.dependsOn });
  });
  // Index-addressed deletes go from the end so earlier indices stay right.
  for (let i = plan.assignments.length - 1; i >= 0; i--) {
    const x = plan.assignments[i]!;
    if (x.activityId === id) ops.push({ kind: "delete", path: ["assignments", i], old: x, index: i });
  }
  for (let i = plan.budget.length - 1; i >= 0; i--) {
    const b = plan.budget[i]!;
    if (b.activityId === id) ops.push({ kind: "delete", path: ["budget", { id: b.id }], old: b, index: i });
  }
  ops.push({ kind: "delete", path: ["activities", { id }], old: plan.activities[index], index });
  session.apply({ ops });
}

function ProgramNodes({ programs, unprogrammed }: { programs: ProgramNode[]; unprogrammed: string }) {
  return (
    <ul>
      {programs.map((p) => (
        <li key={p.programId ?? "-"}>
          <span className="muted">{p.programName ?? unprogrammed}</span>
          <ul>
            {p.activities.map((a) => (
              <li key={a.id}>
                {a.name}
                {a.milestone ? " ◆" : ""}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function DirectionTree({ plan }: Pick<StageProps, "plan" | "session">) {
  const { t } = useTranslation();
  const { tree, traceability } = useMemo(() => directionOutputs(plan), [plan]);
  const unserved = new Set(traceability.targetsWithoutActivity);
  const names = new Map(plan.activities.map((a) => [a.id, a.name]));
  const strategyNames = new Map(plan.analysis.strategies.map((s) => [s.id, `${s.kind}: ${s.text}`]));
  return (
    <section className="card" aria-labelledby="tree-title">
      <h2 id="tree-title">{t("direction.tree")}</h2>
      <ul className="tree" data-testid="direction-tree">
        <li>
          <strong>{t("direction.vision")}:</strong> {tree.vision || t("common.none")}
          <ul>
            {tree.missions.map((m, i) => (
              <li key={i}>
                <strong>{t("direction.mission")}:</strong> {m}
              </li>
            ))}
            {tree.goals.map((g) => (
              <li key={g.id}>
                <strong>{t("direction.goal")}:</strong> {g.text}
                <ul>
                  {g.targets.map((s) => (
                    <li key={s.id}>
                      <strong>{t("direction.target")}:</strong> {s.text} {s.indicator ? `(${s.indicator}: ${s.targetValue})` : ""}
                      {unserved.has(s.id) ? <span className="warn"> ⚠ {t("direction.unserved")}</span> : null}
                      <ProgramNodes programs={s.programs} unprogrammed={t("direction.noProgram")} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </li>
      </ul>
      {traceability.activitiesWithoutTarget.length || traceability.activitiesWithoutStrategy.length || traceability.strategiesWithoutActivity.length ? (
        <ul className="warnings" data-testid="trace-warnings">
          {traceability.activitiesWithoutTarget.map((id) => (
            <li key={`t-${id}`} className="warn">
              ⚠ {names.get(id)}: {t("direction.untraced")}
            </li>
          ))}
          {traceability.activitiesWithoutStrategy.map((id) => (
            <li key={`s-${id}`} className="warn">
              ⚠ {names.get(id)}: {t("direction.noStrategy")}
            </li>
          ))}
          {traceability.strategiesWithoutActivity.map((id) => (
            <li key={`u-${id}`} className="warn">
              ⚠ {strategyNames.get(id)}: {t("direction.strategyUnused")}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
