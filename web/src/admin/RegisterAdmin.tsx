// The organisation's decree register (buku agenda keputusan): every number issued with its
// decree, or void (nomor batal) with the reason; an admin voids a number or records the next one
// as spoiled. Voided numbers stay listed and are never handed out again (the server's register).
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { ApiClient } from "../api/client.js";
import { navigate } from "../router.js";
import { ErrorBox, errorLines } from "./AdminScreen.js";

const entrySchema = z.object({
  id: z.number(),
  number: z.string(),
  issuedOn: z.string(),
  title: z.string(),
  signatory: z.string(),
  planId: z.string().nullable(),
  status: z.enum(["issued", "void"]),
  voidReason: z.string().nullable(),
  voidedByName: z.string().nullable().optional(),
});
type Entry = z.infer<typeof entrySchema>;
const registerSchema = z.object({ year: z.number(), next: z.object({ number: z.string() }), items: z.array(entrySchema) });
type Register = z.infer<typeof registerSchema>;

export function RegisterAdmin({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const [register, setRegister] = useState<Register | undefined>();
  const [errors, setErrors] = useState<string[]>([]);
  /** The entry being voided ("next": the next number, spoiled), with the reason typed so far. */
  const [voiding, setVoiding] = useState<{ target: Entry | "next"; reason: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setRegister(await api.request("GET", "/api/decree-register", registerSchema));
    } catch (e) {
      setErrors(errorLines(e));
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  async function confirmVoid(e: FormEvent) {
    e.preventDefault();
    if (!voiding) return;
    try {
      if (voiding.target === "next") await api.request("POST", "/api/decree-register/spoiled", entrySchema, { body: { reason: voiding.reason } });
      else await api.request("POST", `/api/decree-register/${voiding.target.id}/void`, entrySchema, { body: { reason: voiding.reason } });
      setVoiding(null);
      setErrors([]);
      await load();
    } catch (err) {
      setErrors(errorLines(err));
    }
  }

  if (!register) return errors.length ? <ErrorBox lines={errors} /> : <p>{t("common.loading")}</p>;
  return (
    <section aria-labelledby="register-title" data-testid="decree-register">
      <h2 id="register-title">{t("register.title", { year: register.year })}</h2>
      <p>
        {t("register.next")}: <strong data-testid="register-next">{register.next.number}</strong>{" "}
        <button type="button" onClick={() => setVoiding({ target: "next", reason: "" })}>
          {t("register.spoilNext")}
        </button>
      </p>
      <ErrorBox lines={errors} />
      {voiding ? (
        <form onSubmit={(e) => void confirmVoid(e)} className="field" data-testid="register-void-form">
          <label htmlFor="void-reason" className="field-label">
            {t("register.reason", { number: voiding.target === "next" ? register.next.number : voiding.target.number })}
          </label>
          <input id="void-reason" value={voiding.reason} onChange={(e) => setVoiding({ ...voiding, reason: e.target.value })} />
          <div className="row">
            <button type="submit" className="primary">
              {t("register.confirmVoid")}
            </button>
            <button type="button" onClick={() => setVoiding(null)}>
              {t("admin.cancel")}
            </button>
          </div>
        </form>
      ) : null}
      {register.items.length === 0 ? (
        <p>{t("register.empty")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t("register.number")}</th>
              <th>{t("register.date")}</th>
              <th>{t("register.subject")}</th>
              <th>{t("register.signatory")}</th>
              <th>{t("register.status")}</th>
              <th>{t("register.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {register.items.map((e) => (
              <tr key={e.id} data-testid="register-entry" data-status={e.status}>
                <td>{e.number}</td>
                <td>{e.issuedOn}</td>
                <td>
                  {e.planId ? (
                    <a
                      href={`/plans/${e.planId}/dokumen`}
                      onClick={(ev) => {
                        ev.preventDefault();
                        navigate(`/plans/${e.planId}/dokumen`);
                      }}
                    >
                      {e.title}
                    </a>
                  ) : (
                    e.title || "—"
                  )}
                </td>
                <td>{e.signatory || "—"}</td>
                <td>{e.status === "void" ? t("register.void", { reason: e.voidReason ?? "" }) : t("register.issued")}</td>
                <td>
                  {e.status === "issued" ? (
                    <button type="button" onClick={() => setVoiding({ target: e, reason: "" })}>
                      {t("register.voidButton")}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
