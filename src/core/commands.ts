import { normalizeText } from '../domain/normalize.js';

/** Words understood in every step, whatever the question. */
export type Command = 'menu' | 'back' | 'cancel' | 'help' | 'language' | 'english' | 'indonesian' | 'greeting' | 'regency';

/** "ganti kabupaten", "ubah kab", "salah kabupaten", "pindah kabupatennya dong", "change regency": the person's regency is asked again. */
const REGENCY_CHANGE = /^(?:mau\s+|mo\s+|minta\s+)?(?:ganti|gnti|ubah|ubh|pindah|salah|change|switch)\s+(?:kabupaten\w*|kab|regency)(?:\s+(?:dong|ya|kak|pak|bu|nya|aja|deh|please|pls))*$/;

const WORDS = new Map<string, Command>(Object.entries({
  '0': 'menu',
  menu: 'menu',
  'menu utama': 'menu',
  'main menu': 'menu',
  home: 'menu',
  kembali: 'back',
  back: 'back',
  balik: 'back',
  mundur: 'back',
  batal: 'cancel',
  cancel: 'cancel',
  batalkan: 'cancel',
  stop: 'cancel',
  berhenti: 'cancel',
  bantuan: 'help',
  help: 'help',
  tolong: 'help',
  '?': 'help',
  bahasa: 'language',
  language: 'language',
  lang: 'language',
  'ganti bahasa': 'language',
  'change language': 'language',
  english: 'english',
  inggris: 'english',
  'bahasa inggris': 'english',
  'bahasa indonesia': 'indonesian',
  indonesia: 'indonesian',
  indonesian: 'indonesian',
  halo: 'greeting',
  hallo: 'greeting',
  hai: 'greeting',
  hi: 'greeting',
  hello: 'greeting',
  p: 'greeting',
  permisi: 'greeting',
  assalamualaikum: 'greeting',
  'assalamu alaikum': 'greeting',
  'selamat pagi': 'greeting',
  'selamat siang': 'greeting',
  'selamat sore': 'greeting',
  'selamat malam': 'greeting',
  start: 'greeting',
  mulai: 'greeting',
} satisfies Record<string, Command>));

/** Recognises a global command; exact words only, so a real answer is never mistaken for one. */
export function parseCommand(text: string): Command | undefined {
  const trimmed = text.trim();
  // A Map, not an object: "constructor" must not find Object.prototype.
  if (trimmed === '?' || trimmed === '0') return WORDS.get(trimmed);
  const normal = normalizeText(trimmed);
  if (REGENCY_CHANGE.test(normal)) return 'regency';
  return WORDS.get(normal);
}

/** Slash commands (Telegram's menu button, also typed anywhere): the word and any payload. */
export type Slash = { name: 'start' | 'menu' | 'status' | 'language' | 'help' | 'register' | 'neighbours' | 'draft' | 'unknown'; payload: string };

const SLASH = new Map<string, Slash['name']>([
  ['start', 'start'],
  ['menu', 'menu'],
  ['status', 'status'],
  ['bahasa', 'language'],
  ['language', 'language'],
  ['bantuan', 'help'],
  ['help', 'help'],
  ['daftar', 'register'],
  ['register', 'register'],
  ['warga', 'neighbours'],
  ['neighbours', 'neighbours'],
  ['draf', 'draft'],
  ['draft', 'draft'],
]);

/** Recognises "/word payload" (with an optional @botname after the word, as groups send it). */
export function parseSlash(text: string): Slash | undefined {
  const m = /^\/([a-z_]+)(?:@\w+)?(?:\s+(.*))?$/is.exec(text.trim());
  if (!m) return undefined;
  return { name: SLASH.get(m[1]!.toLowerCase()) ?? 'unknown', payload: (m[2] ?? '').trim() };
}

/** The global intents, typed on their own: they work at every question, in every flow. */
export type IntentWord = 'register' | 'status' | 'mydata' | 'correct';

const INTENT_WORDS = new Map<string, IntentWord>(Object.entries({
  daftar: 'register',
  'mau daftar': 'register',
  'daftar sekarang': 'register',
  'saya mau daftar': 'register',
  register: 'register',
  'sign up': 'register',
  'cek status': 'status',
  'lihat status': 'status',
  'status saya': 'status',
  'status pendaftaran': 'status',
  'check status': 'status',
  'my status': 'status',
  status: 'status',
  'data saya': 'mydata',
  'hapus data': 'mydata',
  'hapus data saya': 'mydata',
  'my data': 'mydata',
  'delete my data': 'mydata',
  ...correctWords(),
} satisfies Record<string, IntentWord>));

/**
 * "Perbaiki" and the ways people say it (koreksi, betulkan, benerin, ubah data, ralat…), alone or
 * with "data" / "data saya" / "pendaftaran", with "mau" or "saya mau" before: they start a correction.
 */
function correctWords(): Record<string, 'correct'> {
  const verbs = [
    'perbaiki', 'perbaikan', 'perbaikin', 'memperbaiki', 'koreksi', 'betulkan', 'betulin', 'benerin', 'benarkan', 'ralat',
    'revisi', 'ubah data', 'ganti data', 'edit data', 'update data', 'data salah', 'salah data',
  ];
  const objects = ['', ' data', ' data saya', ' pendaftaran', ' pendaftaran saya'];
  const before = ['', 'mau ', 'saya mau ', 'sy mau ', 'ingin ', 'saya ingin ', 'minta '];
  const out: Record<string, 'correct'> = { correction: 'correct' };
  for (const v of verbs) for (const o of v.includes(' ') ? [''] : objects) for (const b of before) out[`${b}${v}${o}`] = 'correct';
  // English only with its object: a lone "correct" may be someone agreeing.
  for (const v of ['fix', 'correct', 'edit', 'change', 'update']) for (const o of [' my data', ' my registration']) for (const b of ['', 'i want to ']) out[`${b}${v}${o}`] = 'correct';
  return out;
}

/** Words said around a request only to be polite: particles, forms of address, please. */
const POLITE = new Set(['dong', 'donk', 'ya', 'yah', 'yuk', 'deh', 'aja', 'saja', 'mas', 'mbak', 'kak', 'kakak', 'min', 'admin', 'pak', 'bu', 'bang', 'gan', 'please', 'pls', 'plz', 'tolong', 'mohon']);

/** Recognises a global intent typed on its own ("daftar", "cek status", "data saya"). */
export function parseIntentWord(text: string): IntentWord | undefined {
  const words = normalizeText(text).split(' ').filter(Boolean);
  // Politeness around the intent ("daftar dong mas", "cek status kak", "register please") changes nothing.
  while (words.length > 1 && POLITE.has(words[words.length - 1]!)) words.pop();
  while (words.length > 1 && POLITE.has(words[0]!)) words.shift();
  return INTENT_WORDS.get(words.join(' '));
}

