import { describe, expect, it } from "vitest";
import { isGrid, matchOption, parseTsv } from "./spreadsheet.js";

describe("parseTsv", () => {
  it("splits rows and cells as Excel and LibreOffice copy them", () => {
    expect(parseTsv("a\tb\tc\r\nd\te\tf\r\n")).toEqual([["a", "b", "c"], ["d", "e", "f"]]);
    expect(parseTsv("a\tb\nc\td")).toEqual([["a", "b"], ["c", "d"]]);
    // Empty cells are kept in place.
    expect(parseTsv("a\t\tc\n\tb\t")).toEqual([["a", "", "c"], ["", "b", ""]]);
  });
  it("reads quoted cells with tabs, line breaks and doubled quotes", () => {
    expect(parseTsv('"Konsumsi\nrapat"\t"kata ""rapat"""\t3\n')).toEqual([["Konsumsi\nrapat", 'kata "rapat"', "3"]]);
    // A quote inside a cell that does not start with one is text.
    expect(parseTsv('Ukuran 5"\t2')).toEqual([['Ukuran 5"', "2"]]);
  });
});

describe("isGrid", () => {
  it("tells a pasted table from one value", () => {
    expect(isGrid("1.500.000")).toBe(false);
    expect(isGrid("1.500.000\n")).toBe(false);
    expect(isGrid("a\tb")).toBe(true);
    expect(isGrid("a\nb")).toBe(true);
  });
});

describe("matchOption", () => {
  const options = [
    { value: "k-1", label: "1. Rapat persiapan" },
    { value: "k-2", label: "2. Perekaman keliling" },
  ];
  it("matches a value, a label, a label without its number, or the number", () => {
    expect(matchOption(options, "k-2")).toBe("k-2");
    expect(matchOption(options, "2. Perekaman keliling")).toBe("k-2");
    expect(matchOption(options, " perekaman KELILING ")).toBe("k-2");
    expect(matchOption(options, "1")).toBe("k-1");
    expect(matchOption(options, "1.")).toBe("k-1");
  });
  it("answers nothing for text that is no option", () => {
    expect(matchOption(options, "Pelaporan")).toBeUndefined();
    expect(matchOption(options, "3")).toBeUndefined();
    expect(matchOption(options, "")).toBeUndefined();
  });
});
