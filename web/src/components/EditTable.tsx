// The editable list tables of the stage screens: a header row of column names, a last
// column for each row's remove button (named for screen readers), then the rows.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function EditTable({ columns, children, footer }: { columns: readonly string[]; children: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <table className="data-table edit-table">
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th scope="col" key={i}>
              {c}
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
  );
}
