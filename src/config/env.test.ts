import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';

describe('configuration', () => {
  it('defaults to the embedded database on port 3000 with the demo', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, jobs: 'inline', demo: true });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('honours PORT and a server database (no demo by default there)', () => {
    const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h:5432/db' });
    expect(c).toMatchObject({ port: 8080, databaseUrl: 'postgres://u@h:5432/db', demo: false });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'not a url' })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
    expect(() => loadConfig({ NHIPCAU_JOBS: 'external' })).toThrow(ConfigError);
  });
});

describe('the installation secret', () => {
  it('takes a secret file outside the data folder, and refuses one inside it or both ways at once', () => {
    expect(loadConfig({ NHIPCAU_DATA_DIR: '/srv/nhipcau/data', NHIPCAU_SECRET_FILE: '/etc/nhipcau/secret' }).secretFile).toBe('/etc/nhipcau/secret');
    expect(() => loadConfig({ NHIPCAU_DATA_DIR: '/srv/nhipcau/data', NHIPCAU_SECRET_FILE: '/srv/nhipcau/data/secret' })).toThrow(/outside the data folder/);
    expect(() => loadConfig({ NHIPCAU_SECRET: 'x'.repeat(40), NHIPCAU_SECRET_FILE: '/etc/nhipcau/secret' })).toThrow(ConfigError);
  });
});
