import { plural } from '../plural.ts';

const n = (count: number, one: string, few: string, many: string) =>
  plural('ru', count, { one, few, many, other: many });

/** The Superuser's platform-wide «👨‍💼 Риелторы» in Russian. */
export const platformRealtors = {
  header: '👨‍💼 Риелторы всех агентств — в сообщении ниже.',
  title: (total: number, page: number, pages: number) =>
    `👨‍💼 Риелторы: ${n(total, '# риелтор', '# риелтора', '# риелторов')}` +
    `${pages > 1 ? ` · стр. ${page} из ${pages}` : ''}`,
  empty: 'Риелторов пока нет. Роль «Риелтор» даётся в «👥 Пользователи».',
  status: { active: '🟢 активен', blocked: '🔴 деактивирован' },
  noAgency: 'без агентства',
  buttons: {
    move: (index: number) => `${index} · Сменить агентство`,
    detach: (index: number) => `${index} · Убрать агентство`,
    activate: (index: number) => `${index} · Активировать`,
    deactivate: (index: number) => `${index} · Деактивировать`,
    previous: '◀️',
    next: '▶️',
    close: '✖️ Закрыть',
    yes: '✅ Да',
    no: 'Нет',
  },
  confirmDetach: (name: string, agency: string) =>
    `Убрать риелтора ${name} из агентства «${agency}»?\n\nРиелтор и Супер Админы агентства получат уведомление.`,
  confirmDeactivate: (name: string) =>
    `Деактивировать риелтора ${name}?\n\nЕго объекты уйдут из поиска, а бот будет отвечать ему только, что аккаунт заблокирован.`,
  detached: (name: string, agency: string) => `✂️ Риелтор ${name} больше не в агентстве «${agency}».`,
  activated: (name: string) => `🟢 Риелтор ${name} активирован.`,
  deactivated: (name: string) => `🔴 Риелтор ${name} деактивирован.`,
  stale: 'Риелтор уже изменился (агентство, статус или роль) — список обновлён.',
};
