import { DASHBOARD_PATH, DASHBOARD_TOKEN_PARAM } from '../../src/index.js';
import type { BotHandle } from '../platform-adapter.js';
import type { HttpRoute } from './routes.js';

/**
 * `GET /dashboard` and every page under it (a person, a CSV), served beside health and
 * metrics on PORT. The core checks the signed token and builds the page; this only
 * translates HTTP. The query carries the token, so it is never logged (the logger also
 * blanks any `token=` it is given; see observability/create-logger.ts). See
 * docs/design.md, "Dashboard".
 */
export function dashboardRoute(bot: BotHandle): HttpRoute {
  return {
    path: DASHBOARD_PATH,
    method: 'GET',
    prefix: true,
    handler: async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const response = await bot().dashboard({ pathname: url.pathname, token: url.searchParams.get(DASHBOARD_TOKEN_PARAM) });
      res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
      res.end(response.body);
    },
  };
}
