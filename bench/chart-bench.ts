/**
 * Chart rendering (issue 11): the cohort heatmap for 50 people x 14 questions and the
 * top-10 leaderboard, as PNG (ECharts SVG, then resvg) and as SVG alone (what the
 * dashboard inlines), plus the whole dashboard page. Wall time p50 and mean over RUNS
 * renders after a warm-up, and CPU time per render (less disturbed by a busy machine).
 * The target (heatmap PNG under 150 ms) is read against these, never asserted.
 */
import { cohortHeatmapPng, cohortHeatmapSvg, dashboardLinks, leaderboardPng, PNG_SCALE, renderDashboardPage } from '../src/index.js';
import { seedQuestions, syntheticBoard, syntheticCohort, syntheticDashboard } from './chart-fixtures.js';
import { percentile, round, type Figure } from './figure.js';

const RUNS = 30;
const WARMUP = 5;

interface Timing {
  wallMs: number[];
  cpuMs: number[];
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await fn();
    wallMs.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  return { wallMs, cpuMs };
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

function figures(name: string, t: Timing): Figure[] {
  return [
    { name: `charts.${name}_p50`, value: round(percentile(t.wallMs, 50), 1), unit: 'ms' },
    { name: `charts.${name}_mean`, value: round(mean(t.wallMs), 1), unit: 'ms' },
    { name: `charts.${name}_cpu_mean`, value: round(mean(t.cpuMs), 1), unit: 'ms' },
  ];
}

/** Runs the chart benchmarks; returns figures in the format of bench/figure.ts. */
export async function benchCharts(runs = RUNS): Promise<Figure[]> {
  const questions = seedQuestions();
  const cohort = syntheticCohort(50, questions);
  const board = syntheticBoard(30, 'month');
  const dashboard = syntheticDashboard(Date.parse('2026-12-07T10:00:00Z'), questions);
  const links = dashboardLinks('v1.bench.token');
  const rssBefore = process.memoryUsage().rss;

  // The first chart in a process pays for loading ECharts and resvg.
  const first = await time(1, () => cohortHeatmapPng(cohort));
  const png = await cohortHeatmapPng(cohort);
  const boardPng = await leaderboardPng(board);
  await time(WARMUP, () => Promise.all([cohortHeatmapPng(cohort), leaderboardPng(board), renderDashboardPage(dashboard, links)]));

  const out: Figure[] = [
    { name: 'charts.first_heatmap_png_cold', value: round(first.wallMs[0]!, 1), unit: 'ms' },
    ...figures('heatmap_50x14_png', await time(runs, () => cohortHeatmapPng(cohort))),
    ...figures('heatmap_50x14_png_2x', await time(runs, () => cohortHeatmapPng(cohort, 2))),
    ...figures('heatmap_50x14_svg', await time(runs, () => cohortHeatmapSvg(cohort))),
    ...figures('leaderboard_png', await time(runs, () => leaderboardPng(board))),
    ...figures('dashboard_page_2_channels', await time(Math.max(5, Math.floor(runs / 3)), () => renderDashboardPage(dashboard, links))),
    { name: 'charts.png_scale', value: PNG_SCALE, unit: 'x' },
    { name: 'charts.heatmap_50x14_png_bytes', value: png.png.length, unit: 'bytes' },
    { name: 'charts.leaderboard_png_bytes', value: boardPng.png.length, unit: 'bytes' },
    { name: 'charts.rss_delta', value: round((process.memoryUsage().rss - rssBefore) / 1e6, 1), unit: 'MB' },
  ];
  return out;
}
