import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { databaseChoice, databaseDescription, isPostgresUrl } from '../../src/lib/storage/index.ts';

describe('which database the server uses', () => {
  it('is SQLite under DATA_DIR (or data/) when DATABASE_URL is not set or empty', () => {
    expect(databaseChoice({})).toEqual({ kind: 'sqlite', path: resolve('data', 'requests.sqlite') });
    expect(databaseChoice({ DATABASE_URL: '', DATA_DIR: '/srv/requests' })).toEqual({ kind: 'sqlite', path: '/srv/requests/requests.sqlite' });
  });

  it('is PostgreSQL when DATABASE_URL is set, with 10 connections unless DATABASE_POOL_SIZE says otherwise', () => {
    const url = 'postgres://requests:pw@db.internal/requests';
    expect(databaseChoice({ DATABASE_URL: url })).toEqual({ kind: 'postgres', url, poolSize: 10 });
    expect(databaseChoice({ DATABASE_URL: url, DATABASE_POOL_SIZE: '25' })).toEqual({ kind: 'postgres', url, poolSize: 25 });
    for (const bad of ['0', '-3', '2.5', 'lots', '101']) {
      expect(() => databaseChoice({ DATABASE_URL: url, DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE/);
    }
  });

  it('is described without the URL, which may hold a password', () => {
    expect(databaseDescription({ DATABASE_URL: 'postgres://requests:s3cret@db.internal/requests' })).toBe(
      'the PostgreSQL database in DATABASE_URL',
    );
    expect(databaseDescription({ DATA_DIR: '/srv/requests' })).toBe('/srv/requests/requests.sqlite');
  });

  it('accepts only postgres:// and postgresql:// addresses', () => {
    expect(isPostgresUrl('postgres://localhost/requests')).toBe(true);
    expect(isPostgresUrl('postgresql://u:p@h:5432/d?sslmode=require')).toBe(true);
    for (const bad of ['mysql://localhost/requests', 'localhost:5432', 'postgres://', '']) expect(isPostgresUrl(bad)).toBe(false);
  });
});
