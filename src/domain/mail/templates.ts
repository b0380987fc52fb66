import type { Language } from '../../db/entities/index.ts';
import type { OutgoingEmail } from './transport.ts';

/** The emails the platform sends, with what each needs. */
export interface EmailTemplates {
  welcome: { fullName: string };
  linkCode: { code: string; minutes: number };
  telegramLinked: { fullName: string };
  realtorWelcome: { fullName: string; agencyName: string };
}
export type EmailKind = keyof EmailTemplates;

type Render<K extends EmailKind> = (data: EmailTemplates[K]) => { subject: string; text: string };

const ru: { [K in EmailKind]: Render<K> } = {
  welcome: ({ fullName }) => ({
    subject: 'Добро пожаловать в Daily Rentals',
    text: `Здравствуйте, ${fullName}!\n\nВаш аккаунт создан и привязан к Telegram. Ищите и бронируйте квартиры посуточно прямо в боте.\n`,
  }),
  linkCode: ({ code, minutes }) => ({
    subject: 'Код для привязки Telegram',
    text: `Ваш код: ${code}\n\nКод действует ${minutes} минут. Если вы не запрашивали код, просто проигнорируйте это письмо.\n`,
  }),
  telegramLinked: ({ fullName }) => ({
    subject: 'Telegram привязан к вашему аккаунту',
    text: `Здравствуйте, ${fullName}!\n\nК вашему аккаунту только что привязан Telegram. Если это были не вы, свяжитесь с поддержкой.\n`,
  }),
  realtorWelcome: ({ fullName, agencyName }) => ({
    subject: `Вы риелтор агентства «${agencyName}»`,
    text: `Здравствуйте, ${fullName}!\n\nДля вас создан аккаунт риелтора в агентстве «${agencyName}». Откройте бота в Telegram, отправьте /link и введите этот email — мы пришлём код для привязки.\n`,
  }),
};

const en: { [K in EmailKind]: Render<K> } = {
  welcome: ({ fullName }) => ({
    subject: 'Welcome to Daily Rentals',
    text: `Hello ${fullName},\n\nYour account is created and linked to Telegram. Search and book daily rentals right in the bot.\n`,
  }),
  linkCode: ({ code, minutes }) => ({
    subject: 'Your Telegram link code',
    text: `Your code: ${code}\n\nIt is valid for ${minutes} minutes. If you did not ask for it, ignore this email.\n`,
  }),
  telegramLinked: ({ fullName }) => ({
    subject: 'Telegram is linked to your account',
    text: `Hello ${fullName},\n\nA Telegram account was just linked to your account. If this was not you, contact support.\n`,
  }),
  realtorWelcome: ({ fullName, agencyName }) => ({
    subject: `You are a realtor at ${agencyName}`,
    text: `Hello ${fullName},\n\nA realtor account was created for you at ${agencyName}. Open the bot in Telegram, send /link and enter this email: we will send you a code to link it.\n`,
  }),
};

export function renderEmail<K extends EmailKind>(
  kind: K,
  to: string,
  data: EmailTemplates[K],
  language: Language = 'ru',
): OutgoingEmail {
  const catalog = (language === 'en' ? en : ru) as { [P in EmailKind]: Render<P> };
  return { to, ...catalog[kind](data) };
}
