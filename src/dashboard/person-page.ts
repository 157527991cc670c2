import { countStates } from '../charts/heatmap-spec.js';
import { CELL_MARKS, CELL_WORDS } from '../charts/palette.js';
import type { DashboardLinks } from './dashboard-links.js';
import { html } from './html.js';
import { page, utcDate, utcTime } from './page-shell.js';
import type { PersonPage } from './types.js';

/**
 * One person's progress in one channel: covered / to retry / not yet seen, points and
 * streak when given, and every question with its state, attempts and latest attempt.
 */
export function renderPersonPage(data: PersonPage, links: DashboardLinks): string {
  const counts = countStates(data.questions.map((q) => q.state));
  const total = data.questions.length;
  const expiry = data.linkExpiresMs === undefined ? null : html` · this link works until ${utcTime(data.linkExpiresMs)}`;
  const stats = [
    ...(data.points ? [['Points this week', data.points.week], ['this month', data.points.month], ['all time', data.points.all]] : []),
    ...(data.streak ? [['Streak', data.streak.current], ['Best streak', data.streak.best]] : []),
  ] as [string, number][];
  const rows = data.questions.map(
    (q) =>
      html`<tr><td>${q.label}</td><td class="wrap">${q.title}</td><td><span class="pill ${q.state}">${CELL_MARKS[q.state]} ${CELL_WORDS[q.state]}</span></td><td class="num">${q.attempts}</td><td class="num">${q.lastAtMs === null ? '–' : utcDate(q.lastAtMs)}</td></tr>`,
  );
  return page({
    title: `${data.person.name} · ${data.channel.name} · Dashboard`,
    header: html`<div><p class="meta"><a href="${links.overview(data.channel.id)}">← ${data.channel.name} on the ${data.workspaceName} dashboard</a></p>
<h1>${data.person.name}</h1>
<p class="meta">Progress in ${data.channel.name} · as of ${utcTime(data.generatedAtMs)}${expiry}</p></div>`,
    main: html`<section class="channel" aria-label="Progress">
<p class="summary"><strong>${counts.correct}/${total} covered</strong>, ${counts.missed} to retry, ${counts.unseen} not yet seen</p>
${stats.length > 0 ? html`<dl class="stats">${stats.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>` : null}
<h3>Questions</h3>
<div class="scroll"><table class="person">
<caption>Each question at the latest attempt</caption>
<thead><tr><th scope="col">Q</th><th scope="col">Question</th><th scope="col">Status</th><th scope="col" class="num">Attempts</th><th scope="col" class="num">Latest (UTC)</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
</section>`,
  });
}
