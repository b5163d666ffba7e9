// The sign-in wait time reads right in both languages, singular and plural.
import { describe, expect, it } from "vitest";
import { i18n } from "../i18n/index.js";

describe("sign-in throttle message", () => {
  it("counts minutes and seconds in English with the right number", () => {
    const t = i18n.getFixedT("en");
    expect(t("auth.throttledMinutes", { count: 1 })).toBe("Too many failed sign-in attempts. Try again in 1 minute.");
    expect(t("auth.throttledMinutes", { count: 15 })).toBe("Too many failed sign-in attempts. Try again in 15 minutes.");
    expect(t("auth.throttledSeconds", { count: 1 })).toBe("Too many failed sign-in attempts. Try again in 1 second.");
  });
  it("needs no plural in Indonesian", () => {
    const t = i18n.getFixedT("id");
    expect(t("auth.throttledMinutes", { count: 1 })).toBe("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 1 menit.");
    expect(t("auth.throttledMinutes", { count: 15 })).toBe("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.");
  });
});
