import {
  type Agency,
  TelegramProfile,
  type User,
  type UserRole,
  type UserStatus,
} from '../../db/entities/index.ts';
import type { Em } from '../../db/orm.ts';

/** A user as the Superuser sees them («🔎 Пользователь», «👥 Пользователи»). */
export interface UserCard {
  id: number;
  fullName: string;
  email: string;
  phone: string;
  role: UserRole;
  status: UserStatus;
  agency: { id: number; name: string } | null;
  telegramLinked: boolean;
  createdAt: Date;
}

/** `{ id, name }` of a loaded agency reference, or null. */
export function agencyRef(agency: Agency | null | undefined): { id: number; name: string } | null {
  return agency ? { id: agency.id, name: agency.name } : null;
}

/** Cards for `users` (loaded with `populate: ['agency']`), in the same order. */
export async function userCards(em: Em, users: User[]): Promise<UserCard[]> {
  if (users.length === 0) return [];
  const profiles = await em.find(TelegramProfile, { user: { $in: users.map((user) => user.id) } });
  const linked = new Set(profiles.map((profile) => profile.user?.id));
  return users.map((user) => ({
    id: user.id,
    fullName: user.fullName,
    email: user.email,
    phone: user.phone,
    role: user.role,
    status: user.status,
    agency: agencyRef(user.agency),
    telegramLinked: linked.has(user.id),
    createdAt: user.createdAt,
  }));
}
