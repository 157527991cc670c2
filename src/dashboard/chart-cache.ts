import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { cohortHeatmapSvg, leaderboardSvg, type ChartSvg } from '../charts/charts.js';
import type { HeatmapData, LeaderboardData } from '../charts/types.js';

/**
 * The dashboard's charts, kept by what they show. A chart is a pure function of its data
 * (the same data draws the same SVG), and drawing the cohort heatmap is most of a page's
 * time, so a page reloaded, or opened by a second lead, before anything changed serves
 * its charts from here; a chart whose data changed (a new answer) is drawn again. The
 * bound is on the SVG text kept (a 50-person heatmap is about 200 KB).
 */
const cache = new LRUCache<string, ChartSvg>({ maxSize: 16 * 1024 * 1024, sizeCalculation: (chart) => chart.svg.length + 64 });

function keyOf(kind: string, data: unknown): string {
  return `${kind}:${createHash('sha256').update(JSON.stringify(data)).digest('base64url')}`;
}

async function cached(kind: string, data: unknown, draw: () => Promise<ChartSvg>): Promise<ChartSvg> {
  const key = keyOf(kind, data);
  const hit = cache.get(key);
  if (hit) return hit;
  const chart = await draw();
  cache.set(key, chart);
  return chart;
}

/** The cohort heatmap as SVG, drawn once per distinct cohort state. */
export function heatmapSvgCached(data: HeatmapData): Promise<ChartSvg> {
  return cached('heatmap', data, () => cohortHeatmapSvg(data));
}

/** A leaderboard as SVG, drawn once per distinct board. */
export function leaderboardSvgCached(data: LeaderboardData): Promise<ChartSvg> {
  return cached('board', data, () => leaderboardSvg(data));
}
