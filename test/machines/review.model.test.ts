import type { AnyEventObject } from 'xstate';
import { reviewFlow } from '../../src/bot/views/review.view.ts';
import { AccountBlocked, AlreadyExists, RateLimited } from '../../src/domain/errors.ts';
import { type MyReviewsPage, type ReviewableStay, reviewMachine } from '../../src/machines/review.machine.ts';
import { ActorScript, describeFlowModel, doneEvent, errorEvent } from '../support/flows.ts';

const script = new ActorScript();

const machine = reviewMachine.provide({
  actors: {
    loadReviewable: script.promise('loadReviewable'),
    loadMine: script.promise('loadMine'),
    publish: script.promise('publish'),
  },
});

const baiterek: ReviewableStay = {
  bookingId: 11,
  listingTitle: 'Студия у Байтерека',
  city: 'Астана',
  checkIn: '2026-05-01',
  checkOut: '2026-05-03',
};
const medeu: ReviewableStay = {
  bookingId: 12,
  listingTitle: 'Апартаменты у Медеу',
  city: 'Алматы',
  checkIn: '2026-04-10',
  checkOut: '2026-04-12',
};
const myReviews: MyReviewsPage = {
  items: [
    {
      id: 5,
      listingTitle: 'Студия на Абая',
      rating: 4,
      text: 'Чисто и уютно.',
      createdAt: '2026-03-02T10:00:00.000Z',
    },
  ],
  page: 1,
  pageSize: 5,
  pages: 2,
  total: 6,
};

/** What a guest can do and what the domain can answer (few values, so the model stays finite). */
const events: AnyEventObject[] = [
  doneEvent(machine, 'loading', { stays: [baiterek, medeu], total: 2, pick: null, missing: false }),
  doneEvent(machine, 'loading', { stays: [baiterek, medeu], total: 2, pick: medeu, missing: false }),
  doneEvent(machine, 'loading', { stays: [baiterek, medeu], total: 2, pick: null, missing: true }),
  errorEvent(machine, 'loading', new AccountBlocked()),
  { type: 'cb.review', id: 11 },
  { type: 'cb.review', id: 99 },
  { type: 'cb.mine', id: 1 },
  { type: 'cb.stars', id: 4 },
  // Typed stars where stars are asked, the review's text where the text is.
  { type: 'TEXT', text: '5' },
  { type: 'TEXT', text: 'очень '.repeat(400) },
  { type: 'SKIP' },
  { type: 'BACK' },
  { type: 'CONFIRM' },
  { type: 'EDIT' },
  { type: 'CANCEL' },
  doneEvent(machine, 'loadingMine', myReviews),
  errorEvent(machine, 'loadingMine', new RateLimited(5)),
  doneEvent(machine, 'publishing', { id: 77 }),
  errorEvent(machine, 'publishing', new AlreadyExists('review')),
  errorEvent(machine, 'publishing', new RateLimited(5)),
];

describeFlowModel({ flow: reviewFlow, machine, script, events });
