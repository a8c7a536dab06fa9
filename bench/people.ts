import { informalWords, looksLikeQuestion } from '../src/faq/normalize.js';
import { registrationScript } from '../test/helpers/registration.js';
// Simulated people for the benchmarks: unique valid NIKs whose birth date and sex match what the
// person types, and the messages of a full registration from 'halo' to the final '1' (send), in the
// registration schema's order (19 with the example settings).

/** Messages per person: 'halo', then the registration from '4' (Daftar) to '1' (Kirim), which returns LD-XXXXX. */
export const SCRIPT_LEN = 1 + registrationScript().length;

/** mulberry32: seeded randomness so reference codes are repeatable. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Digit-free names (the name parser refuses digits), never a chat abbreviation such as "brp"
 * (berapa) or a question word that would turn "Warga brp" into a question.
 */
export function letters(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  // Not a chat abbreviation, and not a question word either ("opo" is Javanese for "apa").
  const plain = (w: string) => informalWords(w).join(' ') === w.replace(/(\p{L})\1{2,}/gu, '$1') && !looksLikeQuestion(`Warga ${w}`);
  for (const tail of ['', 'o', 'x', 'ox']) if (plain(s + tail)) return s + tail;
  return `${s}zz`;
}

export const pad2 = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;

/** Birth dates are spread over [from, to] (UTC ms, whole days). */
export interface DobRange {
  from: number;
  to: number;
}

/**
 * Person i's messages: a unique NIK (not yet in `usedNiks`, which it joins) whose birth date and sex
 * match what the person types. Each field is answered in the schema's order with the value below
 * (a field not named here, such as one a regency adds, with the schema's example).
 */
export function scriptFor(i: number, usedNiks: Set<string>, dobRange: DobRange): string[] {
  const days = (dobRange.to - dobRange.from) / DAY_MS + 1;
  const dob = new Date(dobRange.from + ((i * 7919) % days) * DAY_MS); // 7919 is prime: spreads dates
  const d = dob.getUTCDate();
  const m = pad2(dob.getUTCMonth() + 1);
  const yyyy = dob.getUTCFullYear();
  const female = i % 2 === 1;
  const prefix = `630101${pad2(female ? d + 40 : d)}${m}${String(yyyy).slice(2)}`;
  let serial = (i % 9999) + 1;
  while (usedNiks.has(prefix + String(serial).padStart(4, '0'))) serial = (serial % 9999) + 1;
  const nik = prefix + String(serial).padStart(4, '0');
  usedNiks.add(nik);
  const phone = `0812${String(30_000_000 + i).slice(-8)}`;
  const answers: Record<string, string> = {
    fullName: `Warga ${letters(i)}`,
    nik,
    birthPlace: 'Banjarmasin',
    birthDate: `${pad2(d)}-${m}-${yyyy}`,
    sex: female ? '2' : '1',
    kecamatan: '1',
    desa: '2',
    address: 'Jl. Mawar RT 03',
    phone,
    occupation: '1',
    income: '1,5 juta',
    groupId: '7',
    programmes: '1',
    heirName: `Ahli ${letters(i)}`,
    heirRelation: '1',
  };
  return ['halo', ...registrationScript(answers)];
}
