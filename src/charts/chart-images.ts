import type { MessageImage } from '../messages/model.js';
import { cohortHeatmapPng, leaderboardPng, type ChartPng } from './charts.js';
import type { HeatmapData, LeaderboardData } from './types.js';

/**
 * The most people one heatmap picture shows. Beyond this a chat picture stops being
 * readable (50 rows is already 1,258 px tall) and takes longer to draw than a reply
 * should wait; the text table, the dashboard and the CSV still have everyone.
 */
export const CHART_PEOPLE_LIMIT = 50;

/** The leaderboard chart as a picture for a message. */
export async function leaderboardImage(data: LeaderboardData, name = 'leaderboard.png'): Promise<MessageImage> {
  return image(await leaderboardPng(data), name);
}

/** The cohort heatmap as a picture for a message (the first {@link CHART_PEOPLE_LIMIT} people). */
export async function heatmapImage(data: HeatmapData, name = 'cohort-heatmap.png'): Promise<MessageImage> {
  return image(await cohortHeatmapPng({ ...data, people: data.people.slice(0, CHART_PEOPLE_LIMIT) }), name);
}

function image(chart: ChartPng, name: string): MessageImage {
  return { png: chart.png, name, alt: chart.description, width: chart.width, height: chart.height };
}
