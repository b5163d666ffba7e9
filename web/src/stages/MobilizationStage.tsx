// Resource mobilisation: one column per stage of the seven, a card per partner.
import { useTranslation } from "react-i18next";
import { formatRupiah } from "../../../src/domain/format/indonesian.js";
import { MECHANISMS, MOBILIZATION_STAGES } from "../../../src/domain/plan/schema.js";
import { DateField, NumberField, SelectField, TextField, newId } from "../components/fields.js";
import type { StageProps } from "./index.js";

export function MobilizationStage({ plan, session }: StageProps) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="mob-title">
      <h1 id="mob-title">{t("mobilization.title")}</h1>
      <div className="kanban">
        {MOBILIZATION_STAGES.map((stage, si) => (
          <section key={stage} className="kanban-col" aria-labelledby={`col-${stage}`}>
            <h2 id={`col-${stage}`}>
              {si + 1}. {t(`mobilization.stages.${stage}`)}
            </h2>
            {plan.mobilization.map((m, i) => {
              if (m.stage !== stage) return null;
              const base = ["mobilization", { id: m.id }] as const;
              const dp = `mobilization[${i}]`;
              return (
                <article key={m.id} className="kanban-card" data-path={dp} tabIndex={-1} aria-label={m.partner}>
                  <TextField label={t("mobilization.partner")} path={[...base, "partner"]} dataPath={`${dp}.partner`} value={m.partner} />
                  <SelectField label={t("mobilization.mechanism")} path={[...base, "mechanism"]} dataPath={`${dp}.mechanism`} value={m.mechanism} options={MECHANISMS.map((x) => [x, t(`mobilization.mechanisms.${x}`)] as const)} />
                  {m.value ? <p className="muted">{formatRupiah(m.value)}</p> : null}
                  <details>
                    <summary>{t("mobilization.details")}</summary>
                  <TextField label={t("mobilization.contribution")} path={[...base, "contribution"]} dataPath={`${dp}.contribution`} value={m.contribution} optional />
                  <NumberField label={t("mobilization.value")} path={[...base, "value"]} dataPath={`${dp}.value`} value={m.value} integer min={0} optional />
                  <TextField label={t("mobilization.nextStep")} path={[...base, "nextStep"]} dataPath={`${dp}.nextStep`} value={m.nextStep} optional />
                  <DateField label={t("mobilization.dueDate")} path={[...base, "dueDate"]} dataPath={`${dp}.dueDate`} value={m.dueDate} optional />
                  </details>
                  <div className="row">
                    <button type="button" disabled={si === 0} aria-label={`${t("mobilization.previous")}: ${m.partner}`} onClick={() => session.set([...base, "stage"], MOBILIZATION_STAGES[si - 1])}>
                      ←
                    </button>
                    <button type="button" disabled={si === MOBILIZATION_STAGES.length - 1} aria-label={`${t("mobilization.next")}: ${m.partner}`} onClick={() => session.set([...base, "stage"], MOBILIZATION_STAGES[si + 1])}>
                      →
                    </button>
                    <button type="button" aria-label={`${t("common.remove")}: ${m.partner}`} onClick={() => session.remove(base)}>
                      ✕
                    </button>
                  </div>
                </article>
              );
            })}
          </section>
        ))}
      </div>
      <button type="button" onClick={() => session.insert(["mobilization"], { id: newId("mb", plan.mobilization), partner: t("mobilization.newPartner"), mechanism: "csr", stage: "cultivating" })}>
        + {t("mobilization.newPartner")}
      </button>
    </section>
  );
}
