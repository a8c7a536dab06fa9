import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemId } from '@orama/stemmers/indonesian';
import { normalizeText } from '../domain/normalize.js';

/** Chat abbreviations and slang, written out (one token to one or more words). */
const SLANG = new Map<string, string>(Object.entries({
  gmn: 'bagaimana', gmna: 'bagaimana', gimana: 'bagaimana', gmana: 'bagaimana', bgmn: 'bagaimana', bgm: 'bagaimana',
  brp: 'berapa', brapa: 'berapa', berapaan: 'berapa', brpa: 'berapa',
  klo: 'kalau', kalo: 'kalau', kl: 'kalau', klu: 'kalau', kalu: 'kalau',
  dpt: 'dapat', dapet: 'dapat', dpet: 'dapat',
  ga: 'tidak', gak: 'tidak', gk: 'tidak', nggak: 'tidak', ngga: 'tidak', enggak: 'tidak', engga: 'tidak', tdk: 'tidak', tak: 'tidak', g: 'tidak',
  tk: 'ketenagakerjaan', naker: 'ketenagakerjaan', tenagakerja: 'ketenagakerjaan', bpjstk: 'bpjs ketenagakerjaan', jamsostek: 'bpjs ketenagakerjaan',
  bln: 'bulan', bl: 'bulan', thn: 'tahun', th: 'tahun',
  jt: 'juta', jta: 'juta', rb: 'ribu', rbu: 'ribu', rebu: 'ribu',
  sy: 'saya', sya: 'saya', aku: 'saya', gw: 'saya', gue: 'saya', ane: 'saya', q: 'saya',
  yg: 'yang', utk: 'untuk', untk: 'untuk', dgn: 'dengan', dg: 'dengan', sm: 'sama', sama2: 'sama',
  blm: 'belum', blom: 'belum', udh: 'sudah', udah: 'sudah', sdh: 'sudah', dah: 'sudah',
  bs: 'bisa', bsa: 'bisa', bisakah: 'bisa', pake: 'pakai', pk: 'pakai', knp: 'kenapa', np: 'kenapa', kpn: 'kapan', dmn: 'dimana',
  org: 'orang', krn: 'karena', krna: 'karena', tp: 'tapi', tpi: 'tapi', jg: 'juga', aj: 'saja', aja: 'saja', ajah: 'saja',
  mksh: 'terima kasih', makasih: 'terima kasih', makasi: 'terima kasih', trims: 'terima kasih', trimakasih: 'terima kasih', tq: 'thanks', thx: 'thanks', ty: 'thanks',
  daptar: 'daftar', dafar: 'daftar', pendaptaran: 'pendaftaran', regis: 'daftar', registrasi: 'daftar',
  meningal: 'meninggal', mati: 'meninggal', wafat: 'meninggal', almarhum: 'meninggal',
  hp: 'handphone', wa: 'whatsapp', kk: 'kartu keluarga', ktp: 'ktp',
  ojol: 'ojek', gojek: 'ojek', grab: 'ojek', supir: 'sopir',
  iurannya: 'iuran', iuaran: 'iuran', iurn: 'iuran', premi: 'iuran', setoran: 'iuran',
}));

/** Function words that say nothing about the topic (Indonesian and English). */
const STOP = new Set(
  `yang di ke dari dan atau itu ini ada adalah untuk dengan juga kalau jika apa apakah bagaimana berapa mau ingin bisa tidak
  sudah belum dong ya yah kah sih deh kok lah pun pak bu ibu bapak mas mbak min admin kak bang tolong mohon saya kami kita
  anda kamu dia mereka nya nih tuh gitu gini aja saja sama tapi karena jadi biar agar buat oleh pada dalam atas bagi
  the a an is are am was be to of in on for and or my me i you your it this that do does did can could would should how
  what when who why where which please about with have has get any`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that open a question ("how much...", "apakah..."). */
const QUESTION_START = new Set(
  'apa apakah berapa bagaimana kapan siapa kenapa mengapa dimana mana bisakah bolehkah boleh gimana how what when who why where can could does do is are should will which'.split(' '),
);
/** Indonesian question words that make a question wherever they stand ("iurannya berapa"). */
const QUESTION_ANYWHERE = new Set('apakah berapa bagaimana kapan kenapa mengapa gimana bisakah bolehkah'.split(' '));

/** English words that tip a message to an English answer. */
const ENGLISH = new Set(
  `what how much is the my i can do does want register registration benefit benefits pay paid contribution contributions death
  dies died accident pension old age job loss thanks thank hello hi who when where why if money month monthly salary income
  worker workers work employer family wife husband child children status data delete privacy official app claim help
  office phone number contact call address sign join cover covered scholarship heir heirs`.split(/\s+/),
);
const INDONESIAN = new Set(
  `apa berapa saya bagaimana yang iuran daftar bisa tidak mau kalau dapat sudah belum bulan meninggal kecelakaan kerja pensiun
  tahun ikut bayar keluarga istri suami anak data hapus cara dong ya gimana brp gmn klo gak ga`.split(/\s+/),
);

/** Lowercase words with slang expanded and stretched letters folded ("brpaaa" → "berapa"). */
export function informalWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of normalizeText(text).split(' ')) {
    if (!raw) continue;
    const folded = raw.replace(/(\p{L})\1{2,}/gu, '$1');
    // A Map, so "constructor" is a word, not Object.prototype's.
    const expanded = SLANG.get(folded) ?? SLANG.get(folded.replace(/(\p{L})\1+/gu, '$1')) ?? folded;
    words.push(...expanded.split(' '));
  }
  return words;
}

/** The index's view of a word: the word and its Indonesian and English stems (stop words dropped). */
export function indexTerms(word: string): string[] {
  if (STOP.has(word) || word.length < 2) return [];
  const terms = new Set([word, stemId(word), stemEn(word)]);
  return [...terms].filter((t) => t.length >= 2);
}

/** True when the message reads as a question rather than an answer. */
export function looksLikeQuestion(text: string, words = informalWords(text)): boolean {
  if (text.trim().endsWith('?')) return true;
  if (words[0] !== undefined && QUESTION_START.has(words[0])) return true;
  return words.some((w) => QUESTION_ANYWHERE.has(w));
}

/** 'en' when English words outnumber Indonesian ones. */
export function detectLanguage(words: string[]): 'id' | 'en' | undefined {
  let en = 0;
  let id = 0;
  for (const w of words) {
    if (ENGLISH.has(w)) en++;
    if (INDONESIAN.has(w)) id++;
  }
  if (en === 0 && id === 0) return undefined;
  return en > id ? 'en' : 'id';
}
