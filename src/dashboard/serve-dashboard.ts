import { toCsv } from '../reports/csv.js';
import { dashboardLinks, matchDashboardRoute } from './dashboard-links.js';
import { renderDashboardPage } from './dashboard-page.js';
import { verifyDashboardToken } from './dashboard-token.js';
import { loadChannelCsv, loadDashboard, loadPersonPage, type DashboardDeps } from './load-dashboard.js';
import { DASHBOARD_HEADERS } from './page-shell.js';
import { renderPersonPage } from './person-page.js';
import { renderDashboardRefusal } from './refusal-page.js';

/** A dashboard request as the HTTP route hands it over: the path, and the token from the query. */
export interface DashboardRequest {
  /** The request path without its query, e.g. `/dashboard/channels/C1/people/U1`. */
  pathname: string;
  /** The `token` query parameter, or null when there is none. */
  token: string | null;
}

/** What to answer: status, headers and body. */
export interface DashboardResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** How the dashboard checks links. */
export interface DashboardOptions {
  /** DASHBOARD_SECRET: links are signed and checked with it. */
  secret: string;
  /** The slash command, for the "get a new link" hint. */
  commandName: string;
}

const NOT_FOUND: DashboardResponse = { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, body: 'not found\n' };

/**
 * Answers one dashboard request (docs/design.md, "Dashboard"): no token 401, a token that
 * is forged, altered or expired 403, each with a page saying how to get a new link; then
 * the overview, a person's page or a CSV, for the one workspace the token names. Ids in
 * the path are looked up within that workspace only, so a link never shows another's data.
 */
export async function serveDashboard(deps: DashboardDeps, options: DashboardOptions, request: DashboardRequest, nowMs: number): Promise<DashboardResponse> {
  const route = matchDashboardRoute(request.pathname);
  if (!route) return NOT_FOUND;
  const check = verifyDashboardToken(request.token, options.secret, nowMs);
  if (!check.ok) return { status: check.status, headers: DASHBOARD_HEADERS, body: renderDashboardRefusal(check.code, `/${options.commandName}`) };
  const links = dashboardLinks(request.token ?? '');
  switch (route.page) {
    case 'overview':
      return { status: 200, headers: DASHBOARD_HEADERS, body: await renderDashboardPage(await loadDashboard(deps, check.scope, nowMs), links) };
    case 'person': {
      const page = await loadPersonPage(deps, check.scope, route.channelId, route.userId, nowMs);
      return page ? { status: 200, headers: DASHBOARD_HEADERS, body: renderPersonPage(page, links) } : NOT_FOUND;
    }
    case 'csv': {
      const csv = await loadChannelCsv(deps, check.scope, route.channelId, route.file);
      if (!csv) return NOT_FOUND;
      const name = `${route.channelId.replace(/[^\w.-]/g, '_')}-${route.file}.csv`;
      return {
        status: 200,
        headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' },
        body: toCsv(csv.header, csv.rows),
      };
    }
  }
}
