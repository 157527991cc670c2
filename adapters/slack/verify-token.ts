import { BotError } from '../../src/index.js';
import { classifyFailure } from './retry-policy.js';
import type { SlackCalls } from './slack-calls.js';

/** Who the bot token belongs to, per auth.test. */
export interface BotIdentity {
  botId: string;
  botUserId: string;
  teamId: string;
  team: string;
}

/** Slack answers that mean the token itself is wrong, not that Slack is down. */
const AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'no_permission', 'missing_scope', 'not_allowed_token_type']);

/** auth.test at start-up: a few quick tries, then a clear answer. */
const STARTUP_POLICY = { attempts: 3, baseDelayMs: 500, maxDelayMs: 2_000, budgetMs: 10_000 };

/**
 * Checks SLACK_BOT_TOKEN with auth.test before anything listens, so a wrong token or an
 * unreachable Slack stops start-up with a BotError that says what to fix, instead of
 * Bolt's unhandled rejection.
 */
export async function verifyBotToken(calls: SlackCalls, apiUrl: string): Promise<BotIdentity> {
  let result: Record<string, unknown>;
  try {
    result = await calls.call('auth.test', {}, STARTUP_POLICY);
  } catch (error) {
    const { kind, reason } = classifyFailure(error);
    if (kind === 'permanent' && AUTH_ERRORS.has(reason)) {
      throw new BotError('chat.auth_failed', `Slack rejected SLACK_BOT_TOKEN (${reason}): copy the Bot User OAuth Token (xoxb-...) from the app's "OAuth & Permissions" page`, { cause: error });
    }
    const what = kind === 'permanent' ? `answered ${reason}` : `could not be reached: ${reason}`;
    throw new BotError('chat.connect_failed', `could not verify SLACK_BOT_TOKEN: Slack's Web API at ${apiUrl} ${what}; check the network and SLACK_API_URL`, { cause: error });
  }
  const text = (key: string): string => (typeof result[key] === 'string' ? (result[key] as string) : '');
  if (text('bot_id') === '' || text('user_id') === '') {
    throw new BotError('config.invalid', 'SLACK_BOT_TOKEN is not a bot token: use the Bot User OAuth Token (xoxb-...), not a user or app-level token');
  }
  return { botId: text('bot_id'), botUserId: text('user_id'), teamId: text('team_id'), team: text('team') };
}
