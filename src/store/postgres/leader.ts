import { hostname } from 'node:os';
import type pg from 'pg';
import type { DatabaseConfig } from '../../config/config.js';
import type { Logger } from '../../logger.js';
import type { SchedulerLeader } from '../ports/index.js';
import { createClient } from './connection.js';
import { LOCKS } from './locks.js';

/**
 * The scheduler's leader election: a session advisory lock held on a connection of its
 * own (not the pool's, whose connections come and go). The lock lives exactly as long as
 * that connection: when the leader dies, PostgreSQL drops the lock with the connection
 * and the next replica to ask takes it (docs/design.md, "Replicas").
 */
export function createPgLeader(config: Extract<DatabaseConfig, { kind: 'postgres' }>, logger: Logger): SchedulerLeader & { close(): Promise<void> } {
  const replicaId = `${hostname()}:${process.pid}`;
  let client: pg.Client | null = null;
  let leading = false;

  const drop = (): void => {
    const old = client;
    client = null;
    leading = false;
    old?.end().catch(() => undefined);
  };

  const connect = async (): Promise<pg.Client> => {
    const created = createClient(config);
    created.on('error', (error) => {
      logger.warn({ err: error, replica: replicaId, leading }, 'scheduler lock connection failed');
      if (client === created) drop();
    });
    await created.connect();
    client = created;
    return created;
  };

  return {
    replicaId,
    tryLead: async () => {
      const wasLeading = leading;
      try {
        const conn = client ?? (await connect());
        if (leading) {
          // Still connected means still holding the lock.
          await conn.query('SELECT 1');
          return true;
        }
        const { rows } = await conn.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', LOCKS.scheduler);
        leading = rows[0]?.ok === true;
        if (leading) logger.info({ replica: replicaId }, 'this replica now runs the scheduler');
        return leading;
      } catch (error) {
        if (wasLeading) logger.warn({ err: error, replica: replicaId }, 'lost the scheduler lead: the database connection failed');
        drop();
        return false;
      }
    },
    isLeading: () => leading,
    release: async () => {
      if (client && leading) await client.query('SELECT pg_advisory_unlock($1, $2)', LOCKS.scheduler).catch(() => undefined);
      leading = false;
    },
    close: async () => {
      const old = client;
      client = null;
      leading = false;
      await old?.end().catch(() => undefined);
    },
  };
}
