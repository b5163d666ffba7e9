// Stakeholders: register, the power × interest grid (drag or arrow keys), communication plan.
import { Term } from "../components/Term.js";
import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { useTranslation } from "react-i18next";
import { PRINCIPLES, type Plan, type Stakeholder } from "../../../src/domain/plan/schema.js";
import { EditTable } from "../components/EditTable.js";
import { NumberField, SelectField, TextField, newId, useReadOnly } from "../components/fields.js";
import type { Op } from "../state/edits.js";
import { pick } from "../../../src/domain/messages.js";
import { STAKEHOLDER_QUADRANT_INFO, stakeholderQuadrant, type StakeholderQuadrant } from "../state/outputs.js";
import type { StageProps } from "./index.js";

function quadrantText(q: StakeholderQuadrant, lang: "id" | "en") {
  const info = STAKEHOLDER_QUADRANT_INFO[q];
  return { name: pick(info.label, lang), strategy: pick(info.strategy, lang) };
}

export function StakeholdersStage({ plan, session }: StageProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "id";
  return (
    <>
      <section className="card" aria-labelledby="sh-title">
        <h1 id="sh-title">{t("stakeholders.title")}</h1>
        <EditTable minWidth={900} columns={[{ label: t("stakeholders.name"), width: "22%" }, { label: t("stakeholders.kind"), width: "11%" }, { label: t("stakeholders.power"), width: "8%" }, { label: t("stakeholders.interest"), width: "8%" }, { label: t("stakeholders.attitude"), width: "12%" }, { label: t("stakeholders.quadrant"), width: "17%" }, { label: t("stakeholders.notes"), width: "22%" }]}>
            {plan.stakeholders.map((s, i) => {
              const base = ["stakeholders", { id: s.id }] as const;
              const dp = `stakeholders[${i}]`;
              const q = quadrantText(stakeholderQuadrant(s), lang);
              return (
                <tr key={s.id} data-path={dp} tabIndex={-1}>
                  <td>
                    <TextField hideLabel label={`${t("stakeholders.name")} ${i + 1}`} path={[...base, "name"]} dataPath={`${dp}.name`} value={s.name} />
                  </td>
                  <td>
                    <SelectField hideLabel label={`${t("stakeholders.kind")} ${i + 1}`} path={[...base, "kind"]} dataPath={`${dp}.kind`} value={s.kind} options={(["internal", "external"] as const).map((k) => [k, t(`stakeholders.kinds.${k}`)] as const)} />
                  </td>
                  <td>
                    <NumberField hideLabel label={`${t("stakeholders.power")} ${i + 1}`} path={[...base, "power"]} dataPath={`${dp}.power`} value={s.power} integer min={1} max={5} />
                  </td>
                  <td>
                    <NumberField hideLabel label={`${t("stakeholders.interest")} ${i + 1}`} path={[...base, "interest"]} dataPath={`${dp}.interest`} value={s.interest} integer min={1} max={5} />
                  </td>
                  <td>
                    <SelectField hideLabel optional label={`${t("stakeholders.attitude")} ${i + 1}`} path={[...base, "attitude"]} dataPath={`${dp}.attitude`} value={s.attitude} options={(["supportive", "neutral", "opposed"] as const).map((k) => [k, t(`stakeholders.attitudes.${k}`)] as const)} />
                  </td>
                  <td data-testid="sh-quadrant">
                    {q.name} — <em>{q.strategy}</em>
                  </td>
                  <td>
                    <TextField hideLabel label={`${t("stakeholders.notes")} ${i + 1}`} path={[...base, "notes"]} dataPath={`${dp}.notes`} value={s.notes} optional />
                  </td>
                  <td>
                    <button type="button" aria-label={`${t("common.remove")}: ${s.name}`} onClick={() => removeStakeholder(session, plan, s.id)}>
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </EditTable>
        <button type="button" onClick={() => session.insert(["stakeholders"], { id: newId("pk", plan.stakeholders), name: t("stakeholders.newName"), kind: "external", power: 3, interest: 3 })}>
          + {t("stakeholders.newName")}
        </button>
        <PowerInterestGrid plan={plan} session={session} lang={lang} />
      </section>
      <CommunicationPlan plan={plan} session={session} />
    </>
  );
}

const CELL = 92;

function PowerInterestGrid({ plan, session, lang }: { plan: Plan; session: StageProps["session"]; lang: "id" | "en" }) {
  const { t } = useTranslation();
  const area = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ id: string; x: number; y: number } | undefined>();
  const size = CELL * 5;
  const toValues = (x: number, y: number) => ({
    interest: Math.min(5, Math.max(1, Math.floor(x / CELL) + 1)),
    power: Math.min(5, Math.max(1, 5 - Math.floor(y / CELL))),
  });
  const move = (s: Stakeholder, power: number, interest: number) => {
    const ops: Op[] = [];
    if (power !== s.power) ops.push({ kind: "set", path: ["stakeholders", { id: s.id }, "power"], value: power, old: s.power });
    if (interest !== s.interest) ops.push({ kind: "set", path: ["stakeholders", { id: s.id }, "interest"], value: interest, old: s.interest });
    if (ops.length) session.apply({ ops });
  };
  const local = (e: PointerEvent) => {
    const r = area.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const slot = new Map<string, number>();
  return (
    <figure className="pi-grid-figure">
      <figcaption>
        <strong>
          <Term term={t("stakeholders.grid")}>{t("terms.quadrants")}</Term>
        </strong> — <span id="pi-help">{t("stakeholders.gridHelp")}</span>
      </figcaption>
      <div className="pi-wrap">
        <span className="pi-axis-y">{t("stakeholders.power")} →</span>
        <div className="pi-grid" ref={area} style={{ width: size, height: size }} data-testid="pi-grid">
          {(["latents", "promoters", "apathetics", "defenders"] as const).map((q) => (
            <div key={q} className={`pi-quadrant pi-${q}`}>
              <strong>{quadrantText(q, lang).name}</strong>
              <span>{quadrantText(q, lang).strategy}</span>
            </div>
          ))}
          {plan.stakeholders.map((s) => {
            const cellKey = `${s.power}-${s.interest}`;
            const k = slot.get(cellKey) ?? 0;
            slot.set(cellKey, k + 1);
            const pos = drag?.id === s.id ? { left: drag.x - 30, top: drag.y - 10 } : { left: (s.interest - 1) * CELL + 4, top: (5 - s.power) * CELL + 4 + k * 20 };
            return (
              <button
                key={s.id}
                type="button"
                className="pi-chip"
                style={pos}
                data-stakeholder={s.id}
                aria-describedby="pi-help"
                aria-label={`${s.name}: ${t("stakeholders.power")} ${s.power}, ${t("stakeholders.interest")} ${s.interest}`}
                onPointerDown={(e) => {
                  e.currentTarget.setPointerCapture(e.pointerId);
                  setDrag({ id: s.id, ...local(e) });
                }}
                onPointerMove={(e) => {
                  if (drag?.id === s.id) setDrag({ id: s.id, ...local(e) });
                }}
                onPointerUp={(e) => {
                  if (drag?.id !== s.id) return;
                  const p = local(e);
                  setDrag(undefined);
                  const v = toValues(p.x, p.y);
                  move(s, v.power, v.interest);
                }}
                onKeyDown={(e: KeyboardEvent) => {
                  const d = { ArrowUp: [1, 0], ArrowDown: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1] }[e.key];
                  if (!d) return;
                  e.preventDefault();
                  move(s, Math.min(5, Math.max(1, s.power + d[0]!)), Math.min(5, Math.max(1, s.interest + d[1]!)));
                }}
              >
                {s.name}
              </button>
            );
          })}
        </div>
      </div>
      <p className="pi-axis-x">{t("stakeholders.interest")} →</p>
    </figure>
  );
}

function CommunicationPlan({ plan, session }: { plan: Plan; session: StageProps["session"] }) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  return (
    <section className="card" aria-labelledby="comm-title">
      <h2 id="comm-title">{t("stakeholders.communication")}</h2>
      {plan.communication.map((c, i) => {
        const base = ["communication", { id: c.id }] as const;
        const dp = `communication[${i}]`;
        return (
          <fieldset key={c.id} className="comm-row" data-path={dp} tabIndex={-1}>
            <legend>
              {i + 1}. {plan.stakeholders.find((s) => s.id === c.stakeholderId)?.name ?? ""}
            </legend>
            <div className="grid-3">
              <SelectField label={t("stakeholders.stakeholder")} path={[...base, "stakeholderId"]} dataPath={`${dp}.stakeholderId`} value={c.stakeholderId} options={plan.stakeholders.map((s) => [s.id, s.name] as const)} />
              <TextField label={t("stakeholders.objective")} path={[...base, "objective"]} dataPath={`${dp}.objective`} value={c.objective} />
              <TextField label={t("stakeholders.message")} path={[...base, "message"]} dataPath={`${dp}.message`} value={c.message} />
              <TextField label={t("stakeholders.channel")} path={[...base, "channel"]} dataPath={`${dp}.channel`} value={c.channel} />
              <TextField label={t("stakeholders.frequency")} path={[...base, "frequency"]} dataPath={`${dp}.frequency`} value={c.frequency} />
              <SelectField label={t("stakeholders.owner")} optional path={[...base, "ownerId"]} dataPath={`${dp}.ownerId`} value={c.ownerId} options={plan.team.map((m) => [m.id, m.name] as const)} />
            </div>
            <fieldset className="checks" data-path={`${dp}.principles`}>
              <legend>
                <Term term={t("stakeholders.principles")}>{t("terms.principles")}</Term> ({c.principles.length}/6)
              </legend>
              {PRINCIPLES.map((p) => (
                <label key={p} className="principle">
                  <input
                    type="checkbox" disabled={readOnly}
                    checked={c.principles.includes(p)}
                    onChange={(e) => session.set([...base, "principles"], e.target.checked ? PRINCIPLES.filter((x) => x === p || c.principles.includes(x)) : c.principles.filter((x) => x !== p))}
                  />
                  {t(`stakeholders.principleNames.${p}`)}
                  <span className="hint">{t(`stakeholders.principleHelp.${p}`)}</span>
                </label>
              ))}
            </fieldset>
            <button type="button" onClick={() => session.remove(base)}>
              {t("common.remove")}
            </button>
          </fieldset>
        );
      })}
      {plan.stakeholders.length ? (
        <button
          type="button"
          onClick={() => session.insert(["communication"], { id: newId("ko", plan.communication), stakeholderId: plan.stakeholders[0]!.id, objective: "", message: "", channel: "", frequency: "", principles: [] })}
        >
          + {t("stakeholders.newRow")}
        </button>
      ) : null}
    </section>
  );
}

function removeStakeholder(session: StageProps["session"], plan: Plan, id: string) {
  const ops: Op[] = [];
  plan.communication.forEach((c, i) => {
    if (c.stakeholderId === id) ops.push({ kind: "delete", path: ["communication", { id: c.id }], old: c, index: i });
  });
  ops.reverse();
  const index = plan.stakeholders.findIndex((s) => s.id === id);
  ops.push({ kind: "delete", path: ["stakeholders", { id }], old: plan.stakeholders[index], index });
  session.apply({ ops });
}
