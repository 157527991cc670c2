import type { DashboardTokenFailure } from './dashboard-token.js';
import { html } from './html.js';
import { page } from './page-shell.js';

const WORDS: Readonly<Record<DashboardTokenFailure, string>> = {
  'dashboard.missing': 'This page needs a dashboard link.',
  'dashboard.tampered': 'This dashboard link is not valid.',
  'dashboard.expired': 'This dashboard link has expired.',
};

/** The page for a refused link (send it with the result's 401 or 403): what happened and how to get a new link. */
export function renderDashboardRefusal(code: DashboardTokenFailure, command = '/mesh'): string {
  return page({
    title: 'Dashboard link',
    header: html`<h1>${WORDS[code]}</h1>`,
    main: html`<p>Links last 24 hours. An admin can get a new one with <code>${command} dashboard</code>; it arrives privately.</p>`,
  });
}
