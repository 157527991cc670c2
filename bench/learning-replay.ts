/**
 * The learning replay of `npm run eval:ask`: does lookup learn from people's picks, and
 * only from them?
 *
 * The held-out half of ask-paraphrase (never used for tuning) is split by alternate
 * lines into a fed half and an unfed half. Three people ask every fed query through the
 * core (handleCommand) on a real SQLite store and show the entry they meant with the
 * reply's own buttons (handleAction: "Helpful", or "Not helpful" then the entry, or a
 * closest topic); then the evidence is reloaded as a replica does and every set is asked
 * again. Figures: top-1 (and top-1 answered) before and after for the fed half, the
 * unfed half and every other set (untouched), off-topic abstention, and then 50 wrong
 * picks by one person, which must change no answer. Held-out sets print aggregates only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBot, loadBanks, ManualClock, openSqliteStore, seededRandom, type Bot, type Lookup } from '../src/index.js';
import { DEFAULT_FILES, readSets, type Case } from './query-sets.js';
import { answeredEntry, ask, askAndShow, type Shown } from './show-entry.js';

interface Figures {
  top1: number;
  top1Answered: number;
  real: number;
  abstained: number;
  offTopic: number;
}

interface NamedSet {
  name: string;
  cases: Case[];
}

const PEOPLE = ['ana', 'ben', 'chen'];
const MINUTE = 60_000;

function measure(lookup: Lookup, slug: string, cases: Case[]): Figures {
  const figures: Figures = { top1: 0, top1Answered: 0, real: 0, abstained: 0, offTopic: 0 };
  for (const c of cases) {
    const result = lookup.search(c.query);
    if (c.expect.length === 0) {
      figures.offTopic++;
      if (!result.answered) figures.abstained++;
      continue;
    }
    figures.real++;
    const right = c.expect.some((n) => result.hits[0]?.entry.id === `${slug}-q${n}`);
    if (right) figures.top1++;
    if (right && result.answered) figures.top1Answered++;
  }
  return figures;
}

/** Every answer as the bot gives it: the answered entry, or "-" for no match. */
function answers(lookup: Lookup, queries: readonly string[]): string[] {
  return queries.map((q) => {
    const result = lookup.search(q);
    return result.answered ? (result.hits[0]?.entry.id ?? '-') : '-';
  });
}

function changed(a: readonly string[], b: readonly string[]): number {
  return a.filter((x, i) => x !== b[i]).length;
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

function row(name: string, before: Figures, after: Figures): string {
  const real = before.real > 0 ? `top-1 ${pct(before.top1, before.real)} -> ${pct(after.top1, after.real)}   top-1 answered ${pct(before.top1Answered, before.real)} -> ${pct(after.top1Answered, after.real)}` : '';
  const off = before.offTopic > 0 ? `abstained (off) ${pct(before.abstained, before.offTopic)} -> ${pct(after.abstained, after.offTopic)}` : '';
  return `  ${name.padEnd(44)} ${[real, off].filter((s) => s !== '').join('   ')}`;
}

async function withBot<T>(banksDir: string, fn: (bot: Bot, clock: ManualClock) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'meshbot-replay-'));
  const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
  const store = openSqliteStore(join(dir, 'replay.db'), clock.now().getTime());
  const noChat = { post: async () => ({ messageId: 'm' }), update: async () => {}, reply: async () => ({ messageId: 'r' }) };
  const bot = createBot({ banks: loadBanks(banksDir), store, clock, chat: noChat, random: seededRandom(7), rateLimits: { lookupsPerMinute: 0, answersPerMinute: 0 } });
  try {
    return await fn(bot, clock);
  } finally {
    await bot.idle();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Lets the after-reply writes finish, moves past them, and reloads the evidence as a replica's refresh does. */
async function settle(bot: Bot, clock: ManualClock): Promise<void> {
  await bot.idle();
  clock.advance(MINUTE);
  await bot.refreshLearned();
}

export async function runLearningReplay(banksDir: string): Promise<void> {
  const slug = loadBanks(banksDir)[0]!.slug;
  const heldOut = readSets('test/fixtures/ask-paraphrase.json').find((s) => s.heldOut)!.cases.filter((c) => c.expect.length > 0);
  const fed = heldOut.filter((_, i) => i % 2 === 0);
  const unfed = heldOut.filter((_, i) => i % 2 === 1);
  const sets: NamedSet[] = [
    { name: 'paraphrase held-out, fed half', cases: fed },
    { name: 'paraphrase held-out, unfed half', cases: unfed },
    ...DEFAULT_FILES.flatMap(readSets)
      .filter((s) => !(s.name.includes('ask-paraphrase') && s.heldOut))
      .map((s) => ({ name: `${s.name.replace('test/fixtures/', '')} (untouched)`, cases: s.cases })),
  ];
  const allQueries = sets.flatMap((s) => s.cases.map((c) => c.query));

  console.log(`learning replay: ${PEOPLE.length} people show the expected entry for each of ${fed.length} held-out paraphrases (fed half); ${unfed.length} stay unfed [held out: aggregates only]`);
  await withBot(banksDir, async (bot, clock) => {
    const before = sets.map((s) => measure(bot.lookup, slug, s.cases));
    const shown = new Map<Shown, number>();
    for (const who of PEOPLE) {
      for (const c of fed) {
        const want = new Set(c.expect.map((n) => `${slug}-q${n}`));
        const outcome = await askAndShow(bot, who, c.query, (id) => want.has(id));
        shown.set(outcome, (shown.get(outcome) ?? 0) + 1);
        clock.advance(MINUTE);
      }
    }
    await settle(bot, clock);
    const after = sets.map((s) => measure(bot.lookup, slug, s.cases));
    console.log(`  what the people could do: ${[...shown].map(([k, v]) => `${k} ${v}`).join(', ')}`);
    sets.forEach((s, i) => console.log(row(s.name, before[i]!, after[i]!)));

    // Asked again through the core, by someone new: the reply gives what the lookup ranks.
    let disagree = 0;
    for (const c of [...fed, ...unfed]) {
      const reply = await ask(bot, 'dana', c.query);
      const result = bot.lookup.search(c.query);
      if (answeredEntry(reply) !== (result.answered ? result.hits[0]!.entry.id : null)) disagree++;
    }
    console.log(`  replies asked again by a fourth person that differ from the ranking measured: ${disagree}`);

    // One person, 50 wrong picks: on one query over and over, then on 50 different queries.
    const settled = answers(bot.lookup, allQueries);
    const wrong = (c: Case) => (id: string) => !c.expect.some((n) => id === `${slug}-q${n}`);
    const target = fed[0]!;
    for (let i = 0; i < 50; i++) {
      await askAndShow(bot, 'mallory', target.query, wrong(target));
      clock.advance(MINUTE);
    }
    await settle(bot, clock);
    const afterRepeat = answers(bot.lookup, allQueries);
    const varied = [...fed, ...unfed, ...sets.slice(2).flatMap((s) => s.cases.filter((c) => c.expect.length > 0))].slice(0, 50);
    for (const c of varied) {
      await askAndShow(bot, 'mallory', c.query, wrong(c));
      clock.advance(MINUTE);
    }
    await settle(bot, clock);
    const afterVaried = answers(bot.lookup, allQueries);
    console.log(`  one person, 50 wrong picks of one query: ${changed(settled, afterRepeat)} of ${allQueries.length} answers changed`);
    console.log(`  one person, 50 wrong picks over 50 queries: ${changed(settled, afterVaried)} of ${allQueries.length} answers changed`);
  });
}
