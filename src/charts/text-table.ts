import { quoteUserText } from '../messages/safe-text.js';
import { share } from './chart-text.js';
import { countStates, stateGrid } from './heatmap-spec.js';
import { BOARD_LIMIT, leaderboardTitle } from './leaderboard-spec.js';
import { CELL_MARKS, CELL_STATES, CELL_WORDS } from './palette.js';
import type { HeatmapData, LeaderboardData } from './types.js';

/** A table of plain strings: the shape of the message model's `table` block. */
export interface TextTable {
  /** Column headings. */
  header: string[];
  /** One array of cells per row, as many as the header. */
  rows: string[][];
}

const NAME_CHARS = 24;

/** The legend line the heatmap's text alternative starts with. */
export const HEATMAP_LEGEND = CELL_STATES.map((s) => `${CELL_MARKS[s]} ${CELL_WORDS[s]}`).join('   ');

/**
 * The heatmap's data as a table: one row per person, a mark per question, then how many
 * are covered, to retry and not yet seen. Names are made safe to echo in chat.
 */
export function heatmapTable(data: HeatmapData): TextTable {
  const total = data.questions.length;
  return {
    header: ['Name', ...data.questions.map((q) => q.label), 'Covered', 'Retry', 'Not seen'],
    rows: stateGrid(data).map((states, i) => {
      const counts = countStates(states);
      return [quoteUserText(data.people[i]!.name, NAME_CHARS), ...states.map((s) => CELL_MARKS[s]), share(counts.correct, total), String(counts.missed), String(counts.unseen)];
    }),
  };
}

/**
 * The text alternative that always goes with the heatmap image: title, legend, then the
 * table in aligned columns (for a code block; each line stands alone if a message must
 * be split).
 */
export function heatmapText(data: HeatmapData): string {
  const people = data.people.length;
  const lines = [
    `Cohort coverage · ${quoteUserText(data.scopeName, 60)}`,
    `${people} ${people === 1 ? 'person' : 'people'} × ${data.questions.length} questions. ${HEATMAP_LEGEND}`,
  ];
  if (people === 0) return [...lines, 'No one has answered yet.'].join('\n');
  return [...lines, '', ...alignColumns(heatmapTable(data), (c) => c <= data.questions.length)].join('\n');
}

/** The leaderboard's data as a table: rank, name, points, streak, right answers. */
export function leaderboardTable(data: LeaderboardData): TextTable {
  return {
    header: ['#', 'Name', 'Points', 'Streak', 'Right'],
    rows: data.rows.slice(0, BOARD_LIMIT).map((r, i) => [String(i + 1), quoteUserText(r.name, NAME_CHARS), String(r.points), String(r.streak), share(r.correct, r.answered)]),
  };
}

/** The text alternative that always goes with the leaderboard image. */
export function leaderboardText(data: LeaderboardData): string {
  const title = quoteUserText(leaderboardTitle(data), 100);
  if (data.rows.length === 0) return `${title}\nNo points yet: answer a quiz round to get on the board.`;
  return [title, '', ...alignColumns(leaderboardTable(data), (c) => c === 1)].join('\n');
}

/** Pads every column to its widest cell: the chosen columns to the left, the rest (numbers) to the right. */
function alignColumns(table: TextTable, leftAligned: (column: number) => boolean): string[] {
  const all = [table.header, ...table.rows];
  const widths = table.header.map((_, c) => Math.max(...all.map((row) => [...(row[c] ?? '')].length)));
  const pad = (text: string, c: number): string => {
    const gap = ' '.repeat(widths[c]! - [...text].length);
    return leftAligned(c) ? text + gap : gap + text;
  };
  return all.map((row) => row.map((cell, c) => pad(cell, c)).join(' ').trimEnd());
}
