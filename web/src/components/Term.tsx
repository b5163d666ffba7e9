// A term of the module (IFAS, TOWS, FS, float, …) with its explanation one click away: a
// "?" button opening a native popover (the platform's own accessible light-dismiss popup:
// Escape and a click outside close it, focus returns to the button), placed under the button.
import { useId, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function Term({ term, children, label }: { term: string; children: ReactNode; label?: ReactNode }) {
  const { t } = useTranslation();
  const id = `term-${useId().replace(/:/g, "")}`;
  const button = useRef<HTMLButtonElement>(null);
  const place = (e: React.SyntheticEvent<HTMLElement>) => {
    const pop = e.currentTarget;
    const b = button.current?.getBoundingClientRect();
    if (!b || !pop.matches(":popover-open")) return;
    const width = Math.min(320, window.innerWidth - 16);
    pop.style.width = `${width}px`;
    pop.style.left = `${Math.max(8, Math.min(b.left, window.innerWidth - width - 8))}px`;
    pop.style.top = `${b.bottom + 6}px`;
  };
  return (
    <span className="term">
      {label ?? term}
      <button ref={button} type="button" className="term-help" popoverTarget={id} aria-label={t("terms.explain", { term })} data-term={term}>
        ?
      </button>
      <span id={id} popover="auto" className="term-pop" role="note" onToggle={place}>
        <strong>{term}</strong> — {children}
      </span>
    </span>
  );
}
