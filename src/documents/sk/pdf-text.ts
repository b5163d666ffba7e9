// User text for pdfmake. pdfmake breaks lines after every hyphen or slash and, in justified
// lines, widens the gap there too ("Undang- Undang", "</ w:t>"); and it cannot break a very long
// word at all. So text is handed over as inline pieces: words with punctuation inside
// unbreakable (a word is never split or spaced out), very long words in chunks.
import type { Content } from "pdfmake/interfaces.js";
import { literalText } from "../literal-text.js";

type Inline = { text: string; noWrap?: boolean };

const LONG_WORD = 40;
/** A word with a character inside after which a line breaker may break ("-", "/", "<", …). */
const INNER_BREAK = /[^\p{L}\p{N}\s][^\s]/u;
const CHUNK = 20;

/** Safe, literal text pieces for a pdfmake `text` property. */
export function pdfInlines(value: string): string | Inline[] {
  const safe = literalText(value);
  if (!INNER_BREAK.test(safe) && !new RegExp(`\\S{${LONG_WORD + 1}}`).test(safe)) return safe;
  const pieces: Inline[] = [];
  // Words with the spaces that follow them, so nothing is lost or added.
  for (const token of safe.match(/\S+\s*|\s+/g) ?? []) {
    const word = token.trimEnd();
    if (word.length > LONG_WORD) {
      for (let i = 0; i < token.length; i += CHUNK) pieces.push({ text: token.slice(i, i + CHUNK) });
    } else if (INNER_BREAK.test(word)) pieces.push({ text: token, noWrap: true });
    else pieces.push({ text: token });
  }
  return pieces;
}

/** A paragraph of user text with pdfmake style properties. */
export function pdfParagraph(value: string, style: Omit<Extract<Content, { text: unknown }>, "text"> = {}): Content {
  return { ...style, text: pdfInlines(value) };
}
