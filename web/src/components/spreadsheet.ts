// Spreadsheet habits for the edit tables (RAB, activities): rows pasted from Excel or
// LibreOffice (tab-separated text) fill the cells from the one pasted into, adding rows as
// needed; Enter / Shift+Enter move down / up a row in the same column; Ctrl+D fills a cell
// from the one above. Cells are filled through their own inputs, so each value is parsed and
// checked by its field exactly as if typed (a refused value stays visible with its reason).

/** Tab-separated text as rows of cells; quoted cells (Excel's, with "" for ") may hold tabs and line breaks. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let quoted = false;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
      i++;
      continue;
    }
    if (ch === "\t") {
      row.push(cell);
      cell = "";
      atCellStart = true;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
    i++;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** True when pasted text is more than one value (a tab or a line break between values). */
export function isGrid(text: string): boolean {
  return /\t|\S[\r\n]+\S/.test(text);
}

type Editable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The editable control of a table cell, if any. */
export function cellControl(td: Element | null | undefined): Editable | null {
  return td?.querySelector<Editable>("input:not([type=checkbox]):not([type=hidden]), textarea, select") ?? null;
}

/** The cells of a row that hold an editable control, in visual order. */
export function editableCells(tr: HTMLTableRowElement): HTMLTableCellElement[] {
  return Array.from(tr.cells).filter((td) => cellControl(td) !== null);
}

/** How a pasted text matches one option of a select: its value, its label, or its label without "N. ". */
export function matchOption(options: readonly { value: string; label: string }[], text: string): string | undefined {
  const want = text.trim().toLocaleLowerCase("id-ID");
  if (want === "") return undefined;
  for (const o of options) if (o.value.toLocaleLowerCase("id-ID") === want || o.label.trim().toLocaleLowerCase("id-ID") === want) return o.value;
  for (const o of options) if (o.label.replace(/^\d+\.\s*/, "").trim().toLocaleLowerCase("id-ID") === want) return o.value;
  // "3" or "3." for the third numbered option (activities are listed "3. Name").
  const n = /^(\d+)\.?$/.exec(want);
  if (n) return options.find((o) => new RegExp(`^${n[1]}\\.\\s`).test(o.label))?.value;
  return undefined;
}

/**
 * Sets a control's value as the user would, so React's onChange (and the field's own parsing
 * and checks) runs. Answers false for a select option that does not exist.
 */
export function setControlValue(el: Editable, text: string): boolean {
  if (el instanceof HTMLSelectElement) {
    const value = matchOption(Array.from(el.options).map((o) => ({ value: o.value, label: o.text })), text);
    if (value === undefined) return text.trim() === "";
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!.call(el, value);
    el.dispatchEvent(new Event("change", { bubbles: true }));
    return true;
  }
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, "value")!.set!.call(el, text);
  el.dispatchEvent(new Event("input", { bubbles: true }));
  return true;
}

export function isReadOnly(el: Editable): boolean {
  return el.disabled || ("readOnly" in el && el.readOnly);
}

/** Waits (a frame at a time, at most ~1 s) until the table body has `count` rows. */
export async function waitForRows(tbody: HTMLTableSectionElement, count: number): Promise<boolean> {
  for (let i = 0; i < 60; i++) {
    if (tbody.rows.length >= count) return true;
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
  return tbody.rows.length >= count;
}
