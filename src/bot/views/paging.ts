import type { Page } from '../../domain/validation.ts';
import type { InlineButton } from '../screen.ts';

/**
 * Loads a page of a list; a page emptied meanwhile (its last items removed or
 * read) falls back to the last page that still has items.
 */
export async function pageOrLast<T>(
  page: number,
  load: (page: number) => Promise<Page<T>>,
): Promise<Page<T>> {
  const loaded = await load(page);
  return loaded.items.length === 0 && loaded.total > 0 && page > 1 ? load(loaded.pages) : loaded;
}

/**
 * A page as a flow keeps it: the same numbers, each item turned into plain
 * JSON by `item` (the domain's items may hold dates and more than the list shows).
 */
export function mapPage<T, U>(page: Page<T>, item: (value: T) => U): Page<U> {
  return {
    items: page.items.map((value) => item(value)),
    page: page.page,
    pageSize: page.pageSize,
    pages: page.pages,
    total: page.total,
  };
}

/** ◀ ▶ under a list; none on a single page. */
export function pagerRow(
  labels: { previous: string; next: string },
  page: number,
  pages: number,
  action: 'page' | 'mine' = 'page',
): InlineButton[][] {
  const row: InlineButton[] = [];
  if (page > 1) row.push({ text: labels.previous, callback: { action, id: page - 1 } });
  if (page < pages) row.push({ text: labels.next, callback: { action, id: page + 1 } });
  return row.length > 0 ? [row] : [];
}
