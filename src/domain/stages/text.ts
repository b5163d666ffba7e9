// Small text helpers shared by the stage outputs and findings.

/** True for undefined, "" and text made only of whitespace. */
export function isBlank(text: string | undefined | null): boolean {
  return text === undefined || text === null || text.trim() === "";
}

/** Collapses whitespace so user text fits on one line of a message. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** How a message names an item: its (shortened) name and its id, e.g. `"Rapat persiapan" (k01)`. */
export function nameOf(id: string, name?: string, max = 60): string {
  const n = oneLine(name ?? "");
  if (!n) return `"${id}"`;
  const short = n.length > max ? `${n.slice(0, max - 1)}…` : n;
  return `"${short}" (${id})`;
}
