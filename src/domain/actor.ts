import { User, type UserRole, type UserStatus } from '../db/entities/index.ts';
import type { Em } from '../db/orm.ts';
import { AccountBlocked, AccountRequired, Forbidden } from './errors.ts';

/** Who is acting: loaded from the database on every update, never trusted from a button. */
export interface Actor {
  id: number;
  role: UserRole;
  status: UserStatus;
  agencyId: number | null;
}

/** A person with no account yet (searching is open to them). */
export const ANONYMOUS = null;
export type MaybeActor = Actor | typeof ANONYMOUS;

/** Loads the actor for a user id; null when the user does not exist. */
export async function loadActor(em: Em, userId: number): Promise<Actor | null> {
  const user = await em.findOne(User, userId, { fields: ['id', 'role', 'status', 'agency'] as never });
  if (!user) return null;
  return actorOf(user);
}

export function actorOf(user: User): Actor {
  return { id: user.id, role: user.role, status: user.status, agencyId: user.agency?.id ?? null };
}

/** The actor must have an active account. */
export function requireActive(actor: MaybeActor): Actor {
  if (!actor) throw new AccountRequired();
  if (actor.status !== 'active') throw new AccountBlocked();
  return actor;
}

/** The actor must be active and hold one of `roles`. */
export function requireRole(actor: MaybeActor, ...roles: UserRole[]): Actor {
  const active = requireActive(actor);
  if (!roles.includes(active.role)) throw new Forbidden(`role ${active.role} may not do this`);
  return active;
}
