import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Logger } from 'pino';
import { describeDifference, firstDifference } from './compare.ts';
import { parseRecording, RecordingFormatError } from './format.ts';
import { createReplayDatabases, type ReplayDatabases } from './replay-database.ts';
import { replayRecording } from './replayer.ts';

export const REPLAY_USAGE = `Usage: npm run replay -- <recording.json> [--expect <transcript.txt>] [--record <out.json>]
       npm run replay -- <recording.json>… --update-expect

  Replays a recorded chat on a fresh embedded database and prints its transcript.
  --expect <file>    compare with a saved transcript; exit 1 at the first difference
  --update-expect    write the transcript to the --expect file, or next to each
                     recording as <name>.transcript.txt
  --record <file>    record the replayed inputs into a new recording (turns a hand-written
                     draft that presses buttons by label into a full recording)`;

/** Exit codes: the transcript matched (or was printed/written), it differed, the command could not run. */
export const EXIT = { ok: 0, differs: 1, failed: 2 } as const;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Where a recording's transcript lives by default: next to it, `<name>.transcript.txt`. */
export const transcriptPathOf = (recordingPath: string) =>
  `${recordingPath.replace(/\.json$/i, '')}.transcript.txt`;

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      expect: { type: 'string' },
      'update-expect': { type: 'boolean', default: false },
      record: { type: 'string' },
    },
  });
}
type Args = ReturnType<typeof parse>;

/** Why these arguments cannot run, or null. */
function misuse({ positionals, values }: Args): string | null {
  if (positionals.length === 0) return 'Name a recording to replay.';
  if (positionals.length > 1 && (!values['update-expect'] || values.expect || values.record)) {
    return 'Several recordings at once only with --update-expect (and without --expect or --record).';
  }
  if (values.expect && !values['update-expect'] && !existsSync(values.expect)) {
    return `No transcript at ${values.expect}. Write one with --update-expect.`;
  }
  return null;
}

/** Replays one recording; the transcript, or null after reporting why it could not run. */
async function transcriptOf(
  file: string,
  args: Args,
  databases: ReplayDatabases,
  io: CliIo,
  logger: Logger,
): Promise<string | null> {
  try {
    const recording = parseRecording(await readFile(file, 'utf8'));
    const recordTo = args.values.record;
    const result = await replayRecording(recording, { databases, logger, ...(recordTo ? { recordTo } : {}) });
    if (recordTo) io.out(`recorded ${recordTo}\n`);
    return result.transcript;
  } catch (error) {
    const reason =
      error instanceof RecordingFormatError ? error.message : String((error as Error).stack ?? error);
    io.err(`${file}: ${reason}`);
    return null;
  }
}

/**
 * `npm run replay`: replays recordings, then prints, compares or writes their
 * transcripts. Returns the exit code (see `EXIT`). `shared` databases (tests)
 * are used and left open; otherwise the command makes and removes its own.
 */
export async function runReplayCli(
  argv: string[],
  io: CliIo,
  logger: Logger,
  shared?: ReplayDatabases,
): Promise<number> {
  let args: Args;
  try {
    args = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${REPLAY_USAGE}`);
    return EXIT.failed;
  }
  const problem = misuse(args);
  if (problem) {
    io.err(`${problem}\n\n${REPLAY_USAGE}`);
    return EXIT.failed;
  }
  const databases = shared ?? createReplayDatabases(logger);
  try {
    for (const file of args.positionals) {
      const transcript = await transcriptOf(file, args, databases, io, logger);
      if (transcript === null) return EXIT.failed;
      if (args.values['update-expect']) {
        const path = args.values.expect ?? transcriptPathOf(file);
        await writeFile(path, transcript);
        io.out(`wrote ${path}\n`);
      } else if (args.values.expect) {
        const difference = firstDifference(await readFile(args.values.expect, 'utf8'), transcript);
        if (difference) {
          io.err(`${describeDifference(difference, args.values.expect)}\n`);
          return EXIT.differs;
        }
        io.out(`${file}: the transcript matches ${args.values.expect}\n`);
      } else {
        io.out(transcript);
      }
    }
    return EXIT.ok;
  } finally {
    if (!shared) await databases.close();
  }
}
