/**
 * The start-up check of HTTP interactions mode: the bot token works (GET
 * /applications/@me through REST) and belongs to DISCORD_APPLICATION_ID, whose id the
 * interaction webhooks are addressed with. Any failure is one BotError saying what to fix.
 */
import { Routes, type APIApplication, type REST } from 'discord.js';
import { BotError, type DiscordConfig, type Logger } from '../../src/index.js';
import { connectError } from '../discord/connect.js';

/** Verifies the token and application id; logs where Discord says it sends interactions. */
export async function checkApplication(rest: REST, config: DiscordConfig, apiUrl: string, logger: Logger): Promise<APIApplication> {
  let application: APIApplication;
  try {
    application = (await rest.get(Routes.currentApplication())) as APIApplication;
  } catch (error) {
    throw connectError(error, apiUrl, null);
  }
  if (application.id !== config.applicationId) {
    throw new BotError(
      'config.invalid',
      `DISCORD_APPLICATION_ID ${config.applicationId} is not the application of DISCORD_TOKEN (that is ${application.id}, "${application.name}"): copy Application ID from General Information of the same app`,
    );
  }
  const endpoint = application.interactions_endpoint_url ?? null;
  if (endpoint === null) {
    // Without an endpoint URL Discord sends interactions over the gateway, which this mode never opens.
    logger.warn({ application: application.name }, 'Discord: no Interactions Endpoint URL is set in the Developer Portal yet; set it to https://YOUR-HOST/discord/interactions');
  } else {
    logger.info({ application: application.name, endpoint }, 'Discord token verified; interactions arrive at the endpoint');
  }
  return application;
}
