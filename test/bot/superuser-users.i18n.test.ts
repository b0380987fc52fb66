import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { itHasFilledSamples, type SampleCalls } from '../support/i18n-samples.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');

/**
 * A call with realistic arguments for every message of the `users`,
 * `platformRealtors` and `agencyPicker` sections that is a function.
 */
const calls: SampleCalls = {
  'users.title': (t) => t.users.title(7, 1, 2),
  'users.buttons.role': (t) => t.users.buttons.role(1),
  'users.buttons.block': (t) => t.users.buttons.block(1),
  'users.buttons.unblock': (t) => t.users.buttons.unblock(1),
  'users.chooseRole': (t) => t.users.chooseRole('Дана', t.roles.guest, null),
  'users.confirmRole': (t) => t.users.confirmRole('Дана', 'guest', 'Астана Стей'),
  'users.confirmBlock': (t) => t.users.confirmBlock('Дана'),
  'users.confirmUnblock': (t) => t.users.confirmUnblock('Дана'),
  'users.roleSet': (t) => t.users.roleSet('Дана', t.roles.realtor, 'Астана Стей'),
  'users.blocked': (t) => t.users.blocked('Дана'),
  'users.unblocked': (t) => t.users.unblocked('Дана'),
  'platformRealtors.title': (t) => t.platformRealtors.title(6, 2, 2),
  'platformRealtors.buttons.move': (t) => t.platformRealtors.buttons.move(1),
  'platformRealtors.buttons.detach': (t) => t.platformRealtors.buttons.detach(1),
  'platformRealtors.buttons.activate': (t) => t.platformRealtors.buttons.activate(1),
  'platformRealtors.buttons.deactivate': (t) => t.platformRealtors.buttons.deactivate(1),
  'platformRealtors.confirmDetach': (t) => t.platformRealtors.confirmDetach('Тимур', 'Астана Стей'),
  'platformRealtors.confirmDeactivate': (t) => t.platformRealtors.confirmDeactivate('Тимур'),
  'platformRealtors.detached': (t) => t.platformRealtors.detached('Тимур', 'Астана Стей'),
  'platformRealtors.activated': (t) => t.platformRealtors.activated('Тимур'),
  'platformRealtors.deactivated': (t) => t.platformRealtors.deactivated('Тимур'),
  'agencyPicker.askReassign': (t) => t.agencyPicker.askReassign('Тимур', 'Алматы Апартаменты'),
  'agencyPicker.askRole': (t) => t.agencyPicker.askRole('Дана', 'realtor'),
  'agencyPicker.noMatches': (t) => t.agencyPicker.noMatches('Павлодар'),
  'agencyPicker.found': (t) => t.agencyPicker.found(7, 1, 2),
  'agencyPicker.option': (t) => t.agencyPicker.option('Астана Стей', 'Астана', 2),
  'agencyPicker.sameAgency': (t) => t.agencyPicker.sameAgency('Астана Стей'),
  'agencyPicker.confirmReassign': (t) => t.agencyPicker.confirmReassign('Тимур', 'Астана Стей'),
  'agencyPicker.confirmRole': (t) => t.agencyPicker.confirmRole('Дана', 'super_admin', 'Астана Стей'),
  'agencyPicker.agencyLine': (t) => t.agencyPicker.agencyLine('Астана', 2),
  'agencyPicker.reassigned': (t) => t.agencyPicker.reassigned('Тимур', 'Астана Стей'),
  'agencyPicker.roleGiven': (t) => t.agencyPicker.roleGiven('Дана', 'realtor', 'Астана Стей'),
};

describe('the users, platform realtors and agency picker texts', () => {
  itHasFilledSamples(['users', 'platformRealtors', 'agencyPicker'], calls);

  it('counts in Russian plural forms and English singular/plural', () => {
    expect([1, 3, 5, 21].map((count) => ru.users.title(count, 1, 1))).toEqual([
      '👥 Пользователи, сначала новые: 1 аккаунт',
      '👥 Пользователи, сначала новые: 3 аккаунта',
      '👥 Пользователи, сначала новые: 5 аккаунтов',
      '👥 Пользователи, сначала новые: 21 аккаунт',
    ]);
    expect([1, 2, 11].map((count) => ru.platformRealtors.title(count, 1, 1))).toEqual([
      '👨‍💼 Риелторы: 1 риелтор',
      '👨‍💼 Риелторы: 2 риелтора',
      '👨‍💼 Риелторы: 11 риелторов',
    ]);
    expect(ru.agencyPicker.found(7, 2, 2)).toBe('Найдено 7 агентств · стр. 2 из 2:');
    expect(ru.agencyPicker.found(22, 1, 5)).toBe('Найдено 22 агентства · стр. 1 из 5:');
    expect(en.agencyPicker.found(1, 1, 1)).toBe('1 agency found:');
    expect(en.users.title(2, 1, 1)).toBe('👥 Users, newest first: 2 accounts');
  });

  it('asks the confirmations in the customer’s words', () => {
    expect(ru.agencyPicker.confirmReassign('Тимур Касымов', 'Астана Стей')).toBe(
      'Назначить риелтора Тимур Касымов в агентство «Астана Стей»?',
    );
    expect(ru.agencyPicker.confirmRole('Дана', 'super_admin', 'Астана Стей')).toBe(
      'Сделать Дана Супер Админом агентства «Астана Стей»?',
    );
    expect(ru.users.confirmRole('Дана', 'superuser', null)).toMatch(/^Сделать Дана Суперпользователем\?\n\n/);
    expect(en.users.confirmRole('Dana', 'guest', 'Astana Stay')).toMatch(
      /^Make Dana a Guest\?\nThey leave the agency "Astana Stay"\./,
    );
  });
});
