/**
 * `npm run bench`: every benchmark, one JSON line per figure ({"name","value","unit"}),
 * then a readable table. Figures, not assertions: targets live in the issues and README.
 */
import type { Figure } from './figure.js';
import { benchCharts } from './chart-bench.js';
import { benchDashboard } from './dashboard-bench.js';
import { benchDiscord } from './discord-bench.js';
import { benchDiscordHttp } from './discord-http-bench.js';
import { benchLearnedLookup } from './learned-lookup-bench.js';
import { benchLookup } from './lookup-bench.js';
import { benchReload } from './reload-bench.js';
import { benchQuiz } from './quiz-bench.js';
import { benchSlack } from './slack-bench.js';
import { stopBenchPostgres } from './postgres-fixtures.js';
import { benchReplicaClicks } from './replica-clicks-bench.js';
import { benchStartup } from './startup-bench.js';
import { benchProcessAsk } from './process-ask-bench.js';

const suites: { name: string; run: () => Promise<Figure[]> }[] = [{ name: 'lookup', run: benchLookup }, { name: 'learned', run: benchLearnedLookup }, { name: 'reload', run: benchReload }, { name: 'slack', run: benchSlack }, { name: 'discord', run: benchDiscord }, { name: 'discord-http', run: benchDiscordHttp }, { name: 'quiz', run: benchQuiz }, { name: 'replicas', run: benchReplicaClicks }, { name: 'startup', run: benchStartup }, { name: 'process-ask', run: benchProcessAsk }, { name: 'charts', run: benchCharts }, { name: 'dashboard', run: benchDashboard }];

const only = process.argv[2];
const all: Figure[] = [];
try {
  for (const suite of suites) {
    if (only && suite.name !== only) continue;
    const figures = await suite.run();
    for (const figure of figures) console.log(JSON.stringify(figure));
    all.push(...figures);
  }
} finally {
  await stopBenchPostgres();
}
const width = Math.max(...all.map((f) => f.name.length), 4);
console.log('');
console.log(`${'name'.padEnd(width)}  ${'value'.padStart(12)}  unit`);
for (const f of all) console.log(`${f.name.padEnd(width)}  ${String(f.value).padStart(12)}  ${f.unit}`);
