import type { AnyMachineSnapshot } from 'xstate';
import type { Em } from '../db/orm.ts';
import type { Actor } from '../domain/actor.ts';
import type { Domain } from '../domain/index.ts';
import type { Handoff } from '../machines/handoff.ts';
import type { Flow, FlowServices, ViewContext } from './flow.ts';
import type { FlowEvent } from './flow-event.ts';
import { COMMAND_FLOWS, FLOWS, MENU_FLOWS } from './flows.ts';
import { helpText } from './help.ts';
import { type Locale, messagesFor } from './i18n/index.ts';
import type { BotInput, IncomingUpdate } from './input.ts';
import { inactiveRealtorKeyboard, mainMenuKeyboard, menuItemFor } from './menu.ts';
import { accepts, type OpenFlowOptions, openFlow } from './run-flow.ts';
import type { OutgoingMessage, Reply } from './screen.ts';
import type { SessionWrite, StoredSession } from './session-store.ts';

function handoffOf(output: unknown): Handoff | null {
  const handoff = (output as { handoff?: Handoff } | null | undefined)?.handoff;
  return handoff && typeof handoff.flow === 'string' ? handoff : null;
}

export interface ConversationInput {
  em: Em;
  update: IncomingUpdate;
  locale: Locale;
  actor: Actor | null;
  session: StoredSession | null;
}

export interface ConversationOutcome {
  /** The session to store ('keep' leaves it as it was). */
  session: SessionWrite | 'keep';
  reply: Reply;
  /** Edit this message in place instead of sending the first message anew. */
  editMessageId: number | null;
}

type Person = { actor: Actor | null; locale: Locale };

/**
 * The router of one update: commands, the main menu, and the chat's active
 * flow. Pure decisions plus domain calls through `em`; no Telegram I/O.
 */
export function createConversation(domain: Domain, options: OpenFlowOptions = {}) {
  const view = (locale: Locale): ViewContext => ({ t: messagesFor(locale), locale });

  function services(input: ConversationInput): FlowServices {
    const { update } = input;
    return {
      em: input.em,
      domain,
      actor: input.actor,
      telegram: {
        telegramId: update.from.id,
        chatId: update.chatId,
        firstName: update.from.firstName,
        locale: input.locale,
      },
    };
  }

  /** The main menu of the person as they are now (after a flow they may be someone else). */
  async function menu(em: Em, person: Person, above: string | null, name: string): Promise<OutgoingMessage> {
    const { t } = view(person.locale);
    const unread =
      person.actor?.status === 'active' ? await domain.notifications.unreadCount(em, person.actor) : 0;
    // Only a deactivated realtor reaches the menu while not active (anyone else blocked gets the notice alone).
    if (person.actor && person.actor.status !== 'active') {
      const line = t.common.realtorInactive;
      return { text: above ? `${above}\n\n${line}` : line, reply: inactiveRealtorKeyboard(t) };
    }
    const line = person.actor ? t.common.menu(name, person.actor.role) : t.common.welcomeAnonymous(name);
    return {
      text: above ? `${above}\n\n${line}` : line,
      reply: mainMenuKeyboard(person.actor?.role ?? null, t, unread),
    };
  }

  /** Who the person is after a flow that may have changed it (registered, linked, language). */
  async function reloadPerson(input: ConversationInput): Promise<Person> {
    const { actor, language } = await domain.accounts.identify(input.em, input.update.from.id);
    return { actor, locale: language };
  }

  const reply = (messages: OutgoingMessage[], callbackAnswer?: Reply['callbackAnswer']): Reply =>
    callbackAnswer ? { messages, callbackAnswer } : { messages };

  async function startFlow(
    input: ConversationInput,
    flow: Flow,
    flowInput?: unknown,
    above: string | null = null,
  ): Promise<ConversationOutcome> {
    const { t } = view(input.locale);
    if (flow.audience === 'anonymous' && input.actor) {
      const text = flow.id === 'register' ? t.register.alreadyLinked : t.link.alreadyLinked;
      return outcome('keep', reply([await menu(input.em, input, text, input.update.from.firstName)]));
    }
    if (flow.audience === 'account' && !input.actor) {
      return outcome(
        null,
        reply([await menu(input.em, input, t.errors.account_required, input.update.from.firstName)]),
      );
    }
    const open = await openFlow(flow, services(input), null, flowInput, options);
    const started = await settle(input, flow, await open.send(null));
    if (!above) return started;
    const [first, ...rest] = started.reply.messages;
    const messages = first ? [{ ...first, text: `${above}\n\n${first.text}` }, ...rest] : [{ text: above }];
    return { ...started, reply: { ...started.reply, messages } };
  }

  function outcome(
    session: ConversationOutcome['session'],
    result: Reply,
    editMessageId: number | null = null,
  ) {
    return { session, reply: result, editMessageId };
  }

  async function settle(
    input: ConversationInput,
    flow: Flow,
    step: { snapshot: AnyMachineSnapshot; persisted: Record<string, unknown> | null; output: unknown },
    editMessageId: number | null = null,
    before: OutgoingMessage[] = [],
  ): Promise<ConversationOutcome> {
    const answer = input.update.input.kind === 'callback' ? {} : undefined;
    if (!step.persisted) {
      const person = await reloadPerson(input);
      const above = flow.finish(step.output, view(person.locale));
      const closing = flow.closing?.(step.output, view(person.locale)) ?? [];
      const handoff = handoffOf(step.output);
      const next = handoff ? FLOWS[handoff.flow] : undefined;
      if (handoff && next) {
        // The flow passes the conversation on (e.g. back to a listing after registering).
        const started = await startFlow({ ...input, ...person, session: null }, next, handoff.input, above);
        return {
          ...started,
          session: started.session === 'keep' ? null : started.session,
          reply: {
            ...started.reply,
            messages: [...closing, ...started.reply.messages],
            ...(answer ? { callbackAnswer: answer } : {}),
          },
        };
      }
      const menuMessage = await menu(input.em, person, above, input.update.from.firstName);
      return outcome(null, reply([...closing, menuMessage], answer));
    }
    const messages = flow.render(step.snapshot, view(input.locale));
    const session = { machineId: flow.id, machineVersion: flow.version, snapshot: step.persisted };
    // Inline navigation (pages, calendar, toggles) edits the pressed message in place when
    // everything above the screen's last (inline) message is what the person already sees.
    const last = messages.at(-1);
    const sameAbove = messages
      .slice(0, -1)
      .every((message, index) => JSON.stringify(message) === JSON.stringify(before[index]));
    const media = last?.photo !== undefined || last?.document !== undefined;
    const canEdit =
      editMessageId !== null && last?.inline !== undefined && !last.reply && !media && sameAbove;
    // A pressed photo or document (a listing card) cannot become text: the changed last
    // message comes as a new one below it instead, and no edit is attempted.
    const pressed = input.update.input;
    const editable = pressed.kind === 'callback' && pressed.editable;
    return outcome(
      session,
      reply(canEdit && last ? [last] : messages, answer),
      canEdit && editable ? editMessageId : null,
    );
  }

  /** The event an input means in the flow's current screen (reply buttons map back to their events). */
  function eventFor(inputKind: BotInput, screen: OutgoingMessage[]): FlowEvent | null {
    switch (inputKind.kind) {
      case 'text': {
        for (const message of screen) {
          if (message.reply === 'remove' || !message.reply) continue;
          for (const button of message.reply.flat()) {
            if (button.text === inputKind.text && button.event) return button.event;
          }
        }
        return { type: 'TEXT', text: inputKind.text };
      }
      case 'contact':
        return { type: 'CONTACT', phone: inputKind.phone, own: inputKind.own };
      case 'photo':
        return { type: 'PHOTO', fileId: inputKind.fileId };
      case 'callback':
        return inputKind.data
          ? ({
              type: `cb.${inputKind.data.action}`,
              id: inputKind.data.id,
              arg: inputKind.data.arg,
            } as FlowEvent)
          : null;
      default:
        return null;
    }
  }

  async function command(input: ConversationInput, name: string): Promise<ConversationOutcome> {
    const { t } = view(input.locale);
    const firstName = input.update.from.firstName;
    switch (name) {
      case 'start':
      case 'menu':
        return outcome(null, reply([await menu(input.em, input, null, firstName)]));
      case 'help':
        return outcome('keep', reply([{ text: helpText(input.actor?.role ?? null, t) }]));
      case 'cancel':
        return outcome(
          null,
          reply([
            await menu(
              input.em,
              input,
              input.session ? t.common.cancelled : t.common.nothingToCancel,
              firstName,
            ),
          ]),
        );
      default: {
        const flow = COMMAND_FLOWS[name];
        if (flow) return startFlow({ ...input, session: null }, flow).then(dropPrevious(input));
        return outcome('keep', reply([{ text: t.common.unknownInput }]));
      }
    }
  }

  /** A flow started over an active one replaces it. */
  const dropPrevious = (input: ConversationInput) => (result: ConversationOutcome) =>
    result.session === 'keep' && input.session ? { ...result, session: null } : result;

  async function idle(input: ConversationInput): Promise<ConversationOutcome> {
    const { t } = view(input.locale);
    const firstName = input.update.from.firstName;
    const kind = input.update.input;
    if (kind.kind === 'callback') return outcome('keep', reply([], { text: t.common.staleButton }));
    if (kind.kind === 'text') {
      const item = menuItemFor(kind.text, input.actor?.role ?? null, t);
      const flow = item ? MENU_FLOWS[item] : undefined;
      if (flow) return startFlow(input, flow);
    }
    return outcome('keep', reply([await menu(input.em, input, t.common.unknownInput, firstName)]));
  }

  /** Whether the update picks a language: /language, «🌐 Язык», or a step of that flow (not another menu item). */
  function languageRequest(input: ConversationInput, t: ViewContext['t']): boolean {
    const kind = input.update.input;
    const inLanguage = input.session?.machineId === 'language';
    if (kind.kind === 'command')
      return kind.command === 'language' || (inLanguage && kind.command === 'cancel');
    if (kind.kind === 'text' && menuItemFor(kind.text, input.actor?.role ?? null, t)) {
      return kind.text === t.menu.language;
    }
    return inLanguage;
  }

  return {
    /** Decides what one update does. Throws only on bugs (the pipeline's error boundary catches them). */
    async handle(input: ConversationInput): Promise<ConversationOutcome> {
      const { t } = view(input.locale);
      const kind = input.update.input;
      if (input.actor?.status === 'blocked') {
        if (input.actor.role !== 'realtor') {
          return outcome(
            null,
            reply([{ text: t.common.blocked, reply: 'remove' }], { text: t.common.blocked }),
          );
        }
        // A realtor their agency deactivated is told so, with a menu of what still works: the language.
        if (!languageRequest(input, t)) {
          const answer = kind.kind === 'callback' ? {} : undefined;
          const notice = await menu(input.em, input, null, input.update.from.firstName);
          return outcome(null, reply([notice], answer));
        }
      }
      const flow = input.session ? FLOWS[input.session.machineId] : undefined;
      if (input.session && (!flow || flow.version !== input.session.machineVersion)) {
        const notice = reply([
          await menu(input.em, input, t.common.flowOutdated, input.update.from.firstName),
        ]);
        return outcome(null, notice);
      }
      if (kind.kind === 'command') return command(input, kind.command);
      // Label-only buttons (calendar title, weekday names) do nothing, quietly.
      if (kind.kind === 'callback' && kind.data?.action === 'noop') return outcome('keep', reply([], {}));
      if (!flow || !input.session) return idle(input);

      const open = await openFlow(flow, services(input), input.session.snapshot, undefined, options);
      const screen = flow.render(open.current, view(input.locale));
      const event = eventFor(kind, screen);
      // A main-menu label (not one of this step's own buttons) leaves the flow for that menu item.
      if (event?.type === 'TEXT' && menuItemFor(event.text, input.actor?.role ?? null, t)) {
        return idle({ ...input, session: null }).then(dropPrevious(input));
      }
      if (!event || !accepts(open.current, event)) {
        if (kind.kind === 'callback') return outcome('keep', reply([], { text: t.common.staleButton }));
        const [first, ...rest] = screen;
        const again = first
          ? [{ ...first, text: `⚠️ ${t.common.unknownInput}\n\n${first.text}` }, ...rest]
          : [];
        return outcome('keep', reply(again));
      }
      const editMessageId = kind.kind === 'callback' ? kind.messageId : null;
      const result = await settle(input, flow, await open.send(event), editMessageId, screen);
      // A secret answer (a password) leaves the chat once read, whatever the step made of it.
      if (kind.kind === 'text' && flow.sensitive?.(open.current)) {
        return { ...result, reply: { ...result.reply, deleteMessageIds: [kind.messageId] } };
      }
      return result;
    },
  };
}

export type Conversation = ReturnType<typeof createConversation>;
