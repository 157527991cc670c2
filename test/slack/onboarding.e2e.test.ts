/**
 * Onboarding at a glance on Slack, end to end through Bolt and the Web API stand-in:
 * charts as real uploads (files.getUploadURLExternal, the bytes, files.completeUploadExternal,
 * each file checked to be a valid PNG of its declared length), the weekly digest, the App
 * Home tab (views.publish checked against Block Kit's rules) and its Review now button,
 * and the dashboard served on Bolt's own port in HTTP mode.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { heatmapSize, leaderboardSize } from '../../src/index.js';
import { checkPng } from '../helpers/png.js';
import { failOnUnhandledRejection } from './helpers/guards.js';
import { blockKitProblems } from './helpers/block-kit-rules.js';
import { startHarness, type Harness, type HarnessOptions } from './helpers/slack-harness.js';
import { ADMIN, ALICE, BOB, buttonsIn, click, eventually, posted, slash, textIn } from './helpers/slack-payloads.js';
import { postSigned } from './helpers/signed-request.js';

failOnUnhandledRejection();

const DASHBOARD = { secret: 'slack-e2e-dashboard-secret-0123456789abcdef', publicUrl: 'https://meshbot.example.com' };

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function start(options: HarnessOptions = {}): Promise<Harness> {
  harness = await startHarness({ adminUserIds: [ADMIN.id], ...options });
  return harness;
}

/** A daily quiz at 10:00 UTC in #general; each day's round answered by alice (right) and bob (wrong). */
async function roundsAnswered(h: Harness, days: string[]): Promise<void> {
  await slash(h, 'schedule 10:00 UTC weekdays', ADMIN);
  for (const [i, day] of days.entries()) {
    h.clock.set(new Date(`${day}T10:00:00Z`));
    await h.bot.tick();
    const round = h.standin.callsTo('chat.postMessage').filter((c) => buttonsIn(c.params['blocks']).some((b) => b.action_id.startsWith('quiz.answer')))[i]!;
    const roundId = Number(buttonsIn(round.params['blocks'])[0]!.value.split(':')[0]);
    const correct = (await h.store.rounds.get(roundId))!.correctIndex!;
    const buttons = buttonsIn(round.params['blocks']);
    const right = buttons.findIndex((b) => b.value === `${roundId}:${correct}`);
    await click(h, { message: posted(round), button: right, who: ALICE, responseId: `a-${i}` });
    await click(h, { message: posted(round), button: (right + 1) % buttons.length, who: BOB, responseId: `b-${i}` });
    h.clock.set(new Date(`${day}T18:00:00Z`));
    await h.bot.tick();
  }
}

describe('Slack: charts, digest, App Home and dashboard', () => {
  it('GIVEN scores WHEN someone asks /mesh leaderboard THEN the text is the ack and the chart follows as an upload to their DMs, a valid PNG of the board\'s size', async () => {
    const h = await start();
    await roundsAnswered(h, ['2026-12-01', '2026-12-02']);

    const ack = await slash(h, 'leaderboard', BOB);

    const body = JSON.parse(ack.text) as { response_type: string; blocks: unknown };
    expect(body.response_type).toBe('ephemeral');
    expect(textIn(body.blocks)).toContain('Leaderboard · this channel · all time');
    const [file] = await h.standin.waitForFiles(1);
    expect(h.standin.calls.map((c) => c.method).filter((m) => m.startsWith('files.'))).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(file).toMatchObject({ filename: 'leaderboard.png', channels: BOB.id, channelId: null, ...leaderboardSize(2) });
    expect(file!.altText).toMatch(/^Leaderboard · this channel · all time: top 2 by points; first alice with 30 points/);
    expect(checkPng(file!.png)).toEqual(leaderboardSize(2));
    // The byte upload carries no token: the upload URL is its own authorisation.
    expect(h.observer.calls.filter((c) => c.method === 'files.upload')).toEqual([{ method: 'files.upload', outcome: 'ok' }]);
  }, 30_000);

  it('GIVEN Slack slow to hand out an upload URL THEN the leaderboard text is already in the ack, and the chart lands once Slack answers', async () => {
    const h = await start();
    await roundsAnswered(h, ['2026-12-01']);
    let release!: () => void;
    h.standin.script('files.getUploadURLExternal', { hold: new Promise<void>((resolve) => (release = resolve)), usual: true });

    const ack = await slash(h, 'leaderboard week', BOB);

    expect(JSON.parse(ack.text).text).toMatch(/^Leaderboard · this channel · this week: 1\. alice 15 points/);
    await h.standin.waitForCalls('files.getUploadURLExternal');
    expect(h.standin.files).toHaveLength(0);
    release();
    const [file] = await h.standin.waitForFiles(1);
    expect(file).toMatchObject({ channels: BOB.id, ...leaderboardSize(2) });
  }, 30_000);

  it('GIVEN the picture cannot be uploaded THEN the person still has the text, and the failure is logged, not shown', async () => {
    const h = await start();
    await roundsAnswered(h, ['2026-12-01']);
    h.standin.script('files.getUploadURLExternal', { body: { ok: false, error: 'missing_scope', needed: 'files:write' } });

    const ack = await slash(h, 'leaderboard', BOB);

    expect(JSON.parse(ack.text).response_type).toBe('ephemeral');
    await eventually(() => h.logger.messages('warn').includes('the picture after a reply could not be sent'), 'the failed upload to be logged');
    expect(h.standin.responses.filter((r) => r.id === `cmd-${BOB.id}`)).toEqual([]);
    expect(h.standin.files).toEqual([]);
  }, 30_000);

  it('GIVEN /mesh progress for the channel THEN the cohort heatmap follows the table as a valid PNG, and nothing was uploaded to the channel', async () => {
    const h = await start();
    await roundsAnswered(h, ['2026-12-01']);

    const ack = await slash(h, 'progress', ALICE);

    expect(textIn(JSON.parse(ack.text).blocks)).toMatch(/alice\s+1\/14/);
    const [file] = await h.standin.waitForFiles(1);
    expect(file).toMatchObject({ filename: 'cohort-heatmap.png', channels: ALICE.id, channelId: null });
    expect(checkPng(file!.png)).toEqual(heatmapSize(2, 14));
  }, 30_000);

  it('GIVEN a week of rounds WHEN Friday 10:00 comes THEN the digest is one upload to the channel: its text as the comment and two valid PNGs', async () => {
    const h = await start();
    await roundsAnswered(h, ['2026-12-01', '2026-12-02', '2026-12-03']);
    h.clock.set(new Date('2026-12-04T10:00:30Z'));

    const report = await h.bot.tick();

    expect(report.digests).toEqual({ posted: 1, missed: 0, failed: 0 });
    const completes = h.standin.callsTo('files.completeUploadExternal');
    expect(completes).toHaveLength(1);
    const [board, heatmap] = h.standin.files;
    for (const file of [board, heatmap]) expect(file).toMatchObject({ channelId: 'C0GENERAL', channels: null, threadTs: null });
    expect(board!.initialComment).toMatch(/^\*Weekly digest · week of 30 Nov 2026\*\nThis week's board\n```/);
    expect(board!.initialComment).toContain('Kept their streak: alice (3 in a row).');
    expect(checkPng(board!.png)).toEqual(leaderboardSize(2));
    expect(checkPng(heatmap!.png)).toEqual(heatmapSize(2, 14));
    const [stored] = await h.store.digests.history(1, 1);
    expect(stored).toMatchObject({ status: 'posted', messageId: board!.id });
    // A second tick the same minute, or later that day, posts nothing more.
    h.clock.set(new Date('2026-12-04T16:00:00Z'));
    expect((await h.bot.tick()).digests).toEqual({ posted: 0, missed: 0, failed: 0 });
    expect(h.standin.callsTo('files.completeUploadExternal')).toHaveLength(1);
  }, 60_000);

  it('GIVEN Slack refuses the upload (a missing files:write scope) THEN the digest stays claimed, is logged with a hint, and posts once on a later tick', async () => {
    const h = await start();
    await roundsAnswered(h, ['2026-12-03']);
    h.standin.script('files.completeUploadExternal', { body: { ok: false, error: 'missing_scope', needed: 'files:write' } });
    h.clock.set(new Date('2026-12-04T10:00:00Z'));
    expect((await h.bot.tick()).digests).toEqual({ posted: 0, missed: 0, failed: 1 });
    const failure = h.logger.lines.find((l) => l.message === 'posting a digest failed; retrying at the next tick');
    expect((failure?.fields as { err?: Error }).err?.message).toBe("files.completeUploadExternal in channel C0GENERAL failed: missing_scope (reinstall the app with the manifest's scopes)");
    h.clock.set(new Date('2026-12-04T10:01:00Z'));
    expect((await h.bot.tick()).digests).toEqual({ posted: 1, missed: 0, failed: 0 });
    expect(h.standin.files.filter((f) => f.channelId === 'C0GENERAL')).toHaveLength(2);
  }, 60_000);

  it('GIVEN a person opens the Home tab THEN a view Block Kit accepts is published for them, and Review now opens a review in their DMs', async () => {
    const h = await start();
    await roundsAnswered(h, ['2026-12-01']);
    h.clock.set(new Date('2026-12-09T09:00:00Z'));
    const event = { token: 'legacy', team_id: 'T0TEST', api_app_id: 'A0MESHBOT', type: 'event_callback', event_id: 'Ev1', event_time: 1, event: { type: 'app_home_opened', user: BOB.id, channel: 'D0BOB', tab: 'home', event_ts: '1.2' } };

    const delivered = await postSigned(h.eventsUrl, JSON.stringify(event), { contentType: 'application/json' });

    expect(delivered.status).toBe(200);
    const [published] = await h.standin.waitForViews(1);
    expect(published!.userId).toBe(BOB.id);
    const blocks = published!.view['blocks'];
    expect(blockKitProblems(blocks, 'home')).toEqual([]);
    const text = textIn(blocks);
    expect(text).toContain('Your progress · bob');
    expect(text).toMatch(/Reviews due\*\n1/);
    const review = buttonsIn(blocks).find((b) => b.text.text === 'Review now')!;
    expect(review).toBeDefined();
    // The Messages tab opens the same event: no view for it.
    await postSigned(h.eventsUrl, JSON.stringify({ ...event, event_id: 'Ev2', event: { ...event.event, tab: 'messages' } }), { contentType: 'application/json' });

    const clickBody = new URLSearchParams({
      payload: JSON.stringify({
        type: 'block_actions',
        user: { id: BOB.id, username: BOB.username, name: BOB.username, team_id: 'T0TEST' },
        team: { id: 'T0TEST', domain: 'test' },
        container: { type: 'view', view_id: 'V1' },
        view: { id: 'V1', type: 'home' },
        trigger_id: '1.2.3',
        actions: [{ action_id: review.action_id, block_id: 'b', value: review.value, type: 'button', action_ts: '1.3' }],
      }),
    }).toString();
    const clicked = await postSigned(h.eventsUrl, clickBody);
    expect(clicked.status).toBe(200);
    const [question] = await h.standin.waitForCalls('chat.postMessage', 3).then((calls) => calls.filter((c) => c.params['channel'] === BOB.id));
    expect(question!.params['text']).toMatch(/^Review: /);
    expect(buttonsIn(question!.params['blocks']).length).toBeGreaterThan(1);
    expect(h.standin.views).toHaveLength(1);
  }, 30_000);

  it('GIVEN HTTP mode WHEN a lead opens the dashboard link on Bolt\'s port THEN pages under /dashboard are served, and refused without a token', async () => {
    const h = await start({ dashboard: DASHBOARD });
    await roundsAnswered(h, ['2026-12-01']);
    const ack = await slash(h, 'dashboard', ADMIN);
    const reply = JSON.parse(ack.text) as { response_type: string; blocks: unknown };
    expect(reply.response_type).toBe('ephemeral');
    const link = new URL(/https:\/\/meshbot\.example\.com\/dashboard\?token=[\w.-]+/.exec(textIn(reply.blocks))![0]);
    const base = h.eventsUrl.replace('/slack/events', '');

    const overview = await fetch(`${base}/dashboard${link.search}`);
    expect(overview.status).toBe(200);
    expect(overview.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(await overview.text()).toContain('Slack workspace T0TEST');
    const person = await fetch(`${base}/dashboard/channels/C0GENERAL/people/${ALICE.id}${link.search}`);
    expect(person.status).toBe(200);
    expect(await person.text()).toContain('1/14 covered');
    expect((await fetch(`${base}/dashboard/channels/C0GENERAL/people/${ALICE.id}`)).status).toBe(401);
    // Bolt's own endpoints still answer as before.
    expect((await fetch(`${base}/slack/events`, { method: 'POST' })).status).toBe(401);
    // A non-admin gets no link.
    const refused = JSON.parse((await slash(h, 'dashboard', BOB)).text) as { blocks: unknown };
    expect(textIn(refused.blocks)).toContain('Only channel admins can do that.');
  }, 30_000);
});
