// The URL holds what is on screen — the view in the hash, its subject in the query (?q= a question, ?doc=&p= a
// report paragraph, ?entity= a node, ?indicator=&place= a chart) — so links can be shared and Back works.
import { isView, type View } from './tabs.ts';

export type RouteParams = Record<string, string>;

export interface Route {
  view: View;
  params: RouteParams;
}

export function readRoute(): Route {
  const view = location.hash.slice(1);
  return { view: isView(view) ? view : 'ask', params: Object.fromEntries(new URLSearchParams(location.search)) };
}

export function routeUrl(view: View, params: RouteParams): string {
  const search = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== '')).toString();
  return `${location.pathname}${search ? `?${search}` : ''}#${view}`;
}

/** A new history entry (a user's step), or the current one rewritten (restoring, or a refinement of the same step). */
export function writeRoute(view: View, params: RouteParams, mode: 'push' | 'replace'): void {
  const url = routeUrl(view, params);
  if (url === `${location.pathname}${location.search}${location.hash}`) return;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
