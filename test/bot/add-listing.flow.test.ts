import { beforeAll, describe, expect, it } from 'vitest';
import type { Flow } from '../../src/bot/flow.ts';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { addListingFlow } from '../../src/bot/views/add-listing.view.ts';
import { publishListingFlow } from '../../src/bot/views/publish-listing.view.ts';
import { listingCardOf, resultsPageOf } from '../../src/bot/views/search/data.ts';
import { Agency, Listing } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { Handoff } from '../../src/machines/handoff.ts';
import { useTestDatabase } from '../support/database.ts';
import { domainConversation } from '../support/domain-conversation.ts';
import { makeAgency, makeListing, makeUser } from '../support/fixtures.ts';
import { view } from '../support/flows.ts';
import { uniqueCity } from '../support/listings.fixtures.ts';

const ru = messagesFor('ru');

describe('addListing and publishListing on the real domain', () => {
  const database = useTestDatabase();
  let realtor: Actor;
  let idleRealtor: Actor;
  let idleAgency: Agency;
  let guest: Actor;

  beforeAll(async () => {
    const em = database.fork();
    realtor = (await makeUser(em, 'realtor')).actor;
    idleAgency = await makeAgency(em);
    idleRealtor = (await makeUser(em, 'realtor', { agency: idleAgency })).actor;
    guest = (await makeUser(em, 'guest')).actor;
  });

  /** One chat with one flow, each update in a transaction of its own, as the bot runs it. */
  const conversation = (flow: Flow, actor: Actor) => domainConversation(database, flow, actor);

  /** Walks the wizard with good answers and saves; returns the handoff to the publish offer. */
  async function addListing(actor: Actor, city: string, photo: string | null): Promise<Handoff> {
    const chat = conversation(addListingFlow, actor);
    const first = await chat.start();
    expect(first.snapshot.value).toBe('title');
    for (const text of ['Лофт у Кольсая', city, '21 000 ₸', '3', 'Лофт с камином и видом на озеро.']) {
      await chat.send({ type: 'TEXT', text });
    }
    await chat.send({ type: 'cb.amen', id: 0, arg: 'parking' });
    await chat.send({ type: 'cb.done', id: 0 });
    const preview = await chat.send(photo ? { type: 'PHOTO', fileId: photo } : { type: 'SKIP' });
    expect(preview.snapshot.value).toBe('preview');
    const saved = await chat.send({ type: 'CONFIRM' });
    expect(saved.persisted).toBeNull();
    return (saved.output as { handoff: Handoff }).handoff;
  }

  it('saves the listing hidden, with the photo, exactly as typed', async () => {
    const city = uniqueCity('Кольсай');
    const handoff = await addListing(realtor, city, 'AgACAgIAAxkBAAIBZ2');
    const listingId = (handoff.input as { listingId: number }).listingId;
    const listing = await database.fork().findOneOrFail(Listing, listingId, { populate: ['realtor'] });
    expect(listing).toMatchObject({
      title: 'Лофт у Кольсая',
      city,
      pricePerNight: 21_000,
      maxGuests: 3,
      description: 'Лофт с камином и видом на озеро.',
      amenities: ['parking'],
      photoFileId: 'AgACAgIAAxkBAAIBZ2',
      published: false,
    });
    expect(listing.realtor.id).toBe(realtor.id);
    const found = await database.db.domain.search.search(database.fork(), guest, { city });
    expect(found.total).toBe(0);
  });

  it('«Опубликовать сейчас» publishes: guests find it, the photo in the results and on the card', async () => {
    const city = uniqueCity('Кольсай');
    const handoff = await addListing(realtor, city, 'photo-in-search');
    expect(handoff.flow).toBe(publishListingFlow.id);
    const chat = conversation(publishListingFlow, realtor);
    const offer = await chat.start(handoff.input);
    const [hidden, buttons] = publishListingFlow.render(offer.snapshot, view('ru'));
    expect(hidden!.text).toBe(ru.publishListing.hidden('Лофт у Кольсая'));
    const listingId = (handoff.input as { listingId: number }).listingId;
    expect(buttons!.inline![0]![0]!.callback).toEqual({ action: 'publish', id: listingId });
    const done = await chat.send({ type: 'cb.publish', id: listingId });
    expect(publishListingFlow.finish(done.output, view('ru'))).toBe(
      ru.publishListing.published('Лофт у Кольсая'),
    );

    const found = await database.db.domain.search.search(database.fork(), guest, { city });
    expect(found.items.map((item) => item.listingId)).toEqual([listingId]);
    expect(resultsPageOf(found).items[0]?.photo).toBe(true);
    const details = await database.db.domain.search.details(database.fork(), guest, { listingId });
    expect(listingCardOf(details).photoFileId).toBe('photo-in-search');
  });

  it('an inactive agency cannot publish: the refusal says why and the listing stays hidden', async () => {
    const handoff = await addListing(idleRealtor, uniqueCity('Кольсай'), null);
    await database.fork().nativeUpdate(Agency, { id: idleAgency.id }, { active: false });
    const chat = conversation(publishListingFlow, idleRealtor);
    await chat.start(handoff.input);
    const listingId = (handoff.input as { listingId: number }).listingId;
    const refused = await chat.send({ type: 'cb.publish', id: listingId });
    expect(refused.output).toEqual({ outcome: 'refused', error: 'agency_inactive' });
    const line = publishListingFlow.finish(refused.output, view('ru'))!;
    expect(line).toBe(ru.publishListing.refused(ru.publishListing.agencyInactive));
    expect(line).toContain('агентство сейчас неактивно');
    expect((await database.fork().findOneOrFail(Listing, listingId)).published).toBe(false);
  });

  it('an offer for another realtor’s listing (a forged handoff) is refused and publishes nothing', async () => {
    const em = database.fork();
    const other = await makeUser(em, 'realtor');
    const theirs = await makeListing(em, other.user, { published: false });
    const chat = conversation(publishListingFlow, realtor);
    const refused = await chat.start({ listingId: theirs.id });
    expect(refused.output).toEqual({ outcome: 'refused', error: 'not_found' });
    expect((await database.fork().findOneOrFail(Listing, theirs.id)).published).toBe(false);
  });

  it('a guest who somehow starts the wizard is refused before the first step', async () => {
    const refused = await conversation(addListingFlow, guest).start();
    expect(refused.output).toEqual({ outcome: 'failed', error: 'forbidden' });
  });
});
