/**
 * Plain inputs of the dashboard pages. The HTTP route fills them from the store; the
 * page functions only turn them into HTML.
 */
import type { BoardRow, CellState, HeatmapData } from '../charts/types.js';

/** A question people get wrong most, for the "hardest questions" table. */
export interface HardQuestion {
  /** Stable entry id, e.g. `mesh-q7`. */
  id: string;
  /** Short label, e.g. `Q7`. */
  label: string;
  /** The question's short title. */
  title: string;
  /** Answers given to it (rounds, or latest attempts, as the caller counts them). */
  answered: number;
  /** Of those, answered correctly. */
  correct: number;
}

/** A lookup the bank could not answer. */
export interface BankGap {
  /** The query as typed (user text). */
  query: string;
  /** How often it was asked. */
  count: number;
  /** When it was last asked (epoch milliseconds). */
  lastAtMs: number;
}

/** One channel's section of the dashboard. */
export interface DashboardChannel {
  /** Platform channel id: used in links only. */
  id: string;
  /** Display name, e.g. `#platform-onboarding` (user text). */
  name: string;
  /** The cohort: its people link to their person pages. */
  heatmap: HeatmapData;
  /** Ranked boards for each period, best first (the top 10 are drawn). */
  boards: { week: readonly BoardRow[]; month: readonly BoardRow[]; all: readonly BoardRow[] };
  /** Hardest questions, hardest first (see `hardestQuestions`). */
  hardest: readonly HardQuestion[];
  /** Most asked lookups with no answer, most asked first. */
  gaps: readonly BankGap[];
}

/** Everything the `/dashboard` overview shows for one workspace. */
export interface DashboardData {
  /** Slack workspace or Discord server name (user text). */
  workspaceName: string;
  /** When the data was read (epoch milliseconds), shown as "as of". */
  generatedAtMs: number;
  /** When the link stops working (the token's expiry), shown so nobody is surprised. */
  linkExpiresMs?: number;
  /** Sections in the order given. */
  channels: readonly DashboardChannel[];
}

/** One row of a person's progress: a question and where they stand on it. */
export interface PersonQuestion {
  /** Stable entry id. */
  id: string;
  /** Short label, e.g. `Q7`. */
  label: string;
  /** The question's short title. */
  title: string;
  /** Where the person stands at their latest attempt. */
  state: CellState;
  /** Attempts so far (0 when not yet seen). */
  attempts: number;
  /** Time of the latest attempt (epoch milliseconds), null when not yet seen. */
  lastAtMs: number | null;
}

/** Everything one person's progress page shows. */
export interface PersonPage {
  /** Slack workspace or Discord server name (user text). */
  workspaceName: string;
  /** The channel whose progress this is: id for the back link, name for display. */
  channel: { id: string; name: string };
  /** Platform user id and display name (user text). */
  person: { id: string; name: string };
  /** Every question of the bank, in bank order. */
  questions: readonly PersonQuestion[];
  /** Points in this channel per period, when the caller has them. */
  points?: { week: number; month: number; all: number };
  /** Current and best streak in this channel, when the caller has them. */
  streak?: { current: number; best: number };
  /** When the data was read (epoch milliseconds). */
  generatedAtMs: number;
  /** When the link stops working. */
  linkExpiresMs?: number;
}
