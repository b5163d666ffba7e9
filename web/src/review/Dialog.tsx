// A modal dialog for the review actions: focus moves in, Escape or the cancel button closes it.
import { useEffect, useId, useRef, type ReactNode } from "react";

export function Dialog({ title, children, onClose }: { title: string; children: (titleId: string) => ReactNode; onClose: () => void }) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>("textarea, input, select, button")?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div
      className="modal-backdrop"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="modal review-dialog" ref={box}>
        <h2 id={titleId}>{title}</h2>
        {children(titleId)}
      </div>
    </div>
  );
}
