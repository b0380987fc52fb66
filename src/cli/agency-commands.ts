import { USER_ROLES, type UserRole } from '../db/entities/index.ts';
import { AlreadyExists, InvalidState, LastSuperuser, NotFound, ValidationFailed } from '../domain/errors.ts';
import type { Runtime } from '../runtime.ts';
import { type CommandFailure, describeRefusal, OPERATOR, refused, usage } from './operator.ts';

/** Options of the operator's agency commands (strings as parseArgs gives them). */
export interface AgencyCommandOptions {
  name?: string;
  city?: string;
  phone?: string;
  email?: string;
  role?: string;
  agency?: string;
}

/** What a command did (printed on stdout) or why it failed. */
export type CommandResult = { output: string } | CommandFailure;

const ROLE_NAMES: Record<UserRole, string> = {
  guest: 'Guest',
  realtor: 'Realtor',
  super_admin: 'Super Admin',
  superuser: 'Superuser',
};

const agencyFields: Record<string, (message: string) => string> = {
  name: () => '--name must be 2 to 100 characters long',
  city: () => '--city must be 2 to 100 characters long',
  phone: () => '--phone is not a Kazakhstan phone number (e.g. +7 727 250 01 00 or 87012345678)',
  email: () => '--email is not an email address',
};

/** `--agency`: an agency id, a positive whole number; null when it is something else. */
function agencyIdOf(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  return /^[1-9]\d{0,9}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** What is wrong with `create-agency`'s options that needs no database to tell, or null. */
function createAgencyMisuse(options: AgencyCommandOptions): CommandFailure | null {
  const { name, city, phone, email } = options;
  if (name === undefined || city === undefined || phone === undefined || email === undefined) {
    return usage('create-agency needs --name, --city, --phone and --email');
  }
  return null;
}

/** What is wrong with `set-role`'s options that needs no database to tell, or null. */
function setRoleMisuse(options: AgencyCommandOptions): CommandFailure | null {
  const { email, role } = options;
  if (email === undefined || role === undefined) return usage('set-role needs --email and --role');
  if (!USER_ROLES.includes(role as UserRole)) {
    return usage(`unknown role "${role}": use one of ${USER_ROLES.join(', ')}`);
  }
  if (!email.includes('@')) return usage(`--email "${email}" is not an email address`);
  const agencyId = agencyIdOf(options.agency);
  if (agencyId === null) return usage(`--agency "${options.agency}" is not an agency ID (a whole number)`);
  if (agencyId !== undefined && role !== 'realtor' && role !== 'super_admin') {
    return usage(`--agency is only for the roles realtor and super_admin; a ${role} belongs to no agency`);
  }
  return null;
}

/**
 * Bad usage of `create-agency` or `set-role`, told before the database is
 * opened (quick, and it works while the bot holds the embedded database);
 * null when the options are fine or the command is another one.
 */
export function agencyCommandMisuse(command: string, options: AgencyCommandOptions): CommandFailure | null {
  if (command === 'create-agency') return createAgencyMisuse(options);
  if (command === 'set-role') return setRoleMisuse(options);
  return null;
}

/**
 * `create-agency --name N --city C --phone P --email E`: an active agency,
 * validated like the bot's «➕ Добавить агентство» (name 2–100 characters and
 * not another agency's, any common KZ phone format, an email).
 */
export async function createAgencyCommand(
  runtime: Runtime,
  options: AgencyCommandOptions,
): Promise<CommandResult> {
  const misuse = createAgencyMisuse(options);
  if (misuse) return misuse;
  const { name, city, phone, email } = options as Required<AgencyCommandOptions>;
  try {
    const agency = await runtime.domain.platform.createAgency(runtime.orm.em.fork(), OPERATOR, {
      name,
      city,
      phone,
      email,
    });
    return {
      output: `Created agency #${agency.id} «${agency.name}» (${agency.city}, ${agency.phone}, ${agency.email}), active.`,
    };
  } catch (error) {
    if (error instanceof AlreadyExists) return refused(`an agency named «${name.trim()}» already exists`);
    return describeRefusal(error, agencyFields);
  }
}

/**
 * `set-role --email E --role realtor|super_admin|superuser|guest [--agency ID]`:
 * the same change as «👥 Пользователи» in the bot. A Realtor or Super Admin
 * belongs to the given agency, or keeps the one they have; a Guest or
 * Superuser to none. The last active Superuser cannot be demoted. The person
 * (and the agencies' Super Admins, when the agency changes) are notified.
 */
export async function setRoleCommand(
  runtime: Runtime,
  options: AgencyCommandOptions,
): Promise<CommandResult> {
  const misuse = setRoleMisuse(options);
  if (misuse) return misuse;
  const email = options.email!;
  const newRole = options.role as UserRole;
  const agencyId = agencyIdOf(options.agency) ?? undefined;
  const em = runtime.orm.em.fork();
  const platform = runtime.domain.platform;
  let user: Awaited<ReturnType<typeof platform.findUser>>;
  try {
    user = await platform.findUser(em, OPERATOR, { query: email });
  } catch (error) {
    if (error instanceof NotFound) return refused(`no user with the email ${email}`);
    return describeRefusal(error, { query: () => `--email "${email}" is not an email address` });
  }
  try {
    const card = await platform.setRole(em, OPERATOR, { userId: user.id, role: newRole, agencyId });
    const where = card.agency ? ` of agency #${card.agency.id} «${card.agency.name}»` : ' (no agency)';
    return {
      output: `User #${card.id} (${card.email}) is now ${ROLE_NAMES[card.role]}${where}. They are notified.`,
    };
  } catch (error) {
    if (error instanceof NotFound) return refused(`no agency #${agencyId}`);
    if (error instanceof LastSuperuser) {
      return refused(`${user.email} is the last active Superuser; make someone else Superuser first`);
    }
    if (error instanceof InvalidState) {
      const agency = user.agency ? ` of «${user.agency.name}»` : '';
      return refused(`nothing to change: ${user.email} is already ${ROLE_NAMES[user.role]}${agency}`);
    }
    if (error instanceof ValidationFailed && error.issues.some((issue) => issue.field === 'agencyId')) {
      return refused(
        `${user.email} belongs to no agency: give --agency ID to make them ${ROLE_NAMES[newRole]}`,
      );
    }
    return describeRefusal(error, {});
  }
}
