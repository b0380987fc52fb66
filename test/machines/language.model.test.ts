import type { AnyEventObject } from 'xstate';
import { languageFlow } from '../../src/bot/views/language.view.ts';
import { languageMachine } from '../../src/machines/language.machine.ts';
import { ActorScript, describeFlowModel, doneEvent } from '../support/flows.ts';

const script = new ActorScript();
const machine = languageMachine.provide({ actors: { saveLanguage: script.promise('saveLanguage') } });

const events: AnyEventObject[] = [
  { type: 'cb.lang', id: 0, arg: 'ru' },
  { type: 'cb.lang', id: 0, arg: 'en' },
  { type: 'cb.lang', id: 0, arg: 'de' },
  { type: 'cb.lang', id: 0 },
  { type: 'cb.page', id: 2 },
  { type: 'TEXT', text: 'English' },
  { type: 'BACK' },
  { type: 'CANCEL' },
  doneEvent(machine, 'saving', undefined),
];

describeFlowModel({ flow: languageFlow, machine, script, events });
