import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agency, Notification, User } from '../../src/db/entities/index.ts';
import { removeDataDir, runCli, withDatabase } from '../support/e2e.ts';
import { freshDataDir } from '../support/e2e-lifecycle.ts';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the operator CLI and reports how it ended (runCli itself throws on a non-zero exit). */
async function cli(dataDir: string, args: string[]): Promise<CliRun> {
  try {
    return { code: 0, stdout: await runCli(dataDir, args), stderr: '' };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/**
 * `create-agency` and `set-role` on a fresh installation (no demo data): the
 * same rules as the bot, each printing what it did, and a clear message with
 * a non-zero exit code on bad input (2: bad usage, 1: refused).
 */
describe('operator CLI: create-agency and set-role', () => {
  let dataDir: string;
  const ids = { agency: 0, dana: 0, erzhan: 0, owner: 0 };

  beforeAll(async () => {
    dataDir = freshDataDir('cli-agencies');
    const superuser = await cli(dataDir, [
      'create-superuser',
      '--email',
      'owner@example.kz',
      '--phone',
      '+7 701 000 00 01',
      '--name',
      'Айдар Сейтказиев',
    ]);
    expect(superuser.code).toBe(0);
    await withDatabase(dataDir, async (em) => {
      for (const [email, phone, fullName] of [
        ['dana@example.kz', '+77010000031', 'Дана Сарсенова'],
        ['erzhan@example.kz', '+77010000032', 'Ержан Алиев'],
      ] as const) {
        em.create(User, {
          email,
          phone,
          fullName,
          role: 'guest',
          status: 'active',
          passwordHash: null,
          agency: null,
        });
      }
      await em.flush();
      ids.dana = (await em.findOneOrFail(User, { email: 'dana@example.kz' })).id;
      ids.erzhan = (await em.findOneOrFail(User, { email: 'erzhan@example.kz' })).id;
      ids.owner = (await em.findOneOrFail(User, { email: 'owner@example.kz' })).id;
    });
  }, 120_000);
  afterAll(() => removeDataDir(dataDir));

  it('create-agency creates an active agency with tidied fields and says so', async () => {
    const run = await cli(dataDir, [
      'create-agency',
      '--name',
      ' Жилстрой ',
      '--city',
      'астана',
      '--phone',
      '8 (701) 222-33-44',
      '--email',
      'Office@Zhilstroy.KZ',
    ]);
    expect(run.code).toBe(0);
    const agency = await withDatabase(dataDir, (em) => em.findOneOrFail(Agency, { name: 'Жилстрой' }));
    ids.agency = agency.id;
    expect(agency).toMatchObject({
      city: 'Астана',
      phone: '+77012223344',
      email: 'office@zhilstroy.kz',
      active: true,
    });
    expect(run.stdout.trim()).toBe(
      `Created agency #${agency.id} «Жилстрой» (Астана, +77012223344, office@zhilstroy.kz), active.`,
    );
  });

  it('create-agency refuses a taken name, a bad phone or email, a short name, and missing options', async () => {
    const valid = { name: 'Другое', city: 'Алматы', phone: '+77012223355', email: 'a@b.kz' };
    const args = (change: Partial<typeof valid>) =>
      Object.entries({ ...valid, ...change }).flatMap(([key, value]) => [`--${key}`, value]);
    const cases: [string[], number, string][] = [
      [
        ['create-agency', ...args({ name: 'ЖИЛСТРОЙ' })],
        1,
        'Refused: an agency named «ЖИЛСТРОЙ» already exists',
      ],
      [
        ['create-agency', ...args({ phone: '12345', email: 'office@' })],
        1,
        'Refused: --phone is not a Kazakhstan phone number (e.g. +7 727 250 01 00 or 87012345678); ' +
          '--email is not an email address',
      ],
      [['create-agency', ...args({ name: 'Я' })], 1, 'Refused: --name must be 2 to 100 characters long'],
      [['create-agency', '--name', 'Другое'], 2, 'create-agency needs --name, --city, --phone and --email'],
    ];
    for (const [argv, code, message] of cases) {
      const run = await cli(dataDir, argv);
      expect([run.code, run.stderr], argv.join(' ')).toEqual([code, expect.stringContaining(message)]);
    }
    const names = await withDatabase(dataDir, async (em) =>
      (await em.find(Agency, {})).map((agency) => agency.name),
    );
    expect(names).toEqual(['Жилстрой']);
  });

  it('set-role refuses bad usage before touching anything', async () => {
    const cases: [string[], string][] = [
      [
        ['--email', 'dana@example.kz', '--role', 'admin'],
        'unknown role "admin": use one of guest, realtor, super_admin, superuser',
      ],
      [['--email', 'dana@example.kz'], 'set-role needs --email and --role'],
      [
        ['--email', 'dana@example.kz', '--role', 'realtor', '--agency', 'Жилстрой'],
        '--agency "Жилстрой" is not an agency ID',
      ],
      [
        ['--email', 'dana@example.kz', '--role', 'guest', '--agency', '1'],
        '--agency is only for the roles realtor and super_admin',
      ],
    ];
    for (const [argv, message] of cases) {
      const run = await cli(dataDir, ['set-role', ...argv]);
      expect([run.code, run.stderr], argv.join(' ')).toEqual([2, expect.stringContaining(message)]);
    }
  });

  it('set-role gives roles with an agency, keeps or detaches it, and tells the person', async () => {
    const noAgency = await cli(dataDir, ['set-role', '--email', 'dana@example.kz', '--role', 'realtor']);
    expect(noAgency).toMatchObject({ code: 1 });
    expect(noAgency.stderr).toContain(
      'Refused: dana@example.kz belongs to no agency: give --agency ID to make them Realtor',
    );
    const missing = await cli(dataDir, [
      'set-role',
      '--email',
      'dana@example.kz',
      '--role',
      'realtor',
      '--agency',
      '999',
    ]);
    expect([missing.code, missing.stderr.trim()]).toEqual([1, 'Refused: no agency #999']);

    const agency = String(ids.agency);
    const realtor = await cli(dataDir, [
      'set-role',
      '--email',
      'Dana@Example.kz',
      '--role',
      'realtor',
      '--agency',
      agency,
    ]);
    expect([realtor.code, realtor.stdout.trim()]).toEqual([
      0,
      `User #${ids.dana} (dana@example.kz) is now Realtor of agency #${ids.agency} «Жилстрой». They are notified.`,
    ]);
    const admin = await cli(dataDir, [
      'set-role',
      '--email',
      'erzhan@example.kz',
      '--role',
      'super_admin',
      '--agency',
      agency,
    ]);
    expect(admin.stdout).toContain('is now Super Admin of agency');
    // A realtor made Super Admin keeps their agency; the same change again changes nothing.
    const promoted = await cli(dataDir, ['set-role', '--email', 'dana@example.kz', '--role', 'super_admin']);
    expect(promoted.stdout).toContain(`is now Super Admin of agency #${ids.agency} «Жилстрой»`);
    const again = await cli(dataDir, ['set-role', '--email', 'dana@example.kz', '--role', 'super_admin']);
    expect([again.code, again.stderr.trim()]).toEqual([
      1,
      'Refused: nothing to change: dana@example.kz is already Super Admin of «Жилстрой»',
    ]);
    // Demoted to Guest: no agency any more.
    const guest = await cli(dataDir, ['set-role', '--email', 'erzhan@example.kz', '--role', 'guest']);
    expect(guest.stdout.trim()).toBe(
      `User #${ids.erzhan} (erzhan@example.kz) is now Guest (no agency). They are notified.`,
    );

    await withDatabase(dataDir, async (em) => {
      const dana = await em.findOneOrFail(User, ids.dana);
      expect([dana.role, dana.agency?.id]).toEqual(['super_admin', ids.agency]);
      const erzhan = await em.findOneOrFail(User, ids.erzhan);
      expect([erzhan.role, erzhan.agency]).toEqual(['guest', null]);
      const notices = await em.find(Notification, { user: ids.dana }, { orderBy: { id: 'asc' } });
      expect(notices.map((notice) => [notice.kind, notice.data])).toEqual([
        ['role_changed', { role: 'realtor', agencyName: 'Жилстрой' }],
        ['role_changed', { role: 'super_admin', agencyName: 'Жилстрой' }],
        // As the agency's Super Admin, Dana hears that Erzhan, its other Super Admin, left it.
        [
          'agency_changed',
          {
            realtorId: ids.erzhan,
            realtorName: 'Ержан Алиев',
            fromAgency: 'Жилстрой',
            toAgency: null,
            role: 'super_admin',
          },
        ],
      ]);
    });
  });

  it('set-role refuses an unknown email and demoting the last active Superuser', async () => {
    const nobody = await cli(dataDir, ['set-role', '--email', 'nobody@example.kz', '--role', 'guest']);
    expect([nobody.code, nobody.stderr.trim()]).toEqual([
      1,
      'Refused: no user with the email nobody@example.kz',
    ]);
    const last = await cli(dataDir, ['set-role', '--email', 'owner@example.kz', '--role', 'guest']);
    expect([last.code, last.stderr.trim()]).toEqual([
      1,
      'Refused: owner@example.kz is the last active Superuser; make someone else Superuser first',
    ]);
    const owner = await withDatabase(dataDir, (em) => em.findOneOrFail(User, ids.owner));
    expect(owner.role).toBe('superuser');
  });
});
