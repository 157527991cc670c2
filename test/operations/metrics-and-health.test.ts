import { afterEach, describe, expect, it } from 'vitest';
import { healthRoutes } from '../../adapters/http/health-routes.js';
import { serveRoutes, type RunningServer } from '../../adapters/http/serve-routes.js';
import { createMetrics } from '../../adapters/observability/metrics.js';
import type { PlatformAdapter } from '../../adapters/platform-adapter.js';
import { createBot, loadBanks, ManualClock, openSqliteStore } from '../../src/index.js';
import { command, RecordingChat } from '../helpers/fixtures.js';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close(1000);
  server = null;
});

function metricLine(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('metrics', () => {
  it('count lookups by result, rounds opened and closed, answers by outcome and platform calls', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
    const bot = createBot({ banks: loadBanks('data/banks'), store: openSqliteStore(':memory:'), clock, chat: new RecordingChat(), telemetry: metrics });
    await bot.handleCommand(command('ask circuit breaking'));
    await bot.handleCommand(command('ask kafka partition rebalancing'));
    await bot.handleCommand(command('post', { isAdmin: true }));
    metrics.call('slack', 'chat.postMessage', 'ok', 12);
    metrics.call('slack', 'chat.postMessage', '429', 3);
    metrics.retry('slack', 'chat.postMessage', 'rate_limited');
    clock.advance(9 * 3_600_000);
    await bot.tick();
    await bot.idle();

    const text = await metrics.render();
    expect(metricLine(text, 'meshbot_lookups_total{result="answered"}')).toBe(1);
    expect(metricLine(text, 'meshbot_lookups_total{result="no_match"}')).toBe(1);
    expect(metricLine(text, 'meshbot_lookup_duration_seconds_count')).toBe(2);
    expect(metricLine(text, 'meshbot_rounds_total{event="opened"}')).toBe(1);
    expect(metricLine(text, 'meshbot_rounds_total{event="closed"}')).toBe(1);
    expect(metricLine(text, 'meshbot_tick_duration_seconds_count')).toBe(1);
    expect(metricLine(text, 'meshbot_platform_calls_total{platform="slack",method="chat.postMessage",outcome="429"}')).toBe(1);
    expect(metricLine(text, 'meshbot_platform_retries_total{platform="slack",method="chat.postMessage",reason="rate_limited"}')).toBe(1);
  });
});

describe('health routes', () => {
  it('report alive, and ready only while the database is writable, platforms are connected and the bot is not stopping', async () => {
    const store = openSqliteStore(':memory:');
    let connected = true;
    let stopping = false;
    const adapter = { platform: 'discord', isConnected: () => connected } as unknown as PlatformAdapter;
    server = await serveRoutes(healthRoutes({ store: () => store, adapters: [adapter], metrics: createMetrics({ processMetrics: false }), stopping: () => stopping }), 0, '127.0.0.1');
    const get = (path: string) => fetch(`http://127.0.0.1:${server!.port}${path}`);

    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/readyz')).status).toBe(200);
    connected = false;
    const down = await get('/readyz');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ checks: { database: true, discord: false } });
    connected = true;
    stopping = true;
    expect((await get('/readyz')).status).toBe(503);
    stopping = false;
    await store.close();
    expect(await (await get('/readyz')).json()).toMatchObject({ checks: { database: false } });
    expect((await get('/nope')).status).toBe(404);
    expect((await get('/metrics')).headers.get('content-type')).toMatch(/text\/plain/);
  });
});
