/**
 * Issue 23, information item: addresses are stored as keyed hashes (HMAC with a secret made
 * at first start and kept beside the database, 0600), so they cannot be reversed by hashing
 * every IPv4 address.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, inject } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { addressSecretFile, keyedHash, postgresAddressSecret, sqliteAddressSecret } from '../../src/lib/storage/index.ts';
import { StaffAuth } from '../../src/lib/staff/auth.ts';
import { createLimiter, limitsTable } from '../../src/lib/limits/limiter.ts';
import { storeBackends } from '../support/store-backends.ts';
import type { OpenStores } from '../support/stores.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const scryptCost = { N: 2 ** 10, r: 8, p: 1 };
const password = 'correct horse battery';

describe.skipIf(process.platform === 'win32')('the secret beside a SQLite database', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is made once, 0600, and read back by the next process', () => {
    dir = mkdtempSync(join(tmpdir(), 'secret-'));
    const first = sqliteAddressSecret(join(dir, 'requests.sqlite'));
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(statSync(join(dir, addressSecretFile)).mode & 0o777).toBe(0o600);
    expect(sqliteAddressSecret(join(dir, 'requests.sqlite'))).toBe(first);
  });
});

const adminUrl = inject('postgresAdminUrl');
describe.skipIf(!adminUrl)('the secret in PostgreSQL', () => {
  const opened: postgres.Sql[] = [];
  let url = '';
  beforeEach(async () => {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    const name = `secret_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  });
  afterAll(async () => {
    await Promise.all(opened.map((sql) => sql.end()));
  });
  const server = () => {
    const sql = postgres(url, { max: 2, onnotice: () => {} });
    opened.push(sql);
    return sql;
  };

  it('is the same for every server, and the limits table holds only keyed hashes', async () => {
    const [a, b] = [server(), server()];
    const [one, two] = await Promise.all([postgresAddressSecret(a), postgresAddressSecret(b)]);
    expect(one).toBe(two);
    const limiter = createLimiter({ name: 'form', points: 5, durationSeconds: 600 }, { kind: 'postgres', sql: a });
    await limiter.consume('203.0.113.9');
    const keys = (await a.unsafe(`SELECT key FROM ${limitsTable}`)).map((row) => String(row['key']));
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain(createHash('sha256').update('203.0.113.9').digest('base64url'));
  });

  it('is one secret when several servers make its table at the same moment', async () => {
    const servers = [server(), server(), server(), server()];
    // The race is between CREATE TABLE statements, so each round starts with no table.
    for (let round = 0; round < 10; round += 1) {
      await servers[0]!.unsafe('DROP TABLE IF EXISTS site_secrets');
      const secrets = await Promise.all(servers.map((sql) => postgresAddressSecret(sql)));
      expect(new Set(secrets).size, `round ${round}`).toBe(1);
    }
  });
});

for (const backend of storeBackends()) {
  describe.skipIf(backend.unavailable)(`known addresses on ${backend.name}`, () => {
    let stores: OpenStores;
    beforeEach(async () => {
      await backend.fresh();
      stores = backend.open({ replyByFor: () => '2026-12-01' });
    });
    afterEach(() => backend.cleanup());

    it('are kept as keyed hashes, and still let the owner through a lock', async () => {
      const secret = 'a secret made at first start';
      const staff = new StaffAuth({ store: stores.staff, scryptCost, maxFailures: 3, hashAddress: (address) => keyedHash(secret, address) });
      await staff.addAccount('sam', password);
      expect(await staff.verifySignIn('sam', password, { address: '203.0.113.5' })).toBe('sam');
      const stored = JSON.stringify(await backend.query('SELECT * FROM staff_known_addresses'));
      expect(stored).not.toContain(sha256('203.0.113.5'));
      expect(stored).toContain(keyedHash(secret, '203.0.113.5'));
      for (let i = 0; i < 3; i += 1) await staff.verifySignIn('sam', 'wrong password!', { address: `198.51.100.${i}` });
      expect(await staff.verifySignIn('sam', password, { address: '203.0.113.5' })).toBe('sam');
    });
  });
}
