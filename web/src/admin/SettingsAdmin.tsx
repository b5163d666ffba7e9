// Organisation settings used by the documents: letterhead, decree number template (with a live
// preview), paper and font.
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ApiError, LETTERHEAD_FIELDS, organizationSchema, type ApiClient, type OrganizationSettings, type Unit } from "../api/client.js";
import { conflictFields, RecordConflict, type ConflictField } from "./RecordConflict.js";
import { ErrorBox, errorLines } from "./AdminScreen.js";
import { previewDecreeNumber } from "./decreeNumber.js";

/** Fonts offered in the list; any other installed font name may be typed. */
const COMMON_FONTS = ["Bookman Old Style", "Arial", "Times New Roman", "Tahoma", "Calibri", "Cambria"];

type Form = { letterhead: Record<(typeof LETTERHEAD_FIELDS)[number], string>; decreeNumberTemplate: string; unitCode: string; amendmentDecree: "perubahan" | "pencabutan"; paper: "A4" | "F4"; font: string };

function toForm(s: OrganizationSettings): Form {
  const letterhead = Object.fromEntries(LETTERHEAD_FIELDS.map((f) => [f, s.letterhead[f] ?? ""])) as Form["letterhead"];
  return { letterhead, decreeNumberTemplate: s.decreeNumberTemplate, unitCode: s.unitCode ?? "", amendmentDecree: s.amendmentDecree, paper: s.paper, font: s.font };
}

function fromForm(f: Form): OrganizationSettings {
  // Empty fields are left out: "not set" lets the plan's own letterhead show through.
  const letterhead: OrganizationSettings["letterhead"] = {};
  for (const k of LETTERHEAD_FIELDS) if (f.letterhead[k].trim()) letterhead[k] = f.letterhead[k].trim();
  return { letterhead, decreeNumberTemplate: f.decreeNumberTemplate.trim(), ...(f.unitCode.trim() ? { unitCode: f.unitCode.trim() } : {}), amendmentDecree: f.amendmentDecree, paper: f.paper, font: f.font.trim() };
}

export function SettingsAdmin({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form | undefined>();
  // The settings' version the form was loaded from: sent as If-Match.
  const [version, setVersion] = useState(0);
  const [conflict, setConflict] = useState<{ fields: ConflictField[]; mine: Form } | undefined>();
  const [units, setUnits] = useState<Unit[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState("");
  // The register's real next counter for the template as typed (its series may differ from the saved one).
  const [nextCounter, setNextCounter] = useState(1);
  const template = form?.decreeNumberTemplate;
  useEffect(() => {
    if (!template) return;
    const timer = setTimeout(() => {
      api.request("GET", `/api/decree-register/next?template=${encodeURIComponent(template)}`, z.object({ counter: z.number() })).then(
        (r) => setNextCounter(r.counter),
        () => undefined,
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [api, template]);

  useEffect(() => {
    api.getOrganization().then(
      (org) => {
        setForm(toForm(org.settings));
        setVersion(org.version);
      },
      (e: unknown) => setErrors(errorLines(e)),
    );
    // Units only feed the preview's {unitCode}; without them the preview uses a placeholder code.
    api.listUnits().then(
      (r) => setUnits(r.items),
      () => undefined,
    );
  }, [api]);

  if (!form) return errors.length ? <ErrorBox lines={errors} /> : <p>{t("common.loading")}</p>;

  const set = (patch: Partial<Form>) => {
    setNotice("");
    setForm({ ...form, ...patch });
  };
  const today = new Date();
  const unitCode = form.unitCode.trim() || units.find((u) => u.code)?.code || undefined;
  const preview = previewDecreeNumber(form.decreeNumberTemplate, { counter: nextCounter, year: today.getFullYear(), month: today.getMonth() + 1, unitCode });

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    try {
      const saved = await api.saveSettings(fromForm(form), version);
      setForm(toForm(saved.settings));
      setVersion(saved.version);
      setErrors([]);
      setConflict(undefined);
      setNotice(t("settings.saved"));
    } catch (err) {
      const theirs = err instanceof ApiError && err.code === "record.conflict" ? organizationSchema.safeParse(err.currentRecord) : undefined;
      if (theirs?.success) {
        // Someone else saved first: show their settings, and what differs from what was typed here.
        const next = toForm(theirs.data.settings);
        const flat = (f: Form) => ({ ...f.letterhead, decreeNumberTemplate: f.decreeNumberTemplate, unitCode: f.unitCode, paper: f.paper, font: f.font });
        const keys = [...LETTERHEAD_FIELDS, "decreeNumberTemplate", "unitCode", "paper", "font"] as const;
        const label = (k: (typeof keys)[number]) => ((LETTERHEAD_FIELDS as readonly string[]).includes(k) ? t(`settings.fields.${k}`) : k === "decreeNumberTemplate" ? t("settings.template") : t(`settings.${k}`));
        setConflict({ fields: conflictFields(keys, flat(form), flat(next), label), mine: form });
        setForm(next);
        setVersion(theirs.data.version);
        setErrors([]);
      } else setErrors(errorLines(err));
    }
  }

  return (
    <form className="settings" onSubmit={(e) => void save(e)} aria-labelledby="settings-title" noValidate>
      <h1 id="settings-title">{t("settings.title")}</h1>
      <fieldset className="card">
        <legend>{t("settings.letterhead")}</legend>
        <p className="hint">{t("settings.letterheadHint")}</p>
        <div className="grid-2">
          {LETTERHEAD_FIELDS.map((field) => (
            <div className="field" key={field}>
              <label htmlFor={`letterhead-${field}`}>{t(`settings.fields.${field}`)}</label>
              <input
                id={`letterhead-${field}`}
                type="text"
                value={form.letterhead[field]}
                onChange={(e) => set({ letterhead: { ...form.letterhead, [field]: e.target.value } })}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t("settings.decree")}</legend>
        <div className="field">
          <label htmlFor="decree-template">{t("settings.template")}</label>
          <input
            id="decree-template"
            type="text"
            className="mono"
            value={form.decreeNumberTemplate}
            onChange={(e) => set({ decreeNumberTemplate: e.target.value })}
            aria-describedby="decree-template-hint decree-preview"
          />
          <span id="decree-template-hint" className="hint">
            {t("settings.templateHint")}
          </span>
        </div>
        <div className="field">
          <label htmlFor="decree-unit-code">{t("settings.unitCode")}</label>
          <input id="decree-unit-code" type="text" value={form.unitCode} onChange={(e) => set({ unitCode: e.target.value })} />
        </div>
        <p id="decree-preview" aria-live="polite">
          {t("settings.preview")}:{" "}
          {preview.ok ? (
            <strong data-testid="decree-preview">{preview.number}</strong>
          ) : (
            <span className="warn" data-testid="decree-preview">
              {preview.problem === "unknown" ? t("settings.previewInvalid", { placeholder: preview.placeholder }) : t("settings.previewNoCounter")}
            </span>
          )}
        </p>
        <div className="field">
          <label htmlFor="settings-amendment">{t("settings.amendmentDecree")}</label>
          <select id="settings-amendment" value={form.amendmentDecree} onChange={(e) => set({ amendmentDecree: e.target.value === "pencabutan" ? "pencabutan" : "perubahan" })}>
            <option value="perubahan">{t("settings.amendmentPerubahan")}</option>
            <option value="pencabutan">{t("settings.amendmentPencabutan")}</option>
          </select>
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t("settings.document")}</legend>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="settings-paper">{t("settings.paper")}</label>
            <select id="settings-paper" value={form.paper} onChange={(e) => set({ paper: e.target.value === "A4" ? "A4" : "F4" })}>
              <option value="F4">F4 (215 × 330 mm)</option>
              <option value="A4">A4 (210 × 297 mm)</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="settings-font">{t("settings.font")}</label>
            <input id="settings-font" type="text" list="settings-fonts" value={form.font} onChange={(e) => set({ font: e.target.value })} />
            <datalist id="settings-fonts">
              {COMMON_FONTS.map((f) => (
                <option key={f} value={f} />
              ))}
            </datalist>
          </div>
        </div>
      </fieldset>
      <ErrorBox lines={errors} />
      {conflict ? (
        <RecordConflict
          fields={conflict.fields}
          onUseMine={() => {
            setForm(conflict.mine);
            setConflict(undefined);
          }}
        />
      ) : null}
      {notice ? <p role="status">{notice}</p> : null}
      <div className="row">
        <button type="submit" className="primary">
          {t("settings.save")}
        </button>
      </div>
    </form>
  );
}
