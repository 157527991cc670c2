/**
 * Plain inputs of the charts: no store rows, no platform ids beyond opaque strings, so
 * whoever wires them (the store, a bench, an example script) only fills these shapes.
 */

/** Where a person stands on one question: their latest attempt decides. */
export type CellState = 'correct' | 'missed' | 'unseen';

/** One column of the cohort heatmap. */
export interface HeatmapQuestion {
  /** Stable entry id, e.g. `mesh-q7`; the key of {@link HeatmapPerson.states}. */
  id: string;
  /** Short column label shown in the chart, e.g. `Q7` (keep it to about 4 characters). */
  label: string;
  /** The question's short title, for the text alternative and the dashboard table. */
  title: string;
}

/** One row of the cohort heatmap. */
export interface HeatmapPerson {
  /** Platform user id, used only to build links (never drawn). */
  id: string;
  /** Display name as the platform reports it (user text: it is escaped and clipped). */
  name: string;
  /** State per question id; a question missing here counts as not yet seen. */
  states: Readonly<Record<string, CellState>>;
}

/** Everything the cohort coverage heatmap shows: people (rows) by questions (columns). */
export interface HeatmapData {
  /** What the chart is about, shown in its title, e.g. `#platform-onboarding`. */
  scopeName: string;
  /** Columns, in bank order. */
  questions: readonly HeatmapQuestion[];
  /** Rows, top to bottom, in the order given (the caller decides: by name, by coverage). */
  people: readonly HeatmapPerson[];
}

/** The leaderboard periods the bot keeps. */
export type BoardPeriod = 'week' | 'month' | 'all';

/** One leaderboard row, already ranked. */
export interface BoardRow {
  /** Platform user id, used only to build links (never drawn). */
  id: string;
  /** Display name (user text: escaped and clipped). */
  name: string;
  /** Points in the period (10 a right answer, +5 for the first). */
  points: number;
  /** Right answers in the period. */
  correct: number;
  /** Answers in the period. */
  answered: number;
  /** Consecutive scheduled rounds answered correctly, as of now (0 when broken). */
  streak: number;
}

/** Everything the leaderboard chart shows. */
export interface LeaderboardData {
  /** Channel or workspace name, e.g. `#platform-onboarding`. */
  scopeName: string;
  /** Which board: the title says "this week", "this month" or "all time". */
  period: BoardPeriod;
  /** Overrides the period's words in the title, e.g. `week of 7 Dec 2026`. */
  periodLabel?: string;
  /** Ranked rows, best first; only the first {@link BOARD_LIMIT} are drawn. */
  rows: readonly BoardRow[];
}

/** A chart's size in CSS pixels (the PNG is this times its scale). */
export interface ChartSize {
  /** Width in CSS pixels. */
  width: number;
  /** Height in CSS pixels. */
  height: number;
}
