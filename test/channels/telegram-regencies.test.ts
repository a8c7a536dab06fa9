// A Telegram bot serving two regencies, through the fake Bot API (issue 16): a regency's deep link
// routes the person without asking; without one, the "where do you live" question comes with a
// button per regency, and pressing one routes them.
import { afterEach, beforeEach, describe, it } from 'vitest';
import type { TelegramChannel } from '../../src/channels/telegram/channel.js';
import { regencyStartPayload } from '../../src/domain/reference.js';
import { privateChat, startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { chatDriver, startTelegram } from '../helpers/telegram-driver.js';

let h: Harness;
let fake: FakeTelegram;
let tg: TelegramChannel;

beforeEach(async () => {
  h = await startHarness({ realClock: true, env: { PROGRAMME_SETTINGS_PATH: 'data/regencies/banjar.json,data/regencies/tanah-bumbu.json' } });
  fake = await startFakeTelegram();
  tg = await startTelegram(h, fake);
});
afterEach(async () => {
  await tg.stop();
  await fake.close();
  await cleanup(h);
});

describe('telegram: several regencies', () => {
  it("a regency's deep link routes the person: the menu and the registration are that regency's", async () => {
    const d = chatDriver(fake, privateChat(701, 'Warga'), h);
    await d.type(`/start ${regencyStartPayload('63.10')}`, 'Kabupaten Tanah Bumbu');
    await d.press('Daftar', 'Sebelum mendaftar');
    await d.press('Ya, saya setuju', 'Nama lengkap');
  });

  it('without a link: the question has a button per regency, and a press routes them', async () => {
    const d = chatDriver(fake, privateChat(702, 'Warga'), h);
    await d.type('/start', 'Menu utama');
    await d.press('Cek syarat', 'kabupaten mana');
    await d.press('Kabupaten Banjar', 'Baik: Kabupaten Banjar');
  });
});
