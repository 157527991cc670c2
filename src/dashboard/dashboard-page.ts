import type { ChartSvg } from '../charts/charts.js';
import { heatmapSvgCached, leaderboardSvgCached } from './chart-cache.js';
import { countStates, stateGrid } from '../charts/heatmap-spec.js';
import { PERIOD_WORDS } from '../charts/leaderboard-spec.js';
import type { BoardPeriod } from '../charts/types.js';
import { channelAnchor, type DashboardLinks } from './dashboard-links.js';
import { boardTable, coverageTable, gapsTable, hardestTable } from './dashboard-tables.js';
import { html, trustedHtml, type Html } from './html.js';
import { page, utcTime } from './page-shell.js';
import type { DashboardChannel, DashboardData } from './types.js';

const PERIODS: readonly BoardPeriod[] = ['week', 'month', 'all'];

/**
 * The `/dashboard` overview of one workspace, as a complete HTML document: per channel the
 * cohort heatmap and the week / month / all-time boards (inline SVG, the same drawings as
 * the PNGs, each followed by its table), the hardest questions, the bank's gaps, and CSV
 * downloads. Everything from users is escaped; there is no script. Async because the
 * chart library loads on first use and each chart first lets pending I/O run.
 */
export async function renderDashboardPage(data: DashboardData, links: DashboardLinks): Promise<string> {
  const sections = await Promise.all(data.channels.map((c) => channelSection(c, links)));
  const expiry = data.linkExpiresMs === undefined ? null : html` · this link works until ${utcTime(data.linkExpiresMs)}`;
  const nav =
    data.channels.length > 1
      ? html`<nav class="channels" aria-label="Channels"><ul>${data.channels.map((c) => html`<li><a href="#${channelAnchor(c.id)}">${c.name}</a></li>`)}</ul></nav>`
      : null;
  return page({
    title: `Dashboard · ${data.workspaceName}`,
    header: html`<div><h1>${data.workspaceName}</h1><p class="meta">Onboarding dashboard · as of ${utcTime(data.generatedAtMs)}${expiry}</p>${nav}</div>`,
    main: data.channels.length === 0 ? html`<p class="empty">No channel has quiz answers yet.</p>` : html`${sections}`,
  });
}

async function channelSection(channel: DashboardChannel, links: DashboardLinks): Promise<Html> {
  const heatmapData = { ...channel.heatmap, scopeName: channel.name };
  const [heatmap, ...boards] = await Promise.all([
    heatmapSvgCached(heatmapData),
    ...PERIODS.map((period) => leaderboardSvgCached({ scopeName: channel.name, period, rows: channel.boards[period] })),
  ]);
  const anchor = channelAnchor(channel.id);
  return html`<section class="channel" id="${anchor}" aria-labelledby="${anchor}-title">
<h2 id="${anchor}-title">${channel.name}</h2>
<p class="meta">${summary(heatmapData)}</p>
<p class="downloads">Download (CSV): <a href="${links.csv(channel.id, 'scores')}" download>scores</a> <a href="${links.csv(channel.id, 'progress')}" download>progress per question</a></p>
<h3>Cohort coverage</h3>
${heatmapData.people.length === 0 ? html`<p class="empty">No one has answered here yet.</p>` : html`${chart(heatmap!, 'heatmap')}
<p class="meta">Blue with ✓: answered correctly · orange with ✗: missed · grey: not yet seen.</p>
<details open><summary>Table: coverage per person, with links to each person's progress</summary>${coverageTable(channel.id, heatmapData, links)}</details>`}
<h3>Leaderboards</h3>
<div class="boards">${PERIODS.map(
    (period, i) => html`<div class="board">${chart(boards[i]!, 'board')}<details><summary>Table: ${PERIOD_WORDS[period]}</summary>${boardTable(channel.id, channel.boards[period], links, `Top 10, ${PERIOD_WORDS[period]}`)}</details></div>`,
  )}</div>
<div class="pair">
<div><h3>Hardest questions</h3>${hardestTable(channel.hardest)}</div>
<div><h3>Bank gaps</h3>${gapsTable(channel.gaps)}</div>
</div>
</section>`;
}

/** A chart inline; screen readers get its one-sentence description, and the table after it. */
function chart(svg: ChartSvg, kind: 'heatmap' | 'board'): Html {
  return html`<figure class="scroll"><div class="chart ${kind}" role="img" aria-label="${svg.description}">${trustedHtml(svg.svg)}</div></figure>`;
}

function summary(data: DashboardChannel['heatmap']): string {
  const counts = countStates(stateGrid(data).flat());
  const cells = data.people.length * data.questions.length;
  const people = data.people.length === 1 ? '1 person' : `${data.people.length} people`;
  if (cells === 0) return `${people} · ${data.questions.length} questions`;
  return `${people} · ${data.questions.length} questions · ${Math.round((100 * counts.correct) / cells)}% of the cohort's cells covered, ${counts.missed} to retry`;
}
