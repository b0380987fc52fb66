import { z } from 'zod';

/**
 * The recording format: one chat's inputs, in order, as a small versioned
 * JSON file. Nothing secret is in it: a link code or a password typed into
 * the bot is stored as a placeholder that the replay fills in.
 */

/** The format version this code writes and reads. */
export const RECORDING_VERSION = 1;

/** What a replay types for a redacted input. */
export const PLACEHOLDERS = {
  /** The link code the bot emailed last (replay reads it from its outbox). */
  linkCode: '{{linkCode}}',
  /** A 6-digit code that was typed and was not the live one (replay types one that surely is wrong). */
  wrongLinkCode: '{{wrongLinkCode}}',
  /** A password typed in a `sensitive` flow state (replay types `REPLAY_PASSWORD`). */
  password: '{{password}}',
} as const;

/** The password a replay types for `{{password}}`. */
export const REPLAY_PASSWORD = 'replay-pass-2027';

const userSchema = z.object({
  id: z.number().int().positive(),
  firstName: z.string(),
  username: z.string().nullable().optional(),
  languageCode: z.string().optional(),
});
export type RecordedUser = z.infer<typeof userSchema>;

const timing = {
  /** Milliseconds since `startedAt`; absent → one second after the previous step. */
  at: z.number().int().nonnegative().optional(),
  /** Who sent it, when not the recording's `user`. */
  from: userSchema.optional(),
};

/** One input of the person. */
export const stepSchema = z.discriminatedUnion('type', [
  /** Text as typed, including commands and reply-keyboard labels; may hold a placeholder. */
  z.object({ type: z.literal('text'), text: z.string().min(1), ...timing }),
  /** A contact card: `own` when it is the sender's own (the share-contact button). */
  z.object({ type: z.literal('contact'), phone: z.string(), own: z.boolean(), ...timing }),
  /** A photo, by its Telegram file id. */
  z.object({ type: z.literal('photo'), fileId: z.string(), ...timing }),
  /**
   * An inline button pressed: its callback data and, when known, its label.
   * With only `button`, the replay presses the newest button with that label.
   */
  z.object({
    type: z.literal('callback'),
    data: z.string().optional(),
    button: z.string().optional(),
    ...timing,
  }),
  /** A message the bot does not read (a sticker, a voice note …). */
  z.object({ type: z.literal('unsupported'), ...timing }),
]);
export type Step = z.infer<typeof stepSchema>;

/** Which database a recording was made on: the demo data set (`npm run db:seed`) or an empty one. */
export const seedKindSchema = z.enum(['demo', 'empty']);
export type SeedKind = z.infer<typeof seedKindSchema>;

export const recordingSchema = z.object({
  version: z.literal(RECORDING_VERSION),
  seed: seedKindSchema,
  /** When the demo data was loaded (absent: at `startedAt`); the replay seeds as of then. */
  seededAt: z.iso.datetime().optional(),
  /** When the first step happened; the replay's clock starts here. */
  startedAt: z.iso.datetime(),
  chatId: z.number().int(),
  user: userSchema,
  steps: z.array(stepSchema),
});
export type Recording = z.infer<typeof recordingSchema>;

/** Thrown for a file that is not a recording this version understands. */
export class RecordingFormatError extends Error {
  override name = 'RecordingFormatError';
}

/** Parses a recording's JSON text; throws `RecordingFormatError` naming the problem. */
export function parseRecording(json: string): Recording {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new RecordingFormatError(`not JSON: ${(error as Error).message}`);
  }
  const parsed = recordingSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new RecordingFormatError(
      `not a version ${RECORDING_VERSION} recording:\n  ${problems.join('\n  ')}`,
    );
  }
  return parsed.data;
}

/** A recording as the file stores it: stable key order, two-space indent, a final newline. */
export function formatRecording(recording: Recording): string {
  return `${JSON.stringify(recording, null, 2)}\n`;
}
