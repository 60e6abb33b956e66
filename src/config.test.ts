import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyticsThreads, ConfigError, loadConfig } from './config.ts';
import { temporaryDir } from '../test/temporary-dirs.ts';

const tempDir = () => temporaryDir('parity-config-');

describe('loadConfig', () => {
  it('uses embedded SQLite under the data folder when DATABASE_URL is absent', () => {
    const dir = tempDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.databaseUrl).toBe(`sqlite:${path.join(dir, 'parity.sqlite')}`);
    expect(config.port).toBe(3000);
    expect(config.baseUrl).toBe('http://localhost:3000');
    expect(config.secureCookies).toBe(false);
  });

  it('lists every problem at once', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', SESSION_SECRET: 'short' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const fields = (caught as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(fields).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'SESSION_SECRET']));
  });

  it('requires SESSION_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tempDir() })).toThrow(/SESSION_SECRET/);
  });

  it('generates a session secret once outside production and keeps it', () => {
    const dir = tempDir();
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(existsSync(path.join(dir, 'session-secret'))).toBe(true);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8')).toBe(first);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first);
  });

  it('marks cookies secure behind https and selects PostgreSQL from the URL', () => {
    const config = loadConfig({
      BASE_URL: 'https://parity.example.nhs.uk/',
      DATABASE_URL: 'postgres://parity@db/parity',
      SESSION_SECRET: 'y'.repeat(40),
    });
    expect(config.secureCookies).toBe(true);
    expect(config.baseUrl).toBe('https://parity.example.nhs.uk');
    expect(config.databaseUrl).toBe('postgres://parity@db/parity');
  });

  it('works published limits out from exact counts unless DISCLOSURE_LIMITS says rounded', () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).disclosureLimits).toBe('exact');
    expect(loadConfig({ DATA_DIR: tempDir(), DISCLOSURE_LIMITS: 'rounded' }).disclosureLimits).toBe(
      'rounded',
    );
    expect(() => loadConfig({ DATA_DIR: tempDir(), DISCLOSURE_LIMITS: 'approximate' })).toThrow(
      /DISCLOSURE_LIMITS must be exact or rounded/,
    );
  });

  it('gives DuckDB the threads ANALYTICS_THREADS says, and refuses at start a number it cannot use', () => {
    expect(analyticsThreads({})).toBeUndefined();
    expect(analyticsThreads({ ANALYTICS_THREADS: '' })).toBeUndefined();
    expect(analyticsThreads({ ANALYTICS_THREADS: '3' })).toBe(3);
    for (const wrong of ['0', '1.5', 'two'])
      expect(() => loadConfig({ DATA_DIR: tempDir(), ANALYTICS_THREADS: wrong })).toThrow(
        /ANALYTICS_THREADS must be a whole number of threads, 1 or more/,
      );
  });

  it('treats blank variables as absent', () => {
    expect(loadConfig({ DATA_DIR: tempDir(), SMTP_URL: '', PORT: '' }).smtpUrl).toBeUndefined();
  });
});
