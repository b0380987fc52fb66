import { User } from '../db/entities/index.ts';
import type { Orm } from '../db/orm.ts';
import { linkedUserId, linkProfileToExistingUser } from '../domain/accounts/telegram-profiles.ts';
import type { TelegramUserJson } from './chats.ts';

/** A demo account the page can act as, with the Telegram user id that plays it. */
interface DemoPersona {
  key: string;
  role: string;
  email: string;
  telegramId: number;
}

/** The demo accounts of the seed (src/db/seed.ts) the picker offers, one per role. */
export const DEMO_PERSONAS: readonly DemoPersona[] = [
  { key: 'guest', role: 'Guest', email: 'guest1@demo.kz', telegramId: 9_100_001 },
  { key: 'realtor', role: 'Realtor', email: 'realtor1@demo.kz', telegramId: 9_100_002 },
  { key: 'admin', role: 'Super Admin', email: 'admin.almaty@demo.kz', telegramId: 9_100_003 },
  { key: 'owner', role: 'Superuser', email: 'owner@demo.kz', telegramId: 9_100_004 },
];

/** New, unregistered people get Telegram ids from here up, and phones of their own. */
const NEW_PERSON_BASE = 9_200_000;
const NEW_PERSON_NAMES = ['Айгерим', 'Нурлан', 'Дана', 'Ерлан', 'Сабина', 'Арман'];

/** A person the page can be: who they are on Telegram and the phone their "share contact" sends. */
export interface ResolvedPersona {
  key: string;
  user: TelegramUserJson;
  phone: string;
}

/** One entry of the picker. */
export interface PersonaChoice {
  key: string;
  label: string;
}

/** Thrown for a persona key that names nobody (or a demo account missing from the database). */
export class UnknownPersona extends Error {
  override name = 'UnknownPersona';
}

const newPersonKey = (n: number) => `person-${n}`;
const newPersonOf = (n: number): ResolvedPersona => ({
  key: newPersonKey(n),
  user: {
    id: NEW_PERSON_BASE + n,
    is_bot: false,
    first_name: `${NEW_PERSON_NAMES[(n - 1) % NEW_PERSON_NAMES.length]} ${n}`,
    language_code: 'ru',
  },
  phone: `+7700${2_000_000 + n}`,
});

/**
 * The people of the playground: the demo accounts (a guest, a realtor, a
 * Super Admin, the Superuser), each linked to its own Telegram user the first
 * time the page acts as it, and new unregistered people who start with /start.
 * Linking goes straight to the database (as a confirmed /link would), so the
 * bot's own /link stays exactly as strict as for real bots.
 */
export function createPersonas(orm: Orm, now: () => Date = () => new Date()) {
  /** New people created in this run that have not written to the bot yet (no profile row). */
  const fresh = new Set<number>();

  async function knownNewPeople(): Promise<number[]> {
    const rows = await orm.em
      .fork()
      .execute<{ telegram_id: string | number }[]>(
        'select telegram_id from telegram_profile where telegram_id > ? and telegram_id < ? order by telegram_id',
        [NEW_PERSON_BASE, NEW_PERSON_BASE + 100_000],
      );
    const numbers = new Set([...rows.map((row) => Number(row.telegram_id) - NEW_PERSON_BASE), ...fresh]);
    return [...numbers].sort((a, b) => a - b);
  }

  return {
    /** The picker: the demo accounts, then the new people so far (with the account they made or linked). */
    async choices(): Promise<PersonaChoice[]> {
      const em = orm.em.fork();
      const demo = DEMO_PERSONAS.map((persona) => ({
        key: persona.key,
        label: `${persona.role} · ${persona.email}`,
      }));
      const people = await Promise.all(
        (await knownNewPeople()).map(async (n) => {
          const person = newPersonOf(n);
          const userId = await linkedUserId(em, person.user.id);
          const account = userId ? await em.findOne(User, userId) : null;
          return {
            key: person.key,
            label: `${person.user.first_name}${account ? ` · ${account.email}` : ''}`,
          };
        }),
      );
      return [...demo, ...people];
    },

    /** A new unregistered person, with a Telegram id nobody used yet. */
    async create(): Promise<ResolvedPersona> {
      const n = Math.max(0, ...(await knownNewPeople())) + 1;
      fresh.add(n);
      return newPersonOf(n);
    },

    /**
     * Who `key` is. A demo persona whose Telegram user has no account yet is
     * linked to its demo account (taking it over from whoever linked it with /link).
     */
    async resolve(key: string): Promise<ResolvedPersona> {
      const newPerson = /^person-([1-9]\d{0,4})$/.exec(key);
      if (newPerson) return newPersonOf(Number(newPerson[1]));
      const persona = DEMO_PERSONAS.find((candidate) => candidate.key === key);
      if (!persona) throw new UnknownPersona(`no persona "${key}"`);
      const em = orm.em.fork();
      const account = await em.findOne(User, { email: persona.email });
      if (!account) throw new UnknownPersona(`the demo account ${persona.email} is not in this database`);
      if ((await linkedUserId(em, persona.telegramId)) === null) {
        await em.transactional((tx) => linkProfileToExistingUser(tx, persona.telegramId, account.id, now()));
      }
      return {
        key,
        user: {
          id: persona.telegramId,
          is_bot: false,
          first_name: account.fullName.split(' ')[0] ?? account.fullName,
          language_code: 'ru',
        },
        phone: account.phone,
      };
    },
  };
}

export type Personas = ReturnType<typeof createPersonas>;
