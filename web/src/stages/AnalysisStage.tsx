// Stage 2: SWOT board (four quadrants, weights and ratings), IFAS/EFAS chart, assumptions, TOWS.
import { Term } from "../components/Term.js";
import { useTranslation } from "react-i18next";
import { EditTable } from "../components/EditTable.js";
import { formatAngka } from "../../../src/domain/format/indonesian.js";
import { FACTOR_KINDS, STRATEGY_KINDS, type Factor } from "../../../src/domain/plan/schema.js";
import { NumberField, SelectField, TextField, newId, useSessionContext, useReadOnly } from "../components/fields.js";
import { analysisOutputs } from "../state/outputs.js";
import { pick } from "../../../src/domain/messages.js";
import { currentLang } from "../i18n/index.js";
import type { StageProps } from "./index.js";

export function AnalysisStage({ plan, session }: StageProps) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const out = analysisOutputs(plan);
  const internal = out.ifas.weightSum;
  const external = out.efas.weightSum;
  return (
    <>
      <section className="card" aria-labelledby="swot-title">
        <h1 id="swot-title">{t("swot.title")}</h1>
        <div className="swot-board">
          {FACTOR_KINDS.map((kind) => (
            <Quadrant key={kind} kind={kind} factors={plan.analysis.factors} />
          ))}
        </div>
        <p className="totals">
          {t("swot.weightSum", { sum: `S+W ${formatAngka(internal, 2)}` })} · {t("swot.weightSum", { sum: `O+T ${formatAngka(external, 2)}` })}
        </p>
        <SwotChart ifas={out.ifas.difference} efas={out.efas.difference} quadrant={out.quadrant?.quadrant ?? "–"} />
        {out.quadrant ? (
          <p data-testid="swot-advice">
            <strong>{pick(out.quadrant.label, currentLang())}</strong>: {pick(out.quadrant.advice, currentLang())}
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="assumption-title">
        <h2 id="assumption-title">{t("swot.assumptions")}</h2>
        <ul className="plain">
          {plan.analysis.assumptions.map((a, i) => (
            <li key={a.id} className="row">
              <TextField hideLabel label={`${t("swot.assumptions")} ${i + 1}`} path={["analysis", "assumptions", { id: a.id }, "text"]} dataPath={`analysis.assumptions[${i}].text`} value={a.text} />
              <button type="button" aria-label={`${t("common.remove")}: ${a.text}`} onClick={() => session.remove(["analysis", "assumptions", { id: a.id }])}>
                ✕
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => session.insert(["analysis", "assumptions"], { id: newId("as", plan.analysis.assumptions), text: t("swot.newAssumption") })}>
          + {t("swot.newAssumption")}
        </button>
      </section>
      <section className="card" aria-labelledby="tows-title">
        <h2 id="tows-title">
          <Term term="TOWS" label={t("swot.strategies")}>{t("terms.tows")}</Term>
        </h2>
        {plan.analysis.strategies.map((s, i) => {
          const base = ["analysis", "strategies", { id: s.id }] as const;
          const dp = `analysis.strategies[${i}]`;
          return (
            <fieldset key={s.id} className="strategy" data-path={dp} tabIndex={-1}>
              <legend>
                {s.kind} {i + 1}
              </legend>
              <div className="row">
                <SelectField label={t("swot.strategyKind")} path={[...base, "kind"]} dataPath={`${dp}.kind`} value={s.kind} options={STRATEGY_KINDS.map((k) => [k, k] as const)} />
                <TextField className="grow" label={t("swot.strategyText")} path={[...base, "text"]} dataPath={`${dp}.text`} value={s.text} />
                <button type="button" aria-label={`${t("common.remove")}: ${s.text}`} onClick={() => session.remove(base)}>
                  ✕
                </button>
              </div>
              <fieldset className="checks" data-path={`${dp}.factorIds`}>
                <legend>{t("swot.factors")}</legend>
                {plan.analysis.factors
                  .filter((f) => s.kind.includes(f.kind[0]!.toUpperCase()))
                  .map((f) => (
                    <label key={f.id} className="inline">
                      <input
                        type="checkbox" disabled={readOnly}
                        checked={s.factorIds.includes(f.id)}
                        onChange={(e) => session.set([...base, "factorIds"], e.target.checked ? [...s.factorIds, f.id] : s.factorIds.filter((x) => x !== f.id))}
                      />
                      {f.kind[0]!.toUpperCase()}: {f.text}
                    </label>
                  ))}
              </fieldset>
            </fieldset>
          );
        })}
        <div className="row">
          {STRATEGY_KINDS.map((k) => (
            <button key={k} type="button" onClick={() => session.insert(["analysis", "strategies"], { id: newId("st", plan.analysis.strategies), kind: k, text: `${t("swot.newStrategy")} ${k}`, factorIds: [] })}>
              + {k}
            </button>
          ))}
        </div>
      </section>
    </>
  );
}

function Quadrant({ kind, factors }: { kind: Factor["kind"]; factors: Factor[] }) {
  const { t } = useTranslation();
  const session = useSessionContext();
  const items = factors.map((f, i) => ({ f, i })).filter((x) => x.f.kind === kind);
  return (
    <section className={`quadrant q-${kind}`} aria-labelledby={`q-${kind}`}>
      <h2 id={`q-${kind}`}>{t(`swot.${kind}`)}</h2>
      <EditTable
        className="compact"
        minWidth={330}
        columns={[{ label: t("swot.text"), width: "58%" }, { label: t("swot.weight"), width: "14%" }, { label: t("swot.rating"), width: "13%" }, { label: t("swot.score"), width: "15%" }]}
      >
          {items.map(({ f, i }, n) => {
            const base = ["analysis", "factors", { id: f.id }] as const;
            const dp = `analysis.factors[${i}]`;
            return (
              <tr key={f.id} data-path={dp} tabIndex={-1}>
                <td>
                  <TextField hideLabel label={`${t(`swot.${kind}`)} ${n + 1}`} path={[...base, "text"]} dataPath={`${dp}.text`} value={f.text} multiline rows={2} />
                </td>
                <td>
                  <NumberField hideLabel label={`${t("swot.weight")} ${n + 1}`} path={[...base, "weight"]} dataPath={`${dp}.weight`} value={f.weight} min={0} max={1} optional />
                </td>
                <td>
                  <NumberField hideLabel label={`${t("swot.rating")} ${n + 1}`} path={[...base, "rating"]} dataPath={`${dp}.rating`} value={f.rating} min={1} max={4} optional />
                </td>
                <td className="num">{formatAngka((f.weight ?? 0) * (f.rating ?? 0), 2)}</td>
                <td>
                  <button type="button" aria-label={`${t("common.remove")}: ${f.text}`} onClick={() => session.remove(base)}>
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
      </EditTable>
      <button type="button" onClick={() => session.insert(["analysis", "factors"], { id: newId(kind[0]!, factors), kind, text: t("swot.newFactor") })}>
        + {t("swot.newFactor")}
      </button>
    </section>
  );
}

function SwotChart({ ifas, efas, quadrant }: { ifas: number; efas: number; quadrant: string }) {
  const { t } = useTranslation();
  // The plot area, with room for the axes' scale and names on the left and below.
  // `top` leaves room for the highest tick's label.
  const size = 220, half = size / 2, scale = half / 4, left = 34, bottom = 34, top = 8;
  const x = left + half + Math.max(-4, Math.min(4, ifas)) * scale;
  const y = half - Math.max(-4, Math.min(4, efas)) * scale;
  const width = size + left + 4, height = top + size + bottom;
  const ticks = [-4, -2, 0, 2, 4];
  return (
    <figure className="swot-chart">
      <svg width={width} height={height} viewBox={`0 ${-top} ${width} ${height}`} role="img" aria-label={`${t("swot.chart")}: IFAS ${formatAngka(ifas, 2)}, EFAS ${formatAngka(efas, 2)}, ${t("swot.quadrant")} ${quadrant}`}>
        <rect x={left} y={0} width={size} height={size} fill="#fff" stroke="#888" />
        <line x1={left + half} y1={0} x2={left + half} y2={size} stroke="#888" />
        <line x1={left} y1={half} x2={left + size} y2={half} stroke="#888" />
        {/* Rangkuti's diagram, as the domain's quadrant rule: x = IFAS (S − W), y = EFAS (O − T). */}
        {ticks.map((v) => (
          <g key={v} className="chart-axis">
            <text x={left + half + v * scale} y={size + 12} textAnchor="middle" data-axis="x">
              {formatAngka(v)}
            </text>
            <text x={left - 4} y={half - v * scale + 4} textAnchor="end" data-axis="y">
              {formatAngka(v)}
            </text>
          </g>
        ))}
        <text x={left + half} y={size + 28} textAnchor="middle" className="axis-name" data-testid="axis-x">
          {t("swot.axisX")}
        </text>
        <text x={10} y={half} textAnchor="middle" className="axis-name" transform={`rotate(-90 10 ${half})`} data-testid="axis-y">
          {t("swot.axisY")}
        </text>
        <text x={left + size - 20} y={20}>I</text>
        <text x={left + size - 25} y={size - 10}>II</text>
        <text x={left + 10} y={20}>III</text>
        <text x={left + 10} y={size - 10}>IV</text>
        <circle cx={x} cy={y} r={6} fill="#b3261e" data-testid="swot-point" />
      </svg>
      <figcaption>
        <Term term="IFAS" label={t("swot.ifas")}>{t("terms.ifas")}</Term>: <strong data-testid="ifas">{formatAngka(ifas, 2)}</strong> · <Term term="EFAS" label={t("swot.efas")}>{t("terms.efas")}</Term>: <strong>{formatAngka(efas, 2)}</strong> · {t("swot.quadrant")}{" "}
        <strong data-testid="swot-quadrant">{quadrant}</strong>
      </figcaption>
    </figure>
  );
}
