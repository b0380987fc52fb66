import { plural } from '../plural.ts';

const n = (count: number, one: string, few: string, many: string) =>
  plural('ru', count, { one, few, many, other: many });

/** The agency picker («Сменить агентство», the agency of a new Realtor or Super Admin) in Russian. */
export const agencyPicker = {
  askReassign: (name: string, agency: string | null) =>
    `🔁 Смена агентства: риелтор ${name}, сейчас ${agency ? `«${agency}»` : 'без агентства'}.\n\n` +
    'Введите ID агентства или часть его названия или города:',
  askRole: (name: string, role: 'realtor' | 'super_admin') =>
    `🏢 Агентство для ${name} — ${role === 'realtor' ? 'будущего риелтора' : 'будущего Супер Админа'}.\n\n` +
    'Введите ID агентства или часть его названия или города:',
  noMatches: (query: string) =>
    `По запросу «${query}» агентств не найдено. Попробуйте другой ID, название или город.`,
  badQuery: 'Напишите ID агентства или часть названия или города (до 100 символов).',
  pickBelow: 'Выберите агентство кнопкой ниже или введите другой запрос.',
  found: (total: number, page: number, pages: number) =>
    `Найдено ${n(total, '# агентство', '# агентства', '# агентств')}` +
    `${pages > 1 ? ` · стр. ${page} из ${pages}` : ''}:`,
  capped: 'Показаны первые 50 — уточните запрос, чтобы увидеть остальные.',
  option: (name: string, city: string, id: number) => `${name} · ${city} · ID ${id}`,
  buttons: { previous: '◀️', next: '▶️' },
  inactiveMark: '⏸ ',
  currentMark: '📍 ',
  legend: '📍 — текущее агентство, ⏸ — неактивное.',
  sameAgency: (agency: string) => `Риелтор уже в агентстве «${agency}». Выберите другое.`,
  confirmReassign: (name: string, agency: string) => `Назначить риелтора ${name} в агентство «${agency}»?`,
  confirmRole: (name: string, role: 'realtor' | 'super_admin', agency: string) =>
    role === 'realtor'
      ? `Сделать ${name} риелтором агентства «${agency}»?`
      : `Сделать ${name} Супер Админом агентства «${agency}»?`,
  agencyLine: (city: string, id: number) => `🏙 ${city} · ID ${id}`,
  inactiveWarning: '⚠️ Агентство неактивно: пока его не активируют, его объекты не видны в поиске.',
  notifyReassign: 'Риелтор и Супер Админы обоих агентств получат уведомление.',
  notifyRole: 'Пользователь и Супер Админы агентства получат уведомление, меню пользователя в боте сменится.',
  reassigned: (name: string, agency: string) =>
    `✅ Риелтор ${name} переведён в агентство «${agency}». Риелтор и Супер Админы получили уведомление.`,
  roleGiven: (name: string, role: 'realtor' | 'super_admin', agency: string) =>
    `✅ ${name} — ${role === 'realtor' ? 'риелтор' : 'Супер Админ'} агентства «${agency}». Пользователь получил уведомление.`,
  unchanged: 'Агентство не изменено.',
  stale: 'Данные уже изменились (например, риелтора перевели или сменили роль). Выберите агентство ещё раз.',
};
