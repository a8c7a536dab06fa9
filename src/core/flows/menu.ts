import { parseReference } from '../../domain/reference.js';
import type { ChoiceDef, FlowDef, StepEnv } from '../types.js';
import { statusOfReference } from './status.js';

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

function menuChoices({ s, t }: StepEnv): ChoiceDef[] {
  if (s.cadre) {
    return CADRE_MENU_ITEMS.map((item) => ({ value: item.value, label: t(`cadre.menu.${item.value}`), aliases: [...item.aliases] }));
  }
  return MENU_ITEMS.map((item) => ({ value: item.value, label: t(`menu.${item.value}`), aliases: [...item.aliases] }));
}

/** The main menu: a single numbered choice that opens each flow. */
export const menuFlow: FlowDef = {
  id: 'menu',
  start: 'main',
  steps: {
    main: {
      id: 'main',
      prompt: ({ s, t }) => (s.cadre ? t('cadre.menu.prompt', { desa: s.cadre.desa }) : t('menu.prompt')),
      intercept: (text, env) => {
        const ref = parseReference(text);
        return ref ? { to: null, say: [statusOfReference(ref, env)] } : undefined;
      },
      choices: menuChoices,
      next: (value, { c, s, t }) => {
        const o = c.settings.office;
        if (value === 'help') {
          const key = s.cadre ? 'help.cadre_menu' : 'help.menu';
          return { to: null, say: [t(key, { office: o.name, phone: o.phone, hours: o.hours, address: o.address })] };
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
