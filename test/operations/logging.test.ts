import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/observability/create-logger.js';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

const flushed = () => new Promise((resolve) => setImmediate(resolve));

describe('logs', () => {
  it('are JSON lines with the level, message and fields', async () => {
    const out = capture();
    const logger = createLogger({ level: 'info', pretty: false, destination: out.stream });
    logger.info({ channel: 'C1', round: 7 }, 'round posted');
    logger.debug({}, 'hidden at info');
    await flushed();
    const lines = out.text().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'round posted', channel: 'C1', round: 7, service: 'meshbot' });
  });

  it('never contain a token, signing secret or authorization header, wherever it appears', async () => {
    const secrets = ['xoxb-111-222-secretbottoken', '8f742231b10e8888abcd99yyyzzz85a5', 'MTA5.discord.secret-token'];
    const out = capture();
    const logger = createLogger({ level: 'debug', pretty: false, destination: out.stream, secrets });
    logger.info({ botToken: secrets[0], config: { signingSecret: secrets[1] } }, 'starting');
    logger.warn({ headers: { authorization: `Bearer ${secrets[0]}` } }, 'platform call failed');
    logger.error({ err: new Error(`request with token ${secrets[2]} was refused`) }, 'error with a token in its message');
    logger.debug({ url: `https://slack.com/api/auth.test?token=${secrets[0]}` }, 'token in a url');
    await flushed();
    const text = out.text();
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
    expect(text.trim().split('\n')).toHaveLength(4);
  });

  it('GIVEN a dashboard link or any token= parameter in a line THEN its value never reaches the log', async () => {
    const out = capture();
    const logger = createLogger({ level: 'info', pretty: false, destination: out.stream });
    const token = 'v1.eyJwIjoic2xhY2siLCJ3IjoiVDEiLCJlIjoxfQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    logger.info({ url: `https://meshbot.example.com/dashboard/channels/C1/people/U1?token=${token}` }, 'dashboard request');
    logger.warn({}, `a library said: GET /dashboard?token=${token}#channel-C1 failed`);
    logger.info({ link: `https://x.example/cb?code=1&access_token=${token}&state=2` }, 'oauth-like url');
    await flushed();
    const text = out.text();
    expect(text).not.toContain(token);
    expect(text.match(/token=\[redacted\]/g)).toHaveLength(3);
    expect(text).toContain('/dashboard/channels/C1/people/U1?token=[redacted]');
    expect(text).toContain('&state=2');
  });

  it('are human-readable in a terminal', async () => {
    const out = capture();
    const logger = createLogger({ level: 'info', pretty: true, destination: out.stream });
    logger.info({ channel: 'C1' }, 'round posted');
    await flushed();
    expect(out.text()).toMatch(/INFO.*round posted/);
    expect(out.text()).toMatch(/channel: "C1"/);
  });
});
