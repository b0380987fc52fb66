import { beforeAll, describe, expect, it } from 'vitest';
import { addRealtorFlow } from '../../src/bot/views/add-realtor.view.ts';
import { User } from '../../src/db/entities/index.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { verifyPassword } from '../../src/domain/secrets.ts';
import { useTestDatabase } from '../support/database.ts';
import { DomainChat } from '../support/domain-chat.ts';
import { makeAgency, makeUser } from '../support/fixtures.ts';

/** A chat that also shows the JSON each update leaves for the next: what the chat_session row holds. */
class SessionChat extends DomainChat {
  get session(): string {
    return JSON.stringify(this.step?.persisted ?? null);
  }
}

const PASSWORD = 'секрет-пароль-2026';

describe('addRealtor: the password never sits in the chat’s session in plain text', () => {
  const database = useTestDatabase();
  let admin: Actor;

  beforeAll(async () => {
    const em = database.fork();
    const agency = await makeAgency(em, { name: 'Алматы Апартаменты' });
    admin = (await makeUser(em, 'super_admin', { agency })).actor;
  });

  it('persists only the sealed password after the password step, and the realtor logs in with the typed one', async () => {
    const chat = await new SessionChat(database, addRealtorFlow, admin).start();
    await chat.say('zhanar@demo.kz');
    await chat.say('+77015554433');
    await chat.say('Жанар Алиева');
    expect(chat.state).toBe('askPassword');
    await chat.say(PASSWORD);
    expect(chat.state).toBe('summary');
    expect(chat.text()).toContain('Пароль: ••••••••');
    expect(chat.session).toContain('"sealedPassword"');
    expect(chat.session).not.toContain(PASSWORD);
    // Back to the password step and forward again: still only the sealed form persists.
    await chat.say('⬅️ Назад');
    await chat.say(PASSWORD);
    expect(chat.session).not.toContain(PASSWORD);

    await chat.say('✅ Подтвердить');
    expect(chat.finish()).toContain('Жанар Алиева');
    const created = await database.fork().findOneOrFail(User, { email: 'zhanar@demo.kz' });
    expect(created.agency?.id).toBe(admin.agencyId);
    expect(await verifyPassword(PASSWORD, created.passwordHash!)).toBe(true);
  });
});
