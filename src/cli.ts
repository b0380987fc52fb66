import { parseArgs } from 'node:util';
import {
  agencyCommandMisuse,
  type CommandResult,
  createAgencyCommand,
  setRoleCommand,
} from './cli/agency-commands.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirLocked } from './db/data-dir-lock.ts';
import { createMigration } from './db/migration-create.ts';
import { seedDemoData } from './db/seed.ts';
import { DomainError } from './domain/errors.ts';
import { createLogger } from './logger.ts';
import { openRuntime } from './runtime.ts';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                          apply pending database migrations
  migration:create [--name NAME]   generate a migration from the entity changes (src/db/migrations)
  seed                             load the demo data set (idempotent)
  create-superuser --email E --phone P --name N
                                   create the first Superuser, or promote an existing user by email
  create-agency --name N --city C --phone P --email E
                                   create an active agency (name unique, 2–100 characters)
  set-role --email E --role realtor|super_admin|superuser|guest [--agency ID]
                                   give a user a role; a realtor or super_admin needs an agency
                                   (--agency, unless they already belong to one)
`;

/** Prints what a command did (stdout) or why it failed (stderr); returns the exit code. */
function report(result: CommandResult): number {
  if ('output' in result) {
    console.log(result.output);
    return 0;
  }
  console.error(result.message);
  return result.exitCode;
}

/** Operator commands. Each prints what it did; bad input → a clear message and exit code 2. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      phone: { type: 'string' },
      name: { type: 'string' },
      city: { type: 'string' },
      role: { type: 'string' },
      agency: { type: 'string' },
    },
    strict: true,
  });
  const misuse = agencyCommandMisuse(command, values);
  if (misuse) return report(misuse);
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const runtime = await openRuntime(config, logger, { background: false });
  try {
    const where = config.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${config.DATA_DIR}`;
    switch (command) {
      case 'migrate': {
        const applied = runtime.appliedMigrations;
        console.log(
          applied.length ? `Applied on ${where}: ${applied.join(', ')}` : `${where} is up to date.`,
        );
        return 0;
      }
      case 'migration:create': {
        const file = await createMigration(runtime.orm, values.name);
        console.log(file ? `Wrote ${file}; add it to src/db/migrations/index.ts.` : 'No schema changes.');
        return 0;
      }
      case 'seed': {
        const summary = await seedDemoData(runtime.orm.em.fork(), runtime.domain);
        console.log(`Demo data on ${where}: ${summary}`);
        await runtime.jobs.runAvailable('email.send');
        return 0;
      }
      case 'create-superuser': {
        if (!values.email || !values.phone || !values.name) {
          console.error('create-superuser needs --email, --phone and --name');
          return 2;
        }
        const result = await runtime.domain.accounts.createSuperuser(runtime.orm.em.fork(), {
          email: values.email,
          phone: values.phone,
          fullName: values.name,
        });
        console.log(
          `${result.created ? 'Created' : 'Promoted'} Superuser #${result.userId} (${values.email}). ` +
            'Link Telegram with /link in the bot.',
        );
        return 0;
      }
      case 'create-agency':
        return report(await createAgencyCommand(runtime, values));
      case 'set-role':
        return report(await setRoleCommand(runtime, values));
      default:
        console.error(`Unknown command: ${command}\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(`Refused (${error.code}): ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await runtime.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof DataDirLocked ? error.message : error);
  process.exitCode = 1;
}
