// Documents: the decree's fields, a preview of the SK from the domain's decree model (the same
// model the DOCX/PDF writers use) with authority warnings, and downloads of every document.
import { useMemo, useState, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { decreeAuthority, decreeModel, type DecreeModel, type Point } from "../../../src/domain/decree/index.js";
import { pick } from "../../../src/domain/messages.js";
import { CAPACITIES } from "../../../src/domain/plan/schema.js";
import { DateField, LinesField, SelectField, TextField } from "../components/fields.js";
import { LevelField, NipField, RankField } from "../components/officials.js";
import { currentLang } from "../i18n/index.js";
import { focusPath } from "../state/stages.js";
import { ApiError, type ApiClient } from "../api/client.js";
import type { StageProps } from "./index.js";

const DOCUMENTS: { kind: "sk" | "plan" | "aksi-perubahan" | "budget" | "calendar" | "mspdi"; exts: string[] }[] = [
  { kind: "sk", exts: ["docx", "pdf"] },
  { kind: "plan", exts: ["docx", "pdf"] },
  { kind: "aksi-perubahan", exts: ["docx", "pdf"] },
  { kind: "budget", exts: ["xlsx"] },
  { kind: "calendar", exts: ["ics"] },
  { kind: "mspdi", exts: ["xml"] },
];

export function DocumentsStage({ plan, api }: StageProps) {
  const { t } = useTranslation();
  const d = plan.decree;
  const s = d.signatory;
  const problems = useMemo(() => decreeAuthority(plan), [plan]);
  // Who may sign: the refusals shown beside the signatory's fields, naming the rule broken.
  const signingErrors = problems.filter((p) => p.severity === "error" && /^decree\.(signatory|issuer)/.test(p.path));
  const model = useMemo(() => decreeModel(plan), [plan]);
  const planId = window.location.pathname.split("/")[2] ?? "";
  const [downloadError, setDownloadError] = useState<string[]>([]);
  const onDownload = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    setDownloadError([]);
    void saveDownload(api, e.currentTarget.href).catch((err: unknown) =>
      setDownloadError(err instanceof ApiError ? [err.message, ...err.fieldErrors.map((f) => f.message)] : [String(err)]),
    );
  };
  return (
    <>
      <section className="card" aria-labelledby="decree-title">
        <h1 id="decree-title">{t("documents.decree")}</h1>
        <div className="grid-3">
          <TextField label={t("documents.issuerTitle")} path={["decree", "issuerTitle"]} dataPath="decree.issuerTitle" value={d.issuerTitle} />
          <LevelField label={t("documents.issuerLevel")} path={["decree", "issuerLevel"]} dataPath="decree.issuerLevel" value={d.issuerLevel} />
          <TextField label={t("documents.subject")} path={["decree", "subject"]} dataPath="decree.subject" value={d.subject} optional />
          <TextField label={t("documents.number")} path={["decree", "number"]} dataPath="decree.number" value={d.number} optional />
          <TextField label={t("documents.place")} path={["decree", "place"]} dataPath="decree.place" value={d.place} />
          <DateField label={t("documents.date")} path={["decree", "date"]} dataPath="decree.date" value={d.date} optional />
        </div>
        <fieldset>
          <legend>{t("documents.signatory")}</legend>
          <div className="grid-3">
            <TextField label={t("documents.signatoryName")} path={["decree", "signatory", "name"]} dataPath="decree.signatory.name" value={s.name} />
            <TextField label={t("documents.signatoryPosition")} path={["decree", "signatory", "position"]} dataPath="decree.signatory.position" value={s.position} />
            <NipField label={t("documents.signatoryNip")} path={["decree", "signatory", "nip"]} dataPath="decree.signatory.nip" value={s.nip} />
            <RankField label={t("documents.signatoryRank")} path={["decree", "signatory", "rank"]} dataPath="decree.signatory.rank" value={s.rank} />
            <LevelField label={t("documents.signatoryLevel")} path={["decree", "signatory", "level"]} dataPath="decree.signatory.level" value={s.level} />
            <SelectField label={t("documents.capacity")} optional path={["decree", "signatory", "capacity"]} dataPath="decree.signatory.capacity" value={s.capacity} options={CAPACITIES.map((c) => [c, t(`documents.capacities.${c}`)] as const)} />
            <TextField label={t("documents.onBehalfOf")} path={["decree", "signatory", "onBehalfOf"]} dataPath="decree.signatory.onBehalfOf" value={s.onBehalfOf} optional />
          </div>
          {signingErrors.length > 0 ? (
            <AuthorityList problems={signingErrors} testId="signatory-problems" label={t("documents.signingRules")} />
          ) : null}
        </fieldset>
        <div className="grid-2">
          <LinesField label={t("documents.considerations")} hint={t("documents.onePerLine")} path={["decree", "considerations"]} dataPath="decree.considerations" value={d.considerations} />
          <LinesField label={t("documents.legalBases")} hint={t("documents.onePerLine")} path={["decree", "legalBases"]} dataPath="decree.legalBases" value={d.legalBases} />
          <LinesField label={t("documents.dictums")} hint={t("documents.onePerLine")} path={["decree", "dictums"]} dataPath="decree.dictums" value={d.dictums} />
          <LinesField label={t("documents.copiesTo")} hint={t("documents.onePerLine")} path={["decree", "copiesTo"]} dataPath="decree.copiesTo" value={d.copiesTo} />
        </div>
      </section>
      <section className="card" aria-labelledby="authority-title">
        <h2 id="authority-title">{t("documents.authority")}</h2>
        {problems.length === 0 ? (
          <p className="ok">✓ {t("documents.authorityOk")}</p>
        ) : (
          <AuthorityList problems={problems} testId="authority-problems" />
        )}
      </section>
      <section className="card" aria-labelledby="downloads-title">
        <h2 id="downloads-title">{t("documents.downloads")}</h2>
        <ul className="downloads">
          {DOCUMENTS.map((doc) => (
            <li key={doc.kind}>
              {t(`documents.kinds.${doc.kind}`)}:{" "}
              {doc.exts.map((ext) => (
                <a key={ext} className="button" href={api.documentUrl(planId, doc.kind, ext)} download onClick={onDownload} data-testid={`download-${doc.kind}-${ext}`}>
                  .{ext}
                </a>
              ))}
            </li>
          ))}
          <li>
            {t("documents.exportJson")}:{" "}
            <a className="button" href={api.exportUrl(planId)} download onClick={onDownload} data-testid="download-json">
              .json
            </a>
          </li>
        </ul>
        {downloadError.length ? (
          <div role="alert" className="error-box" data-testid="download-error">
            {downloadError.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </div>
        ) : null}
      </section>
      <section className="card" aria-labelledby="preview-title">
        <h2 id="preview-title">{t("documents.preview")}</h2>
        <DecreePreview model={model} />
      </section>
    </>
  );
}

function Points({ items }: { items: Point[] }) {
  return (
    <ol className="sk-points">
      {items.map((p, i) => (
        <li key={i}>
          <span className="sk-label">{p.label}</span>
          <span>
            {p.text}
            {p.subpoints ? <Points items={p.subpoints} /> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}

function DecreePreview({ model: m }: { model: DecreeModel }) {
  return (
    <article className="sk-paper" data-testid="sk-preview" style={{ fontFamily: `"${m.page.font}", "Bookman Old Style", serif` }}>
      <header className="sk-kop">
        {m.letterhead.government ? <p>{m.letterhead.government}</p> : null}
        <p className="sk-office">{m.letterhead.office}</p>
        {m.letterhead.contactLines.map((l, i) => (
          <p key={i} className="sk-contact">{l}</p>
        ))}
      </header>
      <div className="sk-center">
        <p>{m.heading.title}</p>
        <p>{m.heading.number}</p>
        <p>{m.heading.about}</p>
        <p>{m.heading.subject}</p>
        <p className="sk-gap">{m.blessing}</p>
        <p className="sk-gap">{m.issuerLine}</p>
      </div>
      <div className="sk-section">
        <span className="sk-head">Menimbang</span>
        <span>:</span>
        <Points items={m.considerations} />
      </div>
      <div className="sk-section">
        <span className="sk-head">Mengingat</span>
        <span>:</span>
        <Points items={m.legalBases} />
      </div>
      <p className="sk-center sk-gap">{m.decides}</p>
      <div className="sk-section">
        <span className="sk-head">Menetapkan</span>
        <span>:</span>
        <p>{m.establishes}</p>
      </div>
      {m.dictums.map((d, i) => (
        <div key={i} className="sk-section">
          <span className="sk-head">{d.ordinal}</span>
          <span>:</span>
          <div>
            <p>{d.text}</p>
            {d.points ? <Points items={d.points} /> : null}
          </div>
        </div>
      ))}
      <div className="sk-signature">
        <p>{m.signature.placeLine}</p>
        <p>{m.signature.dateLine}</p>
        {m.signature.officeLines.map((l, i) => (
          <p key={i}>{l}</p>
        ))}
        <p className="sk-sign-space" />
        <p className="sk-name">{m.signature.name}</p>
        {m.signature.rank ? <p>{m.signature.rank}</p> : null}
        {m.signature.nipLine ? <p>{m.signature.nipLine}</p> : null}
      </div>
      {m.copiesTo.items.length ? (
        <div>
          <p>{m.copiesTo.heading}</p>
          <Points items={m.copiesTo.items} />
        </div>
      ) : null}
      <hr />
      <div className="sk-appendix-head">
        {m.appendix.headingLines.map((l, i) => (
          <p key={i}>
            <span className="sk-label-wide">{l.label}</span> {l.label && l.text ? ": " : ""}
            {l.text}
          </p>
        ))}
      </div>
      <p className="sk-center">{m.appendix.title}</p>
      <table className="sk-table">
        <thead>
          <tr>
            {m.appendix.columns.map((c) => (
              <th key={c} scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.appendix.rows.map((r, i) => (
            <tr key={i}>
              <td>{r.no}</td>
              <td>{r.role}</td>
              <td>
                {r.name}
                {r.nipLine ? (
                  <>
                    <br />
                    {r.nipLine}
                  </>
                ) : null}
              </td>
              <td>{r.position}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

/** Fetches the file (so a refusal is shown rather than saved) and hands it to the browser as a download. */
export async function saveDownload(api: ApiClient, url: string): Promise<void> {
  const { blob, fileName } = await api.download(url);
  const objectUrl = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = objectUrl;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}

/** Who-may-sign problems, each a link to the field concerned. */
function AuthorityList({ problems, testId, label }: { problems: ReturnType<typeof decreeAuthority>; testId: string; label?: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <ul className="authority" data-testid={testId} aria-label={label}>
      {problems.map((p, i) => (
        <li key={i} className={`finding ${p.severity}`}>
          <button type="button" className="link" onClick={() => focusPath(p.path)}>
            <span className="sev">{t(`findings.${p.severity}`)}</span> {pick(p.message, lang)}
          </button>
        </li>
      ))}
    </ul>
  );
}
