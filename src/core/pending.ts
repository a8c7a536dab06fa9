import { formatRupiah } from '../domain/income.js';
import { topicText } from './faq.js';
import { keyIn } from './locale-key.js';
import type { ChoiceDef, Pending, Reply, StepEnv } from './types.js';

/** The choices of one of the engine's own questions (cancel? language? continue? which topic?). */
export function pendingChoices(p: Pending, env: StepEnv): ChoiceDef[] {
  const { t } = env;
  switch (p.kind) {
    case 'confirmCancel':
      return [
        { value: 'yes', label: t('nav.cancel_yes'), aliases: ['ya', 'yes', 'y', 'iya', 'batal'] },
        { value: 'no', label: t('nav.cancel_no'), aliases: ['tidak', 'no', 'tdk', 'lanjut', 'gak'] },
      ];
    case 'language':
      return [
        { value: 'id', label: 'Bahasa Indonesia', aliases: ['indonesia', 'id'] },
        { value: 'en', label: 'English', aliases: ['inggris', 'en'] },
      ];
    case 'faq':
      // Each offered answer with the one line it tells, in the language of the question.
      return p.topics.map((topic) => ({ value: topic, label: topicText(env, topic, 'gist', p.lang), aliases: [env.c.translate(p.lang)(keyIn('kb.', `${topic}.title`))] }));
    case 'resume':
    case 'draft':
      return [
        { value: 'continue', label: t('nav.continue'), aliases: ['lanjut', 'continue', 'ya'] },
        { value: 'restart', label: t('nav.restart'), aliases: ['baru', 'ulang', 'restart', 'start over'] },
      ];
    case 'income':
      return [
        { value: 'yes', label: t('income.use', { amount: formatRupiah(p.value) }), aliases: ['ya', 'iya', 'y', 'yes', 'betul', 'benar', 'ok', 'oke', 'pakai', 'setuju'] },
        { value: 'no', label: t('income.other'), aliases: ['tidak', 'bukan', 'no', 'ubah', 'ganti', 'lain'] },
      ];
  }
}

/** One of the engine's own questions as a reply, with an optional hint above it. */
export function pendingReply(p: Pending, env: StepEnv, currentFlow: string, hint?: string): Reply {
  const { t } = env;
  const flowName = t(keyIn('flows.', p.kind === 'draft' ? p.flow : currentFlow));
  const body = p.kind === 'income' ? incomeQuestion(p, env) : p.kind === 'faq' ? env.c.translate(p.lang)('nav.pending_faq') : t(`nav.pending_${p.kind}`, { flow: flowName });
  const choices = pendingChoices(p, env).map((ch, i) => ({ key: String(i + 1), label: ch.label }));
  return { text: hint ? `${hint}\n\n${body}` : body, choices };
}

/** "Sehari Rp100.000 → sekitar Rp2.600.000 sebulan (26 hari kerja). Pakai angka ini?" */
function incomeQuestion(p: Extract<Pending, { kind: 'income' }>, env: StepEnv): string {
  return env.t(`income.confirm_${p.reading}`, { amount: formatRupiah(p.value), ...(p.detail ?? {}) });
}
