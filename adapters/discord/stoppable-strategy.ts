/**
 * The gateway sharding strategy discord.js uses by default, with a destroy that really
 * stops a shard whose gateway is failing.
 *
 * Why: in @discordjs/ws 1.2.3 (discord.js 14.28.1) a shard that cannot reach the gateway
 * loops "connect, fail, wait 500 ms, reconnect". Destroyed while it waits (status Idle),
 * its destroy() returns early and the pending reconnect starts the loop again for ever:
 * a failed start() or a stop() during an outage would leave a ghost connection that
 * keeps the process alive and could later log in. Destroyed while a socket is still
 * connecting, it drops that socket's error handler, and the refused connection then
 * throws an uncaught 'error'. So: wait for the next attempt to begin, guard its socket,
 * then destroy.
 */
import { SimpleShardingStrategy, WebSocketShardStatus, type WebSocketShardDestroyOptions } from 'discord.js';

/** How long to wait for a scheduled reconnect to begin (the library waits 500 ms). */
const RECONNECT_GRACE_MS = 1_500;

/** The parts of an @discordjs/ws shard this strategy touches (all public on the shard). */
interface Shard {
  readonly status: WebSocketShardStatus;
  readonly connection: { on(event: 'error', listener: () => void): unknown } | null;
  on(event: 'debug', listener: () => void): unknown;
  off(event: 'debug', listener: () => void): unknown;
  destroy(options?: WebSocketShardDestroyOptions): Promise<void>;
}

/** SimpleShardingStrategy whose destroy() leaves no shard reconnecting behind. */
export class StoppableShardingStrategy extends SimpleShardingStrategy {
  override async destroy(options: Omit<WebSocketShardDestroyOptions, 'recover'> = {}): Promise<void> {
    // The parent keeps its shards in a private collection; it is the one to stop.
    const shards = (this as unknown as { shards: Map<number, Shard> }).shards;
    await Promise.all([...shards.values()].map((shard) => stopShard(shard, options)));
    shards.clear();
  }
}

async function stopShard(shard: Shard, options: Omit<WebSocketShardDestroyOptions, 'recover'>): Promise<void> {
  if (shard.status === WebSocketShardStatus.Idle && !(await attemptBegins(shard))) return;
  // A socket still connecting would otherwise throw when its connection is refused.
  shard.connection?.on('error', () => {});
  await shard.destroy(options);
}

/**
 * Resolves true as soon as an idle shard starts its next connection attempt (it logs,
 * then leaves Idle in the same synchronous step), false if none begins within the grace.
 */
function attemptBegins(shard: Shard): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (began: boolean): void => {
      clearTimeout(timer);
      shard.off('debug', onDebug);
      resolve(began);
    };
    const onDebug = (): void => {
      queueMicrotask(() => {
        if (shard.status !== WebSocketShardStatus.Idle) done(true);
      });
    };
    const timer = setTimeout(() => done(false), RECONNECT_GRACE_MS);
    shard.on('debug', onDebug);
  });
}
