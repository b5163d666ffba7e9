import { describe, expect, it } from "vitest";
import { parseNumberInput, parseNumberText } from "./number-input.js";

describe("numbers as typed in Indonesia", () => {
  it.each([
    ["1.234,5", 1234.5],
    ["Rp 1.500.000", 1_500_000],
    ["Rp1.500.000,00", 1_500_000],
    ["1500000", 1_500_000],
    ["0,6", 0.6],
    ["0.6", 0.6],
    ["0.125", 0.125],
    ["1,234.5", 1234.5],
    ["12.345", 12_345],
    ["-50", -50],
    ["  7 ", 7],
  ])("%s is %d", (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });
  it.each(["4 orang x 20 hari", "1.2.3", "1,2,3", "abc", "1.23,4.5", "."])("%s is not a number", (text) => {
    expect(parseNumberText(text)).toBeNaN();
  });
  it("blank is no value", () => {
    expect(parseNumberText(" ")).toBeUndefined();
  });
  it("explains each refusal in both languages", () => {
    const neg = parseNumberInput("-50", { min: 0, integer: true });
    expect(neg).toEqual({ ok: false, message: { id: "tidak boleh kurang dari 0", en: "must not be less than 0" } });
    const words = parseNumberInput("4 orang x 20 hari", { min: 0 });
    expect(words.ok).toBe(false);
    if (!words.ok) expect(words.message.id).toMatch(/angkanya saja/);
    expect(parseNumberInput("1,5", { integer: true })).toMatchObject({ ok: false, message: { id: "harus bilangan bulat" } });
    expect(parseNumberInput("1.000.000.001", { max: 1_000_000_000 })).toMatchObject({ ok: false, message: { id: "tidak boleh lebih dari 1.000.000.000" } });
    expect(parseNumberInput("", {})).toMatchObject({ ok: false });
    expect(parseNumberInput("", { optional: true })).toEqual({ ok: true, value: undefined });
    expect(parseNumberInput("Rp 1.500.000", { min: 0, integer: true })).toEqual({ ok: true, value: 1_500_000 });
  });
});
