/**
 * What makes a listing visible to guests, as SQL over `listing l`, its realtor
 * `u` and their agency `a`: published, the realtor active and still a realtor,
 * and their agency (if any) active. Search, the city list and the details card
 * share it so that they never disagree.
 */
export const VISIBLE_LISTINGS_FROM =
  'listing l join app_user u on u.id = l.realtor_id left join agency a on a.id = u.agency_id';

export const VISIBLE_LISTINGS_WHERE = `l.published and u.status = 'active' and u.role = 'realtor' and (a.id is null or a.active)`;

/**
 * "No live booking or block of listing `l` overlaps the stay" with the stay's
 * check-in and check-out as two `?` parameters. Two half-open ranges overlap
 * when each starts before the other ends (the same test as the exclusion
 * constraint's `&&`, occupancy and stays being never empty); written as plain
 * comparisons so the btree `occupancy_listing_dates_idx` answers it from the
 * index alone, several times faster per listing than the constraint's GiST.
 */
export const FREE_FOR_STAY_SQL = `not exists (select 1 from occupancy o where o.listing_id = l.id and o.ends_on > ?::date and o.starts_on < ?::date)`;
