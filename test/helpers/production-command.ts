import { readFileSync } from 'node:fs';

/**
 * The node arguments production starts the bot with, from package.json's `start:prod`
 * (`node <flags> dist/adapters/main.js`): one definition, which the image's CMD must
 * repeat (a test checks it), and which process tests and benchmarks spawn, so they
 * measure what production runs.
 */
export function productionNodeArgs(packageJsonPath = 'package.json'): string[] {
  const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.['start:prod'];
  const words = script?.trim().split(/\s+/) ?? [];
  if (words[0] !== 'node' || words.length < 2) throw new Error(`package.json start:prod should be "node [flags] dist/adapters/main.js", found ${JSON.stringify(script)}`);
  return words.slice(1);
}
