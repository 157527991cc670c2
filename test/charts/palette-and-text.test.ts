import { describe, expect, it } from 'vitest';
import { CELL_COLOURS, CELL_MARKS, heatmapTable, heatmapText, leaderboardTable, leaderboardText, OKABE_ITO } from '../../src/index.js';
import { board, cohort, expectedState } from '../helpers/chart-data.js';

describe('palette', () => {
  it('is the Okabe-Ito colour-blind-safe set', () => {
    expect(OKABE_ITO).toEqual({
      orange: '#E69F00',
      skyBlue: '#56B4E9',
      bluishGreen: '#009E73',
      yellow: '#F0E442',
      blue: '#0072B2',
      vermillion: '#D55E00',
      reddishPurple: '#CC79A7',
      black: '#000000',
    });
  });

  it('gives right and missed the blue/orange pair and not-yet-seen a neutral grey', () => {
    expect(CELL_COLOURS.correct).toBe(OKABE_ITO.blue);
    expect(CELL_COLOURS.missed).toBe(OKABE_ITO.orange);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(CELL_COLOURS.unseen.slice(i, i + 2), 16));
    expect(r).toBe(g);
    expect(g).toBe(b);
  });

  it('gives every state a distinct mark, so the chart reads without colour', () => {
    expect(new Set(Object.values(CELL_MARKS)).size).toBe(3);
  });
});

describe('heatmap text alternative', () => {
  it('lists every person with the mark of every cell, in column order', () => {
    const data = cohort(50, 14);
    const table = heatmapTable(data);
    expect(table.header.slice(1, 15)).toEqual(data.questions.map((q) => q.label));
    data.people.forEach((p, i) => {
      const row = table.rows[i]!;
      expect(row[0]).toBe(p.name);
      expect(row.slice(1, 15)).toEqual(data.questions.map((_, x) => CELL_MARKS[expectedState(i, x)]));
    });
    const text = heatmapText(data);
    for (const p of data.people) expect(text).toContain(p.name);
    for (const word of ['answered correctly', 'missed', 'not yet seen']) expect(text).toContain(word);
  });

  it('counts covered, to retry and not seen per person', () => {
    const data = cohort(1, 6);
    expect(heatmapTable(data).rows[0]!.slice(-3)).toEqual(['2/6', '2', '2']);
  });

  it('treats a question missing from a person as not yet seen', () => {
    const data = cohort(1, 2);
    const person = { ...data.people[0]!, states: {} };
    expect(heatmapTable({ ...data, people: [person] }).rows[0]!.slice(1, 3)).toEqual([CELL_MARKS.unseen, CELL_MARKS.unseen]);
  });

  it('cannot mention anyone: names are quoted safely', () => {
    const text = heatmapText(cohort(1, 2, ['@everyone <!channel>']));
    expect(text).not.toContain('@everyone');
    expect(text).not.toContain('<!channel>');
  });

  it('says so when nobody has answered', () => {
    expect(heatmapText({ ...cohort(0, 14), people: [] })).toMatch(/No one has answered yet/);
  });
});

describe('leaderboard text alternative', () => {
  it('has the title, then rank, name, points, streak and right answers of the top 10', () => {
    const data = board(12, 'all');
    const text = leaderboardText(data);
    expect(text.split('\n')[0]).toBe('Leaderboard · #onboarding · all time');
    expect(leaderboardTable(data).rows).toHaveLength(10);
    expect(leaderboardTable(data).rows[1]).toEqual(['2', 'Player 2', '185', '1', '19/22']);
    expect(text).not.toContain('Player 11');
  });

  it('says so when the board is empty', () => {
    expect(leaderboardText({ scopeName: '#quiet', period: 'week', rows: [] })).toMatch(/No points yet/);
  });
});
