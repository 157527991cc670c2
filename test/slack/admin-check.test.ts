/**
 * Who may run admin commands and what people are called: users.info, ADMIN_USER_IDS,
 * and the cache in front of them.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/index.js';
import { SlackPeople } from '../../adapters/slack/admin-check.js';
import { SlackCalls, type ApiClient } from '../../adapters/slack/slack-calls.js';
import { instantTiming } from './helpers/gated-timing.js';
import { RecordingObserver } from './helpers/slack-harness.js';

function people(answer: (user: string) => Record<string, unknown>, adminUserIds: string[] = []) {
  const asked: string[] = [];
  const client: ApiClient = {
    apiCall: async (_method, options) => {
      const user = String(options?.['user']);
      asked.push(user);
      const result = answer(user);
      if (result['ok'] === false) throw Object.assign(new Error('platform'), { code: 'slack_webapi_platform_error', data: result });
      return result;
    },
  };
  const calls = new SlackCalls(client, { observer: new RecordingObserver(), logger: silentLogger, timing: instantTiming() });
  return { directory: new SlackPeople({ calls, adminUserIds, logger: silentLogger }), asked };
}

describe('Slack people and admin rights', () => {
  it('treats workspace admins and owners as admins, and names people by display name', async () => {
    const { directory } = people((user) => ({ ok: true, user: { name: user, is_admin: user === 'UADMIN', is_owner: user === 'UOWNER', profile: { display_name: `${user} shown` } } }));

    expect(await directory.resolve('T1', 'UADMIN', 'x')).toEqual({ userName: 'UADMIN shown', isAdmin: true });
    expect(await directory.resolve('T1', 'UOWNER', 'x')).toEqual({ userName: 'UOWNER shown', isAdmin: true });
    expect(await directory.resolve('T1', 'UMEMBER', 'x')).toEqual({ userName: 'UMEMBER shown', isAdmin: false });
  });

  it('treats ADMIN_USER_IDS as admins without asking Slack', async () => {
    const { directory, asked } = people(() => ({ ok: true, user: {} }), ['ULISTED']);

    expect(directory.guess('T1', 'ULISTED', 'lee')).toEqual({ userName: 'lee', isAdmin: true });
    expect(asked).toEqual([]);
  });

  it('falls back to the payload name and ADMIN_USER_IDS when users.info fails, and does not ask again at once', async () => {
    const { directory, asked } = people(() => ({ ok: false, error: 'missing_scope' }), ['ULISTED']);

    expect(await directory.resolve('T1', 'ULISTED', 'lee')).toEqual({ userName: 'lee', isAdmin: true });
    expect(await directory.resolve('T1', 'ULISTED', 'lee')).toEqual({ userName: 'lee', isAdmin: true });
    expect(await directory.resolve('T1', 'UOTHER', 'ola')).toEqual({ userName: 'ola', isAdmin: false });
    expect(asked).toEqual(['ULISTED', 'UOTHER']);
  });

  it('shares one users.info call between concurrent lookups of the same person', async () => {
    const { directory, asked } = people(() => ({ ok: true, user: { real_name: 'Robin' } }));

    directory.warm('T1', 'U1');
    const [a, b] = await Promise.all([directory.resolve('T1', 'U1', 'r'), directory.resolve('T1', 'U1', 'r')]);

    expect([a.userName, b.userName]).toEqual(['Robin', 'Robin']);
    expect(asked).toEqual(['U1']);
    expect(directory.cached('T1', 'U1', 'r')).toEqual({ userName: 'Robin', isAdmin: false });
  });
});
