import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * An extra HTTP route served beside the platform's own endpoints: health and metrics,
 * and platform callbacks such as Discord's interactions endpoint. The same routes run on
 * our own server (serve-routes.ts) or on Bolt's receiver in Slack HTTP mode, and neither
 * reads the body first: a POST handler gets the raw, unread request (see read-body.ts),
 * as signature checks over the exact bytes need.
 */
export interface HttpRoute {
  /** The exact request path, e.g. `/discord/interactions` (no parameters, no query). */
  path: string;
  /** Whether paths under `path` are this route's too (`/dashboard/channels/...`); default: the exact path only. */
  prefix?: boolean;
  /** GET for health and metrics; POST for platform callbacks. */
  method: 'GET' | 'POST';
  /** Answers the request; a rejection becomes a 500 where the response has not started. */
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}
