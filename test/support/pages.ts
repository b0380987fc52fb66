import { type Page, pageOf } from '../../src/domain/validation.ts';

/**
 * Page `page` of a list of `total` items (five a page, as the bot lists them)
 * holding `items`: what a flow's domain call answers with.
 */
export const listPage = <T>(items: T[], page = 1, total = items.length): Page<T> =>
  pageOf(items, total, page, 5);
