import type { BarSeriesOption } from 'echarts/charts';
import type { GraphicComponentOption, GridComponentOption, TitleComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { labelText } from './chart-text.js';
import type { ChartSpec } from './heatmap-spec.js';
import { FONT_FAMILY, INK, MUTED_INK, OKABE_ITO } from './palette.js';
import type { BoardPeriod, BoardRow, ChartSize, LeaderboardData } from './types.js';

export type LeaderboardOption = ComposeOption<BarSeriesOption | GridComponentOption | TitleComponentOption | GraphicComponentOption>;

/** How many rows the chart draws: the `/mesh leaderboard` top 10. */
export const BOARD_LIMIT = 10;

/** The period in words, as `/mesh leaderboard` says it. */
export const PERIOD_WORDS: Readonly<Record<BoardPeriod, string>> = { week: 'this week', month: 'this month', all: 'all time' };

const WIDTH = 640;
const ROW_H = 36;
const PAD = 16;
const NAME_W = 200;
const STREAK_W = 92;
const TOP = 92;
const BOTTOM = 20;
const NAME_CHARS = 22;

/** The leaderboard's size in CSS pixels for a number of rows (at most {@link BOARD_LIMIT}). */
export function leaderboardSize(rows: number): ChartSize {
  return { width: WIDTH, height: TOP + Math.max(1, Math.min(rows, BOARD_LIMIT)) * ROW_H + BOTTOM };
}

/** The title both the chart and its text alternative carry. */
export function leaderboardTitle(data: LeaderboardData): string {
  return `Leaderboard · ${data.scopeName} · ${data.periodLabel ?? PERIOD_WORDS[data.period]}`;
}

/** The top of a leaderboard as horizontal bars of points, with each person's streak beside. */
export function leaderboardSpec(data: LeaderboardData): ChartSpec<LeaderboardOption> {
  const rows = data.rows.slice(0, BOARD_LIMIT);
  const size = leaderboardSize(rows.length);
  const gridW = size.width - PAD - NAME_W - STREAK_W - PAD;
  const max = Math.max(1, ...rows.map((r) => r.points));
  // The channel name is clipped so the title fits the chart's width.
  const title = leaderboardTitle({ ...data, scopeName: labelText(data.scopeName, 28) });
  const lead = rows[0];
  const description = lead
    ? `${title}: top ${rows.length} by points; first ${labelText(lead.name, NAME_CHARS)} with ${lead.points} points and a streak of ${lead.streak}.`
    : `${title}: no points yet.`;
  const text = { fontFamily: FONT_FAMILY, fontSize: 13, color: INK };
  const option: LeaderboardOption = {
    animation: false,
    backgroundColor: '#FFFFFF',
    textStyle: { fontFamily: FONT_FAMILY, color: INK },
    title: {
      text: title,
      subtext: 'Points: 10 a right answer, +5 for the first · streak: scheduled rounds in a row answered correctly',
      left: PAD,
      top: 12,
      textStyle: { fontSize: 17, fontWeight: 'bold', color: INK },
      subtextStyle: { fontSize: 11, color: MUTED_INK },
    },
    grid: { left: PAD + NAME_W, top: TOP, width: gridW, height: Math.max(1, rows.length) * ROW_H, outerBoundsMode: 'none' },
    // Headroom past the longest bar for its points label.
    xAxis: { type: 'value', max: max * 1.18, show: false },
    yAxis: [
      {
        type: 'category',
        inverse: true,
        // No rich text on this axis: names are user text, and braces would be parsed as styles.
        data: rows.map((r, i) => `${i + 1}. ${labelText(r.name, NAME_CHARS)}`),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { ...text, interval: 0, margin: 12 },
      },
      {
        type: 'category',
        inverse: true,
        position: 'right',
        data: rows.map((r) => streakLabel(r)),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: {
          ...text,
          interval: 0,
          margin: 12,
          align: 'left',
          rich: { hot: { ...text, fontWeight: 'bold', color: OKABE_ITO.vermillion }, none: { ...text, color: MUTED_INK } },
        },
      },
    ],
    series: [
      {
        type: 'bar',
        yAxisIndex: 0,
        data: rows.map((r) => r.points),
        barWidth: 20,
        silent: true,
        itemStyle: { color: OKABE_ITO.blue, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', ...text, fontWeight: 'bold', formatter: '{c}' },
        emphasis: { disabled: true },
      },
    ],
    graphic: headings(size, gridW, rows.length === 0),
  };
  return { option, size, description };
}

/** A live streak in bold, a dash when there is none (bold versus dash reads without colour). */
function streakLabel(row: BoardRow): string {
  return row.streak > 0 ? `{hot|${row.streak}}` : '{none|–}';
}

function headings(size: ChartSize, gridW: number, empty: boolean): GraphicComponentOption[] {
  const small = { fontFamily: FONT_FAMILY, fontSize: 11, fill: MUTED_INK };
  const items: GraphicComponentOption[] = [
    { type: 'text', x: size.width - PAD - STREAK_W + 12, y: TOP - 18, style: { ...small, text: 'streak' } },
    { type: 'text', x: PAD + NAME_W, y: TOP - 18, style: { ...small, text: 'points' } },
  ];
  if (empty) items.push({ type: 'text', x: PAD + NAME_W + gridW / 2, y: TOP + 10, style: { ...small, fontSize: 13, text: 'No points yet: answer a quiz round to get on the board', align: 'center' } });
  return items;
}
