import { describe, expect, it } from 'vitest';
import { dashboardLinks, matchDashboardRoute } from '../../src/index.js';

describe('dashboard links', () => {
  const links = dashboardLinks('v1.abc.def');

  it('carry the token on every page and file', () => {
    expect(links.overview()).toBe('/dashboard?token=v1.abc.def');
    expect(links.overview('C1')).toBe('/dashboard?token=v1.abc.def#channel-C1');
    expect(links.person('C1', 'U2')).toBe('/dashboard/channels/C1/people/U2?token=v1.abc.def');
    expect(links.csv('C1', 'scores')).toBe('/dashboard/channels/C1/scores.csv?token=v1.abc.def');
    expect(links.csv('C1', 'progress')).toBe('/dashboard/channels/C1/progress.csv?token=v1.abc.def');
  });

  it('encode ids so they cannot leave their path segment', () => {
    expect(links.person('C1', '../../admin?x=1#y')).toBe('/dashboard/channels/C1/people/..%2F..%2Fadmin%3Fx%3D1%23y?token=v1.abc.def');
  });

  it('route back to the same page and ids', () => {
    const path = (url: string): string => url.split('?')[0]!;
    expect(matchDashboardRoute(path(links.overview()))).toEqual({ page: 'overview' });
    expect(matchDashboardRoute(path(links.person('C 1', 'U/2')))).toEqual({ page: 'person', channelId: 'C 1', userId: 'U/2' });
    expect(matchDashboardRoute(path(links.csv('C1', 'progress')))).toEqual({ page: 'csv', channelId: 'C1', file: 'progress' });
  });

  it('route nothing else', () => {
    for (const p of ['/', '/dashboardx', '/dashboard/channels/C1', '/dashboard/channels/C1/people', '/dashboard/channels/C1/other.csv', '/dashboard/channels/%E0%A4%A/people/U1', '/dashboard/channels//people/U1']) {
      expect(matchDashboardRoute(p)).toBeNull();
    }
  });
});
