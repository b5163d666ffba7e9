// A minimal router over the History API: a handful of routes do not justify a routing library.
import { useSyncExternalStore } from "react";

export const STAGE_SLUGS = ["sasaran", "analisis", "kegiatan", "jadwal", "sumber-daya", "tim", "pemangku-kepentingan", "mobilisasi", "dokumen", "layanan-publik", "pengawasan"] as const;
export type StageSlug = (typeof STAGE_SLUGS)[number];

/** Administration screens: URL slug → screen. */
export const ADMIN_PAGES = { pengguna: "users", unit: "units", pengaturan: "settings", "buku-agenda": "register", "kalender-kerja": "calendar", "jejak-audit": "audit" } as const;
export type AdminSlug = keyof typeof ADMIN_PAGES;
export type AdminPage = (typeof ADMIN_PAGES)[AdminSlug];

export type Route = { name: "list" } | { name: "workspace"; planId: string; stage: StageSlug } | { name: "admin"; page: AdminPage } | { name: "notFound" };

export function adminHref(page: AdminPage): string {
  const slug = (Object.keys(ADMIN_PAGES) as AdminSlug[]).find((s) => ADMIN_PAGES[s] === page)!;
  return `/admin/${slug}`;
}

export function parseRoute(pathname: string): Route {
  if (pathname === "/" || pathname === "") return { name: "list" };
  const admin = /^\/admin\/([^/]+)\/?$/.exec(pathname);
  if (admin && Object.hasOwn(ADMIN_PAGES, admin[1]!)) return { name: "admin", page: ADMIN_PAGES[admin[1] as AdminSlug] };
  const m = /^\/plans\/([^/]+)(?:\/([^/]+))?\/?$/.exec(pathname);
  if (m) {
    const stage = (m[2] ?? "sasaran") as StageSlug;
    if (STAGE_SLUGS.includes(stage)) return { name: "workspace", planId: decodeURIComponent(m[1]!), stage };
  }
  return { name: "notFound" };
}

const listeners = new Set<() => void>();
function subscribe(fn: () => void) {
  listeners.add(fn);
  window.addEventListener("popstate", fn);
  return () => {
    listeners.delete(fn);
    window.removeEventListener("popstate", fn);
  };
}

export function navigate(to: string): void {
  if (to === location.pathname + location.search) return;
  history.pushState(null, "", to);
  for (const fn of listeners) fn();
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

export function stageHref(planId: string, stage: StageSlug): string {
  return `/plans/${encodeURIComponent(planId)}/${stage}`;
}
