// The resource load, one small chart per resource with its own scale (people, rooms and Rupiah
// never share an axis): the need of every working day as a column, the available amount as a
// line, the days over it in red. Columns wider than the chart are merged (the day's maximum),
// so a long plan still draws in a fixed width.
import { useTranslation } from "react-i18next";
import { formatAngka, formatTanggal } from "../../../src/domain/format/indonesian.js";
import type { ResourceLoad } from "../../../src/domain/schedule/resources.js";

const WIDTH = 360;
const HEIGHT = 56;
const AXIS = 44;

/** The days' needs in at most `slots` columns, each the maximum of the days it covers. */
export function loadColumns(days: readonly { need: number }[], slots: number): number[] {
  if (days.length <= slots) return days.map((d) => d.need);
  const out: number[] = [];
  for (let s = 0; s < slots; s++) {
    const from = Math.floor((s * days.length) / slots);
    const to = Math.max(from + 1, Math.floor(((s + 1) * days.length) / slots));
    let max = 0;
    for (let i = from; i < to; i++) max = Math.max(max, days[i]!.need);
    out.push(max);
  }
  return out;
}

export function LoadChart({ resources }: { resources: readonly ResourceLoad[] }) {
  const { t } = useTranslation();
  if (!resources.length) return null;
  return (
    <figure className="load-chart">
      <figcaption>{t("resources.load")}</figcaption>
      <ul className="load-list">
        {resources.map((r) => {
          const overDays = r.days.filter((d) => d.need > d.available);
          const scale = Math.max(r.available, r.peak, 1);
          const cols = loadColumns(r.days, WIDTH);
          const colW = cols.length ? WIDTH / cols.length : WIDTH;
          const y = (v: number) => HEIGHT - (v / scale) * HEIGHT;
          const summary = t("resources.loadSummary", { peak: formatAngka(r.peak), available: formatAngka(r.available), unit: r.unit });
          const overText = overDays.length ? t("resources.overDays", { count: overDays.length, first: formatTanggal(overDays[0]!.date) }) : t("resources.enough");
          return (
            <li key={r.resourceId} data-resource={r.resourceId} className={overDays.length ? "over" : undefined}>
              <div className="load-head">
                <strong>{r.name}</strong> <span data-testid="load-summary">{summary}</span> <span className={overDays.length ? "chart-label over" : "muted"}>{overDays.length ? `⚠ ${overText}` : overText}</span>
              </div>
              <svg width={AXIS + WIDTH + 4} height={HEIGHT + 16} role="img" aria-label={`${r.name}: ${summary}; ${overText}`}>
                <text x={AXIS - 4} y={10} textAnchor="end" className="chart-axis">
                  {formatAngka(scale)}
                </text>
                <text x={AXIS - 4} y={HEIGHT} textAnchor="end" className="chart-axis">
                  0
                </text>
                <line x1={AXIS} y1={HEIGHT} x2={AXIS + WIDTH} y2={HEIGHT} className="axis" />
                {cols.map((need, i) =>
                  need > 0 ? <rect key={i} x={AXIS + i * colW} y={y(need)} width={Math.max(1, colW - (colW > 3 ? 1 : 0))} height={HEIGHT - y(need)} className={need > r.available ? "need over" : "need"} /> : null,
                )}
                <line x1={AXIS} y1={y(r.available)} x2={AXIS + WIDTH} y2={y(r.available)} className="avail-line" data-testid="avail-line" />
                {r.days.length ? (
                  <>
                    <text x={AXIS} y={HEIGHT + 13} className="chart-axis">
                      {formatTanggal(r.days[0]!.date)}
                    </text>
                    <text x={AXIS + WIDTH} y={HEIGHT + 13} textAnchor="end" className="chart-axis">
                      {formatTanggal(r.days[r.days.length - 1]!.date)}
                    </text>
                  </>
                ) : null}
              </svg>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
