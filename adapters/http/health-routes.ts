import type { Store } from '../../src/index.js';
import type { Metrics } from '../observability/metrics.js';
import type { PlatformAdapter } from '../platform-adapter.js';
import type { HttpRoute } from './routes.js';

/** What health and metrics routes look at. `adapters` is read at request time, so it may fill later. */
export interface HealthSources {
  store: () => Store | undefined;
  adapters: readonly PlatformAdapter[];
  metrics: Metrics;
  /** True once shutdown has begun: readiness fails so load balancers stop sending work. */
  stopping: () => boolean;
}

/** `/healthz` (the process is alive), `/readyz` (database reachable and migrated, every platform connected), `/metrics`. */
export function healthRoutes(sources: HealthSources): HttpRoute[] {
  return [
    {
      path: '/healthz',
      method: 'GET',
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'ok' }));
      },
    },
    {
      path: '/readyz',
      method: 'GET',
      handler: async (_req, res) => {
        const store = sources.store();
        const health = store ? await store.health() : { reachable: false, migrated: false };
        const checks: Record<string, boolean> = { database: health.reachable, migrated: health.migrated, accepting: !sources.stopping() };
        for (const adapter of sources.adapters) checks[adapter.platform] = adapter.isConnected();
        const ready = Object.values(checks).every(Boolean);
        res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: ready ? 'ready' : 'not ready', checks }));
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: async (_req, res) => {
        const body = await sources.metrics.render();
        res.writeHead(200, { 'content-type': sources.metrics.registry.contentType });
        res.end(body);
      },
    },
  ];
}
