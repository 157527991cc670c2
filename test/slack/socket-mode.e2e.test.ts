/**
 * Socket Mode end to end: the real Bolt app connects to a WebSocket stand-in on
 * loopback (apps.connections.open, hello), gets a slash command envelope, and acks it
 * with the core's answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { failOnUnhandledRejection } from './helpers/guards.js';
import { buttonsIn, textIn } from './helpers/slack-payloads.js';
import { startHarness, type Harness } from './helpers/slack-harness.js';
import { APP_TOKEN, SocketStandIn } from './helpers/socket-standin.js';

failOnUnhandledRejection();

let harness: Harness | null = null;
let socket: SocketStandIn | null = null;
afterEach(async () => {
  socket?.close();
  await harness?.close();
  harness = null;
  socket = null;
});

describe('Slack Socket Mode, end to end', () => {
  it('connects with the app-level token and answers /mesh ask circuit breaking in the envelope ack', async () => {
    harness = await startHarness({ appToken: APP_TOKEN, prepare: (standin) => (socket = new SocketStandIn(standin)) });
    const h = harness;

    const ack = await socket!.send('slash_commands', {
      token: 'legacy',
      team_id: 'T0TEST',
      team_domain: 'test',
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      user_id: 'U0ALICE',
      user_name: 'alice',
      command: '/mesh',
      text: 'ask circuit breaking',
      api_app_id: 'A0MESHBOT',
      response_url: h.standin.responseUrl('socket-cmd'),
      trigger_id: '1700000400.1.socket',
    });

    expect(h.adapter.mode).toBe('socket');
    expect(h.adapter.isConnected()).toBe(true);
    expect(socket!.openedWith).toBe(`Bearer ${APP_TOKEN}`);
    expect(ack).toMatchObject({ response_type: 'ephemeral' });
    expect(textIn(ack['blocks'])).toContain('Q7 · Retries, timeouts, circuit breaking');
    expect(buttonsIn(ack['blocks']).map((b) => b.text.text)).toContain('Share in channel');
    expect(h.adapter.listeningPort()).toBeNull();
  });
});
