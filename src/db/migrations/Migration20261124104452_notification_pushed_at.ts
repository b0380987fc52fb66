import { Migration } from '@mikro-orm/migrations';

export class Migration20261124104452_notification_pushed_at extends Migration {
  override name = 'Migration20261124104452_notification_pushed_at';

  override up(): void | Promise<void> {
    this.addSql(`alter table "notification" add "pushed_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "notification" drop column "pushed_at";`);
  }
}
