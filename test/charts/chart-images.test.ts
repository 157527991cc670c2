import { describe, expect, it } from 'vitest';
import { BOARD_LIMIT, CELL_COLOURS, cohortHeatmapPng, cohortHeatmapSvg, heatmapSize, leaderboardPng, leaderboardSize, leaderboardSvg, OKABE_ITO, PNG_SCALE } from '../../src/index.js';
import { board, cohort, pngSize } from '../helpers/chart-data.js';

const HOSTILE = '<script>alert("x")</script> & <b>Bob</b>\u0000\u0007';

describe('cohort heatmap image', () => {
  it('is a real PNG sized for 50 people by 14 questions', async () => {
    const image = await cohortHeatmapPng(cohort(50, 14));
    expect(pngSize(image.png)).toEqual({ width: 828 * PNG_SCALE, height: 1258 * PNG_SCALE });
    expect(heatmapSize(50, 14)).toEqual({ width: 828, height: 1258 });
    expect({ width: image.width, height: image.height }).toEqual(pngSize(image.png));
  });

  it('draws at twice the size when asked, for high-density screens', async () => {
    expect(pngSize((await cohortHeatmapPng(cohort(3, 14), 2)).png)).toEqual({ width: 828 * 2, height: heatmapSize(3, 14).height * 2 });
  });

  it('grows by one row height per person', () => {
    expect(heatmapSize(51, 14).height - heatmapSize(50, 14).height).toBe(22);
  });

  it('fills each cell with its state colour: Okabe-Ito blue, orange, or grey', async () => {
    const qs = cohort(1, 8).questions;
    const states = { 'mesh-q1': 'correct', 'mesh-q2': 'correct', 'mesh-q3': 'correct', 'mesh-q4': 'correct', 'mesh-q5': 'correct', 'mesh-q6': 'missed', 'mesh-q7': 'missed' } as const;
    const { svg } = await cohortHeatmapSvg({ scopeName: '#c', questions: qs, people: [{ id: 'U1', name: 'Ann', states }] });
    const fills = (colour: string): number => svg.split(`fill="${colour}"`).length - 1;
    // Cells plus one legend swatch per state.
    expect([fills(CELL_COLOURS.correct), fills(CELL_COLOURS.missed), fills(CELL_COLOURS.unseen)]).toEqual([6, 3, 2]);
  });

  it('escapes markup in names and drops control characters, so the SVG stays valid', async () => {
    const data = cohort(2, 3, [HOSTILE, 'Ann']);
    const { svg } = await cohortHeatmapSvg(data);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toMatch(/[\u0000-\u0008]/);
    const image = await cohortHeatmapPng(data);
    expect(pngSize(image.png).width).toBeGreaterThan(0);
  });

  it('leaves out emoji, which the bundled font cannot draw, and keeps the rest of the name', async () => {
    const { svg } = await cohortHeatmapSvg(cohort(2, 3, ['Ada 🚀🏽 Lovelace', '👩‍💻']));
    expect(svg).toContain('Ada Lovelace');
    expect(svg).toContain('(no name)');
    expect(svg).not.toMatch(/\p{Extended_Pictographic}/u);
  });

  it('describes itself in one sentence for alt text', async () => {
    expect((await cohortHeatmapSvg(cohort(50, 14))).description).toMatch(/50 people by 14 questions/);
  });

  it('still draws when nobody has answered', async () => {
    const image = await cohortHeatmapPng({ scopeName: '#empty', questions: cohort(1, 14).questions, people: [] });
    expect(pngSize(image.png)).toEqual({ width: heatmapSize(0, 14).width * PNG_SCALE, height: heatmapSize(0, 14).height * PNG_SCALE });
  });
});

describe('leaderboard image', () => {
  it('is a real PNG sized for the top 10, however long the board', async () => {
    const image = await leaderboardPng(board(25));
    expect(pngSize(image.png)).toEqual({ width: 640 * PNG_SCALE, height: 472 * PNG_SCALE });
    expect(pngSize((await leaderboardPng(board(10), 2)).png)).toEqual({ width: 1280, height: 944 });
    expect(leaderboardSize(25)).toEqual(leaderboardSize(BOARD_LIMIT));
  });

  it('names the period and the scope in its title', async () => {
    const { svg } = await leaderboardSvg({ ...board(3), period: 'month' });
    expect(svg).toContain('Leaderboard · #onboarding · this month');
    const custom = await leaderboardSvg({ ...board(3), periodLabel: 'week of 7 Dec 2026' });
    expect(custom.svg).toContain('week of 7 Dec 2026');
  });

  it('draws the bars in Okabe-Ito blue', async () => {
    const { svg } = await leaderboardSvg(board(4));
    expect(svg.split(`fill="${OKABE_ITO.blue}"`).length - 1).toBe(4);
  });

  it('escapes markup in names, and braces stay literal text', async () => {
    const { svg } = await leaderboardSvg(board(2, 'all', [HOSTILE, '{hot|Mallory}']));
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('{hot|Mallory}');
  });

  it('still draws an empty board', async () => {
    const image = await leaderboardPng({ scopeName: '#quiet', period: 'week', rows: [] });
    expect(pngSize(image.png)).toEqual({ width: 640 * PNG_SCALE, height: leaderboardSize(1).height * PNG_SCALE });
  });
});
