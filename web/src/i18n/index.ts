// i18n: Indonesian by default, English selectable; the choice is remembered in localStorage.
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Lang } from "../../../src/domain/messages.js";
import { en } from "./en.js";
import { id } from "./id.js";

const STORAGE_KEY = "rencana.lang";

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "id";
  } catch {
    return "id";
  }
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: initialLang(),
  fallbackLng: "id",
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});

export function currentLang(): Lang {
  return i18n.language === "en" ? "en" : "id";
}

export function setLang(lang: Lang): void {
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}
