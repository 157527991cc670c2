import type { Actor } from '../chat-port.js';
import { DASHBOARD_LINK_TTL_MS, signDashboardToken } from '../dashboard/dashboard-token.js';
import { dashboardLinks } from '../dashboard/dashboard-links.js';
import { utcTime } from '../dashboard/page-shell.js';
import { failureReply } from '../messages/failures.js';
import { ephemeral, type OutgoingMessage } from '../messages/model.js';

/** Where dashboard links point and how they are signed (DASHBOARD_SECRET, PUBLIC_URL). */
export interface DashboardLinkConfig {
  /** Signs links (HMAC-SHA256). */
  secret: string;
  /** The bot's public base URL, e.g. `https://meshbot.example.com` (no trailing slash needed). */
  publicUrl: string;
}

/**
 * `dashboard` (admins): a signed link to this workspace's dashboard, valid 24 hours,
 * sent privately: whoever holds it sees the workspace, so it never goes to a channel
 * (docs/design.md, "Dashboard").
 */
export function dashboardLinkReply(config: DashboardLinkConfig | null, actor: Actor, nowMs: number): OutgoingMessage {
  // The console has no HTTP server of its own: its way to the dashboard is the CLI.
  if (!config) return failureReply('dashboard.not_configured', actor.platform === 'console' ? 'In the console, run: npm run --silent cli -- dashboard' : undefined);
  const expiresMs = nowMs + DASHBOARD_LINK_TTL_MS;
  const token = signDashboardToken({ platform: actor.platform, workspaceId: actor.workspaceId, expiresMs }, config.secret);
  const url = `${config.publicUrl.replace(/\/+$/, '')}${dashboardLinks(token).overview(actor.channelId)}`;
  const text = `Your onboarding dashboard for this workspace: ${url}`;
  return ephemeral({
    text,
    blocks: [
      { type: 'header', text: 'Onboarding dashboard' },
      { type: 'text', text: url },
      { type: 'context', text: `Only you see this. The link works until ${utcTime(expiresMs)} for anyone who has it: keep it private.` },
    ],
  });
}
