// User text goes into XML-based files (DOCX, XLSX, SVG) and PDFs. The libraries escape markup
// (& < > ") themselves, but XML 1.0 cannot carry most control characters or lone surrogates at
// all: one such character makes Word/Excel refuse the whole file. We therefore replace them by
// visible stand-ins (Unicode "control pictures", e.g. U+0000 → ␀) so the text stays literal and
// readable and the file stays valid.

// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe for any XML 1.0 document; tab, newline and carriage return are kept. */
export function literalText(value: string): string {
  return value.replace(FORBIDDEN_IN_XML, (ch) => {
    const code = ch.charCodeAt(0);
    if (code <= 0x1f) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return "\u2421";
    return "\uFFFD";
  });
}

/** Text for a single line of a document: safe, CR/LF normalised to "\n". */
export function literalLines(value: string): string[] {
  return literalText(value).replace(/\r\n?/g, "\n").split("\n");
}

/** Escapes text for SVG/XML content and attribute values (after making it XML-safe). */
export function xmlEscape(value: string): string {
  return literalText(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
