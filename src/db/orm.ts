import { join } from 'node:path';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM as PgliteMikroORM } from '@mikro-orm/pglite';
import { MikroORM as PostgreSqlMikroORM } from '@mikro-orm/postgresql';
import type { EntityManager, MikroORM, Options } from '@mikro-orm/sql';
import { entities } from './entities/index.ts';
import { migrationsList } from './migrations/index.ts';

/** The entity manager every service receives: PostgreSQL dialect, driver-agnostic. */
export type Em = EntityManager;
export type Orm = MikroORM;

export interface OrmOptions {
  /** PostgreSQL connection string; unset → embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite cluster folder, or `memory://` for a throw-away in-memory database. */
  pgliteDir?: string;
  /** PGlite only: start from this uncompressed dump of a cluster (`dumpDataDir('none')`), e.g. a replay's template. */
  loadDataDir?: Uint8Array;
  debug?: boolean;
}

function commonOptions(debug: boolean): Options {
  return {
    entities,
    extensions: [Migrator],
    migrations: { migrationsList, tableName: 'mikro_orm_migrations', snapshot: false, silent: true },
    debug,
    // Services always work on a fork handed to them; the global context is a bug.
    allowGlobalContext: false,
    forceUtcTimezone: true,
  };
}

/**
 * A dump as PGlite reads it. Not a real Blob: MikroORM copies `driverOptions`,
 * and a copied Blob loses its contents; PGlite only reads `type` and `arrayBuffer()`.
 */
function tarball(bytes: Uint8Array) {
  return { type: 'application/x-tar', arrayBuffer: async () => bytes.slice().buffer };
}

/**
 * Opens the database: PostgreSQL when `databaseUrl` is set, otherwise PGlite
 * (with btree_gist, which the booking exclusion constraint needs).
 * Does not migrate; see `migrateToLatest`.
 */
export async function createOrm(options: OrmOptions): Promise<Orm> {
  const debug = options.debug ?? false;
  if (options.databaseUrl) {
    return (await PostgreSqlMikroORM.init({
      ...commonOptions(debug),
      clientUrl: options.databaseUrl,
      pool: { min: 0, max: 20 },
    } as Options)) as unknown as Orm;
  }
  const pgliteDir = options.pgliteDir ?? 'memory://';
  return (await PgliteMikroORM.init({
    ...commonOptions(debug),
    dbName: pgliteDir,
    driverOptions: {
      extensions: { btree_gist },
      ...(options.loadDataDir ? { loadDataDir: tarball(options.loadDataDir) } : {}),
    },
  } as Options)) as unknown as Orm;
}

/** Where PGlite keeps its cluster inside DATA_DIR. */
export function pgliteDirIn(dataDir: string): string {
  return join(dataDir, 'pglite');
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(orm: Orm): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}
