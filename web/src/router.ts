// A minimal router over the History API: two routes do not justify a routing library.
import { useSyncExternalStore } from "react";

export const STAGE_SLUGS = ["sasaran", "analisis", "kegiatan", "jadwal", "sumber-daya", "tim", "pemangku-kepentingan", "mobilisasi", "dokumen"] as const;
export type StageSlug = (typeof STAGE_SLUGS)[number];

export type Route = { name: "list" } | { name: "workspace"; planId: string; stage: StageSlug } | { name: "notFound" };

export function parseRoute(pathname: string): Route {
  if (pathname === "/" || pathname === "") return { name: "list" };
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
