import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchChromium,
  PlaygroundPage,
  type PlaygroundProcess,
  startPlayground,
} from '../support/playground-e2e.ts';

const GUEST_MENU_START = ['🔍 Поиск', '📦 Мои бронирования'];

/** The labels of the reply keyboard, row by row. */
const replyKeyboard = (page: Page) =>
  page
    .getByRole('region', { name: 'Reply keyboard' })
    .locator('.reply-row')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('button')].map((b) => b.textContent)));

describe.skipIf(!hasChromium)(
  `the playground in a real browser${hasChromium ? '' : ' (skipped: no /usr/bin/chromium; apt-get install -y chromium)'}`,
  () => {
    let playground: PlaygroundProcess;
    let browser: Awaited<ReturnType<typeof launchChromium>>;
    let page: Page;
    let chat: PlaygroundPage;

    beforeAll(async () => {
      [playground, browser] = await Promise.all([startPlayground(), launchChromium()]);
      page = await browser.context.newPage();
      chat = new PlaygroundPage(page);
      await page.goto(playground.url);
    });

    afterAll(async () => {
      if (process.env.E2E_LOG) console.log(playground?.output());
      await browser?.close();
      await playground?.stop();
    });

    it('a fresh `npm start` with no token answers /start in the page, the demo accounts in the picker', async () => {
      // The page fills the picker once its first request answers: wait for the last choice to be there.
      const options = page.getByLabel('You are').locator('option');
      await options.filter({ hasText: 'New person' }).waitFor({ state: 'attached' });
      const choices = await options.allTextContents();
      expect(choices).toEqual(
        expect.arrayContaining([
          'Guest · guest1@demo.kz',
          'Realtor · realtor1@demo.kz',
          'Super Admin · admin.almaty@demo.kz',
          'Superuser · owner@demo.kz',
          '➕ New person (not registered)',
        ]),
      );
      // The demo guest is linked on first use: /start shows the guest's menu at once.
      await page.getByRole('button', { name: 'START' }).click();
      await chat.botSays('Главное меню');
      expect((await replyKeyboard(page))[0]).toEqual(GUEST_MENU_START);
      console.info(
        `playground: "bot running" ${playground.readyAfterMs} ms after npm start; ` +
          `/start answered in the page ${Date.now() - playground.startedAt} ms after it`,
      );
    });

    it('a new person registers with the share-contact button and an email; the welcome shows in the mail panel', async () => {
      await chat.becomeNewPerson();
      const phone = (await page.locator('#whoami').textContent())?.match(/\+7\d{10}/)?.[0];
      await page.getByRole('button', { name: 'START' }).click();
      await chat.botSays('Здравствуйте');
      await chat.reply('📝 Регистрация');
      await chat.botSays('Шаг 1 из 2');
      await chat.reply('📱 Отправить мой номер');
      await page.locator('.row.mine .contact', { hasText: phone! }).waitFor();
      await chat.botSays(`Телефон ${phone} принят`);
      await chat.type('aigerim.playground@example.kz');
      await chat.botSays('Email: aigerim.playground@example.kz');
      await chat.reply('✅ Подтвердить');
      await chat.botSays('Аккаунт создан');
      expect((await replyKeyboard(page))[0]).toEqual(GUEST_MENU_START);

      await page.getByRole('button', { name: 'Mail', exact: true }).click();
      await page.locator('.email', { hasText: 'to aigerim.playground@example.kz' }).waitFor();
      await page.getByRole('button', { name: 'Close mail' }).click();
    });

    it('another new person links guest2@demo.kz with the code from the mail panel, then searches and books', async () => {
      await chat.becomeNewPerson();
      await page.getByRole('button', { name: 'START' }).click();
      await chat.reply('🔗 Привязать аккаунт');
      await chat.botSays('Напишите email');
      await chat.type('guest2@demo.kz');
      await chat.botSays('Введите код');
      await page.getByRole('button', { name: 'Mail', exact: true }).click();
      const email = page.locator('.email', { hasText: 'to guest2@demo.kz' }).first();
      await email.getByRole('button', { name: /^\d{6}$/ }).click();
      expect(await page.getByRole('textbox', { name: 'Message' }).inputValue()).toMatch(/^\d{6}$/);
      await page.getByRole('textbox', { name: 'Message' }).press('Enter');
      await chat.botSays('Аккаунт привязан');

      // Search: a city button, dates two months ahead on the calendar, guests, any price, an amenity.
      await chat.reply('🔍 Поиск');
      await chat.botSays('Шаг 1 из 5');
      await chat.reply('Алматы');
      await chat.botSays('Выберите дату заезда');
      // The calendar's title (month, year) is the middle button of its first row; ▶ edits it in place.
      const monthShown = () =>
        chat.messageWith('▶').locator('.inline-row').first().getByRole('button').nth(1).textContent();
      for (let month = 0; month < 2; month++) {
        const before = await monthShown();
        await chat.inline('▶').click();
        await expect.poll(monthShown, { timeout: 20_000 }).not.toBe(before);
      }
      await chat.inline('10').click();
      await chat.botSays('Теперь выберите дату выезда');
      await chat.inline('12').click();
      await chat.botSays('Шаг 3 из 5');
      await chat.reply('1');
      await chat.botSays('Шаг 4 из 5');
      await chat.reply('Любая');
      await chat.botSays('Шаг 5 из 5');
      await chat.inline('Wi-Fi').click();
      await page.getByRole('button', { name: '✅ Wi-Fi', exact: true }).waitFor();
      await chat.inline('✅ Готово').click();
      await chat.botSays(/Найден/);

      // Book the first result and pay (demo).
      await chat.inline('1 · Забронировать').click();
      await chat.botSays('Проверьте бронь');
      await chat.reply('✅ Подтвердить');
      await chat.botSays('создана и ждёт оплаты');
      // The README's picture (docs/playground.png): mid-conversation, the mail panel open.
      if (process.env.PLAYGROUND_SCREENSHOT)
        await page.screenshot({ path: process.env.PLAYGROUND_SCREENSHOT });
      await chat.inline('💳 Оплатить (демо)').click();
      await chat.botSays('Оплачено');
    });
  },
);
