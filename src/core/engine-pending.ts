import { parseCommand } from './commands.js';
import { pickChoice, type Engine } from './engine.js';
import { topicAnswer } from './faq.js';
import type { Pending } from './types.js';

/** An answer to one of the engine's own questions (cancel? language? continue? which topic?). */
export function answerPending(e: Engine, p: Pending, text: string): void {
  const { s } = e;
  const value = pickChoice(text, e.pendingChoices(p));
  if (value === undefined) {
    const cmd = parseCommand(text);
    if (p.kind === 'confirmCancel' && cmd === 'cancel') return answerPending(e, p, '1');
    // Harmless words keep the engine's question open: it is asked again after them.
    if (cmd === 'language' && p.kind !== 'language') return e.askPending({ kind: 'language', then: p });
    if (cmd === 'help' || cmd === 'greeting' || cmd === 'english' || cmd === 'indonesian') {
      if (cmd === 'help') e.out.say(e.env.t('help.commands'));
      if (cmd === 'english' || cmd === 'indonesian') {
        s.lang = cmd === 'english' ? 'en' : 'id';
        e.out.say(e.env.t('nav.language_set'));
      }
      e.out.replies.push(e.pendingReply(p));
      return;
    }
    if (cmd) {
      s.pending = null;
      return e.command(cmd);
    }
    s.misses += 1;
    const max = e.pendingChoices(p).length;
    e.out.replies.push(e.pendingReply(p, e.env.t('err.choice', { max })));
    return;
  }
  s.pending = null;
  s.misses = 0;
  switch (p.kind) {
    case 'confirmCancel':
      if (value === 'yes') {
        delete s.drafts[s.flow];
        e.out.say(e.env.t('nav.cancelled'));
        return e.toMenu(false);
      }
      return e.render();
    case 'language':
      s.lang = value === 'en' ? 'en' : 'id';
      e.out.say(e.env.t('nav.language_set'));
      return p.then ? e.askPending(p.then) : e.render();
    case 'resume':
      if (value === 'continue') return e.render();
      delete s.drafts[s.flow];
      return e.enterFlow(s.flow, false);
    case 'faq':
      e.out.say(topicAnswer(e.env, String(value), p.lang));
      return e.render();
    case 'draft': {
      const draft = s.drafts[p.flow];
      delete s.drafts[p.flow];
      if (value === 'continue' && draft && e.flows[p.flow]?.steps[draft.step]) {
        e.resetTo(p.flow, draft.step);
        s.answers = draft.answers;
        s.trail = draft.trail;
        return e.render();
      }
      return e.enterFlow(p.flow, false);
    }
  }
}
