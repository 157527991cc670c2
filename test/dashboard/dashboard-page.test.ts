import { describe, expect, it } from 'vitest';
import { dashboardLinks, DASHBOARD_HEADERS, hardestQuestions, renderDashboardPage, renderDashboardRefusal, renderPersonPage, type CellState, type PersonPage } from '../../src/index.js';
import { cohort, dashboardData } from '../helpers/chart-data.js';

const links = dashboardLinks('v1.payload.signature');
const HOSTILE = `<img src=x onerror="alert(1)">`;
const SCRIPTED = '</script><script>alert(1)</script>';

function person(name = 'Nia'): PersonPage {
  const data = cohort(1, 3);
  return {
    workspaceName: 'Acme',
    channel: { id: 'C1', name: '#onboarding' },
    person: { id: 'U1', name },
    questions: data.questions.map((q, i) => ({ ...q, state: (['correct', 'missed', 'unseen'] as const)[i]!, attempts: i === 2 ? 0 : 1, lastAtMs: i === 2 ? null : Date.parse('2026-12-06T09:00:00Z') })),
    points: { week: 15, month: 40, all: 90 },
    streak: { current: 2, best: 5 },
    generatedAtMs: Date.parse('2026-12-07T10:00:00Z'),
  };
}

describe('dashboard page', () => {
  it('is a complete document with no script anywhere, inline SVG charts and their tables', async () => {
    const page = await renderDashboardPage(dashboardData(), links);
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/\son[a-z]+=/i);
    // One heatmap and three boards, each inline.
    expect(page.match(/<svg /g)).toHaveLength(4);
    expect(page).toContain('Leaderboard · #onboarding · this week');
    expect(page).toContain('Leaderboard · #onboarding · this month');
    expect(page).toContain('Leaderboard · #onboarding · all time');
    expect(page.match(/<table/g)!.length).toBeGreaterThanOrEqual(6);
  });

  it('loads nothing from elsewhere: no external stylesheet, font, image or script', async () => {
    const page = await renderDashboardPage(dashboardData(), links);
    expect(page).not.toMatch(/<link\b/i);
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(page).toContain('<meta name="referrer" content="no-referrer">');
    expect(DASHBOARD_HEADERS['content-security-policy']).toContain("default-src 'none'");
  });

  it('escapes names, channel, workspace and queries in the tables and in the SVG', async () => {
    const page = await renderDashboardPage(dashboardData({ names: [HOSTILE, SCRIPTED, 'Ann'], channelName: `#${HOSTILE}`, workspaceName: SCRIPTED, query: HOSTILE }), links);
    expect(page).not.toContain('<img');
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toContain('<b>');
    expect(page).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;');
  });

  it('links every person of the cohort to their page, and offers both CSV files', async () => {
    const data = dashboardData();
    const page = await renderDashboardPage(data, links);
    for (const p of data.channels[0]!.heatmap.people) expect(page).toContain(`href="${links.person('C1', p.id)}"`);
    expect(page).toContain(`href="${links.csv('C1', 'scores')}"`);
    expect(page).toContain(`href="${links.csv('C1', 'progress')}"`);
  });

  it('lists channels when there are several, and says so when there are none', async () => {
    const two = await renderDashboardPage(dashboardData({ channels: 2 }), links);
    expect(two).toContain('href="#channel-C2"');
    const none = await renderDashboardPage({ ...dashboardData(), channels: [] }, links);
    expect(none).toContain('No channel has quiz answers yet');
    expect(none).not.toContain('<svg');
  });

  it('shows the link expiry so nobody is surprised when it stops working', async () => {
    expect(await renderDashboardPage(dashboardData(), links)).toContain('this link works until 2026-12-08 10:00 UTC');
  });
});

describe('person page', () => {
  it('shows coverage, points, streak and each question in words', () => {
    const page = renderPersonPage(person(), links);
    expect(page).toContain('1/3 covered');
    expect(page).toContain('1 to retry, 1 not yet seen');
    for (const words of ['answered correctly', 'missed', 'not yet seen']) expect(page).toContain(words);
    expect(page).toContain('Best streak');
    expect(page).toContain(`href="${links.overview('C1')}"`);
    expect(page).not.toMatch(/<script/i);
  });

  it('escapes the name everywhere, title included', () => {
    const page = renderPersonPage(person(HOSTILE), links);
    expect(page).not.toContain('<img');
    expect(page).toContain('<title>&lt;img');
  });
});

describe('refusal page', () => {
  it('says what happened and how to get a new link', () => {
    expect(renderDashboardRefusal('dashboard.expired', '/learn')).toMatch(/expired[\s\S]*\/learn dashboard/);
    expect(renderDashboardRefusal('dashboard.missing')).toContain('/mesh dashboard');
  });
});

describe('hardest questions from a cohort', () => {
  it('ranks by the share answered correctly among those who tried, ties to the most tried, skipping untried ones', () => {
    const qs = cohort(1, 5).questions;
    const rows: Record<string, CellState>[] = [
      { 'mesh-q1': 'correct', 'mesh-q2': 'missed', 'mesh-q4': 'missed', 'mesh-q5': 'correct' },
      { 'mesh-q1': 'correct', 'mesh-q2': 'missed', 'mesh-q5': 'missed' },
      { 'mesh-q1': 'missed', 'mesh-q2': 'correct', 'mesh-q5': 'correct' },
      { 'mesh-q5': 'missed' },
    ];
    const data = { scopeName: '#c', questions: qs, people: rows.map((states, i) => ({ id: `U${i}`, name: `P${i}`, states })) };
    expect(hardestQuestions(data, 5).map((q) => `${q.label} ${q.correct}/${q.answered}`)).toEqual(['Q4 0/1', 'Q2 1/3', 'Q5 2/4', 'Q1 2/3']);
    expect(hardestQuestions(data, 2)).toHaveLength(2);
  });
});
