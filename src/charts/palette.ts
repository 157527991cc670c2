import type { CellState } from './types.js';

/**
 * The Okabe-Ito palette (Okabe & Ito, "Color Universal Design", 2008): eight colours that
 * stay distinct under the common colour-vision deficiencies. Charts take colours from
 * here only.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

/** Light neutral for "not yet seen": no hue, so it never reads as good or bad. */
export const UNSEEN_GREY = '#E4E4E4';

/** Cell fill per state: blue and orange are the pair every colour-vision type tells apart. */
export const CELL_COLOURS: Readonly<Record<CellState, string>> = {
  correct: OKABE_ITO.blue,
  missed: OKABE_ITO.orange,
  unseen: UNSEEN_GREY,
};

/**
 * A mark per state, drawn in the cell and used in the text alternative, so the chart
 * reads without colour at all (greyscale print, monochrome screens, screen readers).
 */
export const CELL_MARKS: Readonly<Record<CellState, string>> = {
  correct: '✓',
  missed: '✗',
  unseen: '·',
};

/** The marks as filled outlines on a 16 x 16 box, for charts (ECharts `path://` symbols). */
export const MARK_PATHS = {
  correct: 'path://M1.5 8.5L3.5 6.5L6.5 9.5L12.5 3.5L14.5 5.5L6.5 13.5Z',
  missed: 'path://M3 1.5L8 6.5L13 1.5L14.5 3L9.5 8L14.5 13L13 14.5L8 9.5L3 14.5L1.5 13L6.5 8L1.5 3Z',
} as const;

/** Mark colour per state, chosen for contrast against its fill (white on blue, black on orange). */
export const MARK_COLOURS: Readonly<Record<CellState, string>> = {
  correct: '#FFFFFF',
  missed: OKABE_ITO.black,
  unseen: '#8A8A8A',
};

/** The words for each state, as `/mesh progress` says them. */
export const CELL_WORDS: Readonly<Record<CellState, string>> = {
  correct: 'answered correctly',
  missed: 'missed',
  unseen: 'not yet seen',
};

export const CELL_STATES: readonly CellState[] = ['correct', 'missed', 'unseen'];

/** Ink for titles and labels, and the quieter ink for secondary text. */
export const INK = '#1F2328';
export const MUTED_INK = '#57606A';

/**
 * DejaVu Sans ships with the project (dejavu-fonts-ttf), so the PNG is the same
 * everywhere; browsers showing the inline SVG without it fall back to similar metrics.
 */
export const FONT_FAMILY = 'DejaVu Sans, Verdana, sans-serif';
