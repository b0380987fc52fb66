import { beforeAll, describe, expect, it } from 'vitest';
import { type Agency, type Listing, USER_ROLES, User, type UserRole } from '../../src/db/entities/index.ts';
import type { Em } from '../../src/db/orm.ts';
import type { Actor, MaybeActor } from '../../src/domain/actor.ts';
import type { Domain } from '../../src/domain/index.ts';
import { expectRefusal } from '../support/assertions.ts';
import { useTestDatabase } from '../support/database.ts';
import { makeAgency, makeListing, makeUser } from '../support/fixtures.ts';

/**
 * Every privileged operation, tried by each role below the one it needs, by a
 * blocked holder of that role and by a person with no account: each must be
 * refused with the matching code and must change nothing in the database.
 */

type Service = 'agencyAdmin' | 'platform' | 'listings' | 'calendar';

/** What the operations act on: real rows, so that only the actor can be the reason for a refusal. */
interface World {
  agency: Agency;
  otherAgency: Agency;
  /** The realtor the realtor-level actor owns this listing. */
  listing: Listing;
  /** Targets, one per changing operation, so the success run below does not trip over earlier changes. */
  targets: Record<'realtor' | 'movedRealtor' | 'detachedRealtor' | 'platformRealtor', User>;
  guests: Record<'promoted' | 'blocked' | 'found', User>;
}

interface Operation {
  service: Service;
  method: string;
  required: Exclude<UserRole, 'guest'>;
  input(world: World): Record<string, unknown>;
}

const operations: Operation[] = [
  { service: 'agencyAdmin', method: 'listRealtors', required: 'super_admin', input: () => ({}) },
  {
    service: 'agencyAdmin',
    method: 'addRealtor',
    required: 'super_admin',
    input: () => ({
      email: 'matrix.realtor@example.kz',
      phone: '+77017770001',
      fullName: 'Матрица Риелтор',
      password: 'long enough',
    }),
  },
  {
    service: 'agencyAdmin',
    method: 'setRealtorStatus',
    required: 'super_admin',
    input: (world) => ({ realtorId: world.targets.realtor.id, status: 'blocked' }),
  },
  { service: 'agencyAdmin', method: 'metrics', required: 'super_admin', input: () => ({}) },
  { service: 'agencyAdmin', method: 'bookingsPerDay', required: 'super_admin', input: () => ({ days: 7 }) },
  {
    service: 'agencyAdmin',
    method: 'exportBookings',
    required: 'super_admin',
    input: () => ({ from: '2026-10-01', to: '2026-10-31' }),
  },
  {
    service: 'platform',
    method: 'createAgency',
    required: 'superuser',
    input: () => ({ name: 'Матрица Новая', city: 'Алматы', phone: '+77017770002', email: 'new@example.kz' }),
  },
  {
    service: 'platform',
    method: 'updateAgency',
    required: 'superuser',
    input: (world) => ({ agencyId: world.agency.id, city: 'Астана' }),
  },
  { service: 'platform', method: 'listAgencies', required: 'superuser', input: () => ({}) },
  {
    service: 'platform',
    method: 'agencyNameTaken',
    required: 'superuser',
    input: () => ({ name: 'Матрица Новая' }),
  },
  {
    service: 'platform',
    method: 'agencyDetails',
    required: 'superuser',
    input: (world) => ({ agencyId: world.agency.id }),
  },
  {
    service: 'platform',
    method: 'setAgencyActive',
    required: 'superuser',
    input: (world) => ({ agencyId: world.otherAgency.id, active: false }),
  },
  { service: 'platform', method: 'findAgencies', required: 'superuser', input: () => ({ query: 'агент' }) },
  {
    service: 'platform',
    method: 'findUser',
    required: 'superuser',
    input: (world) => ({ query: world.guests.found.email }),
  },
  { service: 'platform', method: 'recentUsers', required: 'superuser', input: () => ({}) },
  {
    service: 'platform',
    method: 'setRole',
    required: 'superuser',
    input: (world) => ({ userId: world.guests.promoted.id, role: 'realtor', agencyId: world.agency.id }),
  },
  {
    service: 'platform',
    method: 'setUserStatus',
    required: 'superuser',
    input: (world) => ({ userId: world.guests.blocked.id, status: 'blocked' }),
  },
  { service: 'platform', method: 'listRealtors', required: 'superuser', input: () => ({}) },
  {
    service: 'platform',
    method: 'changeRealtorAgency',
    required: 'superuser',
    input: (world) => ({ realtorId: world.targets.movedRealtor.id, agencyId: world.otherAgency.id }),
  },
  {
    service: 'platform',
    method: 'removeRealtorAgency',
    required: 'superuser',
    input: (world) => ({ realtorId: world.targets.detachedRealtor.id }),
  },
  {
    service: 'platform',
    method: 'setRealtorStatus',
    required: 'superuser',
    input: (world) => ({ realtorId: world.targets.platformRealtor.id, status: 'blocked' }),
  },
  // Realtor operations written by other services; tried only once they exist.
  {
    service: 'listings',
    method: 'create',
    required: 'realtor',
    input: () => ({
      title: 'Матричная квартира',
      city: 'Алматы',
      pricePerNight: 12_000,
      maxGuests: 2,
      description: 'Квартира для проверки прав доступа.',
    }),
  },
  {
    service: 'calendar',
    method: 'addBlock',
    required: 'realtor',
    input: (world) => ({ listingId: world.listing.id, startsOn: '2026-12-20', endsOn: '2026-12-22' }),
  },
];

type Caller = (em: Em, actor: MaybeActor, input: Record<string, unknown>) => Promise<unknown>;

/** The operation's method, or undefined while its service does not have it yet. */
function methodOf(domain: Domain, operation: Operation): Caller | undefined {
  const service = domain[operation.service] as unknown as Record<string, unknown>;
  const method = service[operation.method];
  return typeof method === 'function' ? (method.bind(service) as Caller) : undefined;
}

interface Refuser {
  who: string;
  /** Picks the actor from the suite's people. */
  actor(people: People): MaybeActor;
  code: 'forbidden' | 'account_blocked' | 'account_required';
}

interface People {
  active: Record<UserRole, Actor>;
  blocked: Record<UserRole, Actor>;
}

/** Every role below `required`, a blocked `required`, and nobody. */
function refusersOf(required: UserRole): Refuser[] {
  const below = USER_ROLES.slice(0, USER_ROLES.indexOf(required));
  return [
    ...below.map(
      (role): Refuser => ({ who: role, actor: (people) => people.active[role], code: 'forbidden' }),
    ),
    { who: `blocked ${required}`, actor: (people) => people.blocked[required], code: 'account_blocked' },
    { who: 'no account', actor: () => null, code: 'account_required' },
  ];
}

const cases = operations.flatMap((operation) =>
  refusersOf(operation.required).map((refuser) => ({
    name: `${operation.service}.${operation.method} by ${refuser.who} → ${refuser.code}`,
    operation,
    refuser,
  })),
);

describe('authorization matrix', () => {
  const suite = useTestDatabase();
  let world: World;
  let people: People;

  beforeAll(async () => {
    const em = suite.fork();
    const agency = await makeAgency(em);
    const otherAgency = await makeAgency(em);
    const person = async (role: UserRole, status: 'active' | 'blocked') =>
      (
        await makeUser(em, role, {
          agency: role === 'realtor' || role === 'super_admin' ? agency : null,
          status,
        })
      ).actor;
    const active = {} as Record<UserRole, Actor>;
    const blocked = {} as Record<UserRole, Actor>;
    for (const role of USER_ROLES) {
      active[role] = await person(role, 'active');
      blocked[role] = await person(role, 'blocked');
    }
    people = { active, blocked };
    const realtorOf = async () => (await makeUser(em, 'realtor', { agency })).user;
    const guest = async () => (await makeUser(em, 'guest')).user;
    world = {
      agency,
      otherAgency,
      listing: await makeListing(em, await em.findOneOrFail(User, active.realtor.id)),
      targets: {
        realtor: await realtorOf(),
        movedRealtor: await realtorOf(),
        detachedRealtor: await realtorOf(),
        platformRealtor: await realtorOf(),
      },
      guests: { promoted: await guest(), blocked: await guest(), found: await guest() },
    };
  });

  it('covers every operation of the agency admin and platform services', () => {
    for (const service of ['agencyAdmin', 'platform'] as const) {
      const listed = operations.filter((operation) => operation.service === service).map((op) => op.method);
      expect(listed.sort()).toEqual(Object.keys(suite.db.domain[service]).sort());
    }
  });

  it.for(cases)('$name, nothing written', async ({ operation, refuser }, context) => {
    const call = methodOf(suite.db.domain, operation);
    if (!call) return context.skip(`${operation.service}.${operation.method} does not exist yet`);
    await expectRefusal(
      suite.fork(),
      () => call(suite.fork(), refuser.actor(people), operation.input(world)),
      { code: refuser.code },
    );
  });

  // The same calls by an active holder of the required role pass: the refusals above were about the actor alone.
  it.for(
    operations.map((operation) => ({
      name: `${operation.service}.${operation.method} by an active ${operation.required}`,
      ...operation,
    })),
  )('$name passes', async (operation, context) => {
    const call = methodOf(suite.db.domain, operation);
    if (!call) return context.skip(`${operation.service}.${operation.method} does not exist yet`);
    await expect(
      call(suite.fork(), people.active[operation.required], operation.input(world)),
    ).resolves.toBeDefined();
  });
});
