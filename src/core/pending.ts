import type { ChoiceDef, Pending, Reply, T } from './types.js';

/** The choices of one of the engine's own questions (cancel? language? continue?). */
export function pendingChoices(p: Pending, t: T): ChoiceDef[] {
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
      return p.topics.map((topic) => ({ value: topic, label: t(`kb.${topic}.title`) }));
    case 'resume':
    case 'draft':
      return [
        { value: 'continue', label: t('nav.continue'), aliases: ['lanjut', 'continue', 'ya'] },
        { value: 'restart', label: t('nav.restart'), aliases: ['baru', 'ulang', 'restart', 'start over'] },
      ];
  }
}

/** One of the engine's own questions as a reply, with an optional hint above it. */
export function pendingReply(p: Pending, t: T, currentFlow: string, hint?: string): Reply {
  const flowName = t(`flows.${p.kind === 'draft' ? p.flow : currentFlow}`);
  const body = t(`nav.pending_${p.kind}`, { flow: flowName });
  const choices = pendingChoices(p, t).map((ch, i) => ({ key: String(i + 1), label: ch.label }));
  return { text: hint ? `${hint}\n\n${body}` : body, choices };
}
