/** Where the dashboard lives on the bot's HTTP server. */
export const DASHBOARD_PATH = '/dashboard';

/** The query parameter that carries the signed token on every dashboard URL. */
export const DASHBOARD_TOKEN_PARAM = 'token';

/** The CSV files a channel offers. */
export type DashboardCsv = 'scores' | 'progress';

/** A dashboard request, as routed from its path (the token comes from the query). */
export type DashboardRoute =
  | { page: 'overview' }
  | { page: 'person'; channelId: string; userId: string }
  | { page: 'csv'; channelId: string; file: DashboardCsv };

/** Paths for every dashboard page, each carrying the token so the links keep working. */
export interface DashboardLinks {
  /** The workspace overview; `channelId` adds an anchor to that channel's section. */
  overview(channelId?: string): string;
  /** One person's progress in one channel. */
  person(channelId: string, userId: string): string;
  /** A CSV download for one channel. */
  csv(channelId: string, file: DashboardCsv): string;
}

/**
 * Builds the dashboard's paths with `token` appended. Ids are path-encoded, so a platform
 * id can never climb out of its segment. The workspace is never in the path: it comes
 * from the token alone, so a link cannot be pointed at another workspace.
 */
export function dashboardLinks(token: string, base = DASHBOARD_PATH): DashboardLinks {
  const query = `?${DASHBOARD_TOKEN_PARAM}=${encodeURIComponent(token)}`;
  const channel = (id: string): string => `${base}/channels/${encodeURIComponent(id)}`;
  return {
    overview: (channelId) => `${base}${query}${channelId === undefined ? '' : `#${channelAnchor(channelId)}`}`,
    person: (channelId, userId) => `${channel(channelId)}/people/${encodeURIComponent(userId)}${query}`,
    csv: (channelId, file) => `${channel(channelId)}/${file}.csv${query}`,
  };
}

/** The HTML id of a channel's section on the overview. */
export function channelAnchor(channelId: string): string {
  return `channel-${encodeURIComponent(channelId)}`;
}

/** Routes a request path (without its query) to a dashboard page; null when it is not one. */
export function matchDashboardRoute(pathname: string, base = DASHBOARD_PATH): DashboardRoute | null {
  if (pathname === base || pathname === `${base}/`) return { page: 'overview' };
  if (!pathname.startsWith(`${base}/channels/`)) return null;
  const segments = pathname.slice(base.length + '/channels/'.length).split('/').map(decodeSegment);
  if (segments.some((s) => s === null || s === '')) return null;
  const [channelId, second, third] = segments as string[];
  if (channelId === undefined) return null;
  if (segments.length === 3 && second === 'people' && third !== undefined) return { page: 'person', channelId, userId: third };
  if (segments.length === 2 && (second === 'scores.csv' || second === 'progress.csv')) return { page: 'csv', channelId, file: second === 'scores.csv' ? 'scores' : 'progress' };
  return null;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
