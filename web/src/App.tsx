// The shell: header with language switch, skip link, and the two routes.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { createApiClient } from "./api/client.js";
import { currentLang, setLang } from "./i18n/index.js";
import { PlanList } from "./pages/PlanList.js";
import { Workspace } from "./pages/Workspace.js";
import { navigate, parseRoute, usePathname } from "./router.js";

export function App() {
  const { t, i18n } = useTranslation();
  const pathname = usePathname();
  const route = parseRoute(pathname);
  const api = useMemo(() => createApiClient(currentLang), []);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="app-header">
        <a
          href="/"
          className="brand"
          onClick={(e) => {
            e.preventDefault();
            navigate("/");
          }}
        >
          {t("app.name")}
        </a>
        <div className="lang-switch">
          <label htmlFor="lang-select">{t("app.language")}</label>
          <select id="lang-select" value={i18n.language === "en" ? "en" : "id"} onChange={(e) => setLang(e.target.value === "en" ? "en" : "id")}>
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </select>
        </div>
      </header>
      {route.name === "workspace" ? (
        <Workspace key={route.planId} api={api} planId={route.planId} stage={route.stage} />
      ) : (
        <main id="main" tabIndex={-1}>
          {route.name === "list" ? <PlanList api={api} /> : <p>{t("common.notFound")}</p>}
        </main>
      )}
    </>
  );
}
