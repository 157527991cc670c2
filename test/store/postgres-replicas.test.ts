import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { MIGRATIONS_DIR, openStore, readMigrations, type Logger, type Store } from '../../src/index.js';
import { freshDatabase, postgresConfig } from '../helpers/postgres.js';
import { RecordingLogger } from '../helpers/recorders.js';

async function openAll(url: string, n: number, logger: Logger): Promise<Store[]> {
  return Promise.all(Array.from({ length: n }, () => openStore(postgresConfig(url, 3), { nowMs: 1, logger })));
}

describe('PostgreSQL with several replicas on one database', () => {
  it('GIVEN three replicas starting at the same moment on an empty database THEN the schema is migrated once', async () => {
    const url = await freshDatabase();
    const logger = new RecordingLogger();
    const stores = await openAll(url, 3, logger);
    try {
      // Each migration applied by one replica only.
      const applied = logger.lines.filter((l) => l.message === 'database migration applied').map((l) => (l.fields as { version: number }).version);
      expect(applied).toEqual(readMigrations(join(MIGRATIONS_DIR, 'postgres')).map((m) => m.version));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      await client.end();
      expect(rows.map((r) => r.version)).toEqual(readMigrations(join(MIGRATIONS_DIR, 'postgres')).map((m) => m.version));
      for (const store of stores) expect(await store.health()).toEqual({ reachable: true, migrated: true });
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('GIVEN replicas asking for the scheduler THEN exactly one leads, and another takes over once it is gone', async () => {
    const url = await freshDatabase();
    const [a, b, c] = (await openAll(url, 3, new RecordingLogger())) as [Store, Store, Store];
    try {
      const first = await Promise.all([a, b, c].map((s) => s.leader.tryLead()));
      expect(first.filter(Boolean)).toHaveLength(1);
      const leader = [a, b, c][first.indexOf(true)]!;
      const others = [a, b, c].filter((s) => s !== leader);
      // Asking again changes nothing while the leader lives.
      expect(await Promise.all(others.map((s) => s.leader.tryLead()))).toEqual([false, false]);
      expect(await leader.leader.tryLead()).toBe(true);
      expect(new Set([a, b, c].map((s) => s.leader.replicaId)).size).toBe(1); // one process here: same host and pid

      await leader.close();
      const next = await Promise.all(others.map((s) => s.leader.tryLead()));
      expect(next.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all([a, b, c].map((s) => s.close().catch(() => undefined)));
    }
  });

  it('GIVEN the leader\'s connection is cut by the server THEN it stops leading and a standby takes the lead', async () => {
    const url = await freshDatabase();
    const [a, b] = (await openAll(url, 2, new RecordingLogger())) as [Store, Store];
    try {
      expect(await a.leader.tryLead()).toBe(true);
      expect(await b.leader.tryLead()).toBe(false);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const holder = await admin.query<{ pid: number }>("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
      expect(holder.rows).toHaveLength(1);
      await admin.query('SELECT pg_terminate_backend($1, 5000)', [holder.rows[0]!.pid]);
      await admin.end();
      // The leader learns of it from its connection's error, before it next asks.
      await expect.poll(() => a.leader.isLeading(), { timeout: 5_000 }).toBe(false);
      expect(await b.leader.tryLead()).toBe(true);
      expect(await a.leader.tryLead()).toBe(false);
    } finally {
      await Promise.all([a, b].map((s) => s.close().catch(() => undefined)));
    }
  });

  it('GIVEN a database migrated by a newer build THEN start-up refuses it and names DATABASE_URL', async () => {
    const url = await freshDatabase();
    const [store] = await openAll(url, 1, new RecordingLogger());
    await store!.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("INSERT INTO schema_migrations (version, name, applied_ms) VALUES (99, 'future', 0)");
    await client.end();
    await expect(openStore(postgresConfig(url), { nowMs: 0 })).rejects.toThrow(/schema version 99 .*DATABASE_URL/);
  });

  it('GIVEN no server at DATABASE_URL THEN start-up fails with a message naming it, without the password', async () => {
    await expect(openStore(postgresConfig('postgres://meshbot:s3cret@127.0.0.1:1/meshbot'), { nowMs: 0 })).rejects.toThrow(/cannot reach PostgreSQL at postgres:\/\/meshbot:\*\*\*@127\.0\.0\.1:1\/meshbot.*check DATABASE_URL/);
  });

  it('GIVEN the database goes away THEN health says unreachable instead of throwing', async () => {
    const url = await freshDatabase();
    const [store] = await openAll(url, 1, new RecordingLogger());
    expect(await store!.health()).toEqual({ reachable: true, migrated: true });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('DELETE FROM schema_migrations');
    expect(await store!.health()).toEqual({ reachable: true, migrated: false });
    await admin.end();
    await store!.close();
    expect(await store!.health()).toEqual({ reachable: false, migrated: false });
  });
});
