/**
 * The dashboard in a real browser: Debian's chromium, driven by playwright-core, with
 * JavaScript switched off, against the pages served from a loopback server wired the way
 * the bot's HTTP route will be (route match, token check, page functions). Screenshots
 * land in test-artifacts/ (git-ignored) for a human look.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.js';
import {
  dashboardLinks,
  DASHBOARD_HEADERS,
  DASHBOARD_TOKEN_PARAM,
  matchDashboardRoute,
  renderDashboardPage,
  renderDashboardRefusal,
  renderPersonPage,
  signDashboardToken,
  toCsv,
  verifyDashboardToken,
  type DashboardData,
} from '../../src/index.js';
import { dashboardData } from '../helpers/chart-data.js';

const ARTIFACTS = 'test-artifacts';
const SECRET = 'browser-test-dashboard-secret';
const NOW = Date.parse('2026-12-07T10:00:00Z');
const VIEWPORTS = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;

const hasChromium = chromiumAvailable('dashboard browser tests');

/** The route as the bot will wire it, over fixed data and a fixed clock. */
function serve(data: DashboardData): Server {
  return createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const route = matchDashboardRoute(url.pathname);
      if (!route) return void res.writeHead(404).end();
      const check = verifyDashboardToken(url.searchParams.get(DASHBOARD_TOKEN_PARAM), SECRET, NOW);
      if (!check.ok) return void res.writeHead(check.status, DASHBOARD_HEADERS).end(renderDashboardRefusal(check.code));
      const token = url.searchParams.get(DASHBOARD_TOKEN_PARAM)!;
      const links = dashboardLinks(token);
      if (route.page === 'overview') return void res.writeHead(200, DASHBOARD_HEADERS).end(await renderDashboardPage(data, links));
      const channel = data.channels.find((c) => c.id === route.channelId);
      if (!channel) return void res.writeHead(404).end();
      if (route.page === 'csv') {
        const rows = channel.boards.all.map((r) => [r.id, r.name, r.points]);
        return void res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end(toCsv(['user_id', 'name', 'points'], rows));
      }
      const person = channel.heatmap.people.find((p) => p.id === route.userId);
      if (!person) return void res.writeHead(404).end();
      const questions = channel.heatmap.questions.map((q) => ({ ...q, state: person.states[q.id] ?? ('unseen' as const), attempts: person.states[q.id] ? 1 : 0, lastAtMs: person.states[q.id] ? NOW - 86_400_000 : null }));
      res.writeHead(200, DASHBOARD_HEADERS).end(renderPersonPage({ workspaceName: data.workspaceName, channel, person, questions, generatedAtMs: NOW }, links));
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
}

describe.skipIf(!hasChromium)('dashboard in chromium, without JavaScript', () => {
  const data = dashboardData({ names: ['Ada <Lovelace>', 'Grace Hopper', 'Linus', 'Margaret Hamilton', 'Ken', 'Barbara Liskov'], channels: 2 });
  const token = signDashboardToken({ platform: 'slack', workspaceId: 'T1', expiresMs: NOW + 86_400_000 }, SECRET);
  const links = dashboardLinks(token);
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let closeBrowser: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = serve(data);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    ({ context, close: closeBrowser } = await launchChromium());
  }, 60_000);

  afterAll(async () => {
    await closeBrowser?.();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    const response = await page.goto(origin + path);
    expect(response?.status()).toBe(200);
    return page;
  }

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`shows the heatmap and the three boards on a ${name}, without sideways scrolling of the page`, async () => {
      const page = await open(links.overview(), viewport);
      await expect(page.locator('h1').textContent()).resolves.toBe(data.workspaceName);
      const heatmap = page.locator('#channel-C1 .chart.heatmap svg');
      await heatmap.scrollIntoViewIfNeeded();
      expect(await heatmap.isVisible()).toBe(true);
      expect((await heatmap.boundingBox())!.width).toBeGreaterThan(500);
      const boards = page.locator('#channel-C1 .chart.board svg');
      expect(await boards.count()).toBe(3);
      for (let i = 0; i < 3; i++) expect(await boards.nth(i).isVisible()).toBe(true);
      await expect(page.locator('#channel-C1 .chart.board').first().getAttribute('aria-label')).resolves.toMatch(/^Leaderboard · #onboarding · this week/);
      // Wide charts and tables scroll inside their own box; the page itself never does.
      // A string expression: the test is type-checked without the DOM library.
      expect(await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(ARTIFACTS, `dashboard-${name}.png`), fullPage: true });
      await page.close();
    }, 60_000);
  }

  it('follows a name in the coverage table to that person\'s progress, and back', async () => {
    const page = await open(links.overview(), VIEWPORTS.phone);
    await page.locator('#channel-C1 table.coverage a', { hasText: 'Ada <Lovelace>' }).click();
    expect(new URL(page.url()).pathname).toBe('/dashboard/channels/C1/people/U1');
    expect(new URL(page.url()).searchParams.get(DASHBOARD_TOKEN_PARAM)).toBe(token);
    await expect(page.locator('h1').textContent()).resolves.toBe('Ada <Lovelace>');
    await expect(page.locator('.summary').textContent()).resolves.toMatch(/^\d+\/14 covered/);
    await page.screenshot({ path: join(ARTIFACTS, 'person-phone.png'), fullPage: true });
    await page.locator('header a').click();
    expect(new URL(page.url()).hash).toBe('#channel-C1');
    await page.close();
  }, 60_000);

  it('offers CSV downloads whose links carry the token and serve CSV', async () => {
    const page = await open(links.overview(), VIEWPORTS.laptop);
    const href = await page.locator('#channel-C2 .downloads a', { hasText: 'scores' }).getAttribute('href');
    expect(href).toBe(links.csv('C2', 'scores'));
    const csv = await page.request.get(origin + href!);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\r\n')[0]).toBe('user_id,name,points');
    await page.close();
  }, 60_000);

  it('refuses a missing token with 401 and an expired one with 403, each with a page that says why', async () => {
    const page = await context.newPage();
    const missing = await page.goto(`${origin}/dashboard`);
    expect(missing?.status()).toBe(401);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/needs a dashboard link/);
    const stale = signDashboardToken({ platform: 'slack', workspaceId: 'T1', expiresMs: NOW - 1 }, SECRET);
    const expired = await page.goto(origin + dashboardLinks(stale).overview());
    expect(expired?.status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/expired/);
    await page.close();
  }, 60_000);
});
