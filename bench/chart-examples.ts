/**
 * `npm run charts:examples`: redraws the example images in docs/images/ from the seeded
 * synthetic cohort (the seed bank's 14 questions, 50 people) and a month's board, at the
 * default PNG scale, so docs/charts.md always shows what the bot uploads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cohortHeatmapPng, heatmapText, leaderboardPng, leaderboardText } from '../src/index.js';
import { seedQuestions, syntheticBoard, syntheticCohort } from './chart-fixtures.js';

const OUT = 'docs/images';

const cohort = syntheticCohort(50, seedQuestions());
const board = syntheticBoard(14, 'month');
mkdirSync(OUT, { recursive: true });
for (const [file, image] of [
  ['cohort-heatmap.png', await cohortHeatmapPng(cohort)],
  ['leaderboard.png', await leaderboardPng(board)],
] as const) {
  writeFileSync(join(OUT, file), image.png);
  console.log(`${join(OUT, file)}  ${image.width}x${image.height}  ${image.png.length} bytes  alt: ${image.description}`);
}
if (process.argv.includes('--text')) console.log(`\n${heatmapText(cohort)}\n\n${leaderboardText(board)}`);
