/**
 * Reading what the adapter sent (Block Kit as recorded by the stand-in) and building
 * the clicks Slack would send back for it.
 */
import type { Harness } from './slack-harness.js';
import { interactionBody, postSigned, slashCommandBody, type SignedOptions, type SlackReply } from './signed-request.js';
import type { RecordedCall } from './web-api-standin.js';

export interface SlackButton {
  action_id: string;
  value: string;
  text: { text: string };
}

export interface SlackBlockJson {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: (SlackButton & { type: string })[];
}

/** Every button of a recorded message or response, in order. */
export function buttonsIn(blocks: unknown): SlackButton[] {
  return (blocks as SlackBlockJson[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
}

/** All readable text of a Block Kit message, joined by newlines. */
export function textIn(blocks: unknown): string {
  return (blocks as SlackBlockJson[])
    .flatMap((b) => [b.text?.text, ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => (e as { text?: unknown }).text)])
    .map((t) => (typeof t === 'string' ? t : typeof t === 'object' && t !== null ? String((t as { text?: unknown }).text ?? '') : ''))
    .filter((t) => t !== '')
    .join('\n');
}

export interface Person {
  id: string;
  username: string;
}

export const ALICE: Person = { id: 'U0ALICE', username: 'alice' };
export const BOB: Person = { id: 'U0BOB', username: 'bob' };
export const ADMIN: Person = { id: 'U0ADMIN', username: 'ada' };

/** Sends `/mesh <text>` as `who`, signed; the body is the ack (JSON when the bot answered). */
export function slash(h: Harness, text: string, who: Person = ALICE, fields: Record<string, string> = {}, options: SignedOptions = {}): Promise<SlackReply> {
  return postSigned(h.eventsUrl, slashCommandBody({ text, user_id: who.id, user_name: who.username, response_url: h.standin.responseUrl(`cmd-${who.id}`), ...fields }), options);
}

export interface ClickSpec {
  /** The message the button is on (a recorded chat.postMessage), or its blocks and ts. */
  message: { ts: string; blocks: unknown };
  button: number;
  who?: Person;
  actionTs?: string;
  /** The response_url id the stand-in records this click's answers under. */
  responseId: string;
  /** The channel Slack says the click came from (default the round's, C0GENERAL). */
  channelId?: string;
}

/** The block_actions payload Slack sends when `who` clicks button N of a message. */
export function clickPayload(h: Harness, spec: ClickSpec): Record<string, unknown> {
  const who = spec.who ?? ALICE;
  const button = buttonsIn(spec.message.blocks)[spec.button];
  if (!button) throw new Error(`no button ${spec.button} on the message`);
  return {
    type: 'block_actions',
    user: { id: who.id, username: who.username, name: who.username, team_id: 'T0TEST' },
    api_app_id: 'A0MESHBOT',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: spec.message.ts, channel_id: spec.channelId ?? 'C0GENERAL', is_ephemeral: false },
    trigger_id: `${Date.now()}.${Math.random().toString().slice(2, 10)}`,
    team: { id: 'T0TEST', domain: 'test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: spec.channelId ?? 'C0GENERAL', name: 'general' },
    message: { type: 'message', ts: spec.message.ts, text: 'Quiz', blocks: spec.message.blocks },
    state: { values: {} },
    response_url: h.standin.responseUrl(spec.responseId),
    actions: [{ action_id: button.action_id, block_id: 'b1', text: { type: 'plain_text', text: button.text.text }, value: button.value, type: 'button', action_ts: spec.actionTs ?? `1700000100.${Math.floor(Math.random() * 1e6)}` }],
  };
}

/** Sends a click, signed. */
export function click(h: Harness, spec: ClickSpec, options: SignedOptions = {}): Promise<SlackReply> {
  return postSigned(h.eventsUrl, interactionBody(clickPayload(h, spec)), options);
}

/** A recorded chat.postMessage as a message a person can click on. */
export function posted(call: RecordedCall): { ts: string; blocks: unknown } {
  return { ts: String(call.reply?.['ts']), blocks: call.params['blocks'] };
}

/** Waits (bounded) until `check` holds: for work Slack's ack does not wait for. */
export async function eventually(check: () => boolean, what: string, limitMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
