/**
 * `/mesh dashboard` through the core: a private, signed link for the asker's workspace
 * (24 hours, host from PUBLIC_URL), refused to non-admins, and an honest "not set up"
 * without DASHBOARD_SECRET, where the pages answer 404 too.
 */
import { describe, expect, it } from 'vitest';
import { DASHBOARD_LINK_TTL_MS, DASHBOARD_TOKEN_PARAM, verifyDashboardToken } from '../../src/index.js';
import { command, testBot } from '../helpers/fixtures.js';
import { admin, person, say } from '../helpers/quiz.js';

const DASHBOARD = { secret: 'command-test-dashboard-secret-0123456789abcdef', publicUrl: 'https://meshbot.example.com' };

describe('/mesh dashboard', () => {
  it('GIVEN an admin THEN the reply is private and links to PUBLIC_URL with a token for this workspace that works for 24 hours', async () => {
    const t = testBot({ start: '2026-12-01T08:00:00Z', dashboard: DASHBOARD });
    const reply = await say(t, 'dashboard', admin('lead', 'onboarding'));
    expect(reply.visibility).toBe('ephemeral');
    const url = new URL(/https:\/\/\S+/.exec(reply.text)![0]);
    expect(`${url.origin}${url.pathname}${url.hash}`).toBe('https://meshbot.example.com/dashboard#channel-onboarding');
    const check = verifyDashboardToken(url.searchParams.get(DASHBOARD_TOKEN_PARAM), DASHBOARD.secret, t.clock.now().getTime());
    expect(check).toEqual({ ok: true, scope: { platform: 'console', workspaceId: 'w1', expiresMs: t.clock.now().getTime() + DASHBOARD_LINK_TTL_MS } });
    expect(reply.blocks.find((b) => b.type === 'context')).toMatchObject({ text: expect.stringMatching(/^Only you see this\. The link works until 2026-12-02 08:00 UTC/) });
  });

  it('GIVEN someone who is not an admin THEN no link is made', async () => {
    const t = testBot({ start: '2026-12-01T08:00:00Z', dashboard: DASHBOARD });
    const reply = await say(t, 'dashboard', person('alice'));
    expect(reply.failure).toBe('command.admin_only');
    expect(reply.text).not.toContain('token=');
  });

  it('GIVEN no DASHBOARD_SECRET THEN the command says it is not set up (with the console\'s way in), and every dashboard path is not found', async () => {
    const t = testBot({ start: '2026-12-01T08:00:00Z' });
    const [reply] = await t.bot.handleCommand(command('dashboard', admin('lead')));
    expect(reply).toMatchObject({ failure: 'dashboard.not_configured', text: expect.stringContaining('npm run --silent cli -- dashboard') });
    for (const pathname of ['/dashboard', '/dashboard/channels/general/scores.csv']) {
      expect((await t.bot.dashboard({ pathname, token: 'v1.x.y' })).status).toBe(404);
    }
  });
});
