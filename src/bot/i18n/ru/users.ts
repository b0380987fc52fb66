import { plural } from '../plural.ts';

const n = (count: number, one: string, few: string, many: string) =>
  plural('ru', count, { one, few, many, other: many });

type Role = 'guest' | 'realtor' | 'super_admin' | 'superuser';

/** Roles in the accusative-like form «Сделать X …» takes. */
const becomes: Record<Role, string> = {
  guest: 'гостем',
  realtor: 'риелтором',
  super_admin: 'Супер Админом',
  superuser: 'Суперпользователем',
};

/** «👥 Пользователи» (Superuser) in Russian. */
export const users = {
  header: '👥 Пользователи. Последние зарегистрированные — в сообщении ниже.',
  title: (total: number, page: number, pages: number) =>
    `👥 Пользователи, сначала новые: ${n(total, '# аккаунт', '# аккаунта', '# аккаунтов')}` +
    `${pages > 1 ? ` · стр. ${page} из ${pages}` : ''}`,
  empty: 'Пользователей пока нет.',
  status: { active: '🟢 активен', blocked: '⛔ заблокирован' },
  buttons: {
    role: (index: number) => `${index} · 🎭 Роль`,
    block: (index: number) => `${index} · Заблокировать`,
    unblock: (index: number) => `${index} · Разблокировать`,
    previous: '◀️',
    next: '▶️',
    close: '✖️ Закрыть',
    back: '⬅️ Назад',
    yes: '✅ Да',
    no: 'Нет',
  },
  chooseRole: (name: string, role: string, agency: string | null) =>
    `🎭 ${name}: сейчас «${role}»${agency ? `, агентство «${agency}»` : ', без агентства'}.\n\n` +
    'Выберите новую роль. Риелтору и Супер Админу без агентства бот предложит его выбрать.',
  confirmRole: (name: string, role: Role, agency: string | null) => {
    const keeps = role === 'realtor' || role === 'super_admin';
    const question =
      keeps && agency
        ? `Сделать ${name} ${becomes[role]} агентства «${agency}»?`
        : `Сделать ${name} ${becomes[role]}?`;
    const detach = !keeps && agency ? `\nАгентство «${agency}» будет откреплено.` : '';
    return `${question}${detach}\n\nПользователь получит уведомление, его меню в боте сменится.`;
  },
  confirmBlock: (name: string) =>
    `Заблокировать ${name}?\n\nБот будет отвечать ему только, что аккаунт заблокирован; объекты риелтора уйдут из поиска.`,
  confirmUnblock: (name: string) => `Разблокировать ${name}?`,
  roleSet: (name: string, role: string, agency: string | null) =>
    `✅ ${name}: роль «${role}»${agency ? `, агентство «${agency}»` : ''}. Пользователь получил уведомление.`,
  blocked: (name: string) => `⛔ ${name}: аккаунт заблокирован.`,
  unblocked: (name: string) => `✅ ${name}: аккаунт снова активен.`,
  stale: 'Пользователь уже изменился (роль, статус или агентство) — список обновлён.',
};
