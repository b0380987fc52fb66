import { fromPromise } from 'xstate';
import {
  type PublishListingContext,
  type PublishListingOutput,
  publishListingMachine,
} from '../../machines/publish-listing.machine.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { Messages } from '../i18n/index.ts';
import { mainMenuKeyboard } from '../menu.ts';
import type { OutgoingMessage } from '../screen.ts';
import { errorText } from './keyboards.ts';

/** Why publishing was refused, in words a realtor can act on. */
function refusal(t: Messages, code: string): string {
  const reason = code === 'agency_inactive' ? t.publishListing.agencyInactive : errorText(t, code);
  return t.publishListing.refused(reason);
}

/**
 * The offer after «Сохранить» in «➕ Добавить объект» (a handoff, not a menu
 * item): «🚀 Опубликовать сейчас» through `listings.setPublished`, or «Позже».
 */
export const publishListingFlow: Flow = {
  id: 'publishListing',
  version: 1,
  audience: 'account',
  machine: publishListingMachine.provide({
    actors: {
      prepare: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        // The realtor's own listing only: anyone else's id is `not_found`.
        const listing = await domain.listings.get(em, actor, input);
        const unread = await domain.notifications.unreadCount(em, actor);
        return { title: listing.title, menu: { role: actor!.role, unread } };
      }),
      publish: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        return domain.listings.setPublished(em, actor, { listingId: input.listingId, published: true });
      }),
    },
  }),
  render(snapshot, { t }): OutgoingMessage[] {
    const { listingId, offer } = snapshot.context as PublishListingContext;
    if (!offer) return [{ text: t.publishListing.offer }];
    // The wizard's keyboard is over: the main menu comes back, the offer is inline.
    return [
      {
        text: t.publishListing.hidden(offer.title),
        reply: mainMenuKeyboard(offer.menu.role, t, offer.menu.unread),
      },
      {
        text: t.publishListing.offer,
        inline: [
          [{ text: t.publishListing.publishNow, callback: { action: 'publish', id: listingId } }],
          [{ text: t.publishListing.later, callback: { action: 'close', id: 0 } }],
        ],
      },
    ];
  },
  finish(output, { t }) {
    const result = output as PublishListingOutput;
    if (result.outcome === 'published') return t.publishListing.published(result.title);
    if (result.outcome === 'later') return t.publishListing.keptHidden;
    if (result.outcome === 'refused') return refusal(t, result.error);
    return t.common.cancelled;
  },
};
