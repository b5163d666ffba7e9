// The organisation's working calendar (issue 10, item 6): for a year, the national holidays and
// cuti bersama as decreed by the SKB 3 Menteri (entered or corrected when it is published; a
// year without its decree stays flagged "perkiraan", with what the estimate cannot compute
// listed) and the regional holidays (libur daerah). Plans with national holidays on use it.
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { ApiClient } from "../api/client.js";
import { ErrorBox, errorLines } from "./AdminScreen.js";

const TYPES = ["libur-nasional", "cuti-bersama", "libur-daerah"] as const;
type HolidayType = (typeof TYPES)[number];
const viewSchema = z.object({
  year: z.number(),
  origin: z.enum(["organisasi", "bawaan", "perkiraan"]),
  decreed: z.boolean(),
  source: z.string().nullable(),
  entries: z.array(z.object({ date: z.string(), name: z.string(), type: z.enum(TYPES), source: z.string(), estimated: z.boolean() })),
  unknown: z.array(z.object({ year: z.number(), name: z.string(), reason: z.object({ id: z.string(), en: z.string() }) })),
});
type View = z.infer<typeof viewSchema>;
type Row = { date: string; name: string; type: HolidayType };

export function CalendarAdmin({ api }: { api: ApiClient }) {
  const { t, i18n } = useTranslation();
  const [year, setYear] = useState(() => new Date().getFullYear() + 1);
  const [view, setView] = useState<View | undefined>();
  const [rows, setRows] = useState<Row[]>([]);
  const [decreed, setDecreed] = useState(false);
  const [source, setSource] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);

  const show = useCallback((v: View) => {
    setView(v);
    // Two holidays of one kind on one day (e.g. Natal and an Isra Mikraj falling on 25 December) are one row: one day off.
    const merged: Row[] = [];
    for (const e of v.entries) {
      const same = merged.find((r) => r.date === e.date && r.type === e.type);
      if (same) same.name = `${same.name} / ${e.name}`.slice(0, 200);
      else merged.push({ date: e.date, name: e.name, type: e.type });
    }
    setRows(merged);
    setDecreed(v.decreed && v.origin === "organisasi");
    setSource(v.source ?? "");
  }, []);
  const load = useCallback(async () => {
    try {
      setErrors([]);
      show(await api.request("GET", `/api/calendar/${year}`, viewSchema));
    } catch (e) {
      setErrors(errorLines(e));
    }
  }, [api, year, show]);
  useEffect(() => {
    void load();
  }, [load]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    try {
      show(await api.request("PUT", `/api/calendar/${year}`, viewSchema, { body: { decreed, source, entries: rows } }));
      setErrors([]);
      setSaved(true);
    } catch (err) {
      setErrors(errorLines(err));
    }
  }

  const update = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const lang = i18n.language.startsWith("en") ? "en" : "id";

  return (
    <section aria-labelledby="calendar-title" data-testid="calendar-admin">
      <h2 id="calendar-title">{t("calendar.title")}</h2>
      <label className="field">
        {t("calendar.year")}
        <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value) || year)} data-testid="calendar-year" />
      </label>
      {view ? (
        <>
          <p data-testid="calendar-status" data-origin={view.origin} data-decreed={String(view.decreed)}>
            {view.decreed ? t("calendar.decreed", { source: view.origin === "organisasi" ? view.source : t("calendar.builtIn") }) : t("calendar.estimated")}
          </p>
          {view.unknown.length > 0 ? (
            <div role="note" className="warning-box" data-testid="calendar-unknown">
              <p>{t("calendar.unknown")}</p>
              <ul>
                {view.unknown.map((u) => (
                  <li key={u.name}>
                    <strong>{u.name}</strong> — {u.reason[lang]}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <form onSubmit={(e) => void save(e)}>
            <table className="table">
              <thead>
                <tr>
                  <th>{t("calendar.date")}</th>
                  <th>{t("calendar.name")}</th>
                  <th>{t("calendar.type")}</th>
                  <th>{t("register.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i} data-testid="calendar-row">
                    <td>
                      <input type="date" aria-label={`${t("calendar.date")} ${i + 1}`} value={r.date} onChange={(e) => update(i, { date: e.target.value })} />
                    </td>
                    <td>
                      <input aria-label={`${t("calendar.name")} ${i + 1}`} value={r.name} maxLength={200} onChange={(e) => update(i, { name: e.target.value })} />
                    </td>
                    <td>
                      <select aria-label={`${t("calendar.type")} ${i + 1}`} value={r.type} onChange={(e) => update(i, { type: e.target.value as HolidayType })}>
                        {TYPES.map((ty) => (
                          <option key={ty} value={ty}>
                            {t(`calendar.types.${ty}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <button type="button" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                        {t("calendar.remove")}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              <button type="button" onClick={() => setRows((rs) => [...rs, { date: `${year}-01-01`, name: "", type: "libur-daerah" }])}>
                {t("calendar.add")}
              </button>
            </p>
            <label className="field">
              <input type="checkbox" checked={decreed} onChange={(e) => setDecreed(e.target.checked)} data-testid="calendar-decreed" /> {t("calendar.decreedLabel")}
            </label>
            <label className="field">
              {t("calendar.source")}
              <input value={source} maxLength={500} onChange={(e) => setSource(e.target.value)} data-testid="calendar-source" />
            </label>
            <ErrorBox lines={errors} />
            <button type="submit" className="primary">
              {t("admin.save")}
            </button>
            {saved ? <span role="status"> {t("calendar.saved")}</span> : null}
          </form>
        </>
      ) : (
        <ErrorBox lines={errors} />
      )}
    </section>
  );
}
