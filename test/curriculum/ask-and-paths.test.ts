import { describe, expect, it } from 'vitest';
import { buttonsOf, seededRandom } from '../../src/index.js';
import { click, testBot, textOf, type TestBot } from '../helpers/fixtures.js';
import { curriculumBanks } from '../helpers/curriculum-banks.js';
import { practise } from '../helpers/practice.js';
import { admin, person, say, tableRows } from '../helpers/quiz.js';

function curriculumBot(seed = 21): TestBot {
  return testBot({ banks: curriculumBanks(), random: seededRandom(seed) });
}

describe('/mesh ask with several banks', () => {
  it("GIVEN two channels with different banks THEN each gets its own bank's answer to the same words, named with its bank", async () => {
    const t = curriculumBot();
    await say(t, 'banks use ops-junior,ops-senior', admin('lead', 'ops'));
    await say(t, 'banks use mesh', admin('lead', 'platform'));
    const ops = await say(t, 'ask retries and timeouts', person('alice', 'ops'));
    const platform = await say(t, 'ask retries and timeouts', person('alice', 'platform'));
    expect(ops.text).toBe('ops-junior Q4 · Timeouts and retries in a client: How should a client use timeouts and retries?');
    expect(textOf(ops)).toContain('From Ops Foundations — Junior (ops-junior)');
    // The other bank's entry on the same subject is offered as related, named with its bank.
    expect(textOf(ops)).toMatch(/Related: mesh Q7 · Retries, timeouts/);
    expect(buttonsOf(ops).map((b) => b.label)).toContain('mesh Q7: Retries, timeouts, circuit breaking — and retry storms');
    expect(platform.text).toMatch(/^mesh Q7 · Retries, timeouts, circuit breaking — and retry storms: /);
    expect(textOf(platform)).toContain('From Service Mesh — Interview (mesh)');
  });

  it("GIVEN words only another bank answers THEN that bank's answer is given, named", async () => {
    const t = curriculumBot();
    await say(t, 'banks use ops-junior', admin('lead', 'ops'));
    const reply = await say(t, 'ask cold start', person('alice', 'ops'));
    expect(reply.text).toMatch(/^serverless-junior Q2 · Cold starts: /);
  });

  it('GIVEN "q2" with several banks THEN the bot asks which, with a button per bank; "mesh q2" opens one', async () => {
    const t = curriculumBot();
    const which = await say(t, 'ask q2', person('alice'));
    expect(which.failure).toBe('ask.ambiguous');
    expect(which.text).toBe('Q2 is in 4 banks: ops-junior, ops-senior, serverless-junior, mesh. Which one?');
    expect(buttonsOf(which).map((b) => b.value)).toEqual(['ops-junior-q2', 'ops-senior-q2', 'serverless-junior-q2', 'mesh-q2']);
    expect((await say(t, 'ask mesh q2', person('alice'))).text).toMatch(/^mesh Q2 · Data plane vs control plane/);
    // In a channel that uses one bank, "q2" means that bank's Q2.
    await say(t, 'banks use ops-senior', admin('lead', 'ops'));
    expect((await say(t, 'ask q2', person('alice', 'ops'))).text).toMatch(/^ops-senior Q2 · Capacity planning/);
  });

  it('GIVEN one bank loaded THEN replies name no bank, as before', async () => {
    const t = testBot();
    expect((await say(t, 'ask retry storm', person('alice'))).text).toMatch(/^Q7 · Retries/);
  });
});

describe('topics, levels and paths', () => {
  it('GIVEN banks that form paths THEN /mesh topics shows each topic with its levels and each path, with steps not loaded yet', async () => {
    const t = curriculumBot();
    await say(t, 'banks use ops-junior', admin('lead', 'ops'));
    const reply = await say(t, 'topics', person('alice', 'ops'));
    expect(tableRows(reply)).toEqual([
      ['Ops Foundations', 'junior (ops-junior), senior (ops-senior)'],
      ['Serverless / FaaS', 'junior (serverless-junior), senior (not loaded yet)'],
      ['Service Mesh', 'interview (mesh)'],
    ]);
    expect(textOf(reply)).toContain(
      'Ops Foundations — Junior (ops-junior) → Ops Foundations — Senior (ops-senior) → Incident Command — Lead (not loaded yet)\n' +
        'Service Mesh — Interview (mesh) → Serverless / FaaS — Junior (serverless-junior) → Serverless / FaaS — Senior (not loaded yet)',
    );
    // The channel's bank lists its questions; the others are named.
    expect(textOf(reply)).toMatch(/Q4 {2}Timeouts and retries in a client/);
    expect(textOf(reply)).not.toMatch(/Q14 {2}Rolling out a mesh/);
    expect(textOf(reply)).toContain('Not used in this channel: Ops Foundations — Senior (ops-senior), Serverless / FaaS — Junior (serverless-junior), Service Mesh — Interview (mesh).');
  });
});

describe('progress per bank and the next step', () => {
  it('GIVEN a person who has covered 80% of the first bank of a path THEN progress suggests the next bank with the command to practise it', async () => {
    const t = curriculumBot();
    await say(t, 'banks use ops-junior', admin('lead', 'ops'));
    await practise(t, 'carol', 3, { channelId: 'ops' });
    const partway = await say(t, 'progress @carol', person('lead', 'ops'));
    expect(partway.text).toBe('carol: 3/5 covered, 0 to retry');
    expect(textOf(partway)).not.toMatch(/Next:/);
    await practise(t, 'carol', 1, { channelId: 'ops' });
    const reply = await say(t, 'progress @carol', person('lead', 'ops'));
    expect(reply.text).toBe('carol: 4/5 covered, 0 to retry');
    expect(textOf(reply)).toContain('Ops Foundations — Junior (ops-junior): 4/5 covered, 0 to retry');
    expect(textOf(reply)).toContain('Next: Ops Foundations — Senior, /mesh quiz ops-senior (after Ops Foundations — Junior).');
  });

  it('GIVEN a person who has covered the first bank of a path THEN their own page (/mesh me, the Home tab) suggests the same next step', async () => {
    const t = curriculumBot();
    await say(t, 'banks use ops-junior', admin('lead', 'ops'));
    await practise(t, 'carol', 3, { channelId: 'ops' });
    expect(textOf(await say(t, 'me', person('carol', 'ops')))).not.toMatch(/Next:/);
    await practise(t, 'carol', 1, { channelId: 'ops' });
    const page = textOf(await say(t, 'me', person('carol', 'ops')));
    expect(page).toContain('Next: Ops Foundations — Senior, /mesh quiz ops-senior (after Ops Foundations — Junior).');
  });

  it('GIVEN a person who has covered a bank whose next step is not loaded THEN progress says so plainly', async () => {
    const t = curriculumBot();
    await practise(t, 'dan', 4, { bank: 'serverless-junior' });
    const reply = await say(t, 'progress me', person('dan'));
    expect(textOf(reply)).toContain('Next: Serverless / FaaS — Senior, which is not loaded yet: ask an admin to add it to the banks folder (after Serverless / FaaS — Junior).');
  });

  it('GIVEN a person who has covered two steps of a path THEN only the step after the last one is suggested', async () => {
    const t = curriculumBot();
    await practise(t, 'erin', 5, { bank: 'ops-junior' });
    await practise(t, 'erin', 3, { bank: 'ops-senior' });
    const lines = textOf(await say(t, 'progress me', person('erin'))).split('\n').filter((l) => l.startsWith('Next:'));
    expect(lines).toEqual(['Next: Incident Command — Lead, which is not loaded yet: ask an admin to add it to the banks folder (after Ops Foundations — Senior).']);
  });

  it("GIVEN a channel with two banks THEN the cohort table has a column per bank", async () => {
    const t = curriculumBot();
    await say(t, 'banks use ops-junior,ops-senior', admin('lead', 'ops'));
    await say(t, 'post', admin('lead', 'ops'));
    const round = t.chat.calls.filter((c) => c.kind === 'post').at(-1)!;
    const button = buttonsOf(round.message)[0]!;
    const who = { ...person('frank', 'ops'), messageId: round.messageId };
    await t.bot.handleAction(click(button.actionId, button.value, who));
    // A recall round (ops-junior has no quiz items) counts once self-graded.
    if (button.actionId === 'quiz.recall') await t.bot.handleAction(click('quiz.grade', `${button.value}:1`, who));
    await practise(t, 'frank', 3, { bank: 'ops-senior', channelId: 'ops' });
    const cohort = await say(t, 'progress', person('lead', 'ops'));
    expect(cohort.blocks.find((b) => b.type === 'table')).toMatchObject({ header: ['Name', 'Covered', 'To retry', 'Not seen', 'ops-junior', 'ops-senior'] });
    expect(tableRows(cohort)[0]!.slice(4)).toEqual([expect.stringMatching(/^\d\/5$/), '3/3']);
  });
});
