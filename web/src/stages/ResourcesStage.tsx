// Stage 5: resources, assignments with load versus availability, the RAB with totals, strategy.
import { LoadChart } from "../components/LoadChart.js";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatAngka, formatRupiah } from "../../../src/domain/format/indonesian.js";
import { RESOURCE_KINDS, type Plan } from "../../../src/domain/plan/schema.js";
import { EditTable } from "../components/EditTable.js";
import { NumberField, SelectField, TextField, newId, useReadOnly } from "../components/fields.js";
import type { Op } from "../state/edits.js";
import { budgetOutputs, resourceLoading } from "../state/outputs.js";
import type { StageProps } from "./index.js";
import { useSchedule } from "./ScheduleStage.js";

export function ResourcesStage({ plan, session }: StageProps) {
  const { t } = useTranslation();
  const result = useSchedule(plan);
  const loads = useMemo(() => (result.ok ? resourceLoading(plan, result.schedule).resources : []), [plan, result]);
  const budget = useMemo(() => budgetOutputs(plan), [plan]);
  const amountOf = new Map(budget.lines.map((l) => [l.id, l.amount]));
  const readOnly = useReadOnly();
  const actOptions = plan.activities.map((a, i) => [a.id, `${i + 1}. ${a.name}`] as const);
  const addBudgetLines = (count: number) => {
    const taken = [...plan.budget];
    for (let k = 0; k < count; k++) {
      const line = { id: newId("b", taken), activityId: plan.activities[0]!.id, item: t("resources.newItem"), volume: 1, unit: "paket", unitPrice: 0 };
      taken.push(line);
      session.insert(["budget"], line);
    }
  };
  return (
    <>
      <section className="card" aria-labelledby="res-title">
        <h1 id="res-title">{t("resources.title")}</h1>
        <EditTable minWidth={560} columns={[{ label: t("resources.kind"), width: "22%" }, { label: t("resources.name"), width: "42%" }, { label: t("resources.unit"), width: "18%" }, { label: t("resources.available"), width: "18%" }]}>
            {plan.resources.map((r, i) => {
              const base = ["resources", { id: r.id }] as const;
              const dp = `resources[${i}]`;
              return (
                <tr key={r.id} data-path={dp} tabIndex={-1}>
                  <td>
                    <SelectField hideLabel label={`${t("resources.kind")} ${i + 1}`} path={[...base, "kind"]} dataPath={`${dp}.kind`} value={r.kind} options={RESOURCE_KINDS.map((k) => [k, t(`resources.kinds.${k}`)] as const)} />
                  </td>
                  <td>
                    <TextField hideLabel label={`${t("resources.name")} ${i + 1}`} path={[...base, "name"]} dataPath={`${dp}.name`} value={r.name} />
                  </td>
                  <td>
                    <TextField hideLabel label={`${t("resources.unit")} ${i + 1}`} path={[...base, "unit"]} dataPath={`${dp}.unit`} value={r.unit} />
                  </td>
                  <td>
                    <NumberField hideLabel label={`${t("resources.available")} ${i + 1}`} path={[...base, "available"]} dataPath={`${dp}.available`} value={r.available} min={0} />
                  </td>
                  <td>
                    <button type="button" aria-label={`${t("common.remove")}: ${r.name}`} onClick={() => removeResource(session, plan, r.id)}>
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </EditTable>
        <button type="button" onClick={() => session.insert(["resources"], { id: newId("r", plan.resources), kind: "people", name: t("resources.newName"), unit: "orang", available: 1 })}>
          + {t("resources.newName")}
        </button>
      </section>
      <section className="card" aria-labelledby="asg-title">
        <h2 id="asg-title">{t("resources.assignments")}</h2>
        <EditTable minWidth={560} columns={[{ label: t("resources.activity"), width: "50%" }, { label: t("resources.resource"), width: "34%" }, { label: t("resources.quantity"), width: "16%" }]}>
            {plan.assignments.map((x, i) => {
              const dp = `assignments[${i}]`;
              return (
                <tr key={i} data-path={dp} tabIndex={-1}>
                  <td>
                    <SelectField hideLabel label={`${t("resources.activity")} ${i + 1}`} path={["assignments", i, "activityId"]} dataPath={`${dp}.activityId`} value={x.activityId} options={actOptions} />
                  </td>
                  <td>
                    <SelectField hideLabel label={`${t("resources.resource")} ${i + 1}`} path={["assignments", i, "resourceId"]} dataPath={`${dp}.resourceId`} value={x.resourceId} options={plan.resources.map((r) => [r.id, r.name] as const)} />
                  </td>
                  <td>
                    <NumberField hideLabel label={`${t("resources.quantity")} ${i + 1}`} path={["assignments", i, "quantity"]} dataPath={`${dp}.quantity`} value={x.quantity} min={0} />
                  </td>
                  <td>
                    <button type="button" aria-label={`${t("common.remove")} ${i + 1}`} onClick={() => session.remove(["assignments", i])}>
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </EditTable>
        {plan.activities.length && plan.resources.length ? (
          <button type="button" onClick={() => session.insert(["assignments"], { activityId: plan.activities[0]!.id, resourceId: plan.resources[0]!.id, quantity: 1 })}>
            + {t("resources.assignments")}
          </button>
        ) : null}
        <LoadChart resources={loads} />
      </section>
      <section className="card" aria-labelledby="rab-title">
        <h2 id="rab-title">{t("resources.budget")}</h2>
        <EditTable
          minWidth={1000}
          sheet={plan.activities.length && !readOnly ? { addRows: (count) => addBudgetLines(count) } : undefined}
          columns={[
            { label: t("resources.activity"), width: "16%" },
            { label: t("resources.item"), width: "24%" },
            { label: t("resources.volume"), width: "7.5%" },
            { label: t("resources.unit"), width: "8%" },
            { label: t("resources.unitPrice"), width: "10.5%" },
            { label: t("resources.tax"), width: "5.5%" },
            { label: t("resources.amount"), width: "11%" },
            { label: t("resources.account"), width: "8.5%" },
            { label: t("resources.source"), width: "9%" },
          ]}
          footer={
            <tr>
              <th scope="row" colSpan={6}>
                {t("resources.grandTotal")}
              </th>
              <td className="num" data-testid="rab-total">
                <strong>{formatRupiah(budget.grandTotal)}</strong>
              </td>
              <td colSpan={3} />
            </tr>
          }
        >
            {plan.budget.map((b, i) => {
              const base = ["budget", { id: b.id }] as const;
              const dp = `budget[${i}]`;
              const n = i + 1;
              return (
                <tr key={b.id} data-path={dp} tabIndex={-1}>
                  <td>
                    <SelectField hideLabel label={`${t("resources.activity")} ${n}`} path={[...base, "activityId"]} dataPath={`${dp}.activityId`} value={b.activityId} options={actOptions} />
                  </td>
                  <td>
                    <TextField hideLabel label={`${t("resources.item")} ${n}`} path={[...base, "item"]} dataPath={`${dp}.item`} value={b.item} />
                  </td>
                  <td>
                    <NumberField hideLabel label={`${t("resources.volume")} ${n}`} path={[...base, "volume"]} dataPath={`${dp}.volume`} value={b.volume} min={0} />
                  </td>
                  <td>
                    <TextField hideLabel label={`${t("resources.unit")} ${n}`} path={[...base, "unit"]} dataPath={`${dp}.unit`} value={b.unit} />
                  </td>
                  <td>
                    <NumberField hideLabel label={`${t("resources.unitPrice")} ${n}`} path={[...base, "unitPrice"]} dataPath={`${dp}.unitPrice`} value={b.unitPrice} integer min={0} />
                  </td>
                  <td>
                    <NumberField hideLabel label={`${t("resources.tax")} ${n}`} path={[...base, "taxPercent"]} dataPath={`${dp}.taxPercent`} value={b.taxPercent} min={0} max={100} optional />
                  </td>
                  <td className="num" data-testid="rab-amount">
                    {/* A refused volume, price or tax: the amount of the saved values would mislead. */}
                    {(["volume", "unitPrice", "taxPercent"] as const).some((f) => session.getDraft([...base, f])) ? <span title={t("resources.amountPending")}>—</span> : formatRupiah(amountOf.get(b.id) ?? 0)}
                  </td>
                  <td>
                    <TextField hideLabel label={`${t("resources.account")} ${n}`} path={[...base, "account"]} dataPath={`${dp}.account`} value={b.account} optional />
                  </td>
                  <td>
                    <TextField hideLabel label={`${t("resources.source")} ${n}`} path={[...base, "source"]} dataPath={`${dp}.source`} value={b.source} optional />
                  </td>
                  <td>
                    <button type="button" aria-label={`${t("common.remove")}: ${b.item}`} onClick={() => session.remove(base)}>
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </EditTable>
        {budget.perSource.length ? (
          <p className="muted" data-testid="rab-per-source">
            {budget.perSource.map((g) => `${g.source ?? "—"}: ${formatRupiah(g.amount)}`).join(" · ")}
          </p>
        ) : null}
        {plan.activities.length ? (
          <button type="button" onClick={() => addBudgetLines(1)}>
            + {t("resources.newItem")}
          </button>
        ) : null}
      </section>
      <section className="card" aria-labelledby="strat-title">
        <h2 id="strat-title">{t("resources.strategy")}</h2>
        <div className="grid-2">
          <TextField label={t("resources.strategyOrganization")} path={["resourceStrategy", "organization"]} dataPath="resourceStrategy.organization" value={plan.resourceStrategy.organization} optional multiline />
          <TextField label={t("resources.strategyAssets")} path={["resourceStrategy", "assets"]} dataPath="resourceStrategy.assets" value={plan.resourceStrategy.assets} optional multiline />
          <TextField label={t("resources.strategyAdaptiveness")} path={["resourceStrategy", "adaptiveness"]} dataPath="resourceStrategy.adaptiveness" value={plan.resourceStrategy.adaptiveness} optional multiline />
          <TextField label={t("resources.strategyCulture")} path={["resourceStrategy", "culture"]} dataPath="resourceStrategy.culture" value={plan.resourceStrategy.culture} optional multiline />
        </div>
      </section>
    </>
  );
}

function removeResource(session: StageProps["session"], plan: Plan, id: string) {
  const ops: Op[] = [];
  for (let i = plan.assignments.length - 1; i >= 0; i--) {
    const x = plan.assignments[i]!;
    if (x.resourceId === id) ops.push({ kind: "delete", path: ["assignments", i], old: x, index: i });
  }
  const index = plan.resources.findIndex((r) => r.id === id);
  ops.push({ kind: "delete", path: ["resources", { id }], old: plan.resources[index], index });
  session.apply({ ops });
}
