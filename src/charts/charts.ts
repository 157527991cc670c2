import { heatmapSpec } from './heatmap-spec.js';
import { leaderboardSpec } from './leaderboard-spec.js';
import { rasterise } from './render-png.js';
import { renderSvg } from './render-svg.js';
import type { HeatmapData, LeaderboardData } from './types.js';

/**
 * PNGs are drawn at their CSS size by default: 12px names are legible, and the 50 x 14
 * heatmap stays near the 150 ms budget. Pass 2 for high-density screens (sharper text,
 * about 75 ms more for the heatmap: rasterising and PNG encoding grow with the pixels).
 */
export const PNG_SCALE = 1;

/** A rendered chart: the SVG document, and the one sentence that describes it (alt text). */
export interface ChartSvg {
  /** A standalone SVG document (markup in user text already escaped). */
  svg: string;
  /** One sentence for `alt` text and upload titles. */
  description: string;
  /** Width in CSS pixels. */
  width: number;
  /** Height in CSS pixels. */
  height: number;
}

/** A rendered chart as PNG bytes (`width` x `height` pixels, i.e. CSS size x scale). */
export interface ChartPng {
  /** The PNG file's bytes. */
  png: Buffer;
  /** One sentence for `alt` text and upload titles. */
  description: string;
  /** Width in pixels of the PNG. */
  width: number;
  /** Height in pixels of the PNG. */
  height: number;
}

/** The cohort coverage heatmap as an SVG document (the dashboard inlines it). */
export async function cohortHeatmapSvg(data: HeatmapData): Promise<ChartSvg> {
  const spec = heatmapSpec(data);
  return { svg: await renderSvg(spec.option, spec.size), description: spec.description, ...spec.size };
}

/** The leaderboard chart (top 10, points and streaks) as an SVG document. */
export async function leaderboardSvg(data: LeaderboardData): Promise<ChartSvg> {
  const spec = leaderboardSpec(data);
  return { svg: await renderSvg(spec.option, spec.size), description: spec.description, ...spec.size };
}

/** The cohort coverage heatmap as a PNG, for Slack and Discord uploads. */
export async function cohortHeatmapPng(data: HeatmapData, scale = PNG_SCALE): Promise<ChartPng> {
  return toPng(await cohortHeatmapSvg(data), scale);
}

/** The leaderboard chart as a PNG, for Slack and Discord uploads. */
export async function leaderboardPng(data: LeaderboardData, scale = PNG_SCALE): Promise<ChartPng> {
  return toPng(await leaderboardSvg(data), scale);
}

async function toPng(chart: ChartSvg, scale: number): Promise<ChartPng> {
  return { ...(await rasterise(chart.svg, scale)), description: chart.description };
}
