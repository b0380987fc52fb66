import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOWS } from '../../src/bot/flows.ts';
import { describeDifference, firstDifference } from '../../src/replay/compare.ts';
import { parseRecording, type Recording } from '../../src/replay/format.ts';
import { createReplayDatabases, type ReplayDatabases } from '../../src/replay/replay-database.ts';
import { replayRecording } from '../../src/replay/replayer.ts';

/**
 * Every recorded scenario in scenarios/ replays to its saved transcript
 * (scenarios/<name>.transcript.txt). After an intended change of what the bot
 * says: `npm run replay -- scenarios/*.json --update-expect`, and review the diff.
 */
const DIR = 'scenarios';
const scenarios = readdirSync(DIR)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({
    name: file.replace(/\.json$/, ''),
    recording: parseRecording(readFileSync(join(DIR, file), 'utf8')),
  }));
const logger = pino({ level: 'silent' });
const flowsReplayed = new Set<string>();
let databases: ReplayDatabases;

const templateOf = (recording: Recording) => `${recording.seed}@${recording.seededAt ?? recording.startedAt}`;

beforeAll(async () => {
  databases = createReplayDatabases(logger);
  // Build each seeded template once, before the timed tests.
  const templates = new Map(scenarios.map(({ recording }) => [templateOf(recording), recording]));
  for (const recording of templates.values()) {
    await (await databases.open(recording.seed, recording.seededAt ?? recording.startedAt)).dispose();
  }
});
afterAll(() => databases.close());

describe('recorded scenarios', () => {
  it.each(scenarios)('$name replays to its transcript', async ({ name, recording }) => {
    const result = await replayRecording(recording, { databases, logger });
    for (const flow of result.flows) flowsReplayed.add(flow);
    const expected = readFileSync(join(DIR, `${name}.transcript.txt`), 'utf8');
    const difference = firstDifference(expected, result.transcript);
    if (difference) expect.fail(describeDifference(difference, `${DIR}/${name}.transcript.txt`));
  });

  it('go through every flow of the bot', () => {
    const missing = Object.keys(FLOWS).filter((id) => !flowsReplayed.has(id));
    expect(missing, `flows no scenario goes through: ${missing.join(', ')}`).toEqual([]);
  });
});
