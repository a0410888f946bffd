import type pg from 'pg';

/**
 * Where a statement runs: the pool (its own short transaction) or a client the caller holds inside a transaction,
 * so that a record, its audit row and its outbox rows commit together (as pg-boss's `db` option does).
 */
export type Queryable = pg.Pool | pg.PoolClient;

/** Runs `work` in one transaction on one pooled connection: committed when it returns, rolled back when it throws. */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Several statements that must hold together: on a pool, a transaction of their own; on a client, the caller's
 * transaction, which commits or rolls them back with everything else it holds.
 */
export function inTransaction<T>(q: Queryable, work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  return isClient(q) ? work(q) : withTransaction(q, work);
}

function isClient(q: Queryable): q is pg.PoolClient {
  return typeof (q as pg.PoolClient).release === 'function';
}
