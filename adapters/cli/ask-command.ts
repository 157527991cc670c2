import { createInterface } from 'node:readline';
import { createLookup, loadBanks, type Lookup } from '../../src/index.js';
import { configFromEnvironment } from '../load-config.js';
import { parseCommandArgs, type CliIo } from './cli-io.js';

function askJson(lookup: Lookup, query: string): string {
  const result = lookup.search(query);
  return JSON.stringify({
    query,
    answered: result.answered,
    hits: result.hits.map((h) => ({ id: h.entry.id, number: h.entry.number, question: h.entry.question, score: Math.round(h.score * 1000) / 1000 })),
  });
}

function askText(lookup: Lookup, query: string): string {
  const result = lookup.search(query);
  const top = result.hits[0];
  if (!result.answered || !top) {
    const closest = result.hits.slice(0, 3).map((h) => `Q${h.entry.number} ${h.entry.title}`);
    return `No good match for "${query}".${closest.length ? ` Closest: ${closest.join('; ')}` : ''}`;
  }
  return `Q${top.entry.number}: ${top.entry.question}\n${top.entry.answerText}`;
}

/** `ask [--json] [query...]`: one query, or one per stdin line. */
export async function askCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, { json: { type: 'boolean' } }, true, io);
  if (!parsed) return 2;
  const json = parsed.values.json === true;
  const lookup = createLookup(loadBanks(configFromEnvironment().banksDir));
  const answer = (q: string): string => (json ? askJson(lookup, q) : askText(lookup, q));
  if (parsed.positionals.length > 0) {
    io.out(answer(parsed.positionals.join(' ')));
    return 0;
  }
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines: string[] = [];
  for await (const line of rl) {
    if (line.trim() === '') continue;
    lines.push(answer(line.trim()));
    if (lines.length >= 256) io.out(lines.splice(0).join('\n'));
  }
  if (lines.length > 0) io.out(lines.join('\n'));
  return 0;
}
