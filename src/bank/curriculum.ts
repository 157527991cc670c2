import type { Bank } from './types.js';

// A bank is one step of a learning path (docs/design.md, "Curriculum"): its topic and level
// come from its title ("Serverless / FaaS — Junior"), its next step and the topic's levels
// from the trailer after the last answer. Metadata may override each (see build-bank.ts).

/** A dash between topic and level: em dash, en dash, or a hyphen with spaces around it. */
const LEVEL_SEPARATOR = /\s+[—–-]\s+/g;
const NEXT_STEP = /^Next step:\s*(.*\S)\s*$/i;
const TOPIC_LIST = /^In this topic\b/i;
const BULLET = /^[-*]\s+(.*\S)\s*$/;

/** Splits a title at its last dash: "Serverless / FaaS — Junior" is topic "Serverless / FaaS", level "Junior". */
export function splitTitle(title: string): { topic: string; level: string | null } {
  const matches = [...title.matchAll(LEVEL_SEPARATOR)];
  const last = matches.at(-1);
  if (!last || last.index === undefined) return { topic: title.trim(), level: null };
  const topic = title.slice(0, last.index).trim();
  const level = title.slice(last.index + last[0].length).trim();
  return topic && level ? { topic, level } : { topic: title.trim(), level: null };
}

/** Reads the trailer's `Next step:` line and the bullets after `In this topic`. */
export function readTrailer(trailer: readonly string[]): { nextStep: string | null; topicLevels: string[] } {
  let nextStep: string | null = null;
  const topicLevels: string[] = [];
  let inList = false;
  for (const line of trailer) {
    const next = NEXT_STEP.exec(line);
    if (next && nextStep === null) {
      nextStep = next[1]!;
      inList = false;
      continue;
    }
    if (TOPIC_LIST.test(line)) {
      inList = true;
      continue;
    }
    const bullet = inList ? BULLET.exec(line) : null;
    if (bullet) topicLevels.push(bullet[1]!);
    else inList = false;
  }
  return { nextStep, topicLevels };
}

/** A title or level as compared: case, dashes and spacing do not matter. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** A title or level with case, dashes and spacing evened out, for comparing and as a map key. */
export function nameKey(text: string): string {
  return text.toLowerCase().replace(/[—–-]/g, '-').replace(/\s*-\s*/g, ' - ').replace(/\s+/g, ' ').trim();
}

/**
 * The loaded bank a next step names: by slug, by title, or by topic and level. Null when
 * no loaded bank is that step (the path goes on to a bank the team has not added yet).
 */
export function findStep(step: string, banks: readonly Bank[]): Bank | null {
  const bySlug = banks.find((b) => b.slug === step.trim().toLowerCase());
  if (bySlug) return bySlug;
  const byTitle = banks.find((b) => sameName(b.title, step));
  if (byTitle) return byTitle;
  const wanted = splitTitle(step);
  return banks.find((b) => wanted.level !== null && b.level !== null && sameName(b.topic, wanted.topic) && sameName(b.level, wanted.level)) ?? null;
}

/** One step of a path: a loaded bank, or a title no loaded bank has yet. */
export type PathStep = { bank: Bank } | { missing: string };

/**
 * The paths through the loaded banks: each starts at a bank no other bank names as its
 * next step and follows next steps until one is not loaded or would loop. A loop with no
 * start is reported from its first bank in load order, so every bank is on some path.
 */
export function learningPaths(banks: readonly Bank[]): PathStep[][] {
  const nextOf = new Map<Bank, Bank | null>(banks.map((b) => [b, b.nextStep ? findStep(b.nextStep, banks) : null]));
  const pointedAt = new Set([...nextOf.values()].filter((b): b is Bank => b !== null));
  const starts = banks.filter((b) => !pointedAt.has(b));
  const seen = new Set<Bank>();
  const paths: PathStep[][] = [];
  const walk = (start: Bank): void => {
    const path: PathStep[] = [];
    for (let bank: Bank | null = start; bank; ) {
      if (seen.has(bank)) break;
      seen.add(bank);
      path.push({ bank });
      const next: Bank | null = nextOf.get(bank) ?? null;
      if (!next && bank.nextStep) path.push({ missing: bank.nextStep });
      bank = next;
    }
    paths.push(path);
  };
  for (const start of starts) walk(start);
  for (const bank of banks) if (!seen.has(bank)) walk(bank);
  return paths;
}

/** A step as people read it: "Serverless / FaaS — Junior (serverless-junior)" or "... (not loaded yet)". */
export function stepLabel(step: PathStep): string {
  return 'bank' in step ? `${step.bank.title} (${step.bank.slug})` : `${step.missing} (not loaded yet)`;
}
