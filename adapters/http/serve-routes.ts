import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRoute } from './routes.js';

export interface RunningServer {
  readonly port: number;
  /** Stops accepting connections and waits (bounded) for open requests to finish. */
  close(timeoutMs?: number): Promise<void>;
}

/**
 * A small HTTP server for the given routes (health, metrics, Discord's interactions
 * endpoint), used whenever Bolt's receiver is not already serving them (Discord only, or
 * Slack in Socket Mode).
 */
/** Whether a request path is the route's: its exact path, or a path under it for a prefix route. */
export function routeMatches(route: Pick<HttpRoute, 'path' | 'prefix'>, path: string): boolean {
  return path === route.path || (route.prefix === true && path.startsWith(`${route.path}/`));
}

export async function serveRoutes(routes: readonly HttpRoute[], port: number, host = '0.0.0.0'): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routes.find((r) => routeMatches(r, path) && r.method === req.method);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found\n');
      return;
    }
    Promise.resolve(route.handler(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: (timeoutMs = 5000) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, timeoutMs);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
