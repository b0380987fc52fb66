import { Migration } from '@mikro-orm/migrations';

/**
 * The whole schema as of the foundation: tables from the entities, plus what
 * MikroORM cannot express: btree_gist and the exclusion constraint that keeps
 * live bookings and blocks of one listing from overlapping.
 */
export class Migration20261124000000Initial extends Migration {
  override name = 'Migration20261124000000Initial';

  override up(): void {
    this.addSql('create extension if not exists btree_gist;');
    this.addSql(
      `create table "agency" ("id" serial primary key, "name" varchar(100) not null, "city" varchar(100) not null, "phone" varchar(20) not null, "email" varchar(254) not null, "active" boolean not null default true, "created_at" timestamptz not null);`,
    );
    this.addSql(`alter table "agency" add constraint "agency_name_unique" unique ("name");`);
    this.addSql(
      `create table "chat_session" ("chat_id" bigint not null, "machine_id" varchar(64) not null, "machine_version" int not null, "snapshot" jsonb not null, "row_version" int not null default 1, "updated_at" timestamptz not null, primary key ("chat_id"));`,
    );
    this.addSql(
      `create table "processed_update" ("update_id" bigint not null, "processed_at" timestamptz not null, primary key ("update_id"));`,
    );
    this.addSql(`create index "processed_update_processed_at_idx" on "processed_update" ("processed_at");`);
    this.addSql(
      `create table "app_user" ("id" serial primary key, "email" varchar(254) not null, "phone" varchar(20) not null, "full_name" varchar(200) not null, "password_hash" varchar(255) null, "role" text not null default 'guest', "status" text not null default 'active', "agency_id" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`alter table "app_user" add constraint "app_user_phone_unique" unique ("phone");`);
    this.addSql(
      `alter table "app_user" add constraint "app_user_super_admin_has_agency" check (role <> 'super_admin' or agency_id is not null);`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_role_check" check ("role" in ('guest', 'realtor', 'super_admin', 'superuser'));`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_status_check" check ("status" in ('active', 'blocked'));`,
    );
    this.addSql(
      `create table "telegram_profile" ("id" serial primary key, "telegram_id" bigint not null, "user_id" int null, "chat_id" bigint not null, "phone" varchar(20) null, "language" text not null default 'ru', "language_chosen" boolean not null default false, "username" varchar(64) null, "first_name" varchar(128) null, "bot_blocked" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null);`,
    );
    this.addSql(
      `alter table "telegram_profile" add constraint "telegram_profile_telegram_id_unique" unique ("telegram_id");`,
    );
    this.addSql(
      `alter table "telegram_profile" add constraint "telegram_profile_user_unique" unique ("user_id");`,
    );
    this.addSql(
      `alter table "telegram_profile" add constraint "telegram_profile_language_check" check ("language" in ('ru', 'en'));`,
    );
    this.addSql(
      `create table "notification" ("id" serial primary key, "user_id" int not null, "kind" varchar(50) not null, "data" jsonb not null, "created_at" timestamptz not null, "read_at" timestamptz null);`,
    );
    this.addSql(
      `create index "notification_user_unread_idx" on "notification" ("user_id", "read_at", "created_at");`,
    );
    this.addSql(
      `create table "listing" ("id" serial primary key, "realtor_id" int not null, "title" varchar(120) not null, "city" varchar(100) not null, "address" varchar(300) null, "price_per_night" int not null, "max_guests" int not null, "description" text not null, "amenities" text[] not null default '{}', "photo_file_id" varchar(255) null, "published" boolean not null default false, "rating_avg" numeric(3,2) not null default 0, "rating_count" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null);`,
    );
    this.addSql(`create index "listing_city_price_idx" on "listing" ("city", "price_per_night");`);
    this.addSql(
      `alter table "listing" add constraint "listing_price_per_night_check" check (price_per_night > 0);`,
    );
    this.addSql(
      `alter table "listing" add constraint "listing_max_guests_check" check (max_guests >= 1 and max_guests <= 50);`,
    );
    this.addSql(
      `create table "favorite" ("id" serial primary key, "user_id" int not null, "listing_id" int not null, "created_at" timestamptz not null);`,
    );
    this.addSql(
      `alter table "favorite" add constraint "favorite_user_listing_unique" unique ("user_id", "listing_id");`,
    );
    this.addSql(
      `create table "booking" ("id" serial primary key, "listing_id" int not null, "guest_id" int not null, "check_in" date not null, "check_out" date not null, "guests" int not null, "total" int not null, "status" text not null default 'pending', "cancelled_by" text null, "cancel_reason" varchar(500) null, "created_at" timestamptz not null, "confirmed_at" timestamptz null, "cancelled_at" timestamptz null, "completed_at" timestamptz null, "updated_at" timestamptz not null);`,
    );
    this.addSql(`create index "booking_guest_idx" on "booking" ("guest_id", "check_in");`);
    this.addSql(`create index "booking_listing_idx" on "booking" ("listing_id", "check_in");`);
    this.addSql(`alter table "booking" add constraint "booking_dates_order" check (check_out > check_in);`);
    this.addSql(
      `alter table "booking" add constraint "booking_cancel_consistent" check ((status = 'cancelled') = (cancelled_by is not null));`,
    );
    this.addSql(`alter table "booking" add constraint "booking_guests_check" check (guests >= 1);`);
    this.addSql(`alter table "booking" add constraint "booking_total_check" check (total > 0);`);
    this.addSql(
      `alter table "booking" add constraint "booking_status_check" check ("status" in ('pending', 'confirmed', 'cancelled', 'completed'));`,
    );
    this.addSql(
      `alter table "booking" add constraint "booking_cancelled_by_check" check ("cancelled_by" in ('guest', 'realtor', 'system'));`,
    );
    this.addSql(
      `create table "review" ("id" serial primary key, "booking_id" int not null, "listing_id" int not null, "author_id" int not null, "rating" int not null, "text" text not null default '', "created_at" timestamptz not null);`,
    );
    this.addSql(`alter table "review" add constraint "review_booking_unique" unique ("booking_id");`);
    this.addSql(`create index "review_listing_idx" on "review" ("listing_id", "created_at");`);
    this.addSql(
      `alter table "review" add constraint "review_rating_check" check (rating >= 1 and rating <= 5);`,
    );
    this.addSql(
      `create table "payment" ("id" serial primary key, "booking_id" int not null, "amount" int not null, "provider" varchar(20) not null default 'demo', "status" text not null default 'succeeded', "idempotency_key" varchar(100) not null, "created_at" timestamptz not null);`,
    );
    this.addSql(
      `alter table "payment" add constraint "payment_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(`alter table "payment" add constraint "payment_amount_check" check (amount > 0);`);
    this.addSql(
      `alter table "payment" add constraint "payment_status_check" check ("status" in ('succeeded', 'failed', 'refunded'));`,
    );
    this.addSql(
      `create table "availability_block" ("id" serial primary key, "listing_id" int not null, "starts_on" date not null, "ends_on" date not null, "note" varchar(200) null, "created_by_id" int not null, "created_at" timestamptz not null);`,
    );
    this.addSql(
      `alter table "availability_block" add constraint "availability_block_dates_order" check (ends_on > starts_on);`,
    );
    this.addSql(
      `create table "occupancy" ("id" serial primary key, "listing_id" int not null, "starts_on" date not null, "ends_on" date not null, "booking_id" int null, "block_id" int null);`,
    );
    this.addSql(
      `alter table "occupancy" add constraint "occupancy_booking_id_unique" unique ("booking_id");`,
    );
    this.addSql(`alter table "occupancy" add constraint "occupancy_block_id_unique" unique ("block_id");`);
    this.addSql(
      `alter table "occupancy" add constraint "occupancy_dates_order" check (ends_on > starts_on);`,
    );
    this.addSql(
      `alter table "occupancy" add constraint "occupancy_one_owner" check (num_nonnulls(booking_id, block_id) = 1);`,
    );
    this.addSql(
      `create table "verification_code" ("id" serial primary key, "email" varchar(254) not null, "user_id" int null, "telegram_id" bigint not null, "code_hash" varchar(64) not null, "expires_at" timestamptz not null, "attempts" int not null default 0, "used_at" timestamptz null, "created_at" timestamptz not null);`,
    );
    this.addSql(
      `create index "verification_code_telegram_idx" on "verification_code" ("telegram_id", "created_at");`,
    );
    this.addSql(`create index "verification_code_email_idx" on "verification_code" ("email", "created_at");`);
    this.addSql(
      `alter table "verification_code" add constraint "verification_code_attempts_range" check (attempts >= 0 and attempts <= 3);`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "telegram_profile" add constraint "telegram_profile_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "listing" add constraint "listing_realtor_id_foreign" foreign key ("realtor_id") references "app_user" ("id");`,
    );
    this.addSql(
      `alter table "favorite" add constraint "favorite_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "favorite" add constraint "favorite_listing_id_foreign" foreign key ("listing_id") references "listing" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "booking" add constraint "booking_listing_id_foreign" foreign key ("listing_id") references "listing" ("id");`,
    );
    this.addSql(
      `alter table "booking" add constraint "booking_guest_id_foreign" foreign key ("guest_id") references "app_user" ("id");`,
    );
    this.addSql(
      `alter table "review" add constraint "review_booking_id_foreign" foreign key ("booking_id") references "booking" ("id");`,
    );
    this.addSql(
      `alter table "review" add constraint "review_listing_id_foreign" foreign key ("listing_id") references "listing" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "review" add constraint "review_author_id_foreign" foreign key ("author_id") references "app_user" ("id");`,
    );
    this.addSql(
      `alter table "payment" add constraint "payment_booking_id_foreign" foreign key ("booking_id") references "booking" ("id");`,
    );
    this.addSql(
      `alter table "availability_block" add constraint "availability_block_listing_id_foreign" foreign key ("listing_id") references "listing" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "availability_block" add constraint "availability_block_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id");`,
    );
    this.addSql(
      `alter table "occupancy" add constraint "occupancy_listing_id_foreign" foreign key ("listing_id") references "listing" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "occupancy" add constraint "occupancy_booking_id_foreign" foreign key ("booking_id") references "booking" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "occupancy" add constraint "occupancy_block_id_foreign" foreign key ("block_id") references "availability_block" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "verification_code" add constraint "verification_code_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "occupancy" add constraint "occupancy_no_overlap" exclude using gist ("listing_id" with =, daterange("starts_on", "ends_on", '[)') with &&);`,
    );
  }
}
