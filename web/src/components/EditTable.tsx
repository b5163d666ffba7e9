// The editable list tables of the stage screens: a header row of column names, a last
// column for each row's remove button (named for screen readers), then the rows.
// Column widths are shares of the table (`width`, e.g. "24%") under a fixed layout, so a
// name or a description gets the room it needs and a number only its own; a table that
// cannot fit (`minWidth`) scrolls inside its own box, never the page. On a phone every row
// becomes a card: the cells stack and their (otherwise visually hidden) labels show (CSS).
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type Column = string | { label: string; width?: string };

export function EditTable({ columns, children, footer, minWidth, className, label }: { columns: readonly Column[]; children: ReactNode; footer?: ReactNode; minWidth?: number; className?: string; label?: string }) {
  const { t } = useTranslation();
  const specs = columns.map((c) => (typeof c === "string" ? { label: c } : c));
  const fixed = specs.some((c) => c.width);
  return (
    <div className="table-scroll" role={label ? "region" : undefined} aria-label={label} tabIndex={label ? 0 : undefined}>
      <table className={`data-table edit-table ${fixed ? "fixed" : ""} ${className ?? ""}`} style={minWidth ? { minWidth } : undefined}>
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
  );
}
