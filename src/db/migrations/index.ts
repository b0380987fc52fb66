import { Migration20261124000000Initial } from './Migration20261124000000Initial.ts';
import { Migration20261124104452_notification_pushed_at } from './Migration20261124104452_notification_pushed_at.ts';
import { Migration20261124112634_search_indexes } from './Migration20261124112634_search_indexes.ts';

/** Every migration, in order. `npm run db:migration:create` writes new ones here. */
export const migrationsList = [
  { name: 'Migration20261124000000Initial', class: Migration20261124000000Initial },
  {
    name: 'Migration20261124104452_notification_pushed_at',
    class: Migration20261124104452_notification_pushed_at,
  },
  { name: 'Migration20261124112634_search_indexes', class: Migration20261124112634_search_indexes },
];
