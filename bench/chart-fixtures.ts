/**
 * Synthetic cohorts for the chart bench, the example images and the tests: the seed
 * bank's 14 questions, a cohort of people who joined over time (later joiners have seen
 * less), and a ranked board. Seeded, so every run draws the same picture.
 */
import { hardestQuestions, loadBanks, seededRandom, type BoardPeriod, type BoardRow, type CellState, type DashboardChannel, type DashboardData, type HeatmapData, type HeatmapQuestion, type LeaderboardData } from '../src/index.js';

const FIRST = ['Amara', 'Ben', 'Chen', 'Dana', 'Emeka', 'Farah', 'Gustavo', 'Hana', 'Ivan', 'Jasmine', 'Kwame', 'Lena', 'Mateo', 'Nia', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tomás', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zoë'];
const LAST = ['Okafor', 'Schmidt', 'Nakamura', 'Kowalski', 'Haddad', 'Lindqvist', 'Moreau', 'Park', 'Silva', 'Dubois', 'Mensah', 'Novak', 'Rossi', 'Singh', 'Eriksen', 'García'];

/** The seed bank's questions as heatmap columns (`Q1` ... `Q14`). */
export function seedQuestions(banksDir = 'data/banks'): HeatmapQuestion[] {
  return loadBanks(banksDir).flatMap((bank) => bank.entries.map((e) => ({ id: e.id, label: `Q${e.number}`, title: e.title })));
}

/** A cohort of `people` who joined one after another: earlier joiners have seen more. */
export function syntheticCohort(people: number, questions: readonly HeatmapQuestion[], seed = 7, scopeName = '#platform-onboarding'): HeatmapData {
  const random = seededRandom(seed);
  const rows = Array.from({ length: people }, (_, i) => {
    const seen = Math.round(questions.length * (1 - i / Math.max(1, people)) * (0.55 + random() * 0.45));
    const skill = 0.5 + random() * 0.45;
    const states: Record<string, CellState> = {};
    questions.forEach((q, x) => {
      // Later questions are harder and reached later.
      if (x >= seen + Math.floor(random() * 3)) return;
      states[q.id] = random() < skill - x * 0.02 ? 'correct' : 'missed';
    });
    const name = i === 11 ? 'Maximiliana Wolfeschlegelsteinhausen' : `${FIRST[i % FIRST.length]!} ${LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]!}`;
    return { id: `U${String(i + 1).padStart(3, '0')}`, name, states };
  });
  return { scopeName, questions, people: rows };
}

/** A ranked board of `size` people with plausible points and streaks for a period. */
export function syntheticBoard(size: number, period: BoardPeriod, seed = 11, scopeName = '#platform-onboarding'): LeaderboardData {
  const random = seededRandom(seed);
  const rounds = period === 'week' ? 5 : period === 'month' ? 21 : 120;
  const rows: BoardRow[] = Array.from({ length: size }, (_, i) => {
    const answered = Math.max(1, Math.round(rounds * (0.6 + random() * 0.4)));
    const correct = Math.round(answered * (0.45 + random() * 0.5));
    const points = correct * 10 + Math.round(correct * random() * 0.5) * 5;
    return { id: `U${String(i + 1).padStart(3, '0')}`, name: `${FIRST[(i * 5) % FIRST.length]!} ${LAST[(i * 3) % LAST.length]!}`, points, correct, answered, streak: Math.floor(random() * Math.min(rounds, 12)) };
  });
  rows.sort((a, b) => b.points - a.points);
  return { scopeName, period, rows };
}

/** A workspace dashboard with two channels: a full cohort and a small new one. */
export function syntheticDashboard(nowMs: number, questions: readonly HeatmapQuestion[]): DashboardData {
  const channel = (id: string, name: string, people: number, seed: number): DashboardChannel => {
    const heatmap = syntheticCohort(people, questions, seed, name);
    return {
      id,
      name,
      heatmap,
      boards: { week: syntheticBoard(8, 'week', seed + 1, name).rows, month: syntheticBoard(14, 'month', seed + 2, name).rows, all: syntheticBoard(30, 'all', seed + 3, name).rows },
      hardest: hardestQuestions(heatmap, 5),
      gaps: [
        { query: 'kafka consumer lag', count: 9, lastAtMs: nowMs - 2 * 3_600_000 },
        { query: 'how do services prove who they are', count: 4, lastAtMs: nowMs - 26 * 3_600_000 },
        { query: 'terraform state lock', count: 2, lastAtMs: nowMs - 5 * 86_400_000 },
      ],
    };
  };
  return {
    workspaceName: 'Acme Platform',
    generatedAtMs: nowMs,
    linkExpiresMs: nowMs + 24 * 3_600_000,
    channels: [channel('C01', '#platform-onboarding', 50, 7), channel('C02', '#sre-newcomers', 6, 21)],
  };
}
