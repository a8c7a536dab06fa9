import { parseReference } from '../../domain/reference.js';
import type { FlowDef } from '../types.js';
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
] as const;

/** The main menu: a single numbered choice that opens each flow. */
export const menuFlow: FlowDef = {
  id: 'menu',
  start: 'main',
  steps: {
    main: {
      id: 'main',
      prompt: 'menu.prompt',
      intercept: (text, env) => {
        const ref = parseReference(text);
        return ref ? { to: null, say: [statusOfReference(ref, env)] } : undefined;
      },
      choices: ({ t }) =>
        MENU_ITEMS.map((item) => ({ value: item.value, label: t(`menu.${item.value}`), aliases: [...item.aliases] })),
      next: (value, { c, t }) => {
        if (value === 'help') {
          const o = c.settings.office;
          return { to: null, say: [t('help.menu', { office: o.name, phone: o.phone, hours: o.hours, address: o.address })] };
        }
        return { to: null, flow: String(value) };
      },
    },
  },
};
