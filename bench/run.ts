/**
 * `npm run bench`: every benchmark, one JSON line per figure ({"name","value","unit"}),
 * then a readable table. Figures, not assertions: targets live in the issues and README.
 */
import type { Figure } from './figure.js';
import { benchCharts } from './chart-bench.js';
import { benchDiscord } from './discord-bench.js';
import { benchLookup } from './lookup-bench.js';
import { benchQuiz } from './quiz-bench.js';
import { benchSlack } from './slack-bench.js';

const suites: { name: string; run: () => Promise<Figure[]> }[] = [{ name: 'lookup', run: benchLookup }, { name: 'slack', run: benchSlack }, { name: 'discord', run: benchDiscord }, { name: 'quiz', run: benchQuiz }, { name: 'charts', run: benchCharts }];

const only = process.argv[2];
const all: Figure[] = [];
for (const suite of suites) {
  if (only && suite.name !== only) continue;
  const figures = await suite.run();
  for (const figure of figures) console.log(JSON.stringify(figure));
  all.push(...figures);
}
const width = Math.max(...all.map((f) => f.name.length), 4);
console.log('');
console.log(`${'name'.padEnd(width)}  ${'value'.padStart(12)}  unit`);
for (const f of all) console.log(`${f.name.padEnd(width)}  ${String(f.value).padStart(12)}  ${f.unit}`);
