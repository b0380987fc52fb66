import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for guest search (see the README, "Benchmark"): the listing search index on the city key,
 * price and id for published listings, replacing (city, price) which the city key could not use, and a
 * btree on occupancy for the per-listing "free for these dates" probe.
 */
export class Migration20261124112634_search_indexes extends Migration {
  override name = 'Migration20261124112634_search_indexes';

  override up(): void | Promise<void> {
    this.addSql(`drop index "listing_city_price_idx";`);
    this.addSql(
      `create index "listing_search_idx" on "listing" ((replace(lower(city), 'ё', 'е')), price_per_night, id) include (city, max_guests, amenities, realtor_id) where published;`,
    );

    this.addSql(
      `create index "occupancy_listing_dates_idx" on "occupancy" ("listing_id", "starts_on", "ends_on");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "listing_search_idx";`);
    this.addSql(`create index "listing_city_price_idx" on "listing" ("city", "price_per_night");`);

    this.addSql(`drop index "occupancy_listing_dates_idx";`);
  }
}
