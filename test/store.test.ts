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

  it('learns the time zone once: a later activity saying another zone does not move the working day', async () => {
    const users = pgUserStore(db.pool);
    await users.recordSighting(
      { aadObjectId: user.aadObjectId, tenantId: 'tenant-1', timeZone: 'Pacific/Kiritimati' },
      new Date('2026-11-25T02:00:00Z'),
    );
    expect((await users.get(user.aadObjectId))?.timeZone).toBe('Asia/Tokyo');
    const fresh = { aadObjectId: 'aad-zone-2', tenantId: 'tenant-1', timeZone: 'Europe/London' };
    await users.recordSighting({ aadObjectId: fresh.aadObjectId, tenantId: 'tenant-1' }, new Date());
    await users.recordSighting(fresh, new Date());
    expect((await users.get(fresh.aadObjectId))?.timeZone).toBe('Europe/London');
  });

  it('gives each asked-for person a profile, with the directory name first', async () => {
    const users = pgUserStore(db.pool);
    await db.pool.query(
      `INSERT INTO directory (aad_object_id, display_name, source) VALUES ($1, '山田 花子（人事）', 'hr-csv')`,
      [user.aadObjectId],
    );
    const profiles = await users.profiles([user.aadObjectId, 'aad-nobody']);
    expect(profiles.get(user.aadObjectId)).toMatchObject({
      tenantId: 'tenant-1',
      locale: 'en-US',
      timeZone: 'Asia/Tokyo',
      name: '山田 花子（人事）',
    });
    expect(profiles.get('aad-nobody')).toEqual({ aadObjectId: 'aad-nobody' });
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
