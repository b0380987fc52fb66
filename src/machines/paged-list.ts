import type { FlowEvent } from '../bot/flow-event.ts';
import type { UserRole } from '../db/entities/index.ts';
import type { Page } from '../domain/validation.ts';
import { assignFields } from './assign-fields.ts';
import { errorOf, type FlowError } from './flow-error.ts';

/*
 * What the paged list flows (my bookings, realtor bookings, agency realtors,
 * users, platform realtors, agencies) share: `load` brings a page and the main
 * menu, ◀ ▶ (`cb.page`) loads another page, and every press clears what the
 * last screen said. The machines spread these implementations into their own
 * `setup()` under the names their configs use, so the configs (and
 * docs/machines) do not change; a machine whose own version does more keeps
 * its own (agencies' `pressed` also clears its focus and subject).
 */

/** The main menu the list's first message restores (a flow handing over may have left its own keyboard). */
export interface MenuState {
  role: UserRole;
  unread: number;
}

/** What a paged list's `load` brings: the page and the main menu its first message restores. */
export interface ListLoaded<TItem> {
  list: Page<TItem>;
  menu: MenuState;
}

/** The context fields every paged list has, under these names (the shared actions write them). */
export interface PagedListContext<TItem = unknown> {
  /** The page asked for; `load` answers with the page it really has. */
  page: number;
  /** The page on screen; null until the first `load`. */
  list: Page<TItem> | null;
  menu: MenuState | null;
  /** Nothing pressed yet: the first screen also brings the main menu keyboard. */
  fresh: boolean;
  error: FlowError | null;
}

/** The field that says what the last press did: `notice` in most lists, `done` where it carries a name. */
export type SaidField = 'notice' | 'done';

/** The guards every paged list names the same way. */
export const pagedListGuards = {
  /** A press on ◀ ▶ for a page the list on screen has. */
  onePage: ({ context, event }: { context: Pick<PagedListContext, 'list'>; event: FlowEvent }) =>
    event.type === 'cb.page' && event.id >= 1 && event.id <= (context.list?.pages ?? 1),
};

/** The output of a finished `load` actor. */
const loadedOf = (event: unknown) => (event as { output: ListLoaded<unknown> }).output;

/** What the shared actions write: the paged list's fields, and `notice` or `done` (cleared). */
type ListFields = PagedListContext & Partial<Record<SaidField, null>>;

/**
 * The actions every paged list names the same way, typed for the machine's context:
 * - `pressed`: a button was pressed, so the next screen comes without the keyboard
 *   and what the last one said (`said` and `error`) is gone;
 * - `toPage`: the page a `cb.page` press asks for;
 * - `loaded`: `load`'s page and menu, and the page number it really has;
 * - `rememberError`: a refusal, said on the next screen instead of `said`.
 */
export function pagedListActions<TContext extends PagedListContext>(said: SaidField & keyof TContext) {
  return {
    pressed: assignFields<TContext, ListFields>(() => ({ fresh: false, [said]: null, error: null })),
    toPage: assignFields<TContext, ListFields>(({ event }) => ({
      page: event.type === 'cb.page' ? event.id : 1,
    })),
    loaded: assignFields<TContext, ListFields>(({ event }) => {
      const { list, menu } = loadedOf(event);
      return { list, menu, page: list.page };
    }),
    rememberError: assignFields<TContext, ListFields>(({ event }) => ({
      [said]: null,
      error: errorOf(event),
    })),
  };
}
