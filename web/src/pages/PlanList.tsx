// The plan list: search, fiscal year and status filters, new plan, import and export.
import { todayIso } from "../state/today.js";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { emptyPlan } from "../../../src/domain/plan/empty.js";
import { validatePlanText } from "../../../src/domain/plan/validate.js";
import { formatError } from "../../../src/domain/messages.js";
import { formatAngka, formatTanggal } from "../../../src/domain/format/indonesian.js";
import { ApiError, type ApiClient, type PlanSummary } from "../api/client.js";
import { currentLang } from "../i18n/index.js";
import { navigate, stageHref } from "../router.js";
import { WORKFLOW_STATUSES, statusLabelKey } from "../review/WorkflowBar.js";
import { createProgressApi, type ProgressSummary } from "../api/progress.js";
import { ProgressBadge } from "../supervision/ProgressBadge.js";

/**
 * `canCreate`: the session's `abilities.createPlan`; without it there is no new plan or import.
 * `canArchive`: for a server whose list items carry no `abilities`: whether the user may archive at all.
 */
export function PlanList({ api, canCreate = true, canArchive = true }: { api: ApiClient; canCreate?: boolean; canArchive?: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [year, setYear] = useState("");
  const [status, setStatus] = useState("");
  const [items, setItems] = useState<PlanSummary[] | undefined>();
  // Import and archive errors stay until the user acts again; a list reload (which also runs
  // on its own after a filter or language change) must not wipe them.
  const [error, setError] = useState<string[]>([]);
  const [loadError, setLoadError] = useState("");
  const [notice, setNotice] = useState("");
  const [creating, setCreating] = useState(false);
  // The supervision status of the approved plans on the page: computed by the server (one request).
  const [progress, setProgress] = useState<Map<string, ProgressSummary>>(new Map());

  const load = useCallback(async () => {
    try {
      const r = await api.listPlans({ q, fiscalYear: year ? Number(year) : undefined, status: status || undefined });
      setItems(r.items);
      setLoadError("");
      const summaries = await createProgressApi(api).summary(r.items.filter((i) => i.status !== "archived").map((i) => i.id));
      setProgress(new Map(summaries.map((s) => [s.id, s])));
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    }
  }, [api, q, year, status]);

  useEffect(() => {
    const timer = setTimeout(() => void load(), 200);
    return () => clearTimeout(timer);
  }, [load]);

  async function onImport(file: File) {
    setNotice("");
    setError([]);
    const text = await file.text();
    const checked = validatePlanText(text);
    if (!checked.ok) {
      setError([t("errors.importInvalid"), ...checked.errors.map((e) => formatError(e, currentLang()))]);
      return;
    }
    try {
      const created = await api.importPlan(text);
      setNotice(t("list.imported"));
      navigate(stageHref(created.id, "sasaran"));
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...e.fieldErrors.map((f) => `${f.path}: ${f.message}`)] : [String(e)]);
    }
  }

  async function onArchive(id: string) {
    try {
      await api.archivePlan(id);
      await load();
    } catch (e) {
      setError([e instanceof Error ? e.message : String(e)]);
    }
  }

  const years = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() - 2 + i);
  return (
    <section className="plan-list" aria-labelledby="list-title">
      <div className="toolbar">
        <h1 id="list-title">{t("list.title")}</h1>
        {canCreate ? (
          <>
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              {t("list.newPlan")}
            </button>
            <label className="button file-button">
              {t("list.import")}
              <input
                type="file"
                accept="application/json,.json"
                className="sr-only"
                data-testid="import-file"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) void onImport(f);
                  e.target.value = "";
                }}
              />
            </label>
          </>
        ) : null}
      </div>
      {creating && canCreate ? <NewPlanForm api={api} onCancel={() => setCreating(false)} /> : null}
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="filter-q">{t("list.search")}</label>
          <input id="filter-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="filter-year">{t("list.fiscalYear")}</label>
          <select id="filter-year" value={year} onChange={(e) => setYear(e.target.value)}>
            <option value="">{t("list.all")}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">{t("list.status")}</label>
          <select id="filter-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t("list.statusActive")}</option>
            {WORKFLOW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(statusLabelKey(s))}
              </option>
            ))}
          </select>
        </div>
      </form>
      {error.length || loadError ? (
        <div role="alert" className="error-box">
          {(loadError ? [loadError, ...error] : error).map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      ) : null}
      {notice ? <p role="status">{notice}</p> : null}
      {items?.some(awaitsMe) ? <AwaitingMe items={items.filter(awaitsMe)} /> : null}
      {items?.some((p) => progress.get(p.id)?.notice) ? <CriticalNotice items={items.filter((p) => progress.get(p.id)?.notice)} progress={progress} /> : null}
      {items === undefined ? (
        <p>{t("common.loading")}</p>
      ) : items.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <table className="data-table card-list">
          <caption className="sr-only">{t("list.count", { count: items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("list.colTitle")}</th>
              <th scope="col">{t("list.fiscalYear")}</th>
              <th scope="col">{t("list.colOrg")}</th>
              <th scope="col">{t("list.status")}</th>
              <th scope="col">{t("list.colUpdated")}</th>
              <th scope="col">
                <span className="sr-only">{t("list.export")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...items.filter(awaitsMe), ...items.filter((p) => !awaitsMe(p))].map((p) => (
              <tr key={p.id}>
                <td>
                  <a
                    href={stageHref(p.id, "sasaran")}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(stageHref(p.id, "sasaran"));
                    }}
                  >
                    {p.title}
                  </a>
                </td>
                <td data-label={t("list.fiscalYear")}>{p.fiscalYear}</td>
                <td data-label={t("list.colOrg")}>
                  {p.organizationName}
                  {p.unit ? ` — ${p.unit}` : ""}
                </td>
                <td data-status={p.status} data-label={t("list.status")}>
                  {t(statusLabelKey(p.status))}
                  {progress.get(p.id) ? (
                    <>
                      {" "}
                      <ProgressBadge summary={progress.get(p.id)!} />
                    </>
                  ) : null}
                </td>
                <td data-label={t("list.colUpdated")}>{formatTanggal(p.updatedAt.slice(0, 10))}</td>
                <td>
                  <div className="actions">
                    <a className="button" href={api.exportUrl(p.id)} download>
                      {t("list.export")}
                    </a>
                    {(p.abilities ? p.abilities.archive : canArchive && p.status !== "archived") ? (
                      <button type="button" onClick={() => void onArchive(p.id)}>
                        {t("list.archive")}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A plan waiting for the caller's paraf or signature (the server's abilities say whose turn it is). */
function awaitsMe(p: PlanSummary): boolean {
  return Boolean(p.abilities?.initial || p.abilities?.approve);
}

/** "Perlu tindakan saya": what waits for my paraf or signature, first on the page. */
function AwaitingMe({ items }: { items: PlanSummary[] }) {
  const { t } = useTranslation();
  return (
    <section className="card awaiting-me" aria-labelledby="awaiting-title" data-testid="awaiting-me">
      <h2 id="awaiting-title">
        {t("list.awaitingTitle")} ({items.length})
      </h2>
      <ul className="plain">
        {items.map((p) => (
          <li key={p.id}>
            <a
              href={stageHref(p.id, "sasaran")}
              onClick={(e) => {
                e.preventDefault();
                navigate(stageHref(p.id, "sasaran"));
              }}
            >
              {p.title}
            </a>{" "}
            — <span className="muted">{t(p.abilities?.approve ? "list.awaitingSignature" : "list.awaitingInitial")}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Kritis plans the caller is penanggung jawab or pengarah of (or signed): the LKPP rule says act now. */
function CriticalNotice({ items, progress }: { items: PlanSummary[]; progress: Map<string, ProgressSummary> }) {
  const { t } = useTranslation();
  return (
    <section className="card critical-notice" role="alert" aria-labelledby="critical-title" data-testid="critical-notice">
      <h2 id="critical-title">{t("pengawasan.criticalTitle", { count: items.length })}</h2>
      <ul className="plain">
        {items.map((p) => (
          <li key={p.id}>
            <a
              href={stageHref(p.id, "pengawasan")}
              onClick={(e) => {
                e.preventDefault();
                navigate(stageHref(p.id, "pengawasan"));
              }}
            >
              {p.title}
            </a>{" "}
            — <span>{t("pengawasan.criticalLine", { deviation: formatAngka(progress.get(p.id)!.deviation, 2) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewPlanForm({ api, onCancel }: { api: ApiClient; onCancel: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState("");
  const [org, setOrg] = useState("");
  const [unit, setUnit] = useState("");
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [error, setError] = useState("");
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!title.trim() || !org.trim()) {
      setError(t("newPlan.required"));
      return;
    }
    try {
      const created = await api.createPlan(emptyPlan({ title, organizationName: org, unit, fiscalYear: Number(year), today: todayIso() }));
      navigate(stageHref(created.id, "sasaran"));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }
  return (
    <form className="card new-plan" onSubmit={(e) => void submit(e)} aria-labelledby="new-plan-title">
      <h2 id="new-plan-title">{t("newPlan.title")}</h2>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="new-title">{t("newPlan.planTitle")}</label>
          <input id="new-title" value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus />
        </div>
        <div className="field">
          <label htmlFor="new-org">{t("newPlan.organization")}</label>
          <input id="new-org" value={org} onChange={(e) => setOrg(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="new-unit">{t("newPlan.unit")}</label>
          <input id="new-unit" value={unit} onChange={(e) => setUnit(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="new-year">{t("newPlan.fiscalYear")}</label>
          <input id="new-year" type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} />
        </div>
      </div>
      {error ? <p role="alert" className="error-box">{error}</p> : null}
      <div className="row">
        <button type="submit" className="primary">
          {t("newPlan.create")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("newPlan.cancel")}
        </button>
      </div>
    </form>
  );
}
