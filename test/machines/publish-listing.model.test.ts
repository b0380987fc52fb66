import { expect } from 'vitest';
import type { AnyEventObject } from 'xstate';
import { mainMenuKeyboard } from '../../src/bot/menu.ts';
import { publishListingFlow } from '../../src/bot/views/publish-listing.view.ts';
import { AccountBlocked, AgencyInactive, NotFound } from '../../src/domain/errors.ts';
import { publishListingMachine } from '../../src/machines/publish-listing.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';
import { inlineLabels } from '../support/model-screens.ts';

const script = new ActorScript();
const machine = publishListingMachine.provide({
  actors: { prepare: script.promise('prepare'), publish: script.promise('publish') },
});

// The model starts the machine without input (listing 0): the offer's buttons carry that id.
describeFlowModel({
  flow: publishListingFlow,
  machine,
  script,
  events: [
    doneEvent(machine, 'preparing', { title: 'Студия у Медеу', menu: { role: 'realtor', unread: 1 } }),
    errorEvent(machine, 'preparing', new NotFound('listing', 0)),
    { type: 'cb.publish', id: 0 },
    { type: 'cb.publish', id: 78 },
    { type: 'cb.close', id: 0 },
    { type: 'CANCEL' },
    doneEvent(machine, 'publishing', { id: 0, published: true }),
    errorEvent(machine, 'publishing', new AgencyInactive()),
    errorEvent(machine, 'publishing', new AccountBlocked()),
  ] as AnyEventObject[],
  // The wizard is over: the main menu is back on the keyboard, the offer is inline («Позже» is the way out).
  screens(_snapshot, messages, where, { t }) {
    expect(messages[0]?.reply, where).toEqual(mainMenuKeyboard('realtor', t, 1));
    expect(inlineLabels(messages), where).toEqual([t.publishListing.publishNow, t.publishListing.later]);
  },
});
