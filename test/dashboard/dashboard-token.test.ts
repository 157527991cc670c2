import { describe, expect, it } from 'vitest';
import { BotError, DASHBOARD_LINK_TTL_MS, signDashboardToken, verifyDashboardToken, type DashboardScope } from '../../src/index.js';

const SECRET = 'a-long-random-dashboard-secret';
const NOW = Date.parse('2026-12-07T10:00:00Z');
const SCOPE: DashboardScope = { platform: 'slack', workspaceId: 'T0123', expiresMs: NOW + DASHBOARD_LINK_TTL_MS };

/** The token with one character of one part changed. */
function flip(token: string, part: number, at = 0): string {
  const parts = token.split('.');
  const text = parts[part]!;
  const i = at < 0 ? text.length + at : at;
  parts[part] = text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
  return parts.join('.');
}

describe('dashboard token', () => {
  it('GIVEN a fresh token THEN it opens its own workspace', () => {
    const result = verifyDashboardToken(signDashboardToken(SCOPE, SECRET), SECRET, NOW);
    expect(result).toEqual({ ok: true, scope: SCOPE });
  });

  it('GIVEN a token one millisecond before expiry THEN it still works, and at expiry it is refused with 403', () => {
    const token = signDashboardToken(SCOPE, SECRET);
    expect(verifyDashboardToken(token, SECRET, SCOPE.expiresMs - 1).ok).toBe(true);
    expect(verifyDashboardToken(token, SECRET, SCOPE.expiresMs)).toEqual({ ok: false, code: 'dashboard.expired', status: 403 });
  });

  it('GIVEN no token THEN it is missing (401)', () => {
    for (const token of [undefined, null, '']) expect(verifyDashboardToken(token, SECRET, NOW)).toEqual({ ok: false, code: 'dashboard.missing', status: 401 });
  });

  it('GIVEN a change to the version, the payload or the signature THEN it is tampered (403)', () => {
    const token = signDashboardToken(SCOPE, SECRET);
    for (const part of [0, 1, 2]) {
      for (const at of [0, -1]) expect(verifyDashboardToken(flip(token, part, at), SECRET, NOW)).toEqual({ ok: false, code: 'dashboard.tampered', status: 403 });
    }
  });

  it('GIVEN any single character changed anywhere THEN it is never accepted', () => {
    const token = signDashboardToken(SCOPE, SECRET);
    for (let i = 0; i < token.length; i++) {
      const changed = token.slice(0, i) + (token[i] === 'x' ? 'y' : 'x') + token.slice(i + 1);
      expect(verifyDashboardToken(changed, SECRET, NOW).ok).toBe(false);
    }
  });

  it('GIVEN a token whose payload is rewritten to another workspace THEN it is tampered', () => {
    const token = signDashboardToken(SCOPE, SECRET);
    const [version, , signature] = token.split('.');
    const other = Buffer.from(JSON.stringify({ p: 'slack', w: 'T9999', e: SCOPE.expiresMs })).toString('base64url');
    expect(verifyDashboardToken(`${version}.${other}.${signature}`, SECRET, NOW)).toMatchObject({ ok: false, code: 'dashboard.tampered' });
  });

  it('GIVEN a token for another workspace THEN its scope names that workspace only', () => {
    const result = verifyDashboardToken(signDashboardToken({ ...SCOPE, workspaceId: 'T0999' }, SECRET), SECRET, NOW);
    expect(result.ok && result.scope.workspaceId).toBe('T0999');
    const discord = verifyDashboardToken(signDashboardToken({ ...SCOPE, platform: 'discord' }, SECRET), SECRET, NOW);
    expect(discord.ok && discord.scope.platform).toBe('discord');
  });

  it('GIVEN a token signed with another secret THEN it is tampered', () => {
    expect(verifyDashboardToken(signDashboardToken(SCOPE, 'another-deployment-secret'), SECRET, NOW)).toMatchObject({ code: 'dashboard.tampered' });
  });

  it('GIVEN garbage shapes THEN they are tampered, never a crash', () => {
    for (const token of ['x', 'a.b', 'a.b.c.d', '...', 'v1..', `v1.${'%'.repeat(10)}.abc`]) expect(verifyDashboardToken(token, SECRET, NOW)).toMatchObject({ code: 'dashboard.tampered' });
  });

  it('GIVEN a correctly signed payload that is not a scope THEN it is tampered', () => {
    // A token minted by this secret for something else must not open a dashboard.
    const forged = signDashboardToken({ ...SCOPE, workspaceId: '' }, SECRET);
    expect(verifyDashboardToken(forged, SECRET, NOW)).toMatchObject({ code: 'dashboard.tampered' });
  });

  it('refuses to sign or check with an empty secret', () => {
    expect(() => signDashboardToken(SCOPE, '')).toThrow(BotError);
    expect(() => verifyDashboardToken('v1.a.b', '', NOW)).toThrow(/DASHBOARD_SECRET/);
  });

  it('is URL-safe as it is', () => {
    expect(signDashboardToken(SCOPE, SECRET)).toMatch(/^[A-Za-z0-9_.-]+$/);
  });
});
