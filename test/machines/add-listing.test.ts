import { beforeEach, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/bot/i18n/index.ts';
import { addListingFlow } from '../../src/bot/views/add-listing.view.ts';
import { Forbidden, ValidationFailed } from '../../src/domain/errors.ts';
import { createListingSchema } from '../../src/domain/listings/fields.ts';
import { type AddListingContext, addListingMachine } from '../../src/machines/add-listing.machine.ts';
import { ActorScript, FlowRun } from '../support/flows.ts';

const ru = messagesFor('ru');
const en = messagesFor('en');
const a = ru.addListing;

let script: ActorScript;
let run: FlowRun;

beforeEach(async () => {
  script = new ActorScript();
  const machine = addListingMachine.provide({
    actors: { start: script.promise('start'), save: script.promise('save') },
  });
  script.resolve({ cities: ['Алматы', 'Астана'] });
  run = await FlowRun.start(machine, addListingFlow);
});

const context = () => run.snapshot.context as AddListingContext;
const say = (text: string) => run.send({ type: 'TEXT', text });

/** Answers every step with good values up to the preview. */
async function toPreview(options: { photo?: string } = {}) {
  await say('Студия у Медеу');
  await say('алматы');
  await say('15 000 ₸');
  await say('4');
  await say('Светлая студия с видом на горы, 5 минут до Медеу.');
  await run.send({ type: 'cb.amen', id: 0, arg: 'wifi' });
  await run.send({ type: 'cb.amen', id: 0, arg: 'kitchen' });
  await run.send({ type: 'cb.done', id: 0 });
  await run.send(options.photo ? { type: 'PHOTO', fileId: options.photo } : { type: 'SKIP' });
  expect(run.state).toBe('preview');
}

describe('addListing: the steps', () => {
  it('starts on the title with only Cancel (nowhere to go back to)', () => {
    expect(run.state).toBe('title');
    expect(run.text()).toBe(a.askTitle);
    expect(run.keyboard()).toEqual([[ru.buttons.cancel]]);
    expect(run.accepts({ type: 'BACK' })).toBe(false);
  });

  it('explains a bad title and keeps the step: empty-ish, too short, too long', async () => {
    await say('  Ок ');
    expect(run.state).toBe('title');
    expect(run.text()).toBe(`⚠️ ${a.titleShort}\n\n${a.askTitle}`);
    await say('Д'.repeat(121));
    expect(run.state).toBe('title');
    expect(run.text()).toContain('⚠️ Слишком длинное название: 121 символ, а можно не больше 120.');
    await say('  Студия   у Медеу ');
    expect(run.state).toBe('city');
    // Trimmed as the domain trims it.
    expect(context().draft.title).toBe('Студия   у Медеу');
    expect(context().notice).toBeNull();
  });

  it('offers the known cities as buttons and takes a typed one, tidied as the domain tidies it', async () => {
    await say('Студия у Медеу');
    expect(run.keyboard()).toEqual([
      ['Алматы', 'Астана'],
      [ru.buttons.back, ru.buttons.cancel],
    ]);
    await say('12345');
    expect(run.text()).toContain(`⚠️ ${a.cityBad}`);
    await say('г'.repeat(101));
    expect(run.text()).toContain(`⚠️ ${a.cityLong}`);
    await say('  костанай ');
    expect(run.state).toBe('price');
    expect(context().draft.city).toBe('Костанай');
  });

  it('reads the price in whole tenge: «15 000», «15000 ₸»; refuses abc, 0, fractions and extra zeros', async () => {
    await say('Студия у Медеу');
    await say('Алматы');
    for (const bad of ['abc', '0', '15000.50', '-5']) {
      await say(bad);
      expect(run.state, bad).toBe('price');
      expect(run.text(), bad).toContain(`⚠️ ${a.badPrice}`);
    }
    await say('100 000 000');
    expect(run.text()).toContain('⚠️ Слишком большая цена: можно не больше 10 000 000 ₸ за ночь.');
    await say('15000 ₸');
    expect(run.state).toBe('guests');
    expect(context().draft.pricePerNight).toBe(15_000);
  });

  it('takes 1 to 50 guests, with buttons for the usual numbers', async () => {
    await say('Студия у Медеу');
    await say('Алматы');
    await say('15 000');
    expect(run.keyboard()).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
      [ru.buttons.back, ru.buttons.cancel],
    ]);
    for (const bad of ['0', '51', 'два', '2.5']) {
      await say(bad);
      expect(run.text(), bad).toContain(`⚠️ ${a.badGuests}`);
    }
    await say('50');
    expect(run.state).toBe('description');
    expect(context().draft.maxGuests).toBe(50);
  });

  it('wants a description of 10 to 2000 characters, counting what was typed', async () => {
    await say('Студия у Медеу');
    await say('Алматы');
    await say('15 000');
    await say('2');
    await say('Уютно');
    expect(run.text()).toContain('⚠️ Слишком короткое описание: 5 символов, а нужно хотя бы 10.');
    await say('о'.repeat(2001));
    expect(run.text()).toContain('⚠️ Слишком длинное описание: 2001 символ, а можно не больше 2000.');
    await say('о'.repeat(2000));
    expect(run.state).toBe('amenities');
  });

  it('amenities toggle with ✅ in place; «Готово» keeps them; the photo step can be skipped', async () => {
    await say('Студия у Медеу');
    await say('Алматы');
    await say('15 000');
    await say('2');
    await say('Светлая студия с видом на горы.');
    await run.send({ type: 'cb.amen', id: 0, arg: 'wifi' });
    await run.send({ type: 'cb.amen', id: 0, arg: 'tv' });
    await run.send({ type: 'cb.amen', id: 0, arg: 'wifi' });
    const toggles = run.messages()[1]!;
    expect(toggles.text).toBe(ru.search.amenitiesChosen('Телевизор'));
    expect(toggles.inline!.flat().map((button) => button.text)).toContain('✅ Телевизор');
    expect(toggles.inline!.flat().map((button) => button.text)).toContain('Wi-Fi');
    expect(run.accepts({ type: 'cb.amen', id: 0, arg: 'sauna' })).toBe(false);
    await run.send({ type: 'cb.done', id: 0 });
    expect(run.state).toBe('photo');
    expect(context().draft.amenities).toEqual(['tv']);
    expect(run.keyboard()).toEqual([[ru.buttons.skip], [ru.buttons.back, ru.buttons.cancel]]);
    await say('вот фото');
    expect(run.text()).toContain(`⚠️ ${a.photoExpected}`);
    await run.send({ type: 'SKIP' });
    expect(run.state).toBe('preview');
    expect(context().draft.photoFileId).toBeNull();
  });

  it('Back goes one step back keeping what was typed; Cancel ends from anywhere', async () => {
    await say('Студия у Медеу');
    await say('Алматы');
    await run.send({ type: 'BACK' });
    expect(run.state).toBe('city');
    await run.send({ type: 'BACK' });
    expect(run.state).toBe('title');
    expect(context().draft.city).toBe('Алматы');
    await run.send({ type: 'CANCEL' });
    expect(run.output).toEqual({ outcome: 'cancelled' });
    expect(run.finish()).toBe(ru.common.cancelled);
    expect(script.inputsOf('save')).toEqual([]);
  });
});

describe('addListing: preview, editing, saving', () => {
  it('previews the card with the photo as its picture and the card as the caption', async () => {
    await toPreview({ photo: 'AgACAgIAAxkBAAIBZ2' });
    const [card] = run.messages();
    expect(card!.photo).toEqual({ fileId: 'AgACAgIAAxkBAAIBZ2' });
    expect(card!.text).toBe(
      [
        a.previewTitle,
        '🏠 Студия у Медеу\n📍 Алматы\n💰 15 000 ₸ за ночь\n👥 до 4 гостей\n✨ Wi-Fi, Кухня\n📷 с фото',
        'Светлая студия с видом на горы, 5 минут до Медеу.',
        a.previewQuestion,
      ].join('\n\n'),
    );
    expect(run.keyboard()).toEqual([[a.save], [a.editField], [ru.buttons.back, ru.buttons.cancel]]);
    expect(run.messages('en')[0]!.text).toContain('💰 15 000 ₸ a night\n👥 up to 4 guests');
  });

  it('«Изменить поле» changes one field and comes back to the preview; Back there changes nothing', async () => {
    await toPreview();
    await run.send({ type: 'EDIT' });
    expect(run.state).toBe('chooseField');
    expect(run.keyboard()).toEqual([
      [a.fields.title, a.fields.city],
      [a.fields.price, a.fields.guests],
      [a.fields.description, a.fields.amenities],
      [a.fields.photo],
      [ru.buttons.back, ru.buttons.cancel],
    ]);
    await run.send({ type: 'cb.field', id: 0, arg: 'price' });
    expect(run.state).toBe('price');
    expect(run.text()).toBe(a.editPrice('15 000 ₸'));
    await say('0');
    expect(run.state).toBe('price');
    await say('18 500');
    expect(run.state).toBe('preview');
    expect(context().draft.pricePerNight).toBe(18_500);
    expect(context().editing).toBe(false);

    await run.send({ type: 'EDIT' });
    await run.send({ type: 'cb.field', id: 0, arg: 'title' });
    expect(run.keyboard()).toEqual([[ru.buttons.back, ru.buttons.cancel]]);
    await run.send({ type: 'BACK' });
    expect(run.state).toBe('preview');
    expect(context().draft.title).toBe('Студия у Медеу');

    await run.send({ type: 'EDIT' });
    await run.send({ type: 'cb.field', id: 0, arg: 'amenities' });
    expect(context().draftAmenities).toEqual(['wifi', 'kitchen']);
    await run.send({ type: 'cb.amen', id: 0, arg: 'kitchen' });
    await run.send({ type: 'cb.done', id: 0 });
    expect(run.state).toBe('preview');
    expect(context().draft.amenities).toEqual(['wifi']);
  });

  it('the photo can be added, replaced and removed from the preview', async () => {
    await toPreview();
    await run.send({ type: 'EDIT' });
    await run.send({ type: 'cb.field', id: 0, arg: 'photo' });
    expect(run.keyboard()).toEqual([[ru.buttons.back, ru.buttons.cancel]]);
    await run.send({ type: 'PHOTO', fileId: 'photo-1' });
    expect(run.messages()[0]!.photo).toEqual({ fileId: 'photo-1' });
    await run.send({ type: 'EDIT' });
    await run.send({ type: 'cb.field', id: 0, arg: 'photo' });
    expect(run.text()).toBe(a.editPhotoOrRemove);
    expect(run.keyboard()).toEqual([[a.removePhoto], [ru.buttons.back, ru.buttons.cancel]]);
    await run.send({ type: 'SKIP' });
    expect(run.state).toBe('preview');
    expect(run.messages()[0]!.photo).toBeUndefined();
    expect(run.text()).toContain(a.noPhoto);
  });

  it('Back from the preview to a photo step that has one: keep it, replace it or remove it', async () => {
    await toPreview({ photo: 'photo-1' });
    await run.send({ type: 'BACK' });
    expect(run.state).toBe('photo');
    expect(run.text()).toBe(a.havePhoto);
    expect(run.keyboard()).toEqual([[a.keepPhoto], [a.removePhoto], [ru.buttons.back, ru.buttons.cancel]]);
    await run.send({ type: 'CONFIRM' });
    expect(run.state).toBe('preview');
    expect(context().draft.photoFileId).toBe('photo-1');
    await run.send({ type: 'BACK' });
    await run.send({ type: 'PHOTO', fileId: 'photo-2' });
    expect(context().draft.photoFileId).toBe('photo-2');
    await run.send({ type: 'BACK' });
    await run.send({ type: 'SKIP' });
    expect(context().draft.photoFileId).toBeNull();
    await run.send({ type: 'BACK' });
    expect(run.accepts({ type: 'CONFIRM' })).toBe(false);
    expect(run.keyboard()).toEqual([[ru.buttons.skip], [ru.buttons.back, ru.buttons.cancel]]);
  });

  it('saves exactly what the domain schema accepts, then hands over to the publish offer', async () => {
    await toPreview({ photo: 'photo-1' });
    script.resolve({ listingId: 77, title: 'Студия у Медеу' });
    await run.send({ type: 'CONFIRM' });
    const [saved] = script.inputsOf('save');
    expect(saved).toEqual({
      title: 'Студия у Медеу',
      city: 'Алматы',
      pricePerNight: 15_000,
      maxGuests: 4,
      description: 'Светлая студия с видом на горы, 5 минут до Медеу.',
      amenities: ['wifi', 'kitchen'],
      photoFileId: 'photo-1',
    });
    expect(createListingSchema.safeParse(saved).success).toBe(true);
    expect(run.output).toEqual({
      outcome: 'saved',
      listingId: 77,
      title: 'Студия у Медеу',
      handoff: { flow: 'publishListing', input: { listingId: 77 } },
    });
    expect(run.finish()).toBe(a.saved);
    expect(run.finish('en')).toBe(en.addListing.saved);
  });

  it('a refused save keeps the preview with the reason; it can be saved again', async () => {
    await toPreview();
    script.reject(new ValidationFailed([{ field: 'title', message: 'too short' }]));
    await run.send({ type: 'CONFIRM' });
    expect(run.state).toBe('preview');
    expect(run.text().startsWith(`⚠️ ${ru.errors.validation_failed}`)).toBe(true);
    script.resolve({ listingId: 78, title: 'Студия у Медеу' });
    await run.send({ type: 'CONFIRM' });
    expect(run.output).toMatchObject({ outcome: 'saved', listingId: 78 });
  });

  it('someone who is not a realtor is told at once', async () => {
    const machine = addListingMachine.provide({
      actors: { start: script.promise('start'), save: script.promise('save') },
    });
    script.reject(new Forbidden('role guest may not do this'));
    const refused = await FlowRun.start(machine, addListingFlow);
    expect(refused.output).toEqual({ outcome: 'failed', error: 'forbidden' });
    expect(refused.finish()).toBe(ru.errors.forbidden);
  });
});
