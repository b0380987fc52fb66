import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, recordingsDir } from '../../src/config.ts';

describe('RECORD and RECORD_DIR', () => {
  it('records nothing unless RECORD is on', () => {
    expect(loadConfig({}, { readDotEnv: false }).RECORD).toBe(false);
    expect(loadConfig({ RECORD: '0' }, { readDotEnv: false }).RECORD).toBe(false);
    expect(loadConfig({ RECORD: '1' }, { readDotEnv: false }).RECORD).toBe(true);
    expect(loadConfig({ RECORD: 'true' }, { readDotEnv: false }).RECORD).toBe(true);
    expect(() => loadConfig({ RECORD: 'yes please' }, { readDotEnv: false })).toThrow(/RECORD/);
  });

  it('keeps recordings in DATA_DIR/recordings unless RECORD_DIR names another folder', () => {
    expect(recordingsDir(loadConfig({ DATA_DIR: '/srv/bot' }, { readDotEnv: false }))).toBe(
      join('/srv/bot', 'recordings'),
    );
    expect(recordingsDir(loadConfig({ RECORD_DIR: '/tmp/qa' }, { readDotEnv: false }))).toBe('/tmp/qa');
  });
});
