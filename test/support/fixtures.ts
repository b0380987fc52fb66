import { Agency, Listing, User, type UserRole } from '../../src/db/entities/index.ts';
import type { Em } from '../../src/db/orm.ts';
import { type Actor, actorOf } from '../../src/domain/actor.ts';

let sequence = 0;
const next = () => ++sequence;

/** A unique valid Kazakhstan mobile number in E.164. */
export function uniquePhone(): string {
  return `+7701${String(1_000_000 + next()).slice(-7)}`;
}

export async function makeAgency(
  em: Em,
  overrides: Partial<Pick<Agency, 'name' | 'city' | 'active'>> = {},
): Promise<Agency> {
  const n = next();
  const agency = em.create(Agency, {
    name: `Агентство ${n}`,
    city: 'Алматы',
    phone: uniquePhone(),
    email: `agency${n}@example.kz`,
    active: true,
    ...overrides,
  });
  await em.flush();
  return agency;
}

export interface MadeUser {
  user: User;
  actor: Actor;
}

/** A user of `role` (realtors and Super Admins get a fresh agency unless one is given). */
export async function makeUser(
  em: Em,
  role: UserRole = 'guest',
  options: { agency?: Agency | null; status?: 'active' | 'blocked'; fullName?: string; email?: string } = {},
): Promise<MadeUser> {
  const n = next();
  const needsAgency = role === 'realtor' || role === 'super_admin';
  const agency = options.agency !== undefined ? options.agency : needsAgency ? await makeAgency(em) : null;
  const user = em.create(User, {
    email: options.email ?? `user${n}@example.kz`,
    phone: uniquePhone(),
    fullName: options.fullName ?? `Пользователь ${n}`,
    passwordHash: null,
    role,
    status: options.status ?? 'active',
    agency,
  });
  await em.flush();
  return { user, actor: actorOf(user) };
}

export async function makeListing(
  em: Em,
  realtor: User,
  overrides: Partial<
    Pick<
      Listing,
      'title' | 'city' | 'pricePerNight' | 'maxGuests' | 'amenities' | 'published' | 'description'
    >
  > = {},
): Promise<Listing> {
  const n = next();
  const listing = em.create(Listing, {
    realtor,
    title: `Квартира ${n}`,
    city: 'Алматы',
    address: null,
    pricePerNight: 15000,
    maxGuests: 4,
    description: 'Уютная квартира в центре города, рядом метро.',
    amenities: ['wifi', 'kitchen'],
    photoFileId: null,
    published: true,
    ...overrides,
  });
  await em.flush();
  return listing;
}
