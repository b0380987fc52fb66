import { beforeEach, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { languageFlow } from '../../src/bot/views/language.view.ts';
import { languageMachine } from '../../src/machines/language.machine.ts';
import { ActorScript, FlowRun } from '../support/flows.ts';

let script: ActorScript;
let run: FlowRun;

beforeEach(() => {
  script = new ActorScript();
  run = new FlowRun(
    languageMachine.provide({ actors: { saveLanguage: script.promise('saveLanguage') } }),
    languageFlow,
  );
});

describe('language', () => {
  it('offers Russian and English as inline buttons, with Cancel on the keyboard', () => {
    const messages = run.messages('en');
    expect(messages[0]?.text).toBe(messagesFor('en').language.choose);
    expect(run.keyboard('en')).toEqual([[messagesFor('en').buttons.cancel]]);
    expect(messages.flatMap((message) => message.inline?.flat() ?? []).map((b) => b.callback)).toEqual([
      { action: 'lang', id: 0, arg: 'ru' },
      { action: 'lang', id: 0, arg: 'en' },
    ]);
  });

  it.each(['ru', 'en'] as const)('cb.lang %s saves the language and says so in it', async (locale) => {
    script.resolve(undefined);
    await run.send({ type: 'cb.lang', id: 0, arg: locale });
    expect(script.inputsOf('saveLanguage')).toEqual([{ locale }]);
    expect(run.output).toEqual({ outcome: 'changed', locale });
    // Said in the language just picked, whatever the language of the screen before.
    expect(run.finish('ru')).toBe(messagesFor(locale).language.changed);
    expect(run.finish('en')).toBe(messagesFor(locale).language.changed);
  });

  it('does not accept an unknown language, a missing one or another button', () => {
    expect(run.accepts({ type: 'cb.lang', id: 0, arg: 'de' })).toBe(false);
    expect(run.accepts({ type: 'cb.lang', id: 0, arg: 'RU' })).toBe(false);
    expect(run.accepts({ type: 'cb.lang', id: 0 })).toBe(false);
    expect(run.accepts({ type: 'cb.page', id: 1 })).toBe(false);
    expect(run.accepts({ type: 'TEXT', text: 'English' })).toBe(false);
  });

  it('an unknown language sent anyway changes nothing and saves nothing', async () => {
    await run.send({ type: 'cb.lang', id: 0, arg: 'de' });
    expect(run.state).toBe('choosing');
    expect(run.snapshot.context).toEqual({ locale: null });
    expect(script.calls).toEqual([]);
  });

  it('Cancel ends it as cancelled, in the current language', async () => {
    await run.send({ type: 'CANCEL' });
    expect(run.output).toEqual({ outcome: 'cancelled' });
    expect(run.finish('en')).toBe(messagesFor('en').common.cancelled);
  });
});
