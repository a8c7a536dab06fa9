// Who pays, in words: a group funded by the province (a preset's `fundingLevel: "province"`, e.g.
// Bangka Belitung's programme for pekerja rentan) is never said to be paid by the regency.
import { describe, expect, it } from 'vitest';
import { nextStepLines, payerWords } from '../../src/core/flows/next-step.js';
import { loadRates } from '../../src/domain/rates.js';
import { createTranslator } from '../../src/i18n.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import { cleanup, startHarness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

const translate = createTranslator();
const bangkaBarat = loadProgrammeSettings('data/regencies/bangka-barat.json');
const example = loadProgrammeSettings('data/programme.example.json');
const rates = loadRates('data/rates.json');

describe('payer words', () => {
  it('names the province for a province-funded group, the regency otherwise', () => {
    const t = translate('id');
    const rentan = bangkaBarat.groups.find((g) => g.fundingLevel === 'province');
    expect(rentan).toBeDefined();
    expect(payerWords(t, 'APBD', rentan, bangkaBarat)).toBe('Provinsi Kepulauan Bangka Belitung (APBD provinsi)');
    expect(payerWords(translate('en'), 'APBD', rentan, bangkaBarat)).toBe('Kepulauan Bangka Belitung province (provincial budget)');
    const village = bangkaBarat.groups.find((g) => g.funded && g.fundingLevel !== 'province');
    expect(payerWords(t, 'APBD', village, bangkaBarat)).toBe('Kabupaten Bangka Barat (APBD)');
    expect(payerWords(t, 'ADD', undefined, example)).toBe('Desa (Alokasi Dana Desa)');
    expect(payerWords(t, 'self', undefined, example)).toBe('Anda sendiri');
  });

  it('an approval for a province-funded group says the province pays', () => {
    const t = translate('id');
    const rentan = bangkaBarat.groups.find((g) => g.fundingLevel === 'province')!;
    const data = { groupId: rentan.id, programmes: rentan.programmes, income: '1000000', occupation: bangkaBarat.occupations[0]!.id } as never;
    const lines = nextStepLines({ status: 'approved', data }, { t, lang: 'id', settings: bangkaBarat, rates, today: '2026-12-01' }).join('\n');
    expect(lines).toContain('Provinsi Kepulauan Bangka Belitung (APBD provinsi)');
    expect(lines).not.toContain('Kabupaten Bangka Barat (APBD)');
  });
});

describe('the programme choice names who pays', () => {
  it('a village-fund (ADD) group is paid by the village, not the regency', async () => {
    const h = await startHarness();
    try {
      const all: string[] = [];
      // The example regency's group 4 (Anggota LKD) is paid from the village fund (ADD).
      for (const text of registrationScript({ groupId: '4', income: '2 juta' })) all.push(...(await h.say('w', text)));
      const text = all.join('\n');
      expect(text).toContain('JKK + JKM (dibayar desa (ADD))');
      expect(text).not.toContain('dibayar Pemkab');
    } finally {
      await cleanup(h);
    }
  });
});
