import type { BoardRow, CellState, DashboardChannel, DashboardData, HeatmapData, HeatmapQuestion, LeaderboardData } from '../../src/index.js';

const STATES: CellState[] = ['correct', 'missed', 'unseen'];

/** `count` questions labelled Q1...Qn. */
export function questions(count: number): HeatmapQuestion[] {
  return Array.from({ length: count }, (_, i) => ({ id: `mesh-q${i + 1}`, label: `Q${i + 1}`, title: `Question ${i + 1}` }));
}

/** A cohort where person i's state on question x cycles through the three states. */
export function cohort(people: number, questionCount: number, names?: string[]): HeatmapData {
  const qs = questions(questionCount);
  return {
    scopeName: '#onboarding',
    questions: qs,
    people: Array.from({ length: people }, (_, i) => ({
      id: `U${i + 1}`,
      name: names?.[i] ?? `Person ${i + 1}`,
      states: Object.fromEntries(qs.map((q, x) => [q.id, STATES[(i + x) % 3]!])),
    })),
  };
}

/** The state the cohort above gives person i on question x. */
export function expectedState(i: number, x: number): CellState {
  return STATES[(i + x) % 3]!;
}

export function board(rows: number, period: LeaderboardData['period'] = 'week', names?: string[]): LeaderboardData {
  const list: BoardRow[] = Array.from({ length: rows }, (_, i) => ({
    id: `U${i + 1}`,
    name: names?.[i] ?? `Player ${i + 1}`,
    points: 200 - i * 15,
    correct: 20 - i,
    answered: 22,
    streak: i % 4,
  }));
  return { scopeName: '#onboarding', period, rows: list };
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => png[i] === b)) throw new Error('not a PNG: bad signature');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const type = String.fromCharCode(...png.subarray(12, 16));
  if (type !== 'IHDR') throw new Error(`not a PNG: first chunk is ${type}`);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A one- or two-channel dashboard built from the cohorts and boards above. */
export function dashboardData(options: { names?: string[]; channelName?: string; workspaceName?: string; query?: string; channels?: number } = {}): DashboardData {
  const now = Date.parse('2026-12-07T10:00:00Z');
  const channels: DashboardChannel[] = Array.from({ length: options.channels ?? 1 }, (_, c) => {
    const heatmap = cohort(options.names?.length ?? 12, 14, options.names);
    const rows = board(12, 'all', options.names).rows;
    return {
      id: `C${c + 1}`,
      name: c === 0 ? (options.channelName ?? '#onboarding') : `#team-${c + 1}`,
      heatmap,
      boards: { week: rows.slice(0, 4), month: rows.slice(0, 8), all: rows },
      hardest: [{ id: 'mesh-q7', label: 'Q7', title: 'Retries & timeouts <b>', answered: 20, correct: 5 }],
      gaps: [{ query: options.query ?? 'kafka consumer lag', count: 3, lastAtMs: now - 3_600_000 }],
    };
  });
  return { workspaceName: options.workspaceName ?? 'Acme', generatedAtMs: now, linkExpiresMs: now + 86_400_000, channels };
}
