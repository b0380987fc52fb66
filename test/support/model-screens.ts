/**
 * Checks of rendered screens shared by the flows' model tests (the `screens`
 * option of `describeFlowModel`).
 */
import { expect } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import type { Messages } from '../../src/bot/i18n/index.ts';
import { menuItemFor } from '../../src/bot/menu.ts';
import type { OutgoingMessage, ReplyButton } from '../../src/bot/screen.ts';
import type { UserRole } from '../../src/db/entities/index.ts';

/** The labels of every inline button, over every message. */
export const inlineLabels = (messages: OutgoingMessage[]): string[] =>
  messages.flatMap((message) => message.inline?.flat() ?? []).map((button) => button.text);

/** Every reply-keyboard button, over every message. */
export const replyButtons = (messages: OutgoingMessage[]): ReplyButton[] =>
  messages.flatMap((message) => (Array.isArray(message.reply) ? message.reply.flat() : []));

/**
 * An inline screen under the main menu (a list, a card or a confirmation that
 * presses edit in place): it offers `wayOut` among its inline buttons; a reply
 * keyboard it brings is the main menu of `role` (whose buttons the engine
 * answers itself); and once the list is no longer fresh, it is one message
 * with no keyboard, so the pressed message can be edited in place.
 */
export function expectInlineListScreen(
  snapshot: AnyMachineSnapshot,
  messages: OutgoingMessage[],
  where: string,
  screen: { t: Messages; role: UserRole; wayOut: string },
): void {
  const { t, role, wayOut } = screen;
  expect(inlineLabels(messages), where).toContain(wayOut);
  for (const button of replyButtons(messages)) {
    expect(menuItemFor(button.text, role, t), `${where}: ${button.text}`).not.toBeNull();
  }
  if (!(snapshot.context as { fresh?: boolean }).fresh) {
    expect(messages.length, where).toBe(1);
    expect(messages[0]!.reply, where).toBeUndefined();
  }
}

/**
 * A typing step: one message whose reply keyboard has ❌ Отмена and only
 * buttons that send an event the state takes (a button without an event of
 * its own, such as a city, sends its label as text). Returns the buttons.
 */
export function expectTypingStep(
  snapshot: AnyMachineSnapshot,
  messages: OutgoingMessage[],
  where: string,
  t: Messages,
): ReplyButton[] {
  expect(messages, where).toHaveLength(1);
  const reply = replyButtons(messages);
  expect(reply, where).toContainEqual({ text: t.buttons.cancel, event: { type: 'CANCEL' } });
  for (const button of reply) {
    const event = button.event ?? { type: 'TEXT', text: button.text };
    expect(snapshot.can(event as never), `${where}: ${button.text}`).toBe(true);
  }
  return reply;
}
