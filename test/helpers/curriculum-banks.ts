import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadBanks, type Bank } from '../../src/index.js';
import { tempDir } from './fixtures.js';

/** The small banks of the curriculum tests, in the seed's format (test/fixtures/curriculum). */
export const CURRICULUM_FIXTURES = 'test/fixtures/curriculum';

/**
 * A fresh BANKS_DIR with the shipped seed bank (mesh) and the named fixture banks (file
 * stems, e.g. `ops-junior`), each with its metadata and quiz files.
 */
export function curriculumDir(stems: readonly string[] = ['ops-junior', 'ops-senior', 'serverless-junior'], withSeed = true): string {
  const dir = tempDir();
  const copy = (from: string, stem: string): void => {
    for (const file of readdirSync(from).filter((f) => f.startsWith(`${stem}.`))) copyFileSync(join(from, file), join(dir, file));
  };
  if (withSeed) copy('data/banks', 'service-mesh-interview');
  for (const stem of stems) copy(CURRICULUM_FIXTURES, stem);
  return dir;
}

/** The seed bank and every curriculum fixture bank, parsed. */
export function curriculumBanks(): Bank[] {
  return loadBanks(curriculumDir());
}
