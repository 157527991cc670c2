/**
 * Command registration against the stand-in: `discord register` PUTs the commands that
 * docs/discord.md documents, in one server or globally, and says clearly when it cannot.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discordCli, discordCommandDefinitions } from '../../adapters/discord/index.js';
import { parseConfig, type Config } from '../../src/index.js';
import { APPLICATION_ID, GUILD_ID, startStandin, TOKEN, useDiscordRig } from './harness.js';

useDiscordRig();

function configFor(apiUrl: string, token = TOKEN): Config {
  const parsed = parseConfig({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: apiUrl });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.config;
}

function captured() {
  const lines = { out: [] as string[], err: [] as string[] };
  return { lines, output: { out: (l: string) => void lines.out.push(l), err: (l: string) => void lines.err.push(l) } };
}

/** `/command sub` and its option names, from the command table in docs/discord.md. */
function documentedCommands(): { command: string; options: string[] }[] {
  const doc = readFileSync('docs/discord.md', 'utf8');
  return [...doc.matchAll(/^\| `\/([\w-]+ [\w-]+)` \|([^|]*)\|/gm)].map((m) => ({
    command: m[1]!,
    options: [...m[2]!.matchAll(/`(\w+)`/g)].map((o) => o[1]!),
  }));
}

/** The same shape from a registration body. */
function registeredCommands(body: any[]): { command: string; options: string[] }[] {
  return body.flatMap((c) => c.options.map((sub: any) => ({ command: `${c.name} ${sub.name}`, options: (sub.options ?? []).map((o: any) => o.name) })));
}

describe('Discord command registration', () => {
  it('PUTs the documented commands to the server given with --guild', async () => {
    const standin = await startStandin();
    const { lines, output } = captured();

    const code = await discordCli(['register', '--guild', GUILD_ID], configFor(standin.apiUrl), output);

    expect(code).toBe(0);
    const put = await standin.rest.waitFor((r) => r.method === 'PUT');
    expect(put.path).toBe(`/api/v10/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`);
    expect(put.authorization).toBe(`Bot ${TOKEN}`);
    expect(put.body).toEqual(JSON.parse(JSON.stringify(discordCommandDefinitions('mesh'))));
    expect(registeredCommands(put.body)).toEqual(documentedCommands());
    expect(lines.out.join('\n')).toContain('/mesh and /mesh-admin');
  });

  it('hides /mesh-admin from members without Manage Channels by default', async () => {
    const standin = await startStandin();

    await discordCli(['register'], configFor(standin.apiUrl), captured().output);

    const put = await standin.rest.waitFor((r) => r.method === 'PUT');
    expect(put.path).toBe(`/api/v10/applications/${APPLICATION_ID}/commands`);
    const byName = Object.fromEntries(put.body.map((c: any) => [c.name, c]));
    expect(byName['mesh-admin'].default_member_permissions).toBe('16');
    expect(byName.mesh.default_member_permissions).toBeUndefined();
  });

  it('exits 1 with a message naming DISCORD_TOKEN when the token is refused', async () => {
    const standin = await startStandin();
    const { lines, output } = captured();

    const code = await discordCli(['register', '--guild', GUILD_ID], configFor(standin.apiUrl, 'wrong-token'), output);

    expect(code).toBe(1);
    expect(lines.err.join('\n')).toContain('DISCORD_TOKEN');
  });
});
