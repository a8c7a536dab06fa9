import { parseReference } from '../../domain/reference.js';
import { keyIn } from '../locale-key.js';
import type { ChoiceDef, FlowDef, StepEnv } from '../types.js';
import { askedCorrections } from './correction.js';
import { statusOfReference } from './status.js';
import { officesList } from './where.js';

/** Main menu entries in display order; numbers follow this order. */
export const MENU_ITEMS = [
  { value: 'benefits', aliases: ['manfaat', 'benefit', 'info', 'program'] },
  { value: 'calculator', aliases: ['iuran', 'hitung', 'biaya', 'bayar', 'contribution'] },
  { value: 'eligibility', aliases: ['syarat', 'cek syarat', 'bisa ikut', 'eligible'] },
  { value: 'registration', aliases: ['daftar', 'mau daftar', 'pendaftaran', 'register', 'sign up'] },
  { value: 'status', aliases: ['status', 'cek status', 'check status'] },
  { value: 'mydata', aliases: ['data saya', 'data', 'privasi', 'hapus data', 'my data', 'privacy'] },
  { value: 'help', aliases: ['bantuan', 'help', 'kontak', 'contact'] },
  { value: 'question', aliases: ['tanya', 'pertanyaan', 'tanya petugas', 'ask', 'question'] },
] as const;

/** A cadre's menu: sign up neighbours one after another and follow them. */
export const CADRE_MENU_ITEMS = [
  { value: 'registration', aliases: ['daftar', 'daftarkan', 'daftar warga', 'register'] },
  { value: 'neighbours', aliases: ['warga', 'warga saya', 'status', 'my neighbours'] },
  { value: 'draft', aliases: ['draf', 'lanjut', 'lanjutkan', 'draft'] },
  { value: 'help', aliases: ['bantuan', 'help'] },
] as const;

function menuChoices(env: StepEnv): ChoiceDef[] {
  const { s, t } = env;
  const items: ChoiceDef[] = s.cadre
    ? CADRE_MENU_ITEMS.map((item) => ({ value: item.value, label: t(`cadre.menu.${item.value}`), aliases: [...item.aliases] }))
    : MENU_ITEMS.map((item) => ({ value: item.value, label: t(`menu.${item.value}`), aliases: [...item.aliases] }));
  // While an officer waits for a correction it is one more item, after the others: their numbers never move.
  const asked = askedCorrections(env);
  if (asked.length) items.push({ value: 'correction', label: t('menu.correction'), aliases: ['perbaiki', 'perbaikan', 'koreksi'] });
  return items;
}

/** The line above the menu while a correction is asked: which registration, what to fill in, how. */
function correctionLine(env: StepEnv): string | undefined {
  const asked = askedCorrections(env);
  if (!asked.length) return undefined;
  const n = (env.s.cadre ? CADRE_MENU_ITEMS.length : MENU_ITEMS.length) + 1;
  if (asked.length > 1) return env.t('menu.correction_pending_several', { references: asked.map((r) => r.reference).join(', '), n });
  const first = asked[0]!;
  const fields = (first.correctionFields ?? []).map((f) => env.t(keyIn('reg.field.', f))).join(', ');
  return fields ? env.t('menu.correction_pending', { reference: first.reference, fields, n }) : env.t('menu.correction_pending_any', { reference: first.reference, n });
}

/** The main menu: a single numbered choice that opens each flow. */
export const menuFlow: FlowDef = {
  id: 'menu',
  start: 'main',
  steps: {
    main: {
      id: 'main',
      prompt: (env) => {
        const { s, t } = env;
        const prompt = s.cadre ? t('cadre.menu.prompt', { desa: s.cadre.desa }) : t('menu.prompt');
        const line = correctionLine(env);
        return line ? `${line}\n\n${prompt}` : prompt;
      },
      intercept: (text, env) => {
        const ref = parseReference(text);
        return ref ? { to: null, say: [statusOfReference(ref, env)] } : undefined;
      },
      choices: menuChoices,
      next: (value, { c, s, t }) => {
        const o = c.settings.office;
        if (value === 'help') {
          const offices = s.cadre ? undefined : officesList({ c, s, t });
          const key = s.cadre ? 'help.cadre_menu' : offices ? 'help.menu_several' : 'help.menu';
          return { to: null, say: [t(key, { office: o.name, phone: o.phone, hours: o.hours, address: o.address, offices })] };
        }
        if (value === 'draft') {
          if (!s.drafts.registration) return { to: null, say: [t('cadre.no_draft')] };
          return { to: null, flow: 'registration', resumeDraft: true };
        }
        return { to: null, flow: String(value) };
      },
    },
  },
};
