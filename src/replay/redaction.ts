import type { AnyMachineSnapshot } from 'xstate';
import type { Flow } from '../bot/flow.ts';
import { type Locale, messagesFor } from '../bot/i18n/index.ts';
import { menuItemFor } from '../bot/menu.ts';
import type { StoredSession } from '../bot/session-store.ts';
import { linkFlow } from '../bot/views/link.view.ts';
import type { UserRole } from '../db/entities/index.ts';
import { PLACEHOLDERS } from './format.ts';

/** The /link states where the person types codes: waiting for one, and after it died. */
const LINK_CODE_STATES = ['askCode', 'codeDead'];
const SIX_DIGITS = /^\d{6}$/;

export interface RedactionInput {
  /** What the person typed. */
  text: string;
  /** The chat's session before this text: the flow and state it answers. */
  session: StoredSession | null;
  locale: Locale;
  role: UserRole | null;
  /** The flows by id (the bot's FLOWS). */
  flows: Record<string, Flow>;
  /** Whether `code` is the live link code of the person (asked only for 6-digit texts). */
  isLiveLinkCode(code: string): Promise<boolean>;
}

/** The flow's machine in its stored state, without starting anything; null when it cannot be restored. */
function restore(flow: Flow, session: StoredSession): AnyMachineSnapshot | null {
  try {
    const stored = session.snapshot as { value: never; context: never };
    return flow.machine.resolveState({ value: stored.value, context: stored.context });
  } catch {
    return null;
  }
}

/** A button of this screen or of the main menu: pressing it means the button, never a secret. */
function isButtonLabel(input: RedactionInput, flow: Flow, snapshot: AnyMachineSnapshot): boolean {
  const t = messagesFor(input.locale);
  if (menuItemFor(input.text, input.role, t)) return true;
  return flow
    .render(snapshot, { t, locale: input.locale })
    .some(
      (message) => Array.isArray(message.reply) && message.reply.flat().some((b) => b.text === input.text),
    );
}

/**
 * What the recording keeps of a typed text: the text itself, or a placeholder
 * when it is secret — the person's live link code, wherever typed
 * (`{{linkCode}}`); another 6-digit answer to /link's code prompts
 * (`{{wrongLinkCode}}`, so a replay fails the same way without keeping a
 * near-miss of the code); any answer in a state the flow marks `sensitive`
 * (`{{password}}`). Commands and button labels are never secret.
 */
export async function redactText(input: RedactionInput): Promise<string> {
  const { text, session } = input;
  if (text.startsWith('/')) return text;
  const digits = text.replace(/\s+/g, '');
  const sixDigits = SIX_DIGITS.test(digits);
  if (sixDigits && (await input.isLiveLinkCode(digits))) return PLACEHOLDERS.linkCode;
  const flow = session ? input.flows[session.machineId] : undefined;
  const snapshot = flow && session ? restore(flow, session) : null;
  if (!flow || !snapshot || isButtonLabel(input, flow, snapshot)) return text;
  if (flow.id === linkFlow.id && LINK_CODE_STATES.some((state) => snapshot.matches(state))) {
    return sixDigits ? PLACEHOLDERS.wrongLinkCode : text;
  }
  if (flow.sensitive?.(snapshot)) return PLACEHOLDERS.password;
  return text;
}
