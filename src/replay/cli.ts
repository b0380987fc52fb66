import pino from 'pino';
import { runReplayCli } from './replay-cli.ts';

/**
 * `npm run replay -- <recording.json> [--expect <transcript.txt>] [--update-expect]`.
 * Bot errors during the replay are logged to stderr (LOG_LEVEL, default error).
 */
const logger = pino({ level: process.env.LOG_LEVEL ?? 'error' }, pino.destination(2));
process.exitCode = await runReplayCli(
  process.argv.slice(2),
  {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  },
  logger,
);
