/**
 * Onboarding at a glance on Discord, end to end against the stand-in: chart follow-ups
 * as attachments shown in an embed (`attachment://`), in gateway mode (discord.js's
 * interaction methods) and HTTP-interactions mode (the interaction webhook through
 * @discordjs/rest), the weekly digest as one channel message with two attachments, and
 * `/mesh me`. The stand-in parses every multipart body and checks each file is a whole,
 * valid PNG; the tests check it is the size of the chart it claims to be.
 */
import { describe, expect, it } from 'vitest';
import { heatmapSize, leaderboardSize, type Bot, type Store } from '../../src/index.js';
import { CHANNEL_ID, GUILD_ID, startRig, useDiscordRig } from './harness.js';
import { startHttpRig } from './http-harness.js';
import type { RecordedRequest } from './standin/rest-standin.js';
import { slashCommand } from './standin/interactions.js';

useDiscordRig();

const EPHEMERAL = 64;
const FOLLOW_UPS = (r: RecordedRequest): boolean => r.method === 'POST' && /^\/api\/v10\/webhooks\/\d+\/[^/]+$/.test(r.path);
const CHANNEL_POSTS = (r: RecordedRequest): boolean => r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages`;

interface Core {
  bot: Bot;
  store: Store;
  clock: { set(date: Date): void };
}

/** Daily rounds at 10:00 UTC, each answered in the core by ada (right) and bo (wrong). */
async function roundsAnswered(core: Core, days: string[]): Promise<void> {
  const where = { platform: 'discord' as const, workspaceId: GUILD_ID, channelId: CHANNEL_ID };
  await core.bot.handleCommand({ ...where, userId: '400000000000000009', userName: 'lead', isAdmin: true, text: 'schedule 10:00 UTC weekdays' });
  const channelKey = await core.store.people.channelKey(where);
  for (const day of days) {
    core.clock.set(new Date(`${day}T10:00:00Z`));
    await core.bot.tick();
    const [round] = await core.store.rounds.openInChannel(channelKey);
    for (const [userId, userName, right] of [['400000000000000001', 'ada', true], ['400000000000000002', 'bo', false]] as const) {
      const choice = right ? round!.correctIndex! : (round!.correctIndex! + 1) % 4;
      await core.bot.handleAction({ ...where, userId, userName, isAdmin: false, actionId: 'quiz.answer', value: `${round!.id}:${choice}`, messageId: round!.messageId! });
    }
    core.clock.set(new Date(`${day}T18:00:00Z`));
    await core.bot.tick();
  }
}

/** The one embed of a message that shows an attachment, by file name. */
function imageEmbed(body: any, name: string): any {
  return body.embeds.find((e: any) => e.image?.url === `attachment://${name}`);
}

describe('Discord: charts as attachments, the digest, /mesh me', () => {
  it('GIVEN the gateway WHEN someone asks /mesh leaderboard THEN the text is the first reply and a private follow-up carries the chart as a valid PNG shown in its embed', async () => {
    const rig = await startRig();
    await roundsAnswered(rig, ['2026-12-01', '2026-12-02']);
    const mark = rig.standin.rest.mark();

    const first = await rig.standin.interact(slashCommand(rig.member('400000000000000003', 'cy'), 'mesh', 'leaderboard'));

    expect(first.body.type).toBe(4);
    expect(first.body.data.flags).toBe(EPHEMERAL);
    expect(first.body.data.embeds[0].title ?? first.body.data.embeds[0].author?.name).toMatch(/Leaderboard · this channel · all time/);
    expect(first.files).toEqual([]);
    const followUp = await rig.standin.rest.waitFor(FOLLOW_UPS, { after: mark, timeoutMs: 15_000 }).catch((error: unknown) => {
      throw new Error(`${String(error)}\nlogged: ${JSON.stringify(rig.logger.lines.filter((l) => l.level !== 'info').map((l) => [l.message, String((l.fields as { err?: unknown }).err)]))}`);
    });
    expect(followUp.body.flags).toBe(EPHEMERAL);
    expect(followUp.files).toHaveLength(1);
    const [file] = followUp.files;
    expect(file).toMatchObject({ field: 'files[0]', name: '1-leaderboard.png', ...leaderboardSize(2) });
    expect(followUp.body.attachments).toEqual([expect.objectContaining({ id: '0', description: expect.stringMatching(/^Leaderboard · this channel · all time: top 2/) })]);
    expect(imageEmbed(followUp.body, '1-leaderboard.png')).toMatchObject({ image: { url: 'attachment://1-leaderboard.png' } });
    expect(followUp.body.allowed_mentions).toEqual({ parse: [] });
  }, 30_000);

  it('GIVEN HTTP interactions WHEN someone asks /mesh progress THEN the cohort table is the HTTP response and the heatmap follows through the webhook as a valid PNG', async () => {
    const rig = await startHttpRig();
    await roundsAnswered(rig, ['2026-12-01']);
    const mark = rig.standin.rest.mark();

    const reply = await rig.send(slashCommand(rig.member('400000000000000003', 'cy'), 'mesh', 'progress'));

    expect(reply.status).toBe(200);
    expect(reply.json.type).toBe(4);
    expect(reply.json.data.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(reply.json.data.embeds)).toMatch(/ada\s+\|?\s*1\/14/);
    const followUp = await rig.standin.rest.waitFor(FOLLOW_UPS, { after: mark, timeoutMs: 15_000 });
    expect(followUp.authorization).toBeUndefined();
    expect(followUp.body.flags).toBe(EPHEMERAL);
    expect(followUp.files).toEqual([expect.objectContaining({ name: '1-cohort-heatmap.png', contentType: 'image/png', ...heatmapSize(2, 14) })]);
    expect(imageEmbed(followUp.body, '1-cohort-heatmap.png')).toBeDefined();
  }, 30_000);

  it('GIVEN a week of rounds WHEN Friday 10:00 comes THEN the digest is one channel message with its text and two attachments, both valid PNGs', async () => {
    const rig = await startRig();
    await roundsAnswered(rig, ['2026-12-01', '2026-12-02', '2026-12-03']);
    rig.clock.set(new Date('2026-12-04T10:00:00Z'));
    const mark = rig.standin.rest.mark();

    expect((await rig.bot.tick()).digests).toEqual({ posted: 1, missed: 0, failed: 0 });

    const digest = rig.standin.rest.requests.slice(mark).filter(CHANNEL_POSTS).find((r) => r.files.length > 0)!;
    expect(digest.authorization).toMatch(/^Bot /);
    expect(digest.body.embeds[0].author.name).toBe('Weekly digest · week of 30 Nov 2026');
    expect(digest.body.embeds[0].description).toContain('Kept their streak: ada (3 in a row).');
    expect(digest.files.map((f) => [f.name, f.width, f.height])).toEqual([
      ['1-weekly-board.png', leaderboardSize(2).width, leaderboardSize(2).height],
      ['2-cohort-coverage.png', heatmapSize(2, 14).width, heatmapSize(2, 14).height],
    ]);
    expect(digest.body.attachments.map((a: any) => a.filename)).toEqual(['1-weekly-board.png', '2-cohort-coverage.png']);
    for (const f of digest.files) expect(imageEmbed(digest.body, f.name)).toBeDefined();
    // The stand-in kept the message with its attachments; the store, its id.
    const [stored] = await rig.store.digests.history(1, 1);
    expect(rig.standin.rest.messages.get(stored!.messageId!).attachments).toHaveLength(2);
  }, 60_000);

  it('GIVEN HTTP interactions WHEN someone runs /mesh me THEN their page comes privately, with a button to review what is due', async () => {
    const rig = await startHttpRig();
    await roundsAnswered(rig, ['2026-12-01']);

    const reply = await rig.send(slashCommand(rig.member('400000000000000001', 'ada'), 'mesh', 'me'));

    expect(reply.json.data.flags).toBe(EPHEMERAL);
    const embed = reply.json.data.embeds[0];
    expect(embed.title).toBe('Your progress · ada');
    expect(embed.description).toContain('**Points in all**: 15');
    expect(embed.description).toContain('**Streak**: 1 in a row (best 1)');
    const labels = reply.json.data.components.flatMap((row: any) => row.components.map((c: any) => c.label));
    // Her round answers became review cards, due by now.
    expect(labels).toEqual(['Review now']);
  }, 30_000);
});
