import type { InlineButton, OutgoingMessage, ReplyButton } from '../bot/screen.ts';

/** One thing that happened in a replayed chat, in order. */
export type TranscriptEntry =
  /** The person typed (or tapped a reply-keyboard button, which types its label). */
  | { kind: 'user'; text: string }
  /** The person pressed an inline button. */
  | { kind: 'press'; label: string }
  /** The person sent a contact card. */
  | { kind: 'contact'; phone: string; own: boolean }
  /** The person sent a photo, or something the bot does not read. */
  | { kind: 'attachment'; what: 'photo' | 'unsupported' }
  /**
   * A message of the bot: sent, or `edit`ed in place; `push` for one sent by
   * a background job (a notification); `chatId` when it went to another chat.
   */
  | { kind: 'bot'; message: OutgoingMessage; edit: boolean; push: boolean; chatId?: number }
  /** The answer to a button press (a toast, or an alert the person must close). */
  | { kind: 'toast'; text: string; alert: boolean }
  /** The bot deleted the person's message (a typed password). */
  | { kind: 'deleted' }
  /** An email the bot sent. */
  | { kind: 'email'; to: string; subject: string }
  /** Something the replay itself reports (e.g. a placeholder it could not fill). */
  | { kind: 'note'; text: string };

const replyRow = (row: ReplyButton[]) => row.map((button) => `[ ${button.text} ]`).join(' ');
const inlineRow = (row: InlineButton[]) => row.map((button) => `( ${button.text} )`).join(' ');

function attachmentTag(message: OutgoingMessage): string | null {
  if (message.document) return `[document ${message.document.filename}]`;
  if (message.photo) return '[photo]';
  return null;
}

/** A bot message: the first text line after the prefix, further lines and keyboards indented. */
function botLines(prefix: string, message: OutgoingMessage): string[] {
  const tag = attachmentTag(message);
  const [first = '', ...rest] = message.text.split('\n');
  const head = [tag, first].filter(Boolean).join(' ');
  const lines = [`${prefix} ${head}`, ...rest.map((line) => (line ? `  ${line}` : ''))];
  if (message.reply === 'remove') lines.push('  ‹keyboard removed›');
  else if (message.reply) lines.push(...message.reply.map((row) => `  ${replyRow(row)}`));
  if (message.inline) lines.push(...message.inline.map((row) => `  ${inlineRow(row)}`));
  return lines;
}

function botPrefix(entry: Extract<TranscriptEntry, { kind: 'bot' }>): string {
  const arrow = entry.edit ? '✎ bot' : '← bot';
  const to = entry.chatId === undefined ? '' : ` → chat ${entry.chatId}`;
  return `${arrow}${to}${entry.push ? ' (push)' : ''}:`;
}

function linesOf(entry: TranscriptEntry): string[] {
  switch (entry.kind) {
    case 'user':
      return [`→ user: ${entry.text}`];
    case 'press':
      return [`→ user: ( ${entry.label} )`];
    case 'contact':
      return [`→ user: [${entry.own ? 'shares own contact' : 'contact'} ${entry.phone}]`];
    case 'attachment':
      return [`→ user: [${entry.what === 'photo' ? 'photo' : 'unsupported message'}]`];
    case 'bot':
      return botLines(botPrefix(entry), entry.message);
    case 'toast':
      return [`‹${entry.alert ? 'alert' : 'toast'}: ${entry.text}›`];
    case 'deleted':
      return ["✕ bot deleted the user's message"];
    case 'email':
      return [`✉ email to ${entry.to}: ${entry.subject}`];
    case 'note':
      return [`‹replay: ${entry.text}›`];
  }
}

const isInput = (entry: TranscriptEntry) =>
  entry.kind === 'user' || entry.kind === 'press' || entry.kind === 'contact' || entry.kind === 'attachment';

/**
 * The readable transcript of a replay: every input (`→ user:`) and everything
 * the bot did, in order, a blank line before each input. Reply keyboards are
 * `[ … ]` rows, inline keyboards `( … )` rows, edits `✎`, callback answers
 * `‹toast: …›`. Lines carry no trailing spaces (editors strip them). Pure.
 */
export function renderTranscript(entries: readonly TranscriptEntry[]): string {
  const lines: string[] = [];
  for (const entry of entries) {
    if (isInput(entry) && lines.length > 0) lines.push('');
    lines.push(...linesOf(entry).map((line) => line.trimEnd()));
  }
  return `${lines.join('\n')}\n`;
}
