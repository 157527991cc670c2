/**
 * The retry policy of Web API calls, against a scripted client and a virtual clock.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/index.js';
import { backoffMs, classifyFailure } from '../../adapters/slack/retry-policy.js';
import { SlackCalls, type ApiClient } from '../../adapters/slack/slack-calls.js';
import { instantTiming } from './helpers/gated-timing.js';
import { RecordingObserver } from './helpers/slack-harness.js';

const rateLimited = (seconds: number) => Object.assign(new Error('429'), { code: 'slack_webapi_rate_limited_error', retryAfter: seconds });
const networkDown = () => Object.assign(new Error('request failed'), { code: 'slack_webapi_request_error', original: new Error('ECONNREFUSED') });
const platform = (error: string) => Object.assign(new Error(error), { code: 'slack_webapi_platform_error', data: { ok: false, error } });

/** A client that fails with the given errors, in order, then answers ok. */
function scripted(...failures: Error[]): ApiClient & { count: number } {
  const client = {
    count: 0,
    apiCall: async () => {
      const failure = failures[client.count++];
      if (failure) throw failure;
      return { ok: true };
    },
  };
  return client;
}

function calls(client: ApiClient, policy = {}) {
  const timing = instantTiming();
  const observer = new RecordingObserver();
  const sleeps: number[] = [];
  const sleep = timing.sleep;
  timing.sleep = (ms, signal) => {
    sleeps.push(ms);
    return sleep(ms, signal);
  };
  return { calls: new SlackCalls(client, { observer, logger: silentLogger, timing, policy }), observer, sleeps };
}

describe('Slack Web API calls', () => {
  it('waits out a 429 for exactly its Retry-After before the retry', async () => {
    const client = scripted(rateLimited(7));
    const { calls: c, sleeps, observer } = calls(client);

    await c.call('chat.postMessage', {});

    expect(client.count).toBe(2);
    expect(sleeps).toEqual([7_000]);
    expect(observer.calls.map((x) => x.outcome)).toEqual(['429', 'ok']);
  });

  it('retries network failures with growing, jittered backoff, then gives up and rejects', async () => {
    const client = scripted(networkDown(), networkDown(), networkDown(), networkDown());
    const { calls: c, sleeps, observer } = calls(client, { attempts: 4, baseDelayMs: 500, maxDelayMs: 8_000, budgetMs: 30_000 });

    await expect(c.call('chat.postMessage', {})).rejects.toMatchObject({ code: 'slack_webapi_request_error' });

    expect(client.count).toBe(4);
    expect(sleeps).toEqual([375, 750, 1_500]);
    expect(observer.retries.map((r) => r.reason)).toEqual(['transient', 'transient', 'transient']);
  });

  it('does not retry an answer that says the request is wrong (channel_not_found)', async () => {
    const client = scripted(platform('channel_not_found'));
    const { calls: c } = calls(client);

    await expect(c.call('chat.postMessage', {})).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    expect(client.count).toBe(1);
  });

  it('rejects at once when Retry-After is longer than the budget left', async () => {
    const client = scripted(rateLimited(120));
    const { calls: c, sleeps } = calls(client, { budgetMs: 30_000 });

    await expect(c.call('chat.postMessage', {})).rejects.toMatchObject({ retryAfter: 120 });
    expect(sleeps).toEqual([]);
  });

  it('makes the next calls to a rate-limited method wait too, instead of hitting Slack again', async () => {
    const client = scripted(rateLimited(120));
    const { calls: c } = calls(client, { budgetMs: 30_000 });
    await c.call('chat.update', {}).catch(() => {});

    await expect(c.call('chat.update', {})).rejects.toMatchObject({ retryAfter: 120 });
    expect(client.count).toBe(1);
  });

  it('tries once while Slack looks down, so an outage does not become a retry storm', async () => {
    const client = scripted(networkDown(), networkDown(), networkDown());
    const { calls: c } = calls(client, { attempts: 2 });
    await c.call('chat.postMessage', {}).catch(() => {});

    await expect(c.call('chat.postMessage', {})).rejects.toBeDefined();
    expect(client.count).toBe(3);
  });

  it('classifies 5xx as transient and 4xx as permanent', async () => {
    expect(classifyFailure({ code: 'slack_webapi_http_error', statusCode: 503 }).kind).toBe('transient');
    expect(classifyFailure({ code: 'slack_webapi_http_error', statusCode: 404 }).kind).toBe('permanent');
    expect(classifyFailure(platform('internal_error')).kind).toBe('transient');
  });

  it('keeps every backoff between half and all of its capped ceiling', async () => {
    const policy = { baseDelayMs: 500, maxDelayMs: 8_000 };
    expect([backoffMs(1, policy, () => 0), backoffMs(1, policy, () => 0.999)]).toEqual([250, 500]);
    expect(backoffMs(10, policy, () => 0)).toBe(4_000);
  });
});
