import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Orm } from './orm.ts';

/** Constraints written by hand in migrations that MikroORM's schema diff cannot model. */
const HAND_MANAGED = ['occupancy_no_overlap'];
export const MIGRATIONS_DIR = 'src/db/migrations';

const isHandManaged = (sql: string) => HAND_MANAGED.some((constraint) => sql.includes(constraint));

/**
 * The statements that would bring the database to the entities' schema, less
 * the hand-managed ones: empty when the migrations and the entities agree.
 */
export async function pendingSchemaChanges(orm: Orm): Promise<string[]> {
  const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false });
  return sql
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('set names') && !isHandManaged(line));
}

/**
 * Generates a migration from the difference between the entities and the
 * database, leaving out statements about hand-managed constraints (the diff
 * would otherwise drop the exclusion constraint). Returns the file written, or
 * null when the schema is already up to date.
 */
export async function createMigration(orm: Orm, name?: string): Promise<string | null> {
  const result = await orm.migrator.create(MIGRATIONS_DIR, false, false, name);
  if (!result.fileName) return null;
  const file = join(MIGRATIONS_DIR, result.fileName);
  const kept = result.diff.up.filter((sql) => sql.trim() && !isHandManaged(sql));
  if (kept.length === 0) {
    await rm(file, { force: true });
    return null;
  }
  const code = await readFile(file, 'utf8');
  const cleaned = code
    .split('\n')
    .filter((line) => !isHandManaged(line))
    .join('\n');
  await writeFile(file, cleaned);
  return file;
}
