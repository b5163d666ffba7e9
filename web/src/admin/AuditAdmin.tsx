// The organisation's audit log (admins): who did what, when, to which plan and version, with what
// each plan write changed; newest first, a page at a time, filterable by plan.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { ApiClient } from "../api/client.js";
import { auditEntrySchema, type AuditEntry } from "../api/review.js";
import { currentLang } from "../i18n/index.js";
import { navigate, stageHref } from "../router.js";
import { formatTime } from "../review/CommentsPanel.js";
import { auditChangesText } from "../review/HistoryPanel.js";
import { ErrorBox, errorLines } from "./AdminScreen.js";

const PAGE_SIZE = 50;
const orgAuditSchema = z.object({
  items: z.array(auditEntrySchema.extend({ planTitle: z.string().nullable().optional() })),
  nextBeforeId: z.number().nullable().optional(),
});
type OrgAuditEntry = AuditEntry & { planTitle?: string | null | undefined };

export function AuditAdmin({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<OrgAuditEntry[] | undefined>();
  const [next, setNext] = useState<number | null>(null);
  const [planFilter, setPlanFilter] = useState<{ id: string; title: string } | null>(null);
  const [errors, setErrors] = useState<string[]>([]);

  const load = useCallback(
    async (beforeId: number | null, planId: string | null) => {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (beforeId !== null) query.set("beforeId", String(beforeId));
      if (planId !== null) query.set("planId", planId);
      try {
        const page = await api.request("GET", `/api/audit?${query.toString()}`, orgAuditSchema);
        setItems((prev) => (beforeId === null ? page.items : [...(prev ?? []), ...page.items]));
        setNext(page.nextBeforeId ?? null);
        setErrors([]);
      } catch (e) {
        setErrors(errorLines(e));
      }
    },
    [api],
  );
  useEffect(() => void load(null, planFilter?.id ?? null), [load, planFilter]);

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t("admin.audit")}</h1>
      <p className="muted">{t("auditAdmin.intro")}</p>
      <ErrorBox lines={errors} />
      {planFilter ? (
        <p role="status">
          {t("auditAdmin.filtered", { title: planFilter.title })}{" "}
          <button type="button" className="link" onClick={() => setPlanFilter(null)}>
            {t("auditAdmin.clearFilter")}
          </button>
        </p>
      ) : null}
      {items === undefined ? (
        <p>{t("common.loading")}</p>
      ) : items.length === 0 ? (
        <p>{t("review.history.noAudit")}</p>
      ) : (
        <table className="data-table" data-testid="org-audit">
          <thead>
            <tr>
              <th scope="col">{t("review.history.time")}</th>
              <th scope="col">{t("review.history.author")}</th>
              <th scope="col">{t("review.history.action")}</th>
              <th scope="col">{t("auditAdmin.plan")}</th>
              <th scope="col">{t("review.history.version")}</th>
              <th scope="col">{t("review.history.changes")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} data-testid="org-audit-entry" data-action={a.action}>
                <td>
                  <time dateTime={a.at}>{formatTime(a.at)}</time>
                </td>
                <td>{a.userName || a.userId || "—"}</td>
                <td>{t(`review.audit.${a.action.replace(/\./g, "_")}`, { defaultValue: a.action })}</td>
                <td>
                  {a.planId ? (
                    <>
                      <a
                        href={stageHref(a.planId, "sasaran")}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate(stageHref(a.planId ?? "", "sasaran"));
                        }}
                      >
                        {a.planTitle ?? a.planId}
                      </a>{" "}
                      {planFilter ? null : (
                        <button type="button" className="link" onClick={() => setPlanFilter({ id: a.planId ?? "", title: a.planTitle ?? a.planId ?? "" })}>
                          {t("auditAdmin.onlyThisPlan")}
                        </button>
                      )}
                    </>
                  ) : (
                    ""
                  )}
                </td>
                <td>{a.version ?? ""}</td>
                <td>{auditChangesText(a.detail, currentLang(), (n) => t("review.history.more", { n }))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next !== null ? (
        <button type="button" onClick={() => void load(next, planFilter?.id ?? null)}>
          {t("auditAdmin.more")}
        </button>
      ) : null}
    </section>
  );
}
