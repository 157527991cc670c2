/**
 * End to end over loopback: signed requests into the real Bolt app (HTTP mode), the real
 * core on SQLite, and a Web API stand-in that records every call the adapter makes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { failOnUnhandledRejection } from './helpers/guards.js';
import { GatedTiming } from './helpers/gated-timing.js';
import { startHarness, type Harness, type HarnessOptions } from './helpers/slack-harness.js';
import { ADMIN, ALICE, BOB, buttonsIn, click, posted, slash, textIn } from './helpers/slack-payloads.js';
import { postSigned, sign, slashCommandBody, SIGNING_SECRET } from './helpers/signed-request.js';
import type { RecordedCall } from './helpers/web-api-standin.js';

failOnUnhandledRejection();

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function start(options: HarnessOptions = {}): Promise<Harness> {
  harness = await startHarness({ adminUserIds: [ADMIN.id], ...options });
  return harness;
}

/** An admin schedules a daily round at 10:00 UTC, the clock reaches it, the tick posts it. */
async function openScheduledRound(h: Harness): Promise<RecordedCall> {
  const set = await slash(h, 'schedule 10:00 UTC daily', ADMIN);
  expect(JSON.parse(set.text)).toMatchObject({ response_type: 'in_channel' });
  h.clock.set(new Date('2026-12-01T10:00:00Z'));
  const report = await h.bot.tick();
  expect(report.opened).toBe(1);
  const [round] = h.standin.callsTo('chat.postMessage');
  if (!round) throw new Error('no round was posted');
  return round;
}

function roundIdOf(round: RecordedCall): number {
  return Number(buttonsIn(round.params['blocks'])[0]!.value.split(':')[0]);
}

describe('Slack HTTP mode, end to end', () => {
  it('answers /mesh ask circuit breaking in the ack, privately, with Q7', async () => {
    const h = await start();

    const reply = await slash(h, 'ask circuit breaking');

    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.text) as { response_type: string; text: string; blocks: unknown };
    expect(body.response_type).toBe('ephemeral');
    expect(textIn(body.blocks)).toContain('Q7 · Retries, timeouts, circuit breaking');
    expect(body.text).toContain('Q7');
    expect(buttonsIn(body.blocks).map((b) => b.text.text)).toContain('Share in channel');
    expect(h.standin.calls.filter((c) => c.method.startsWith('chat.'))).toEqual([]);
  });

  it('refuses a request with a bad signature with 401 and records nothing', async () => {
    const h = await start();

    const reply = await slash(h, 'ask circuit breaking', ALICE, {}, { signature: 'v0=0123456789abcdef' });

    expect(reply.status).toBe(401);
    expect(h.standin.calls.map((c) => c.method)).toEqual(['auth.test']);
    expect(h.standin.responses).toEqual([]);
    expect((await h.store.lookups.count()).total).toBe(0);
  });

  it('refuses a correctly signed request with a stale timestamp with 401 and records nothing', async () => {
    const h = await start();
    const body = slashCommandBody({ text: 'ask circuit breaking' });
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;

    const reply = await postSigned(h.eventsUrl, body, { timestamp: stale, signature: sign(SIGNING_SECRET, stale, body) });

    expect(reply.status).toBe(401);
    expect(h.standin.calls.map((c) => c.method)).toEqual(['auth.test']);
    expect((await h.store.lookups.count()).total).toBe(0);
  });

  it('posts a scheduled round with chat.postMessage whose button values carry no correctness', async () => {
    const h = await start();

    const round = await openScheduledRound(h);

    expect(round.params['channel']).toBe('C0GENERAL');
    const buttons = buttonsIn(round.params['blocks']);
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    const id = roundIdOf(round);
    // Each value is only "<round>:<position>": nothing in it differs between right and wrong choices.
    expect(buttons.map((b) => b.value)).toEqual(buttons.map((_, i) => `${id}:${i}`));
    expect(buttons.map((b) => b.action_id)).toEqual(buttons.map((_, i) => `quiz.answer~${i}`));
    expect(JSON.stringify(round.params)).not.toMatch(/correct/i);
  });

  it('records one answer for a click and confirms it privately', async () => {
    const h = await start();
    const round = await openScheduledRound(h);

    const reply = await click(h, { message: posted(round), button: 1, responseId: 'alice-1' });

    expect(reply.status).toBe(200);
    const [confirmation] = await h.standin.waitForResponses('alice-1');
    expect(confirmation!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(confirmation!.body['text'])).toMatch(/^Locked in: /);
    expect((await h.store.rounds.results(roundIdOf(round))).answered).toBe(1);
  });

  it('tells a second click that the person already answered, and keeps the first answer', async () => {
    const h = await start();
    const round = await openScheduledRound(h);
    await click(h, { message: posted(round), button: 0, responseId: 'alice-1' });
    await h.standin.waitForResponses('alice-1');

    await click(h, { message: posted(round), button: 2, responseId: 'alice-2' });

    const [second] = await h.standin.waitForResponses('alice-2');
    expect(String(second!.body['text'])).toContain('already answered');
    expect(second!.body).toMatchObject({ response_type: 'ephemeral' });
    expect((await h.store.rounds.results(roundIdOf(round))).answered).toBe(1);
  });

  it('reveals the answer at the close by editing the round with chat.update, and posts results in its thread', async () => {
    const h = await start();
    const round = await openScheduledRound(h);
    await click(h, { message: posted(round), button: 0, responseId: 'alice-1' });
    await h.standin.waitForResponses('alice-1');

    h.clock.set(new Date('2026-12-01T18:00:00Z'));
    const report = await h.bot.tick();

    expect(report.closed).toBe(1);
    const [update] = h.standin.callsTo('chat.update');
    expect(update!.params).toMatchObject({ channel: 'C0GENERAL', ts: posted(round).ts });
    expect(textIn(update!.params['blocks'])).toContain('Quiz round · closed');
    expect(textIn(update!.params['blocks'])).toMatch(/Answer/);
    const thread = h.standin.callsTo('chat.postMessage').find((c) => c.params['thread_ts'] === posted(round).ts);
    expect(thread?.params['text']).toMatch(/answered/);
  });

  it('waits out a 429 for its Retry-After, then retries once', async () => {
    const timing = new GatedTiming();
    const h = await start({ retry: { attempts: 3 }, timing });
    h.standin.script('chat.postMessage', { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } });
    await slash(h, 'schedule 10:00 UTC daily', ADMIN);
    h.clock.set(new Date('2026-12-01T10:00:00Z'));

    const ticking = h.bot.tick();
    const waitMs = await timing.nextSleep();
    const duringWait = h.standin.callsTo('chat.postMessage').length;
    timing.release();
    const report = await ticking;

    expect(waitMs).toBe(7_000);
    expect(duringWait).toBe(1);
    expect(h.standin.callsTo('chat.postMessage')).toHaveLength(2);
    expect(h.observer.retries).toEqual([{ method: 'chat.postMessage', reason: 'rate_limited' }]);
    expect(report.opened).toBe(1);
  });

  it('counts a click that Slack delivers again (X-Slack-Retry-Num) once, and confirms it again rather than refusing it', async () => {
    const h = await start();
    const round = await openScheduledRound(h);
    const spec = { message: posted(round), button: 1, responseId: 'alice-1', actionTs: '1700000200.000001' };
    await click(h, spec);
    await h.standin.waitForResponses('alice-1');

    const retry = await click(h, { ...spec, responseId: 'alice-1-retry' }, { retryNum: 1 });

    expect(retry.status).toBe(200);
    const [again] = await h.standin.waitForResponses('alice-1-retry');
    expect(String(again!.body['text'])).toMatch(/^Locked in: /);
    expect((await h.store.rounds.results(roundIdOf(round))).answered).toBe(1);
    expect((await h.store.answers.leaderboard('c:slack:T0TEST:C0GENERAL', 'all', 10)).map((r) => r.answered)).toEqual([1]);
  });

  it('runs a slash command that Slack delivers again once, and acks the retry with the same answer', async () => {
    const h = await start();
    const fields = { trigger_id: '1700000300.123.abc' };
    const first = await slash(h, 'ask circuit breaking', ALICE, fields);

    const retry = await slash(h, 'ask circuit breaking', ALICE, fields, { retryNum: 1 });

    expect(retry.status).toBe(200);
    expect(retry.text).toBe(first.text);
    await h.bot.idle();
    expect((await h.store.lookups.count()).total).toBe(1);
  });

  it('shares an entry to the channel through response_url when "Share in channel" is clicked', async () => {
    const h = await start();
    const answer = JSON.parse((await slash(h, 'ask circuit breaking')).text) as { blocks: unknown };
    const share = buttonsIn(answer.blocks).findIndex((b) => b.text.text === 'Share in channel');

    await click(h, { message: { ts: '', blocks: answer.blocks }, button: share, responseId: 'share' });

    const [shared] = await h.standin.waitForResponses('share');
    expect(shared!.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(textIn(shared!.body['blocks'])).toContain('Shared by alice');
  });

  it('escapes what people type, so "<!channel>" in a query can never ping the channel', async () => {
    const h = await start();

    const reply = await slash(h, 'ask <!channel> kafka <@U0BOB>');

    expect(reply.text).not.toContain('<!channel>');
    expect(reply.text).not.toContain('<@U0BOB>');
    expect(reply.text).toContain('!channel&gt;');
  });

  it('refuses an admin command from someone Slack says is not an admin', async () => {
    const h = await start({ prepare: (s) => s.users.set(BOB.id, { id: BOB.id, name: 'bob' }) });

    const reply = JSON.parse((await slash(h, 'post', BOB)).text) as { text: string };

    expect(reply.text).toContain('Only channel admins');
    expect(h.standin.callsTo('users.info')).toHaveLength(1);
    expect(h.standin.callsTo('chat.postMessage')).toEqual([]);
  });

  it('lets a workspace owner (users.info) run an admin command, using their display name', async () => {
    const h = await start({ prepare: (s) => s.users.set('U0OWNER', { id: 'U0OWNER', name: 'olga', displayName: 'Olga the Owner', isOwner: true }) });

    const reply = JSON.parse((await slash(h, 'schedule 10:00 UTC daily', { id: 'U0OWNER', username: 'olga' })).text) as { blocks: unknown };

    expect(textIn(reply.blocks)).toContain('Set by Olga the Owner');
  });

  it('looks a person up with users.info once and reuses the answer', async () => {
    const h = await start({ prepare: (s) => s.users.set(BOB.id, { id: BOB.id, name: 'bob', displayName: 'Bobby' }) });

    await slash(h, 'ask mtls', BOB);
    await h.standin.waitForCalls('users.info');
    await slash(h, 'ask retry storm', BOB);
    await slash(h, 'post', BOB);

    expect(h.standin.callsTo('users.info')).toHaveLength(1);
  });

  it('logs a failed post with its channel and posts the round at the next tick', async () => {
    const h = await start();
    h.standin.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    await slash(h, 'schedule 10:00 UTC daily', ADMIN);
    h.clock.set(new Date('2026-12-01T10:00:00Z'));
    await h.bot.tick();

    h.clock.set(new Date('2026-12-01T10:01:00Z'));
    const next = await h.bot.tick();

    const failure = h.logger.lines.find((l) => l.message.startsWith('posting a round failed'));
    expect(failure?.fields).toMatchObject({ channel: 'C0GENERAL' });
    expect(String((failure?.fields as { err?: Error }).err?.message)).toContain('not_in_channel (invite the bot');
    expect(next.retried).toBe(1);
    expect(h.standin.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('serves the extra routes (health, metrics) on the same port as /slack/events', async () => {
    const h = await start({ routes: [{ path: '/healthz', method: 'GET', handler: (_req, res) => void res.end('ok\n') }] });

    const health = await fetch(h.eventsUrl.replace('/slack/events', '/healthz'));

    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok\n');
  });

  it('acks a command that is not ready by the deadline empty, then answers it through response_url', async () => {
    const h = await start({ ackDeadlineMs: 50 });
    let release = (): void => {};
    h.standin.script('chat.postMessage', { hold: new Promise((resolve) => (release = resolve)), body: { ok: true, channel: 'C0GENERAL', ts: '1700000999.000001' } });

    // `post` waits for chat.postMessage, which the stand-in holds until the ack has gone out.
    const reply = await slash(h, 'post', ADMIN);
    release();

    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    const [late] = await h.standin.waitForResponses(`cmd-${ADMIN.id}`);
    expect(late!.body).toMatchObject({ response_type: 'ephemeral', text: 'Round posted.' });
  });
});
