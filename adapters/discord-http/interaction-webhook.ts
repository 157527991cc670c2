/**
 * What can be sent for an interaction after its first response, through the
 * interaction's webhook (application id + interaction token, valid 15 minutes): edit or
 * delete the original response, add follow-ups. Calls go through discord.js's REST
 * client without the bot token, as Discord authorises them by the interaction token.
 */
import { Routes, type REST, type RESTPatchAPIWebhookWithTokenMessageJSONBody, type RESTPostAPIWebhookWithTokenJSONBody } from 'discord.js';
import type { PlatformCallObserver } from '../platform-adapter.js';
import { observed } from '../discord/observe-call.js';

/** The later calls of one interaction. */
export interface InteractionWebhook {
  /** Replaces the original response (after a deferral: the placeholder, or the clicked message after a deferred update). */
  editOriginal(body: RESTPatchAPIWebhookWithTokenMessageJSONBody): Promise<void>;
  /** Deletes the original response. */
  deleteOriginal(): Promise<void>;
  /** Sends one more message (flags 64 keeps it private), with files for its pictures. */
  followUp(body: RESTPostAPIWebhookWithTokenJSONBody, files?: readonly { name: string; data: Buffer; contentType: string }[]): Promise<void>;
}

/** The webhook of the interaction with `token`, answered by application `applicationId`. */
export function interactionWebhook(rest: REST, applicationId: string, token: string, observer: PlatformCallObserver): InteractionWebhook {
  const original = Routes.webhookMessage(applicationId, token, '@original');
  return {
    editOriginal: async (body) => void (await observed(observer, 'interactions.edit_reply', () => rest.patch(original, { body, auth: false }))),
    deleteOriginal: async () => void (await observed(observer, 'interactions.delete_reply', () => rest.delete(original, { auth: false }))),
    // wait=true: Discord answers with the message, so a refused follow-up fails here rather than silently.
    followUp: async (body, files = []) =>
      void (await observed(observer, 'interactions.follow_up', () =>
        rest.post(Routes.webhook(applicationId, token), { body, auth: false, query: new URLSearchParams({ wait: 'true' }), ...(files.length > 0 ? { files: [...files] } : {}) }),
      )),
  };
}
