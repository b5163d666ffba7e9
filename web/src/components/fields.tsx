// Inputs bound to a plan path. Every input has a label (visible, or visually hidden in tables)
// and carries `data-path` = the finding path of the value, so a finding can focus it.
import { createContext, useContext, useEffect, useId, useState, type ReactNode } from "react";
import { formatTanggalHari } from "../../../src/domain/format/indonesian.js";
import type { Path } from "../state/edits.js";
import type { PlanSession } from "../state/session.js";

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

export function TextField(props: Common & { value: string | undefined; multiline?: boolean; optional?: boolean; rows?: number }) {
  const session = useSessionContext();
  const readOnly = useReadOnly();
  const id = fieldId(props.dataPath);
  const onChange = (v: string) => session.set(props.path, props.optional && v === "" ? undefined : v);
  return (
    <Wrap hide={props.hideLabel} className={props.className}>
      <Label htmlFor={id} text={props.label} hide={props.hideLabel} />
      {props.multiline ? (
        <textarea id={id} data-path={props.dataPath} rows={props.rows ?? 3} value={props.value ?? ""} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} aria-describedby={props.describedBy} />
      ) : (
        <input id={id} data-path={props.dataPath} type="text" value={props.value ?? ""} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} aria-describedby={props.describedBy} />
      )}
    </Wrap>
  );
}

/** Numbers are typed as text: only a value that parses (and fits) reaches the plan. */
export function NumberField(props: Common & { value: number | undefined; min?: number; max?: number; step?: number; integer?: boolean; optional?: boolean }) {
  const session = useSessionContext();
  const readOnly = useReadOnly();
  const id = fieldId(props.dataPath);
  const [draft, setDraft] = useState(props.value === undefined ? "" : String(props.value));
  useEffect(() => {
    setDraft((d) => (Number(d.replace(",", ".")) === props.value && d.trim() !== "" ? d : props.value === undefined ? "" : String(props.value)));
  }, [props.value]);
  const parsed = draft.trim() === "" ? undefined : Number(draft.replace(",", "."));
  const invalid =
    (parsed === undefined && !props.optional) ||
    (parsed !== undefined && (!Number.isFinite(parsed) || (props.integer && !Number.isInteger(parsed)) || (props.min !== undefined && parsed < props.min) || (props.max !== undefined && parsed > props.max)));
  return (
    <Wrap hide={props.hideLabel} className={props.className}>
      <Label htmlFor={id} text={props.label} hide={props.hideLabel} />
      <input
        id={id}
        data-path={props.dataPath}
        type="text"
        inputMode="decimal"
        value={draft}
        readOnly={readOnly}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          const v = e.target.value;
          setDraft(v);
          const n = v.trim() === "" ? undefined : Number(v.replace(",", "."));
          const ok =
            (n === undefined && props.optional) ||
            (n !== undefined && Number.isFinite(n) && (!props.integer || Number.isInteger(n)) && (props.min === undefined || n >= props.min) && (props.max === undefined || n <= props.max));
          if (ok) session.set(props.path, n);
        }}
        className="num"
      />
    </Wrap>
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
