import { actorOf } from '../domain/actor.ts';
import { AMENITIES } from '../domain/amenities.ts';
import { manualClock } from '../domain/clock.ts';
import { addDays, almatyToday } from '../domain/dates.ts';
import { createDomain, type Domain } from '../domain/index.ts';
import { hashPassword } from '../domain/secrets.ts';
import { Agency, User, type UserRole } from './entities/index.ts';
import type { Em } from './orm.ts';

/** Password of every demo Super Admin and realtor (documented in the README). */
export const DEMO_PASSWORD = 'demo12345';

const AGENCIES = [
  { name: 'Алматы Апартаменты', city: 'Алматы', phone: '+77272500100', email: 'office@almaty-apart.kz' },
  { name: 'Астана Стей', city: 'Астана', phone: '+77172500200', email: 'hello@astana-stay.kz' },
];

const PEOPLE: { email: string; phone: string; fullName: string; role: UserRole; agency?: number }[] = [
  { email: 'owner@demo.kz', phone: '+77010000001', fullName: 'Айдар Сейтказиев', role: 'superuser' },
  {
    email: 'admin.almaty@demo.kz',
    phone: '+77010000002',
    fullName: 'Мадина Ахметова',
    role: 'super_admin',
    agency: 0,
  },
  {
    email: 'admin.astana@demo.kz',
    phone: '+77010000003',
    fullName: 'Ерлан Жумабаев',
    role: 'super_admin',
    agency: 1,
  },
  {
    email: 'realtor1@demo.kz',
    phone: '+77010000011',
    fullName: 'Асель Нурланова',
    role: 'realtor',
    agency: 0,
  },
  { email: 'realtor2@demo.kz', phone: '+77010000012', fullName: 'Тимур Касымов', role: 'realtor', agency: 0 },
  {
    email: 'realtor3@demo.kz',
    phone: '+77010000013',
    fullName: 'Динара Омарова',
    role: 'realtor',
    agency: 1,
  },
  { email: 'realtor4@demo.kz', phone: '+77010000014', fullName: 'Руслан Беков', role: 'realtor', agency: 1 },
  { email: 'guest1@demo.kz', phone: '+77010000021', fullName: 'Алия Серикова', role: 'guest' },
  { email: 'guest2@demo.kz', phone: '+77010000022', fullName: 'Данияр Ибраев', role: 'guest' },
  { email: 'guest3@demo.kz', phone: '+77010000023', fullName: 'Жанна Ким', role: 'guest' },
  { email: 'guest4@demo.kz', phone: '+77010000024', fullName: 'Нурсултан Абенов', role: 'guest' },
  { email: 'guest5@demo.kz', phone: '+77010000025', fullName: 'Сауле Муканова', role: 'guest' },
  { email: 'guest6@demo.kz', phone: '+77010000026', fullName: 'Олег Петров', role: 'guest' },
];

const CITIES = ['Алматы', 'Астана', 'Шымкент'];
const KINDS = [
  'Студия',
  '1-комнатная квартира',
  '2-комнатная квартира',
  '3-комнатная квартира',
  'Апартаменты',
];
const PLACES: Record<string, string[]> = {
  Алматы: ['у Медеу', 'на Абая', 'в Бостандыкском районе', 'у Есентай Молла', 'на Толе би', 'у Арбата'],
  Астана: ['у Байтерека', 'на левом берегу', 'у Хан Шатыра', 'у EXPO', 'на Кенесары', 'у Мега Сильквей'],
  Шымкент: ['в центре', 'у Шымкент Плаза', 'на Тауке хана', 'у Дендропарка', 'на Байтурсынова', 'у Арбата'],
};

/** A tiny deterministic PRNG so the demo data is the same on every machine. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * Loads the demo data set: 2 agencies with a Super Admin each, 4 realtors,
 * 36 published listings in Алматы, Астана and Шымкент, 6 guests, the
 * Superuser, bookings in every status, blocks and reviews. Idempotent: does
 * nothing when the demo agencies exist. Listings, bookings, payments, blocks
 * and reviews go through the domain services, so they obey every rule.
 */
export async function seedDemoData(em: Em, domain: Domain): Promise<string> {
  if (await em.count(Agency, { name: AGENCIES[0]!.name })) return 'already present, nothing changed';

  // Dated by the domain's clock, so a replay's demo data is the same on every run.
  const createdAt = domain.deps.clock.now();
  const agencies = AGENCIES.map((data) => em.create(Agency, { ...data, active: true, createdAt }));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = PEOPLE.map((person) =>
    em.create(User, {
      email: person.email,
      phone: person.phone,
      fullName: person.fullName,
      role: person.role,
      status: 'active',
      passwordHash: person.role === 'guest' ? null : passwordHash,
      agency: person.agency === undefined ? null : agencies[person.agency]!,
      createdAt,
    }),
  );
  await em.flush();
  const realtors = users.filter((user) => user.role === 'realtor');
  const guests = users.filter((user) => user.role === 'guest');

  // Book and review "in the past": the same services on a clock 40 days back.
  const today = almatyToday(domain.deps.clock.now());
  const pastClock = manualClock(`${addDays(today, -40)}T04:00:00Z`);
  const pastDomain = createDomain({ ...domain.deps, clock: pastClock });

  const next = random(20261124);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const listings: { id: number; realtorIndex: number }[] = [];
  for (let i = 0; i < 36; i++) {
    const city = CITIES[i % CITIES.length]!;
    const realtorIndex = i % realtors.length;
    const amenities = AMENITIES.filter(() => next() < 0.45);
    const kind = pick(KINDS);
    const created = await domain.listings.create(em.fork(), actorOf(realtors[realtorIndex]!), {
      title: `${kind} ${pick(PLACES[city]!)}`,
      city,
      pricePerNight: 8000 + Math.round(next() * 37) * 1000,
      maxGuests: 1 + Math.floor(next() * 6),
      description: `${kind} для посуточной аренды: чисто, уютно, всё необходимое для проживания. Заселение с 14:00, выезд до 12:00.`,
      amenities: amenities.length ? amenities : ['wifi'],
    });
    await domain.listings.setPublished(em.fork(), actorOf(realtors[realtorIndex]!), {
      listingId: created.id,
      published: true,
    });
    listings.push({ id: created.id, realtorIndex });
  }

  let bookings = 0;
  let reviews = 0;
  // Past stays, paid, then completed by the sweep and reviewed.
  for (let i = 0; i < 8; i++) {
    const listing = listings[i]!;
    const guest = guests[i % guests.length]!;
    const checkIn = addDays(today, -35 + i * 3);
    const booking = await pastDomain.bookings.create(em.fork(), actorOf(guest), {
      listingId: listing.id,
      checkIn,
      checkOut: addDays(checkIn, 2),
      guests: 1,
    });
    await pastDomain.payments.payDemo(em.fork(), actorOf(guest), { bookingId: booking.id });
    bookings++;
  }
  await domain.bookings.sweep(em.fork());
  const texts = [
    'Отличная квартира, всё как на фото!',
    'Чисто и уютно, рекомендую.',
    'Хорошее расположение.',
    '',
  ];
  for (const guest of guests) {
    for (const reviewable of await domain.reviews.reviewable(em.fork(), actorOf(guest))) {
      await domain.reviews.create(em.fork(), actorOf(guest), {
        bookingId: reviewable.id,
        rating: 3 + Math.floor(next() * 3),
        text: pick(texts),
      });
      reviews++;
    }
  }
  // Upcoming stays: pending, paid (confirmed), confirmed by the realtor, cancelled.
  for (let i = 0; i < 8; i++) {
    const listing = listings[10 + i]!;
    const guest = guests[i % guests.length]!;
    const checkIn = addDays(today, 5 + i * 2);
    const booking = await domain.bookings.create(em.fork(), actorOf(guest), {
      listingId: listing.id,
      checkIn,
      checkOut: addDays(checkIn, 1 + (i % 3)),
      guests: 1,
    });
    bookings++;
    if (i % 4 === 1) await domain.payments.payDemo(em.fork(), actorOf(guest), { bookingId: booking.id });
    if (i % 4 === 2) {
      await domain.bookings.confirm(em.fork(), actorOf(realtors[listing.realtorIndex]!), {
        bookingId: booking.id,
      });
    }
    if (i % 4 === 3) {
      await domain.bookings.cancel(em.fork(), actorOf(guest), {
        bookingId: booking.id,
        reason: 'Изменились планы',
      });
    }
  }
  // Blocks the realtors put on their calendars.
  for (let i = 0; i < 4; i++) {
    const listing = listings[20 + i]!;
    await domain.calendar.addBlock(em.fork(), actorOf(realtors[listing.realtorIndex]!), {
      listingId: listing.id,
      startsOn: addDays(today, 3 + i),
      endsOn: addDays(today, 6 + i),
      note: 'Ремонт',
    });
  }
  return `${agencies.length} agencies, ${users.length} people, ${listings.length} listings, ${bookings} bookings, ${reviews} reviews, 4 blocks`;
}
