/**
 * The dashboard as a lead uses it, end to end: a week of rounds in two channels of one
 * workspace (and one channel of another), `/mesh dashboard` for the signed link, the
 * bot's own HTTP route (adapters/http/dashboard-route.ts on the server that serves health
 * and metrics) over the real store, and Debian's chromium with JavaScript off: open the
 * link, see the board and the heatmap, follow a person, download a CSV; and every way in
 * without a good link is refused. Screenshots land in test-artifacts/ for a human look.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.js';
import { dashboardRoute } from '../../adapters/http/dashboard-route.js';
import { serveRoutes, type RunningServer } from '../../adapters/http/serve-routes.js';
import { DASHBOARD_TOKEN_PARAM, seededRandom, signDashboardToken } from '../../src/index.js';
import { testBot, type TestBot } from '../helpers/fixtures.js';
import { admin, answerRound, person, roundPosts, runUntil, say } from '../helpers/quiz.js';

const ARTIFACTS = 'test-artifacts';
const SECRET = 'route-test-dashboard-secret-0123456789abcdef';
const PUBLIC_URL = 'https://meshbot.example.com';

const hasChromium = chromiumAvailable('dashboard route browser tests');

/** A week of weekday rounds in #onboarding and #platform (workspace w1) and #elsewhere (workspace w2). */
async function aWeekOfRounds(t: TestBot): Promise<void> {
  const other = { workspaceId: 'w2' };
  await say(t, 'schedule 10:00 UTC weekdays', admin('lead', 'onboarding'));
  await say(t, 'schedule 11:00 UTC weekdays', admin('lead', 'platform'));
  await say(t, 'schedule 10:00 UTC weekdays', { ...admin('stranger', 'elsewhere'), ...other });
  for (const day of ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']) {
    await runUntil(t, `${day}T12:00:00Z`);
    for (const channel of ['onboarding', 'platform']) {
      const post = roundPosts(t.chat, channel).at(-1)!;
      await answerRound(t, post.message, true, person('Ada Lovelace', channel));
      await answerRound(t, post.message, day !== '2026-12-01', person('Grace Hopper', channel));
      await answerRound(t, post.message, false, person('Linus', channel));
    }
    const elsewhere = roundPosts(t.chat, 'elsewhere').at(-1)!;
    await answerRound(t, elsewhere.message, true, { ...person('Secret Agent', 'elsewhere'), ...other });
  }
  await t.bot.handleCommand({ platform: 'console', workspaceId: 'w1', channelId: 'onboarding', userId: 'Linus', userName: 'Linus', isAdmin: false, text: 'ask kafka consumer lag' });
  await runUntil(t, '2026-12-04T09:00:00Z');
}

describe.skipIf(!hasChromium)('the dashboard route in chromium, over a real store', () => {
  let t: TestBot;
  let server: RunningServer;
  let origin: string;
  let link: string;
  let context: BrowserContext;
  let closeBrowser: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = testBot({ start: '2026-11-30T08:00:00Z', random: seededRandom(17), dashboard: { secret: SECRET, publicUrl: PUBLIC_URL } });
    await aWeekOfRounds(t);
    await t.bot.idle();
    server = await serveRoutes([dashboardRoute(() => t.bot)], 0, '127.0.0.1');
    origin = `http://127.0.0.1:${server.port}`;
    const [reply] = await t.bot.handleCommand({ platform: 'console', workspaceId: 'w1', channelId: 'onboarding', userId: 'lead', userName: 'lead', isAdmin: true, text: 'dashboard' });
    expect(reply).toMatchObject({ visibility: 'ephemeral' });
    const url = new URL(/https:\/\/\S+/.exec(reply!.text)![0]);
    expect(url.origin).toBe(PUBLIC_URL);
    link = `${origin}${url.pathname}${url.search}${url.hash}`;
    ({ context, close: closeBrowser } = await launchChromium({ acceptDownloads: true }));
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    await server?.close(1000);
    await t?.store.close();
  });

  async function open(url: string, status = 200): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    const response = await page.goto(url);
    expect(response?.status()).toBe(status);
    return page;
  }

  it('GIVEN the link /mesh dashboard sent WHEN a lead opens it THEN each channel of the workspace shows its boards, heatmap, hardest questions and gaps', async () => {
    const page = await open(link);
    await expect(page.locator('h1').textContent()).resolves.toBe('Console');
    const sections = page.locator('section.channel h2');
    expect(await sections.allTextContents()).toEqual(['#onboarding', '#platform']);
    const heatmap = page.locator('#channel-onboarding .chart.heatmap');
    await expect(heatmap.getAttribute('aria-label')).resolves.toMatch(/^Cohort coverage of #onboarding: 3 people by 14 questions/);
    expect(await heatmap.locator('svg').isVisible()).toBe(true);
    const boards = page.locator('#channel-onboarding .chart.board');
    expect(await boards.count()).toBe(3);
    await expect(boards.first().getAttribute('aria-label')).resolves.toMatch(/^Leaderboard · #onboarding · this week/);
    // The all-time board's table, behind its toggle: Ada first, four rounds right, each first (15 points).
    const allTime = page.locator('#channel-onboarding .boards > .board').nth(2).locator('tbody tr');
    expect((await allTime.first().locator('td, th').allTextContents()).map((c) => c.trim())).toEqual(['1', 'Ada Lovelace', '60', '4', '4/4']);
    expect((await allTime.nth(1).locator('td, th').allTextContents()).map((c) => c.trim())).toEqual(['2', 'Grace Hopper', '30', '2', '3/4']);
    await expect(page.locator('#channel-onboarding .pair').textContent()).resolves.toMatch(/kafka consumer lag/);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-route-laptop.png'), fullPage: true });
    await page.locator('#channel-onboarding').screenshot({ path: join(ARTIFACTS, 'dashboard-route-channel.png') });
    await page.close();
  }, 60_000);

  it("GIVEN the overview WHEN the lead follows a name THEN that person's progress opens with the token kept", async () => {
    const page = await open(link);
    await page.locator('#channel-platform table.coverage a', { hasText: 'Grace Hopper' }).click();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/dashboard/channels/platform/people/Grace%20Hopper');
    expect(url.searchParams.get(DASHBOARD_TOKEN_PARAM)).toBe(new URL(link).searchParams.get(DASHBOARD_TOKEN_PARAM));
    await expect(page.locator('h1').textContent()).resolves.toBe('Grace Hopper');
    // Progress is the person's own, over every channel: the same coverage the CSV and /mesh progress give.
    const progress = await t.store.learning.progress((await t.store.people.findUser('console', 'w1', 'Grace Hopper'))!.key);
    const covered = [...progress.values()].filter((p) => p.lastCorrect).length;
    await expect(page.locator('.summary').textContent()).resolves.toMatch(new RegExp(`^${covered}/14 covered, ${progress.size - covered} to retry`));
    await expect(page.locator('dl.stats').textContent()).resolves.toMatch(/all time\s*30/);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-route-person.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('GIVEN the overview WHEN the lead downloads the progress CSV THEN it has a row per person and question', async () => {
    const page = await open(link);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#channel-onboarding .downloads a', { hasText: 'progress per question' }).click()]);
    expect(download.suggestedFilename()).toBe('onboarding-progress.csv');
    const lines = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('user_id,name,entry_id,question,status,attempts,last_attempt_utc');
    expect(lines).toHaveLength(1 + 3 * 14);
    // Ada never missed: each of her questions is correct or not yet seen, and at least this channel's four are correct.
    const ada = lines.filter((l) => l.startsWith('Ada Lovelace,'));
    expect(ada).toHaveLength(14);
    expect(ada.filter((l) => l.includes(',correct,')).length).toBeGreaterThanOrEqual(4);
    expect(ada.filter((l) => l.includes(',missed,'))).toEqual([]);
    await page.close();
  }, 60_000);

  it('GIVEN no link, a tampered one or an expired one THEN 401, 403 and 403, each with a page saying how to get a new one', async () => {
    const missing = await open(`${origin}/dashboard`, 401);
    await expect(missing.locator('h1').textContent()).resolves.toMatch(/needs a dashboard link/);
    await expect(missing.locator('main').textContent()).resolves.toMatch(/\/mesh dashboard/);
    const token = new URL(link).searchParams.get(DASHBOARD_TOKEN_PARAM)!;
    const [version, payload, signature] = token.split('.') as [string, string, string];
    // Claims of another workspace under the old signature: a forged link.
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), w: 'w2' })).toString('base64url');
    const tampered = await open(`${origin}/dashboard?${DASHBOARD_TOKEN_PARAM}=${version}.${forgedPayload}.${signature}`, 403);
    await expect(tampered.locator('h1').textContent()).resolves.toMatch(/not valid/);
    const stale = signDashboardToken({ platform: 'console', workspaceId: 'w1', expiresMs: t.clock.now().getTime() - 1 }, SECRET);
    const expired = await open(`${origin}/dashboard?${DASHBOARD_TOKEN_PARAM}=${stale}`, 403);
    await expect(expired.locator('h1').textContent()).resolves.toMatch(/expired/);
    // The link /mesh dashboard gave stops working 24 hours later.
    t.clock.advance(24 * 3_600_000);
    const late = await open(link, 403);
    await expect(late.locator('h1').textContent()).resolves.toMatch(/expired/);
    t.clock.advance(-24 * 3_600_000);
    for (const page of [missing, tampered, expired, late]) await page.close();
  }, 60_000);

  it("GIVEN a link for one workspace THEN another workspace's channel, person and CSV are not found, and its overview shows only its own", async () => {
    const token = new URL(link).searchParams.get(DASHBOARD_TOKEN_PARAM)!;
    const q = `?${DASHBOARD_TOKEN_PARAM}=${encodeURIComponent(token)}`;
    for (const path of ['/dashboard/channels/elsewhere/scores.csv', '/dashboard/channels/elsewhere/people/Secret%20Agent', '/dashboard/channels/onboarding/people/Secret%20Agent']) {
      const response = await fetch(`${origin}${path}${q}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('Secret Agent');
    }
    const theirs = signDashboardToken({ platform: 'console', workspaceId: 'w2', expiresMs: t.clock.now().getTime() + 3_600_000 }, SECRET);
    const page = await open(`${origin}/dashboard?${DASHBOARD_TOKEN_PARAM}=${theirs}`);
    expect(await page.locator('section.channel h2').allTextContents()).toEqual(['#elsewhere']);
    const html = await page.content();
    expect(html).not.toContain('Ada Lovelace');
    expect(html).toContain('Secret Agent');
    await page.close();
  }, 60_000);
});
