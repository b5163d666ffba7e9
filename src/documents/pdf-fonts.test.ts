// Font lookup through the real fontconfig of this machine (Debian: DejaVu is installed).
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { missingPrograms } from "../test-support/tools.js";
import { resolvePdfFontFiles, resolvePdfFontFilesAsync } from "./pdf-fonts.js";

describe.skipIf(missingPrograms("fc-match") !== undefined)("font lookup", () => {
  it("finds each style's own file without blocking, and the synchronous lookup then agrees", async () => {
    const files = await resolvePdfFontFilesAsync("DejaVu Sans");
    for (const file of Object.values(files)) expect(existsSync(file), file).toBe(true);
    expect(files.normal).toMatch(/DejaVuSans\.ttf$/);
    expect(files.bold).toMatch(/DejaVuSans-Bold\.ttf$/);
    expect(new Set(Object.values(files)).size).toBe(4);
    expect(resolvePdfFontFiles("DejaVu Sans")).toEqual(files);
  });
});
