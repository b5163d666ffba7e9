// The editable list tables of the stage screens: a header row of column names, a last
// column for each row's remove button (named for screen readers), then the rows.
// Column widths are shares of the table (`width`, e.g. "24%") under a fixed layout, so a
// name or a description gets the room it needs and a number only its own; a table that
// cannot fit (`minWidth`) scrolls inside its own box, never the page. On a phone every row
// becomes a card: the cells stack and their (otherwise visually hidden) labels show (CSS).
import { useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { cellControl, editableCells, isGrid, isReadOnly, parseTsv, setControlValue, waitForRows } from "./spreadsheet.js";

export type Column = string | { label: string; width?: string };

/** Spreadsheet habits (components/spreadsheet.ts); `addRows` lets a paste run past the last row. */
export type SheetOptions = { addRows?: (count: number) => void };

type PasteReport = { pasted: number; problems: string[] };

export function EditTable({ columns, children, footer, minWidth, className, label, sheet }: { columns: readonly Column[]; children: ReactNode; footer?: ReactNode; minWidth?: number; className?: string; label?: string; sheet?: SheetOptions }) {
  const { t } = useTranslation();
  const specs = columns.map((c) => (typeof c === "string" ? { label: c } : c));
  const fixed = specs.some((c) => c.width);
  const [report, setReport] = useState<PasteReport | null>(null);

  const onPaste = (e: ClipboardEvent<HTMLTableElement>) => {
    const text = e.clipboardData.getData("text/plain");
    const td = (e.target as HTMLElement).closest("td");
    const tr = td?.parentElement;
    const tbody = tr?.parentElement;
    if (!sheet || !isGrid(text) || !td || !(tr instanceof HTMLTableRowElement) || !(tbody instanceof HTMLTableSectionElement) || tbody.tagName !== "TBODY") return;
    const start = cellControl(td);
    if (!start || isReadOnly(start)) return;
    e.preventDefault();
    const grid = parseTsv(text);
    while (grid.length && grid[grid.length - 1]!.every((c) => c.trim() === "")) grid.pop();
    const startRow = Array.from(tbody.rows).indexOf(tr);
    const startCol = editableCells(tr).indexOf(td);
    void (async () => {
      const needed = startRow + grid.length - tbody.rows.length;
      if (needed > 0 && sheet.addRows) {
        sheet.addRows(needed);
        await waitForRows(tbody, startRow + grid.length);
      }
      const problems: string[] = [];
      let pasted = 0;
      grid.forEach((cells, r) => {
        const row = tbody.rows[startRow + r];
        if (!row) {
          problems.push(t("sheet.noRow", { row: startRow + r + 1 }));
          return;
        }
        const targets = editableCells(row);
        const outside = cells.length - Math.max(0, targets.length - startCol);
        if (outside > 0 && cells.slice(cells.length - outside).some((c) => c.trim() !== "")) problems.push(t("sheet.outside", { row: startRow + r + 1, count: outside }));
        cells.forEach((value, c) => {
          const cell = targets[startCol + c];
          const el = cellControl(cell);
          if (!cell || !el || isReadOnly(el)) return;
          if (!setControlValue(el, value)) problems.push(t("sheet.noOption", { row: startRow + r + 1, column: specs[cell.cellIndex]?.label ?? "", text: value.trim() }));
        });
        pasted++;
      });
      setReport({ pasted, problems });
    })();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (!sheet) return;
    const el = e.target as HTMLElement;
    const td = el.closest("td");
    const tr = td?.parentElement;
    const tbody = tr?.parentElement;
    if (!td || !(tr instanceof HTMLTableRowElement) || !(tbody instanceof HTMLTableSectionElement) || tbody.tagName !== "TBODY") return;
    const col = editableCells(tr).indexOf(td);
    const rowIndex = Array.from(tbody.rows).indexOf(tr);
    const controlAt = (r: number) => {
      const row = tbody.rows[r];
      return row ? cellControl(editableCells(row)[col]) : null;
    };
    if (e.key === "Enter" && !e.ctrlKey && !e.altKey && !e.metaKey && el instanceof HTMLInputElement) {
      // Enter moves down a row in the same column (Shift+Enter up), as in a spreadsheet.
      const next = controlAt(rowIndex + (e.shiftKey ? -1 : 1));
      if (next) {
        e.preventDefault();
        next.focus();
        if (next instanceof HTMLInputElement) next.select();
      }
    } else if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "d") {
      // Fill down: this cell takes the value of the one above.
      e.preventDefault();
      const above = controlAt(rowIndex - 1);
      const here = cellControl(td);
      if (above && here && !isReadOnly(here)) setControlValue(here, above.value);
    }
  };

  return (
    <>
    {sheet ? <p className="hint sheet-help">{t("sheet.help")}</p> : null}
    {report ? (
      <div className={report.problems.length ? "error-box sheet-report" : "notice sheet-report"} role={report.problems.length ? "alert" : "status"} data-testid="paste-report">
        <p>{t("sheet.pasted", { count: report.pasted })}</p>
        {report.problems.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    ) : null}
    <div className="table-scroll" role={label ? "region" : undefined} aria-label={label} tabIndex={label ? 0 : undefined}>
      <table className={`data-table edit-table ${fixed ? "fixed" : ""} ${className ?? ""}`} style={minWidth ? { minWidth } : undefined} onPaste={sheet ? onPaste : undefined} onKeyDown={sheet ? onKeyDown : undefined}>
        {fixed ? (
          <colgroup>
            {specs.map((c, i) => (
              <col key={i} style={c.width ? { width: c.width } : undefined} />
            ))}
            <col style={{ width: "2.75em" }} />
          </colgroup>
        ) : null}
        <thead>
          <tr>
            {specs.map((c, i) => (
              <th scope="col" key={i}>
                {c.label}
              </th>
            ))}
            <th scope="col">
              <span className="sr-only">{t("common.remove")}</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
    </>
  );
}
