import type { IncomingMessage, ServerResponse } from 'node:http';

/** An extra HTTP route (health, metrics) served beside the platform's own endpoints. */
export interface HttpRoute {
  path: string;
  method: 'GET';
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}
