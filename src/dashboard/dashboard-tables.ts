import { countStates, stateGrid } from '../charts/heatmap-spec.js';
import { BOARD_LIMIT } from '../charts/leaderboard-spec.js';
import { CELL_MARKS, CELL_WORDS } from '../charts/palette.js';
import type { BoardRow, CellState, HeatmapData } from '../charts/types.js';
import type { DashboardLinks } from './dashboard-links.js';
import { html, type Html } from './html.js';
import { utcDate } from './page-shell.js';
import type { BankGap, HardQuestion } from './types.js';

/** A coloured cell with its mark, and the words for screen readers (the mark alone is a symbol). */
export function stateCell(state: CellState): Html {
  return html`<td class="cell ${state}"><span aria-hidden="true">${CELL_MARKS[state]}</span><span class="visually-hidden">${CELL_WORDS[state]}</span></td>`;
}

/**
 * The heatmap's data as a table, one row per person, each name a link to that person's
 * page: the accessible twin of the chart and the way into per-person progress.
 */
export function coverageTable(channelId: string, data: HeatmapData, links: DashboardLinks): Html {
  const total = data.questions.length;
  const rows = stateGrid(data).map((states, i) => {
    const person = data.people[i]!;
    const counts = countStates(states);
    return html`<tr><th scope="row"><a href="${links.person(channelId, person.id)}">${person.name}</a></th><td class="num">${counts.correct}/${total}</td><td class="num">${counts.missed}</td><td class="num">${counts.unseen}</td>${states.map(stateCell)}</tr>`;
  });
  return html`<div class="scroll"><table class="coverage">
<caption>Coverage per person: covered, to retry, not yet seen, then each question</caption>
<thead><tr><th scope="col">Name</th><th scope="col" class="num">Covered</th><th scope="col" class="num">Retry</th><th scope="col" class="num">Not seen</th>${data.questions.map((q) => html`<th scope="col"><abbr title="${q.title}">${q.label}</abbr></th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

/** A leaderboard as a table: rank, name (linked), points, streak, right answers. */
export function boardTable(channelId: string, rows: readonly BoardRow[], links: DashboardLinks, caption: string): Html {
  if (rows.length === 0) return html`<p class="empty">No points yet.</p>`;
  return html`<div class="scroll"><table>
<caption>${caption}</caption>
<thead><tr><th scope="col" class="num">#</th><th scope="col">Name</th><th scope="col" class="num">Points</th><th scope="col" class="num">Streak</th><th scope="col" class="num">Right</th></tr></thead>
<tbody>${rows.slice(0, BOARD_LIMIT).map((r, i) => html`<tr><td class="num">${i + 1}</td><th scope="row"><a href="${links.person(channelId, r.id)}">${r.name}</a></th><td class="num">${r.points}</td><td class="num">${r.streak}</td><td class="num">${r.correct}/${r.answered}</td></tr>`)}</tbody>
</table></div>`;
}

/** The hardest questions: share answered correctly, lowest first as given. */
export function hardestTable(questions: readonly HardQuestion[]): Html {
  if (questions.length === 0) return html`<p class="empty">No answers yet.</p>`;
  return html`<div class="scroll"><table>
<caption>Share of answers that were right</caption>
<thead><tr><th scope="col">Q</th><th scope="col">Question</th><th scope="col" class="num">Right</th><th scope="col" class="num">Answers</th></tr></thead>
<tbody>${questions.map((q) => html`<tr><td>${q.label}</td><td class="wrap">${q.title}</td><td class="num">${percent(q.correct, q.answered)}</td><td class="num">${q.answered}</td></tr>`)}</tbody>
</table></div>`;
}

/** Lookups with no answer: what the bank should cover next. */
export function gapsTable(gaps: readonly BankGap[]): Html {
  if (gaps.length === 0) return html`<p class="empty">Every lookup found an answer.</p>`;
  return html`<div class="scroll"><table>
<caption>Lookups the bank could not answer, most asked first</caption>
<thead><tr><th scope="col">Query</th><th scope="col" class="num">Asked</th><th scope="col" class="num">Last asked (UTC)</th></tr></thead>
<tbody>${gaps.map((g) => html`<tr><td class="wrap">${g.query}</td><td class="num">${g.count}</td><td class="num">${utcDate(g.lastAtMs)}</td></tr>`)}</tbody>
</table></div>`;
}

/**
 * Hardest questions from a cohort's latest attempts, for callers without per-answer
 * counts: fewest right among those who tried, ties to the most tried; unseen ones skipped.
 */
export function hardestQuestions(data: HeatmapData, limit = 5): HardQuestion[] {
  const grid = stateGrid(data);
  return data.questions
    .map((q, x) => {
      const counts = countStates(grid.map((row) => row[x]!));
      return { id: q.id, label: q.label, title: q.title, answered: counts.correct + counts.missed, correct: counts.correct };
    })
    .filter((q) => q.answered > 0)
    .sort((a, b) => a.correct / a.answered - b.correct / b.answered || b.answered - a.answered)
    .slice(0, limit);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`;
}
