// Pengawasan (after approval): the status at a glance, the Kurva S (the domain's weekly curve, drawn
// by the same SVG function as the laporan kemajuan), the activities behind plan and the critical
// ones among them, the obstacles log, the progress-entry form for field staff (made for a phone)
// and the laporan kemajuan download. The figures are computed by the server (computeProgress).
import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { kurvaSSvg } from "../../../src/documents/charts/kurva-s-svg.js";
import { kurvaSOf } from "../../../src/documents/laporan-kemajuan/model.js";
import { formatAngka, formatRupiah, formatTanggal } from "../../../src/domain/format/indonesian.js";
import type { Plan, RealizationReport } from "../../../src/domain/plan/schema.js";
import { isValidIsoDate } from "../../../src/domain/plan/schema.js";
import { lineAmount } from "../../../src/domain/stages/budget.js";
import { ApiError, type ApiClient, type PlanWorkflow } from "../api/client.js";
import { createProgressApi, type ProgressAnswer } from "../api/progress.js";
import { saveDownload } from "../stages/DocumentsStage.js";
import { todayIso } from "../state/today.js";
import { ProgressBadge } from "./ProgressBadge.js";

type ActivityRow = { activityId: string; percent: string; actualStart: string; actualFinish: string };
type SpendingRow = { budgetId: string; amount: string; reference: string };
const emptyActivity = (): ActivityRow => ({ activityId: "", percent: "", actualStart: "", actualFinish: "" });
const emptySpending = (): SpendingRow => ({ budgetId: "", amount: "", reference: "" });

const pct = (n: number) => `${formatAngka(n, 2)}%`;
const signedPct = (n: number) => `${n > 0 ? "+" : ""}${formatAngka(n, 2)}%`;

export function SupervisionStage({ plan, planId, api, workflow, userId }: { plan: Plan; planId: string; api: ApiClient; workflow?: PlanWorkflow; userId?: string }) {
  const { t } = useTranslation();
  const progressApi = useMemo(() => createProgressApi(api), [api]);
  const approved = workflow ? workflow.baselineVersion !== null : true;
  const canReport = !workflow || workflow.team.some((m) => m.userId === userId && (m.role === "penyusun" || m.role === "pemeriksa" || m.role === "penandatangan"));
  const [at, setAt] = useState(todayIso());
  const [answer, setAnswer] = useState<ProgressAnswer | undefined>();
  const [loadError, setLoadError] = useState("");

  const reload = useCallback(async () => {
    if (!approved || !isValidIsoDate(at)) return;
    try {
      setAnswer(await progressApi.progress(planId, at));
      setLoadError("");
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    }
  }, [approved, at, planId, progressApi]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (!approved) {
    return (
      <section className="card" aria-labelledby="pengawasan-title">
        <h1 id="pengawasan-title">{t("pengawasan.title")}</h1>
        <p data-testid="pengawasan-not-approved">{t("pengawasan.notApproved")}</p>
      </section>
    );
  }
  const v = answer?.progress;
  return (
    <div className="pengawasan" data-testid="pengawasan">
      <section className="card" aria-labelledby="pengawasan-title">
        <h1 id="pengawasan-title">{t("pengawasan.title")}</h1>
        {answer?.notice?.forMe ? (
          <div role="alert" className="error-box critical-notice" data-testid="plan-critical-notice">
            <strong>{t("pengawasan.noticeTitle")}</strong> {t("pengawasan.noticeText", { deviation: signedPct(v!.deviation) })}
          </div>
        ) : null}
        <div className="field at-field">
          <label htmlFor="pengawasan-at">{t("pengawasan.at")}</label>
          <input id="pengawasan-at" type="date" value={at} onChange={(e) => setAt(e.target.value)} />
        </div>
        {loadError ? (
          <p role="alert" className="error-box">
            {loadError}
          </p>
        ) : null}
        {v ? (
          <dl className="glance" data-testid="progress-glance">
            <div>
              <dt>{t("pengawasan.statusLabel")}</dt>
              <dd data-testid="progress-status">
                <ProgressBadge summary={v} />
              </dd>
            </div>
            <div>
              <dt>{t("pengawasan.plannedPhysical")}</dt>
              <dd data-testid="progress-planned">{pct(v.planned)}</dd>
            </div>
            <div>
              <dt>{t("pengawasan.actualPhysical")}</dt>
              <dd data-testid="progress-actual">{pct(v.actual)}</dd>
            </div>
            <div>
              <dt>{t("pengawasan.deviation")}</dt>
              <dd data-testid="progress-deviation">{signedPct(v.deviation)}</dd>
            </div>
            <div>
              <dt>{t("pengawasan.money")}</dt>
              <dd>
                {formatRupiah(v.financial.actual)} / {formatRupiah(v.financial.planned)}
              </dd>
            </div>
          </dl>
        ) : (
          <p>{t("common.loading")}</p>
        )}
        {v ? <p className="muted">{t("pengawasan.rule")}</p> : null}
      </section>
      {v ? <KurvaS answer={answer!} /> : null}
      {v ? <Behind answer={answer!} /> : null}
      {v ? <Obstacles answer={answer!} /> : null}
      {canReport ? <ReportForm plan={plan} planId={planId} progressApi={progressApi} onSaved={(a) => (a === at ? void reload() : setAt(a))} /> : null}
      <LaporanDownload api={api} planId={planId} at={at} />
    </div>
  );
}

function KurvaS({ answer }: { answer: ProgressAnswer }) {
  const { t } = useTranslation();
  const v = answer.progress;
  // The computation's own weekly curve: nothing is recomputed here.
  const picture = useMemo(() => kurvaSSvg(kurvaSOf(v)), [v]);
  return (
    <section className="card" aria-labelledby="kurva-s-title">
      <h2 id="kurva-s-title">{t("pengawasan.curve")}</h2>
      <figure className="kurva-s" data-testid="kurva-s" data-points={v.curve.length}>
        <div role="img" aria-label={t("pengawasan.curveAlt", { planned: pct(v.planned), actual: pct(v.actual) })} dangerouslySetInnerHTML={{ __html: picture.svg }} />
        <figcaption className="muted">{t("pengawasan.curveCaption", { date: formatTanggal(v.at) })}</figcaption>
      </figure>
      <details>
        <summary>{t("pengawasan.curveTable")}</summary>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("pengawasan.week")}</th>
                <th scope="col">{t("pengawasan.plannedPhysical")}</th>
                <th scope="col">{t("pengawasan.actualPhysical")}</th>
              </tr>
            </thead>
            <tbody>
              {v.curve.map((c) => (
                <tr key={c.date}>
                  <td>{formatTanggal(c.date)}</td>
                  <td>{pct(c.planned)}</td>
                  <td>{c.actual === null ? "—" : pct(c.actual)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function Behind({ answer }: { answer: ProgressAnswer }) {
  const { t } = useTranslation();
  const behind = answer.progress.activities.filter((a) => a.behind);
  const critical = behind.filter((a) => a.onCriticalPath);
  return (
    <section className="card" aria-labelledby="behind-title" data-testid="behind">
      <h2 id="behind-title">{t("pengawasan.behind", { count: behind.length })}</h2>
      {behind.length === 0 ? (
        <p>{t("pengawasan.noneBehind")}</p>
      ) : (
        <>
          <p data-testid="critical-count">{t("pengawasan.criticalAmong", { count: critical.length })}</p>
          <ul className="plain behind-list">
            {[...critical, ...behind.filter((a) => !a.onCriticalPath)].map((a) => (
              <li key={a.id} data-critical={a.onCriticalPath} className={a.onCriticalPath ? "on-critical-path" : ""}>
                <strong>{a.name}</strong>
                {a.onCriticalPath ? <span className="tag">{t("pengawasan.criticalPath")}</span> : null}
                <br />
                <span className="muted">{t("pengawasan.activityLine", { planned: pct(a.planned), actual: pct(a.actual), deviation: signedPct(a.deviation) })}</span>
                {a.slipDays ? <span className="muted"> · {t("pengawasan.slip", { days: a.slipDays })}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Obstacles({ answer }: { answer: ProgressAnswer }) {
  const { t } = useTranslation();
  const list = [...answer.progress.obstacles].reverse();
  return (
    <section className="card" aria-labelledby="obstacles-title" data-testid="obstacles">
      <h2 id="obstacles-title">{t("pengawasan.obstacles")}</h2>
      {list.length === 0 ? (
        <p>{t("pengawasan.noObstacles")}</p>
      ) : (
        <ul className="plain">
          {list.map((o, i) => (
            <li key={i}>
              <strong>{formatTanggal(o.date)}</strong>
              {o.reportedBy ? <span className="muted"> — {o.reportedBy}</span> : null}
              {o.note ? (
                <p>
                  {t("pengawasan.note")}: {o.note}
                </p>
              ) : null}
              {o.followUp ? (
                <p>
                  {t("pengawasan.followUp")}: {o.followUp}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Checks what the server would refuse, with the field's label and row, in the user's language. */
function formErrors(t: (k: string, o?: Record<string, unknown>) => string, date: string, activities: ActivityRow[], spending: SpendingRow[], note: string): string[] {
  const out: string[] = [];
  if (!isValidIsoDate(date)) out.push(t("pengawasan.err.date"));
  activities.forEach((r, i) => {
    const row = i + 1;
    if (!r.activityId) out.push(t("pengawasan.err.activity", { row }));
    const p = Number(r.percent.replace(",", "."));
    if (r.percent.trim() === "" || !Number.isFinite(p) || p < 0 || p > 100) out.push(t("pengawasan.err.percent", { row }));
    if (r.actualStart && r.actualFinish && r.actualFinish < r.actualStart) out.push(t("pengawasan.err.finish", { row }));
  });
  spending.forEach((r, i) => {
    const row = i + 1;
    if (!r.budgetId) out.push(t("pengawasan.err.budget", { row }));
    const a = Number(r.amount.replace(/\./g, ""));
    if (!/^\d[\d.]*$/.test(r.amount.trim()) || !Number.isInteger(a) || a <= 0) out.push(t("pengawasan.err.amount", { row }));
  });
  if (activities.length === 0 && spending.length === 0 && !note.trim()) out.push(t("pengawasan.err.empty"));
  return out;
}

function ReportForm({ plan, planId, progressApi, onSaved }: { plan: Plan; planId: string; progressApi: ReturnType<typeof createProgressApi>; onSaved: (date: string) => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayIso());
  const [activities, setActivities] = useState<ActivityRow[]>([emptyActivity()]);
  const [spending, setSpending] = useState<SpendingRow[]>([]);
  const [note, setNote] = useState("");
  const [followUp, setFollowUp] = useState("");
  const [reportedBy, setReportedBy] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState("");
  const [busy, setBusy] = useState(false);
  const setActivity = (i: number, change: Partial<ActivityRow>) => setActivities((rows) => rows.map((r, k) => (k === i ? { ...r, ...change } : r)));
  const setSpend = (i: number, change: Partial<SpendingRow>) => setSpending((rows) => rows.map((r, k) => (k === i ? { ...r, ...change } : r)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved("");
    const problems = formErrors(t, date, activities, spending, note + followUp);
    setErrors(problems);
    if (problems.length > 0) return;
    const report: RealizationReport = {
      date,
      activities: activities.map((r) => ({
        activityId: r.activityId,
        percent: Number(r.percent.replace(",", ".")),
        ...(r.actualStart ? { actualStart: r.actualStart } : {}),
        ...(r.actualFinish ? { actualFinish: r.actualFinish } : {}),
      })),
      spending: spending.map((r) => ({ budgetId: r.budgetId, amount: Number(r.amount.replace(/\./g, "")), ...(r.reference.trim() ? { reference: r.reference.trim() } : {}) })),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(followUp.trim() ? { followUp: followUp.trim() } : {}),
      ...(reportedBy.trim() ? { reportedBy: reportedBy.trim() } : {}),
    };
    setBusy(true);
    try {
      await progressApi.report(planId, report);
      setSaved(t("pengawasan.saved", { date: formatTanggal(date) }));
      setActivities([emptyActivity()]);
      setSpending([]);
      setNote("");
      setFollowUp("");
      onSaved(date);
    } catch (err) {
      setErrors(err instanceof ApiError ? [err.message, ...err.fieldErrors.map((f) => f.message)] : [String(err)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card report-form" aria-labelledby="report-title" onSubmit={(e) => void submit(e)} noValidate data-testid="report-form">
      <h2 id="report-title">{t("pengawasan.reportTitle")}</h2>
      <div className="field">
        <label htmlFor="report-date">{t("pengawasan.reportDate")}</label>
        <input id="report-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
      </div>
      <fieldset>
        <legend>{t("pengawasan.activities")}</legend>
        {activities.map((r, i) => (
          <div className="report-row" key={i} data-testid={`report-activity-${i}`}>
            <div className="field">
              <label htmlFor={`ra-${i}-activity`}>{t("pengawasan.activity", { row: i + 1 })}</label>
              <select id={`ra-${i}-activity`} value={r.activityId} onChange={(e) => setActivity(i, { activityId: e.target.value })}>
                <option value="">{t("pengawasan.choose")}</option>
                {plan.activities.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`ra-${i}-percent`}>{t("pengawasan.percent")}</label>
              <input id={`ra-${i}-percent`} inputMode="decimal" value={r.percent} onChange={(e) => setActivity(i, { percent: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`ra-${i}-start`}>{t("pengawasan.actualStart")}</label>
              <input id={`ra-${i}-start`} type="date" value={r.actualStart} onChange={(e) => setActivity(i, { actualStart: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`ra-${i}-finish`}>{t("pengawasan.actualFinish")}</label>
              <input id={`ra-${i}-finish`} type="date" value={r.actualFinish} onChange={(e) => setActivity(i, { actualFinish: e.target.value })} />
            </div>
            <button type="button" onClick={() => setActivities((rows) => rows.filter((_, k) => k !== i))}>
              {t("pengawasan.removeRow", { row: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setActivities((rows) => [...rows, emptyActivity()])} data-testid="add-activity">
          {t("pengawasan.addActivity")}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t("pengawasan.spending")}</legend>
        {spending.map((r, i) => (
          <div className="report-row" key={i} data-testid={`report-spending-${i}`}>
            <div className="field">
              <label htmlFor={`rs-${i}-line`}>{t("pengawasan.budgetLine", { row: i + 1 })}</label>
              <select id={`rs-${i}-line`} value={r.budgetId} onChange={(e) => setSpend(i, { budgetId: e.target.value })}>
                <option value="">{t("pengawasan.choose")}</option>
                {plan.budget.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.item}
                    {b.account ? ` (${b.account})` : ""} — {formatRupiah(lineAmount(b))}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`rs-${i}-amount`}>{t("pengawasan.amount")}</label>
              <input id={`rs-${i}-amount`} inputMode="numeric" value={r.amount} onChange={(e) => setSpend(i, { amount: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`rs-${i}-ref`}>{t("pengawasan.reference")}</label>
              <input id={`rs-${i}-ref`} value={r.reference} onChange={(e) => setSpend(i, { reference: e.target.value })} />
            </div>
            <button type="button" onClick={() => setSpending((rows) => rows.filter((_, k) => k !== i))}>
              {t("pengawasan.removeRow", { row: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setSpending((rows) => [...rows, emptySpending()])} data-testid="add-spending">
          {t("pengawasan.addSpending")}
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor="report-note">{t("pengawasan.note")}</label>
        <textarea id="report-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="report-follow-up">{t("pengawasan.followUp")}</label>
        <textarea id="report-follow-up" rows={2} value={followUp} onChange={(e) => setFollowUp(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="report-by">{t("pengawasan.reportedBy")}</label>
        <input id="report-by" value={reportedBy} onChange={(e) => setReportedBy(e.target.value)} />
      </div>
      {errors.length ? (
        <div role="alert" className="error-box" data-testid="report-errors">
          {errors.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      ) : null}
      {saved ? (
        <p role="status" data-testid="report-saved">
          {saved}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy} data-testid="report-submit">
        {t("pengawasan.submit")}
      </button>
    </form>
  );
}

function LaporanDownload({ api, planId, at }: { api: ApiClient; planId: string; at: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState("");
  return (
    <section className="card" aria-labelledby="laporan-title">
      <h2 id="laporan-title">{t("pengawasan.laporan")}</h2>
      <p className="muted">{t("pengawasan.laporanHint", { date: isValidIsoDate(at) ? formatTanggal(at) : at })}</p>
      <div className="row">
        {(["pdf", "docx"] as const).map((ext) => (
          <a
            key={ext}
            className="button"
            data-testid={`download-laporan-${ext}`}
            href={`${api.documentUrl(planId, "laporan-kemajuan", ext)}?at=${at}`}
            download
            onClick={(e) => {
              e.preventDefault();
              setError("");
              void saveDownload(api, e.currentTarget.href).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
            }}
          >
            {t("pengawasan.download", { format: ext.toUpperCase() })}
          </a>
        ))}
      </div>
      {error ? (
        <p role="alert" className="error-box">
          {error}
        </p>
      ) : null}
    </section>
  );
}
