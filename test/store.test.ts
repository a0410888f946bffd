import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/store/embedded.ts';
import { pgAuditLog } from '../src/store/audit.ts';
import { DataDirInUseError, acquireDataDirLock } from '../src/store/lock.ts';
import { migrate } from '../src/store/migrate.ts';
import { pgUserStore } from '../src/store/users.ts';
import { quietLog, startTestDatabase } from './support/database.ts';

let db: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  db = await startTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const user = {
  aadObjectId: '6f1c2a8e-0d7b-4c1e-9a55-2b8f3e4d5c6a',
  tenantId: 'tenant-1',
  teamsUserId: '29:abc',
  name: '山田 花子',
  locale: 'ja-JP',
  timeZone: 'Asia/Tokyo',
  conversationId: 'a:conv1',
  conversationReference: { conversation: { id: 'a:conv1' }, serviceUrl: 'https://smba.trafficmanager.net/jp/' },
};

describe('PostgreSQL store', () => {
  it('migrates once, and a second run applies nothing', async () => {
    expect(await migrate(db.pool, quietLog)).toEqual([]);
    const { rows } = await db.pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toContain(1);
  });

  it('remembers a person the first time and keeps what later activities omit', async () => {
    const users = pgUserStore(db.pool);
    expect(await users.recordSighting(user, new Date('2026-11-25T00:00:00Z'))).toEqual({ firstTime: true });
    expect(
      await users.recordSighting(
        { aadObjectId: user.aadObjectId, tenantId: 'tenant-1', locale: 'en-US' },
        new Date('2026-11-25T01:00:00Z'),
      ),
    ).toEqual({ firstTime: false });
    const stored = await users.get(user.aadObjectId);
    expect(stored).toMatchObject({
      name: '山田 花子',
      locale: 'en-US',
      timeZone: 'Asia/Tokyo',
      installed: true,
      conversationId: 'a:conv1',
    });
    expect(stored?.conversationReference).toEqual(user.conversationReference);
  });

  it('drops the conversation reference on uninstall, and takes a new one on reinstall', async () => {
    const users = pgUserStore(db.pool);
    await users.markUninstalled(user.aadObjectId, new Date());
    expect(await users.get(user.aadObjectId)).toMatchObject({ installed: false, conversationReference: undefined });
    await users.recordSighting(user, new Date());
    expect(await users.get(user.aadObjectId)).toMatchObject({ installed: true, uninstalledAt: undefined });
  });

  it('keeps the audit log append-only', async () => {
    const audit = pgAuditLog(db.pool);
    await audit.record({ actor: 'bot', action: 'test.said', subject: user.aadObjectId, detail: { n: 1 } });
    await expect(db.pool.query("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    const { rows } = await db.pool.query("SELECT detail FROM audit_log WHERE action = 'test.said'");
    expect(rows).toEqual([{ detail: { n: 1 } }]);
  });

  it.runIf(process.getuid?.() === 0)(
    'as root, says which directory keeps PostgreSQL out instead of failing obscurely',
    async () => {
      const closed = mkdtempSync(path.join(os.tmpdir(), 'tg-closed-'));
      chmodSync(closed, 0o700);
      try {
        await expect(startEmbeddedPostgres(path.join(closed, 'data'), quietLog)).rejects.toThrow(
          new RegExp(`cannot enter ${closed}.*chmod o\\+x`),
        );
      } finally {
        rmSync(closed, { recursive: true, force: true });
      }
    },
  );

  it('lets one server own an embedded data directory at a time', () => {
    expect(() => acquireDataDirLock(db.dataDir)).toThrow(DataDirInUseError);
  });
});
