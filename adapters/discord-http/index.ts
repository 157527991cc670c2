/**
 * Discord over HTTP interactions, for the composition root:
 *   createDiscordHttpAdapter   the PlatformAdapter and its `POST /discord/interactions` route
 */
export { createDiscordHttpAdapter, INTERACTIONS_PATH, type DiscordHttpAdapter, type DiscordHttpAdapterOptions } from './discord-http-adapter.js';
