// Stage 1: plan identity and the target community groups with totals.
import { useTranslation } from "react-i18next";
import { formatAngka } from "../../../src/domain/format/indonesian.js";
import { SERVICE_PATTERNS } from "../../../src/domain/plan/schema.js";
import { EditTable } from "../components/EditTable.js";
import { DateField, NumberField, SelectField, TextField, newId } from "../components/fields.js";
import { targetGroupOutputs } from "../state/outputs.js";
import type { StageProps } from "./index.js";

export function TargetsStage({ plan, session }: StageProps) {
  const { t } = useTranslation();
  const out = targetGroupOutputs(plan);
  return (
    <>
      <section aria-labelledby="identity-title" className="card">
        <h1 id="identity-title">{t("plan.identity")}</h1>
        <div className="grid-3">
          <TextField label={t("plan.title")} path={["title"]} dataPath="title" value={plan.title} />
          <NumberField label={t("plan.fiscalYear")} path={["fiscalYear"]} dataPath="fiscalYear" value={plan.fiscalYear} integer min={2000} max={2100} />
          <DateField label={t("plan.start")} path={["start"]} dataPath="start" value={plan.start} />
          <TextField label={t("plan.orgName")} path={["organization", "name"]} dataPath="organization.name" value={plan.organization.name} />
          <TextField label={t("plan.unit")} path={["organization", "unit"]} dataPath="organization.unit" value={plan.organization.unit} />
          <TextField label={t("plan.government")} path={["organization", "government"]} dataPath="organization.government" value={plan.organization.government} optional />
          <TextField label={t("plan.serviceName")} path={["service", "name"]} dataPath="service.name" value={plan.service.name} />
          <SelectField
            label={t("plan.servicePattern")}
            path={["service", "pattern"]}
            dataPath="service.pattern"
            value={plan.service.pattern}
            options={SERVICE_PATTERNS.map((p) => [p, t(`patterns.${p}`)] as const)}
          />
          <TextField label={t("plan.address")} path={["organization", "address"]} dataPath="organization.address" value={plan.organization.address} optional />
        </div>
        <TextField label={t("plan.serviceDescription")} path={["service", "description"]} dataPath="service.description" value={plan.service.description} optional multiline rows={3} />
      </section>
      <section aria-labelledby="targets-title" className="card">
        <h2 id="targets-title">{t("targets.title")}</h2>
        <p className="totals" data-testid="target-totals">
          {t("targets.totals", { groups: formatAngka(out.groupCount), people: formatAngka(out.peopleCount) })}
        </p>
        <EditTable minWidth={600} columns={[{ label: t("targets.name"), width: "28%" }, { label: t("targets.size"), width: "12%" }, { label: t("targets.area"), width: "22%" }, { label: t("targets.needs"), width: "38%" }]}>
            {plan.targetGroups.map((g, i) => {
              const base = ["targetGroups", { id: g.id }] as const;
              const dp = `targetGroups[${i}]`;
              return (
                <tr key={g.id} data-path={dp} tabIndex={-1}>
                  <td>
                    <TextField hideLabel label={`${t("targets.name")} ${i + 1}`} path={[...base, "name"]} dataPath={`${dp}.name`} value={g.name} />
                  </td>
                  <td>
                    <NumberField hideLabel label={`${t("targets.size")} ${i + 1}`} path={[...base, "size"]} dataPath={`${dp}.size`} value={g.size} integer min={0} />
                  </td>
                  <td>
                    <TextField hideLabel label={`${t("targets.area")} ${i + 1}`} path={[...base, "area"]} dataPath={`${dp}.area`} value={g.area} optional />
                  </td>
                  <td>
                    <TextField hideLabel label={`${t("targets.needs")} ${i + 1}`} path={[...base, "needs"]} dataPath={`${dp}.needs`} value={g.needs} optional multiline rows={2} />
                  </td>
                  <td>
                    <button type="button" onClick={() => session.remove(base)} aria-label={`${t("common.remove")}: ${g.name}`}>
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </EditTable>
        <button type="button" onClick={() => session.insert(["targetGroups"], { id: newId("g", plan.targetGroups), name: t("targets.newName"), size: 0 })}>
          + {t("targets.newName")}
        </button>
      </section>
    </>
  );
}
