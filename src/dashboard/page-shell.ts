import { CELL_COLOURS, INK, MARK_COLOURS } from '../charts/palette.js';
import { html, trustedHtml, type Html } from './html.js';

/**
 * One stylesheet, inline: the page loads nothing else (no scripts, fonts or images), so it
 * works behind strict proxies and under a `default-src 'none'` policy. Charts scroll
 * sideways on a phone rather than shrinking their text below legibility.
 */
const STYLE = `
:root { color-scheme: light; --ink: #1F2328; --muted: #57606A; --line: #D0D7DE; --bg: #F6F8FA; --link: #0B5CAD; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--link); }
header.page { background: #FFF; border-bottom: 1px solid var(--line); padding: 16px 20px; }
header.page > * { max-width: 1180px; margin-left: auto; margin-right: auto; }
main { max-width: 1220px; margin: 0 auto; padding: 16px 20px 40px; }
h1 { font-size: 1.45rem; margin: 0; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 0; overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 28px 0 8px; }
.meta { color: var(--muted); font-size: 0.875rem; margin: 4px 0 0; }
nav.channels ul { list-style: none; margin: 10px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 16px; }
section.channel { background: #FFF; border: 1px solid var(--line); border-radius: 8px; padding: 18px 20px; margin: 0 0 24px; }
.downloads { margin: 10px 0 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: 0.875rem; margin-top: 6px; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; max-width: 100%; position: relative; }
.chart svg { display: block; width: 100%; height: auto; }
.chart.heatmap svg { min-width: 600px; max-width: 828px; }
.chart.board svg { min-width: 440px; max-width: 640px; }
.boards { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 500px), 1fr)); gap: 20px; }
.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr)); gap: 0 28px; }
/* Grid items would otherwise grow to their widest chart or table instead of scrolling it. */
.boards > *, .pair > * { min-width: 0; }
details { margin-top: 6px; }
summary { cursor: pointer; color: var(--link); font-size: 0.875rem; }
table { border-collapse: collapse; font-size: 0.875rem; }
caption { text-align: left; color: var(--muted); padding: 0 0 4px; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { font-weight: 600; white-space: nowrap; }
th[scope=row] { font-weight: normal; min-width: 8em; max-width: 16em; overflow-wrap: anywhere; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.wrap { min-width: 12em; overflow-wrap: anywhere; }
table.coverage td.cell { text-align: center; padding: 2px 0; min-width: 30px; font-weight: bold; border: 1px solid #FFF; }
.correct { background: ${CELL_COLOURS.correct}; color: ${MARK_COLOURS.correct}; }
.missed { background: ${CELL_COLOURS.missed}; color: ${MARK_COLOURS.missed}; }
.unseen { background: ${CELL_COLOURS.unseen}; color: ${INK}; }
table.coverage td.unseen { color: ${MARK_COLOURS.unseen}; }
.pill { display: inline-block; padding: 1px 8px; border-radius: 10px; white-space: nowrap; font-weight: 600; font-size: 0.8rem; }
table.person td { padding-top: 6px; padding-bottom: 6px; }
.summary { font-size: 1.05rem; margin: 0 0 6px; }
dl.stats { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 10px 0 0; }
dl.stats dt { color: var(--muted); font-size: 0.8rem; }
dl.stats dd { margin: 0; font-size: 1.1rem; font-weight: 600; }
.empty { color: var(--muted); font-style: italic; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (max-width: 640px) {
  header.page { padding: 12px; }
  main { padding: 10px 0 24px; }
  section.channel { border-radius: 0; border-left: 0; border-right: 0; padding: 14px 12px; }
  h1 { font-size: 1.25rem; }
  .wrap { min-width: 8em; }
  th, td { padding: 4px 6px; }
}
@media print { body { background: #FFF; } .downloads, details > summary { display: none; } }
`;

/** Parts of a page: its title, what goes in the header band, and the main content. */
export interface PageParts {
  /** The document title (escaped here). */
  title: string;
  /** Content of the header band. */
  header: Html;
  /** Content of `<main>`. */
  main: Html;
}

/**
 * The document around every dashboard page. No referrer is sent when a link is followed
 * (the URL carries the token), and search engines are asked not to index it.
 */
export function page(parts: PageParts): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${parts.title}</title>
<style>${trustedHtml(STYLE)}</style>
</head>
<body>
<header class="page">${parts.header}</header>
<main>${parts.main}</main>
</body>
</html>
`.text;
}

/** Headers the route should send with every dashboard page (strict policy: nothing external, no script). */
export const DASHBOARD_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-robots-tag': 'noindex, nofollow',
};

/** `2026-12-07 10:15 UTC`: the pages do not know the reader's zone, so they say which one they use. */
export function utcTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `2026-12-07`. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
