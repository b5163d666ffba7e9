// The citizens' side of the service: publish the adopted standard's public page, answer the
// complaints filed on it (diterima → diproses → dijawab, with the standard's deadline), read the
// SKM of a period (respondents, NRR per unsur as a chart, IKM with mutu and kinerja, the priority,
// the suggestions, the laporan hasil SKM) and turn the loop's findings into improvement activities.
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { improvementActivity } from "../../../src/domain/service/public.js";
import { useReadOnly } from "../components/fields.js";
import { createServiceApi, type Complaint, type PublicPageState, type SkmView } from "../api/service.js";
import { saveDownload } from "./DocumentsStage.js";
import type { StageProps } from "./index.js";

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const nrr = (n: number) => n.toFixed(2).replace(".", ",");

export function PublicServiceStage({ plan, session, api }: StageProps) {
  const { t } = useTranslation();
  const service = useMemo(() => createServiceApi(api), [api]);
  const planId = session.planId;
  const abilities = session.getState().base.abilities;
  const readOnly = useReadOnly();
  const [page, setPage] = useState<PublicPageState | undefined>();
  const [complaints, setComplaints] = useState<Complaint[]>([]);
  const year = new Date().getFullYear();
  const [period, setPeriod] = useState({ from: `${year}-01-01`, to: `${year}-12-31` });
  const [skm, setSkm] = useState<SkmView | undefined>();
  const [error, setError] = useState("");
  const [added, setAdded] = useState<string[]>([]);

  const reload = useCallback(async () => {
    try {
      const [p, c, s] = await Promise.all([service.page(planId), service.complaints(planId), service.skm(planId, period)]);
      setPage(p);
      setComplaints(c.items);
      setSkm(s);
      setError("");
    } catch (e) {
      setError(errorText(e));
    }
  }, [service, planId, period]);
  useEffect(() => {
    void reload();
  }, [reload]);

  async function act(fn: () => Promise<unknown>) {
    try {
      await fn();
      await reload();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <article className="public-side">
      {error ? (
        <p role="alert" className="error-box" data-testid="public-error">
          {error}
        </p>
      ) : null}
      <section className="card" aria-labelledby="public-page-title">
        <h1 id="public-page-title">{t("publicSide.page")}</h1>
        {!page ? (
          <p>{t("common.loading")}</p>
        ) : page.page ? (
          <p data-testid="public-page-status">
            {t("publicSide.published")}{" "}
            <a href={page.page.path} target="_blank" rel="noreferrer" data-testid="public-page-link">
              {page.page.path}
            </a>{" "}
            ({t("publicSide.version", { version: page.page.planVersion })})
          </p>
        ) : (
          <p data-testid="public-page-status">{page.adopted ? t("publicSide.notPublished", { path: `/layanan/${page.slug}` }) : t("publicSide.notAdopted")}</p>
        )}
        {abilities?.publish && page ? (
          <div className="actions">
            <button type="button" disabled={!page.adopted} onClick={() => void act(() => service.publish(planId))} data-testid="publish-page">
              {page.page ? t("publicSide.republish") : t("publicSide.publish")}
            </button>
            {page.page ? (
              <button type="button" onClick={() => void act(() => service.withdraw(planId))} data-testid="withdraw-page">
                {t("publicSide.withdraw")}
              </button>
            ) : null}
          </div>
        ) : null}
      </section>

      <section className="card" aria-labelledby="complaints-title">
        <h2 id="complaints-title">{t("publicSide.complaints", { count: complaints.length })}</h2>
        {complaints.length === 0 ? <p>{t("publicSide.noComplaints")}</p> : null}
        <ul className="complaints">
          {complaints.map((c) => (
            <ComplaintItem key={`${c.id}-${c.status}-${c.answer ?? ""}`} complaint={c} canAnswer={!!abilities?.report} onSave={(change) => act(() => service.answer(planId, c.id, change))} />
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="ikm-title">
        <h2 id="ikm-title">{t("publicSide.ikm")}</h2>
        <div className="period">
          <label>
            {t("publicSide.from")} <input type="date" value={period.from} onChange={(e) => e.target.value && setPeriod({ ...period, from: e.target.value })} data-testid="period-from" />
          </label>
          <label>
            {t("publicSide.to")} <input type="date" value={period.to} onChange={(e) => e.target.value && setPeriod({ ...period, to: e.target.value })} data-testid="period-to" />
          </label>
        </div>
        {skm ? <SkmResult skm={skm} /> : <p>{t("common.loading")}</p>}
        {skm && skm.respondents > 0 ? (
          <p className="downloads">
            {t("publicSide.report")}{" "}
            {(["pdf", "docx"] as const).map((ext) => (
              <button key={ext} type="button" onClick={() => void saveDownload(api, service.reportUrl(planId, ext, period)).catch((e: unknown) => setError(errorText(e)))} data-testid={`download-laporan-skm-${ext}`}>
                {ext.toUpperCase()}
              </button>
            ))}
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="loop-title">
        <h2 id="loop-title">{t("publicSide.loop")}</h2>
        {skm && skm.findings.length === 0 ? <p>{t("publicSide.noFindings")}</p> : null}
        <ul className="loop-findings">
          {skm?.findings.map((f) => {
            const key = `${f.code}:${f.ref ?? ""}`;
            return (
              <li key={key} className={`finding ${f.severity}`} data-testid={`loop-finding-${f.ref ?? f.code}`}>
                <span className="sev">{t(`findings.${f.severity}`)}</span> {f.message}{" "}
                {readOnly ? null : added.includes(key) ? (
                  <span className="ok">✓ {t("publicSide.activityAdded")}</span>
                ) : (
                  <button
                    type="button"
                    onClick={() => {
                      session.insert(["activities"], improvementActivity(session.getState().local, f));
                      setAdded([...added, key]);
                    }}
                    data-testid={`add-improvement-${f.ref ?? f.code}`}
                  >
                    {t("publicSide.addActivity")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <p className="hint">{t("publicSide.planActivities", { count: plan.activities.length })}</p>
    </article>
  );
}

function ComplaintItem({ complaint: c, canAnswer, onSave }: { complaint: Complaint; canAnswer: boolean; onSave: (change: { status: Complaint["status"]; answer?: string }) => Promise<void> }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState(c.status);
  const [answer, setAnswer] = useState(c.answer ?? "");
  const [busy, setBusy] = useState(false);
  return (
    <li className={`complaint ${c.overdue ? "overdue" : ""}`} data-testid={`complaint-${c.code}`}>
      <p>
        <strong>{c.code}</strong> · {t(`publicSide.kinds.${c.kind}`)} · {t("publicSide.received", { date: c.receivedAt.slice(0, 10) })} ·{" "}
        <span className={c.overdue ? "badge open" : ""}>{t(c.overdue ? "publicSide.overdue" : "publicSide.due", { date: c.dueOn })}</span>
      </p>
      <p className="complaint-body">{c.body}</p>
      {c.name || c.contact ? <p className="hint">{[c.name, c.contact].filter(Boolean).join(" · ")}</p> : <p className="hint">{t("publicSide.anonymous")}</p>}
      <label>
        {t("publicSide.status")}{" "}
        <select value={status} disabled={!canAnswer} onChange={(e) => setStatus(e.target.value as Complaint["status"])} data-testid={`complaint-status-${c.code}`}>
          {(["diterima", "diproses", "dijawab"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`publicSide.statuses.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        {t("publicSide.answer")}
        <textarea value={answer} readOnly={!canAnswer} onChange={(e) => setAnswer(e.target.value)} data-testid={`complaint-answer-${c.code}`} />
      </label>
      {canAnswer ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onSave({ status, ...(answer.trim() ? { answer } : {}) }).finally(() => setBusy(false));
          }}
          data-testid={`complaint-save-${c.code}`}
        >
          {t("publicSide.save")}
        </button>
      ) : null}
    </li>
  );
}

/** The period's respondents, IKM, mutu and kinerja, the NRR per unsur as a bar chart, the priority and the suggestions. */
function SkmResult({ skm }: { skm: SkmView }) {
  const { t } = useTranslation();
  if (!skm.result) return <p data-testid="ikm-empty">{t("publicSide.noRespondents")}</p>;
  const r = skm.result;
  const rowH = 26;
  const labelW = 150;
  const barW = 180;
  return (
    <div data-testid="ikm-result">
      <p>
        {t("publicSide.respondents", { count: skm.respondents })} · <strong data-testid="ikm-value">IKM {nrr(r.ikm)}</strong> · {t("publicSide.mutu")} <strong>{r.mutu}</strong> ({r.kinerja})
      </p>
      <svg role="img" aria-labelledby="nrr-chart-title" viewBox={`0 0 ${labelW + barW + 50} ${r.unsur.length * rowH + 10}`} className="nrr-chart" data-testid="nrr-chart">
        <title id="nrr-chart-title">{t("publicSide.chart")}</title>
        {r.unsur.map((u, i) => {
          const standing = skm.standings.find((s) => s.code === u.code);
          const low = standing && (standing.mutu === "C" || standing.mutu === "D");
          return (
            <g key={u.code} transform={`translate(0 ${i * rowH + 5})`}>
              <text x={labelW - 6} y={rowH / 2 + 4} textAnchor="end" fontSize="12">
                {u.code} {u.name.length > 18 ? `${u.name.slice(0, 17)}…` : u.name}
              </text>
              <rect x={labelW} y={4} width={(u.nrr / 4) * barW} height={rowH - 8} fill={low ? "#b3261e" : "#0b4f6c"} />
              <text x={labelW + (u.nrr / 4) * barW + 4} y={rowH / 2 + 4} fontSize="12">
                {nrr(u.nrr)}
              </text>
            </g>
          );
        })}
      </svg>
      <p data-testid="ikm-priority">
        {t("publicSide.priority")}: {skm.priority.map((p) => `${p.code} ${p.name} (${nrr(p.nrr)})`).join("; ")}
      </p>
      {skm.suggestions.length > 0 ? (
        <>
          <h3>{t("publicSide.suggestions")}</h3>
          <ul>
            {skm.suggestions.map((s, i) => (
              <li key={i}>
                {s.date}: {s.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
