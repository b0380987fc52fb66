/**
 * Model-based test of «🔎 Пользователь»: `xstate/graph` paths over every
 * reachable state and transition drive the real machine, restored from JSON
 * at every settled step, as the bot runs it.
 */
import { expect } from 'vitest';
import type { AnyEventObject } from 'xstate';
import { findUserFlow } from '../../src/bot/views/find-user.view.ts';
import { Forbidden, InvalidState, LastSuperuser, NotFound } from '../../src/domain/errors.ts';
import { type FoundUser, findUserMachine } from '../../src/machines/find-user.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';
import { inlineLabels, replyButtons } from '../support/model-screens.ts';

const script = new ActorScript();
const machine = findUserMachine.provide({
  actors: { find: script.promise('find'), setStatus: script.promise('setStatus') },
});

const guest: FoundUser = {
  id: 8,
  fullName: 'Алия Серикова',
  email: 'guest1@demo.kz',
  phone: '+77010000021',
  role: 'guest',
  status: 'active',
  agency: null,
  telegramLinked: true,
  createdAt: '2026-11-24T04:00:00.000Z',
};
const blockedRealtor: FoundUser = {
  ...guest,
  id: 4,
  fullName: 'Асель Нурланова',
  email: 'realtor1@demo.kz',
  role: 'realtor',
  status: 'blocked',
  agency: { id: 1, name: 'Алматы Апартаменты' },
  telegramLinked: false,
};

/** What a Superuser can type or press and what the domain can answer (few values, so the model stays finite). */
const events: AnyEventObject[] = [
  { type: 'TEXT', text: 'guest1@demo.kz' },
  { type: 'TEXT', text: '8 701 000 00 11' },
  { type: 'TEXT', text: 'Алия' },
  { type: 'cb.fublock', id: 8 },
  { type: 'cb.fublock', id: 4 },
  { type: 'cb.fublockok', id: 8 },
  { type: 'cb.fublockok', id: 5 },
  { type: 'cb.fuunblock', id: 4 },
  { type: 'cb.fucard', id: 8 },
  { type: 'cb.fuagain', id: 0 },
  { type: 'cb.close', id: 0 },
  { type: 'BACK' },
  { type: 'CANCEL' },
  doneEvent(machine, 'searching', guest),
  doneEvent(machine, 'searching', blockedRealtor),
  errorEvent(machine, 'searching', new NotFound('user')),
  errorEvent(machine, 'searching', new Forbidden('role guest may not do this')),
  doneEvent(machine, 'changingStatus', { ...guest, status: 'blocked' }),
  doneEvent(machine, 'changingStatus', { ...blockedRealtor, status: 'active' }),
  errorEvent(machine, 'changingStatus', new LastSuperuser()),
  errorEvent(machine, 'changingStatus', new InvalidState('user', 'blocked')),
];

describeFlowModel({
  flow: findUserFlow,
  machine,
  script,
  events,
  timeout: 180_000,
  // Every screen keeps the Cancel keyboard (typing another email or phone searches again);
  // the card and its confirmation are an inline message under a fixed intro, so presses edit them in place.
  screens(snapshot, messages, where, { t }) {
    expect(replyButtons(messages), where).toEqual([{ text: t.buttons.cancel, event: { type: 'CANCEL' } }]);
    if (snapshot.matches('askQuery')) return;
    expect(messages, where).toHaveLength(2);
    expect(messages[0]!.text, where).toBe(t.findUser.intro);
    expect(messages[1]!.reply, where).toBeUndefined();
    const wayOut = snapshot.matches('card') ? t.findUser.buttons.close : t.findUser.buttons.no;
    expect(inlineLabels(messages), where).toContain(wayOut);
  },
  quiet: ['closed'],
});
