// Inputs bound to a plan path. Every input has a label (visible, or visually hidden in tables)
// and carries `data-path` = the finding path of the value, so a finding can focus it.
import { createContext, useContext, useEffect, useId, useState, useSyncExternalStore, type ReactNode } from "react";
import { formatAngka, formatTanggalHari } from "../../../src/domain/format/indonesian.js";
import { parseNumberInput } from "../../../src/domain/format/number-input.js";
import { pick, type Bilingual } from "../../../src/domain/messages.js";
import { currentLang } from "../i18n/index.js";
import type { Path } from "../state/edits.js";
import { textLimits } from "../state/limits.js";
import type { Draft, PlanSession } from "../state/session.js";

export const SessionContext = createContext<PlanSession | null>(null);

/**
 * True while the plan may not be edited (under review, read by a reviewer or reader, approved and
 * not reopened): text stays selectable and scrollable (readOnly), choices are disabled. The
 * session ignores edits then as well.
 */
export const ReadOnlyContext = createContext(false);

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}

export function useSessionContext(): PlanSession {
  const s = useContext(SessionContext);
  if (!s) throw new Error("SessionContext missing");
  return s;
}

export function fieldId(dataPath: string): string {
  return "f-" + dataPath.replace(/[^A-Za-z0-9_-]/g, "_");
}

type Common = { label: string; path: Path; dataPath: string; hideLabel?: boolean; className?: string; describedBy?: string };

function Label({ htmlFor, text, hide }: { htmlFor: string; text: string; hide?: boolean }) {
  return (
    <label htmlFor={htmlFor} className={hide ? "sr-only" : "field-label"}>
      {text}
    </label>
  );
}

function Wrap({ hide, className, children }: { hide?: boolean; className?: string; children: ReactNode }) {
  return hide ? <>{children}</> : <div className={`field ${className ?? ""}`}>{children}</div>;
}

/** A field inside a table cell: one wrapper always, so a message appearing never remounts the input (and drops focus). */
function CellWrap({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={`cell-field ${className ?? ""}`}>{children}</div>;
}

/** The field's refused text, if any (re-renders only this field when it changes). */
function useDraft(session: PlanSession, path: Path): Draft | undefined {
  return useSyncExternalStore(session.subscribe, () => session.getDraft(path));
}

/** The reason a field refused its value, beside it: the field's label first, never a path. */
function FieldError({ id, label, message }: { id: string; label: string; message: Bilingual }) {
  return (
    <span id={id} className="field-error" data-testid="field-error">
      {label}: {pick(message, currentLang())}
    </span>
  );
}

function tooLong(max: number, length: number): Bilingual {
  return { id: `paling banyak ${formatAngka(max)} karakter (sekarang ${formatAngka(length)})`, en: `at most ${max} characters (now ${length})` };
}

/**
 * A text field. `check` refuses a value with its reason (kept beside the field, never sent), as
 * the schema would; `normalize` writes an accepted value in its usual form (a NIP grouped).
 */
export function TextField(props: Common & { value: string | undefined; multiline?: boolean; optional?: boolean; rows?: number; check?: (v: string) => Bilingual | undefined; normalize?: (v: string) => string }) {
  const session = useSessionContext();
  const readOnly = useReadOnly();
  const id = fieldId(props.dataPath);
  const errId = `${id}-error`;
  const counterId = `${id}-count`;
  const draft = useDraft(session, props.path);
  const limits = textLimits(props.path);
  const shown = draft ? draft.text : (props.value ?? "");
  const onChange = (v: string) => {
    // A required name left empty or a text over its limit stays here with its reason; the plan keeps the last good value.
    const problem =
      limits.max !== undefined && v.length > limits.max
        ? tooLong(limits.max, v.length)
        : limits.min && v.trim() === "" && !props.optional
          ? { id: "wajib diisi", en: "is required" }
          : v.trim() !== "" && props.check
            ? props.check(v)
            : undefined;
    if (problem) {
      session.setDraft(props.path, { text: v, label: props.label, message: problem });
      return;
    }
    session.setDraft(props.path, undefined);
    session.set(props.path, props.optional && v === "" ? undefined : props.normalize && v.trim() !== "" ? props.normalize(v) : v);
  };
  // The counter shows for short limits (names, titles) and near any limit.
  const showCounter = limits.max !== undefined && !readOnly && (shown.length >= limits.max * 0.8 || (!props.hideLabel && limits.max <= 1000 && shown.length > 0));
  const describedBy = [props.describedBy, draft ? errId : undefined, showCounter ? counterId : undefined].filter(Boolean).join(" ") || undefined;
  const common = { id, "data-path": props.dataPath, value: shown, readOnly, "aria-describedby": describedBy, "aria-invalid": draft ? true : undefined } as const;
  return (
    <FieldWrap hide={props.hideLabel} className={props.className}>
      <Label htmlFor={id} text={props.label} hide={props.hideLabel} />
      {props.multiline ? <textarea {...common} rows={props.rows ?? 3} onChange={(e) => onChange(e.target.value)} /> : <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />}
      {showCounter ? (
        <span id={counterId} className={`counter ${limits.max !== undefined && shown.length > limits.max ? "over" : ""}`}>
          {formatAngka(shown.length)}/{formatAngka(limits.max!)}
        </span>
      ) : null}
      {draft ? <FieldError id={errId} label={props.label} message={draft.message} /> : null}
    </FieldWrap>
  );
}

function FieldWrap({ hide, className, children }: { hide?: boolean; className?: string; children: ReactNode }) {
  return hide ? <CellWrap className={className}>{children}</CellWrap> : <Wrap className={className}>{children}</Wrap>;
}

/**
 * Numbers are typed as text, in Indonesian notation or English ("1.234,5", "Rp 1.500.000",
 * "0.6"): only a value that parses and fits reaches the plan. A refused one stays visible with
 * its reason (and survives a reload, see `Draft`) while every other edit keeps saving.
 */
export function NumberField(props: Common & { value: number | undefined; min?: number; max?: number; step?: number; integer?: boolean; optional?: boolean }) {
  const session = useSessionContext();
  const readOnly = useReadOnly();
  const id = fieldId(props.dataPath);
  const errId = `${id}-error`;
  const draft = useDraft(session, props.path);
  const [typed, setTyped] = useState(props.value === undefined ? "" : String(props.value));
  useEffect(() => {
    // Another value arrived (undo, someone else's save): show it, unless what is typed means the same.
    setTyped((d) => {
      const r = parseNumberInput(d, { optional: true });
      return r.ok && r.value === props.value && d.trim() !== "" ? d : props.value === undefined ? "" : String(props.value);
    });
  }, [props.value]);
  const shown = draft ? draft.text : typed;
  const rule = { min: props.min, max: props.max, integer: props.integer, optional: props.optional };
  return (
    <FieldWrap hide={props.hideLabel} className={props.className}>
      <Label htmlFor={id} text={props.label} hide={props.hideLabel} />
      <input
        id={id}
        data-path={props.dataPath}
        type="text"
        inputMode="decimal"
        value={shown}
        readOnly={readOnly}
        aria-invalid={draft ? true : undefined}
        aria-describedby={[props.describedBy, draft ? errId : undefined].filter(Boolean).join(" ") || undefined}
        onChange={(e) => {
          const v = e.target.value;
          setTyped(v);
          const r = parseNumberInput(v, rule);
          if (r.ok) {
            session.setDraft(props.path, undefined);
            session.set(props.path, r.value);
          } else session.setDraft(props.path, { text: v, label: props.label, message: r.message });
        }}
        className="num"
      />
      {draft ? <FieldError id={errId} label={props.label} message={draft.message} /> : null}
    </FieldWrap>
  );
}

export function SelectField<V extends string>(props: Common & { value: V | undefined; options: readonly (readonly [V, string])[]; optional?: boolean; emptyLabel?: string }) {
  const session = useSessionContext();
  const readOnly = useReadOnly();
  const id = fieldId(props.dataPath);
  return (
    <Wrap hide={props.hideLabel} className={props.className}>
      <Label htmlFor={id} text={props.label} hide={props.hideLabel} />
      <select id={id} data-path={props.dataPath} value={props.value ?? ""} disabled={readOnly} onChange={(e) => session.set(props.path, e.target.value === "" ? undefined : e.target.value)}>
        {props.optional || props.value === undefined ? <option value="">{props.emptyLabel ?? "—"}</option> : null}
        {props.options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

export function DateField(props: Common & { value: string | undefined; optional?: boolean }) {
  const session = useSessionContext();
  const readOnly = useReadOnly();
  const id = fieldId(props.dataPath);
  return (
    <Wrap hide={props.hideLabel} className={props.className}>
      <Label htmlFor={id} text={props.label} hide={props.hideLabel} />
      <input
        id={id}
        data-path={props.dataPath}
        type="date"
        value={props.value ?? ""}
        readOnly={readOnly}
        onChange={(e) => {
          const v = e.target.value;
          if (v === "" && props.optional) session.set(props.path, undefined);
          else if (/^\d{4}-\d{2}-\d{2}$/.test(v)) session.set(props.path, v);
        }}
      />
      {props.value && !props.hideLabel ? <span className="hint">{formatTanggalHari(props.value)}</span> : null}
    </Wrap>
  );
}

/** A list of strings edited as lines of a textarea (duties, legal bases, …). */
export function LinesField(props: Common & { value: readonly string[]; rows?: number; hint?: string }) {
  const session = useSessionContext();
  const readOnly = useReadOnly();
  const id = fieldId(props.dataPath);
  const hintId = useId();
  const [draft, setDraft] = useState(props.value.join("\n"));
  useEffect(() => {
    setDraft((d) => (deepLines(d, props.value) ? d : props.value.join("\n")));
  }, [props.value]);
  return (
    <Wrap hide={props.hideLabel} className={props.className}>
      <Label htmlFor={id} text={props.label} hide={props.hideLabel} />
      {props.hint ? <span id={hintId} className="hint">{props.hint}</span> : null}
      <textarea
        id={id}
        data-path={props.dataPath}
        rows={props.rows ?? 4}
        value={draft}
        readOnly={readOnly}
        aria-describedby={props.hint ? hintId : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          session.set(props.path, toLines(e.target.value));
        }}
      />
    </Wrap>
  );
}

function toLines(text: string): string[] {
  return text.split("\n").map((l) => l.trim()).filter((l) => l.length > 0);
}
function deepLines(text: string, value: readonly string[]): boolean {
  const a = toLines(text);
  return a.length === value.length && a.every((x, i) => x === value[i]);
}

/** A short random id suffix: two people adding items at once must not pick the same id. */
export function newId(prefix: string, existing: readonly { id: string }[]): string {
  for (;;) {
    const id = `${prefix}-${Math.random().toString(36).slice(2, 7)}`;
    if (!existing.some((x) => x.id === id)) return id;
  }
}
