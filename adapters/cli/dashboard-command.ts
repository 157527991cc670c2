import { randomBytes } from 'node:crypto';
import { DASHBOARD_LINK_TTL_MS, dashboardLinks, signDashboardToken, type ChatPort, type Platform } from '../../src/index.js';
import { CONSOLE_WORKSPACE } from '../console/console-session.js';
import { dashboardRoute } from '../http/dashboard-route.js';
import { serveRoutes } from '../http/serve-routes.js';
import { configFromEnvironment } from '../load-config.js';
import { openCore } from '../open-core.js';
import { systemClock } from '../system-clock.js';
import { parseCommandArgs, type CliIo } from './cli-io.js';

/** The dashboard posts nothing: a ChatPort that says so if anything tries. */
const NO_CHAT: ChatPort = {
  post: () => Promise.reject(new Error('cli dashboard posts nothing')),
  update: () => Promise.reject(new Error('cli dashboard posts nothing')),
  reply: () => Promise.reject(new Error('cli dashboard posts nothing')),
};

/**
 * `dashboard [--port N] [--host H] [--workspace platform:id]`: the console's way to the
 * dashboard (it has no HTTP server of its own). Serves `/dashboard` on 127.0.0.1 (PORT by
 * default) over the configured database and prints a signed link, valid 24 hours, for
 * the console's workspace or the one named; runs until Ctrl-C. Without DASHBOARD_SECRET
 * the link is signed with a secret made up for this run.
 */
export async function dashboardCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, { port: { type: 'string' }, host: { type: 'string' }, workspace: { type: 'string' } }, false, io);
  if (!parsed) return 2;
  const config = configFromEnvironment();
  const port = parsed.values.port === undefined ? config.port : Number(parsed.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err('dashboard --port needs a port number from 0 to 65535');
    return 2;
  }
  const workspace = /^(slack|discord|console):(.+)$/.exec(parsed.values.workspace ?? `console:${CONSOLE_WORKSPACE}`);
  if (!workspace) {
    io.err('dashboard --workspace needs platform:id, e.g. slack:T0123ABCD or discord:123456789012345678');
    return 2;
  }
  const host = parsed.values.host ?? '127.0.0.1';
  const secret = config.dashboard?.secret ?? randomBytes(32).toString('hex');
  const core = await openCore({ ...config, dashboard: { secret, publicUrl: `http://${host}` } }, { clock: systemClock, chat: NO_CHAT });
  const server = await serveRoutes([dashboardRoute(() => core.bot)], port, host);
  const token = signDashboardToken({ platform: workspace[1] as Platform, workspaceId: workspace[2]!, expiresMs: Date.now() + DASHBOARD_LINK_TTL_MS }, secret);
  io.out(`dashboard for ${workspace[1]} workspace ${workspace[2]} (database ${core.store.location}); Ctrl-C stops it:`);
  io.out(`http://${host}:${server.port}${dashboardLinks(token).overview()}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close(1000);
  await core.store.close();
  return 0;
}
