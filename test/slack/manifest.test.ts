/**
 * The app manifests stay in step with what the adapter needs: the scopes it calls
 * methods with, the endpoint it serves, and escaped mentions for `progress @user`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Manifest {
  features: { slash_commands: { command: string; url?: string; should_escape?: boolean }[]; app_home?: { home_tab_enabled?: boolean; messages_tab_enabled?: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { interactivity: { is_enabled: boolean; request_url?: string }; socket_mode_enabled: boolean; event_subscriptions?: { request_url?: string; bot_events?: string[] } };
}

const read = (file: string): Manifest => parse(readFileSync(`adapters/slack/${file}`, 'utf8')) as Manifest;
const NEEDED_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'users:read', 'files:write'];

describe('Slack app manifests', () => {
  it('sends commands and clicks to /slack/events in HTTP mode', () => {
    const manifest = read('manifest.yml');

    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.features.slash_commands[0]).toMatchObject({ command: '/mesh', url: 'https://YOUR-HOST/slack/events', should_escape: true });
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://YOUR-HOST/slack/events' });
    expect(manifest.oauth_config.scopes.bot).toEqual(NEEDED_SCOPES);
    expect(manifest.settings.event_subscriptions).toEqual({ request_url: 'https://YOUR-HOST/slack/events', bot_events: ['app_home_opened'] });
  });

  it('GIVEN either manifest THEN the Home tab is on and its event subscribed, and uploads have their scope', () => {
    for (const file of ['manifest.yml', 'manifest.socket-mode.yml']) {
      const manifest = read(file);
      expect(manifest.features.app_home, file).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
      expect(manifest.settings.event_subscriptions?.bot_events, file).toEqual(['app_home_opened']);
      expect(manifest.oauth_config.scopes.bot, file).toContain('files:write');
    }
  });

  it('turns Socket Mode on, with no URLs, and the same scopes', () => {
    const manifest = read('manifest.socket-mode.yml');

    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.slash_commands[0]).toMatchObject({ command: '/mesh', should_escape: true });
    expect(manifest.features.slash_commands[0]?.url).toBeUndefined();
    expect(manifest.settings.interactivity.request_url).toBeUndefined();
    expect(manifest.oauth_config.scopes.bot).toEqual(NEEDED_SCOPES);
  });
});
