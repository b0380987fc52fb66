import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { createPipeline } from '../bot/pipeline.ts';
import { manualClock } from '../domain/clock.ts';
import { createDomain } from '../domain/index.ts';
import { createSecrets } from '../domain/secrets.ts';
import { createCapturingSender } from './capturing-sender.ts';
import type { Recording } from './format.ts';
import { fillPlaceholders } from './placeholders.ts';
import { createRecorder } from './recorder.ts';
import { REPLAY_APP_SECRET, type ReplayDatabases } from './replay-database.ts';
import { createReplayJobs } from './replay-jobs.ts';
import { stepUpdate } from './step-update.ts';
import { renderTranscript, type TranscriptEntry } from './transcript.ts';

/** A step without `at` comes this long after the previous one. */
const DEFAULT_STEP_MS = 1000;

export interface ReplayOptions {
  databases: ReplayDatabases;
  logger: Logger;
  /**
   * Also record the replayed inputs into this file, as the recorder does for a
   * live chat: turns a hand-written draft (buttons by label) into a full
   * recording with callback data and times.
   */
  recordTo?: string;
}

export interface ReplayResult {
  entries: TranscriptEntry[];
  /** `renderTranscript(entries)`. */
  transcript: string;
  /** The flows the chat was in when an input arrived, by id, sorted (what the replay exercised). */
  flows: string[];
}

/**
 * Link codes for replays: a fixed sequence of 6-digit codes, so a replay's
 * emails and database are the same every run. Never used outside replays.
 */
export function replayLinkCodes(): () => string {
  let state = 271_828;
  return () => {
    state = (state * 7_919 + 104_729) % 1_000_000;
    return String(state).padStart(6, '0');
  };
}

/**
 * Replays a recording through the real pipeline (conversation, flows, domain,
 * database) on a fresh database, with a capturing sender instead of Telegram,
 * and returns the transcript. Deterministic: the clock stands at the
 * recording's start and moves to each step's time, link codes come from
 * `replayLinkCodes`, and the job workers (the booking sweep before every
 * step; emails and notification pushes after it) run in a stable order.
 */
export async function replayRecording(recording: Recording, options: ReplayOptions): Promise<ReplayResult> {
  const database = await options.databases.open(recording.seed, recording.seededAt ?? recording.startedAt);
  try {
    const { orm, jobs } = database;
    const start = new Date(recording.startedAt).getTime();
    const clock = manualClock(recording.startedAt);
    const secrets = createSecrets(REPLAY_APP_SECRET);
    const domain = createDomain({ clock, jobs, secrets, linkCodes: replayLinkCodes() });
    const entries: TranscriptEntry[] = [];
    const sender = createCapturingSender(recording.chatId, entries);
    const workers = createReplayJobs({ orm, jobs, domain, sender, entries });
    const recordTo = options.recordTo;
    const recorder = recordTo
      ? createRecorder({
          dir: dirname(recordTo),
          file: () => recordTo,
          seed: recording.seed,
          seededAt: recording.seededAt,
          clock,
          secrets,
          logger: options.logger,
        })
      : undefined;
    const flows = new Set<string>();
    const pipeline = createPipeline({
      orm,
      domain,
      sender,
      logger: options.logger,
      observer: {
        async observe(observed) {
          if (observed.session) flows.add(observed.session.machineId);
          await recorder?.observe(observed);
        },
      },
    });

    let missingCode = false;
    const fill = (text: string) => {
      const filled = fillPlaceholders(text, workers.mailbox);
      missingCode = filled.missingCode;
      return filled.text;
    };

    let at = 0;
    for (const [index, step] of recording.steps.entries()) {
      at = Math.max(at, step.at ?? (index === 0 ? 0 : at + DEFAULT_STEP_MS));
      clock.set(new Date(start + at));
      // The periodic sweep (every 15 minutes in the bot) sees the time that passed before the step.
      await domain.bookings.sweep(orm.em.fork());
      await workers.runAll();
      missingCode = false;
      const stepped = stepUpdate(recording, step, index + 1, sender, fill);
      entries.push(...stepped.entries);
      if (missingCode) entries.push({ kind: 'note', text: 'no link code was emailed to type' });
      if (stepped.update) await pipeline.handleUpdate(stepped.update);
      await workers.runAll();
    }
    await recorder?.flush();
    return { entries, transcript: renderTranscript(entries), flows: [...flows].sort() };
  } finally {
    await database.dispose();
  }
}
