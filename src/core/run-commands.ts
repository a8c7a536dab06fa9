import { parseInviteCode, parseRegencyPayload } from '../domain/reference.js';
import type { Command, Slash } from './commands.js';
import { keyIn } from './locale-key.js';
import type { Conversation } from './navigation.js';
import { askRegencyAgain, followRegencyLink, officesList, several } from './flows/where.js';

/** The words understood at every question: menu, back, cancel, help, language, greetings. */
export function runCommand(conv: Conversation, cmd: Command): void {
  const { s, out } = conv;
  switch (cmd) {
    case 'menu':
      return conv.toMenu(true);
    case 'back':
      s.pending = null;
      return conv.back();
    case 'cancel':
      s.pending = null;
      if (conv.inMenu) return conv.toMenu(false);
      return conv.askPending({ kind: 'confirmCancel' });
    case 'greeting':
      if (!conv.inMenu) out.say(conv.env.t('nav.greeting_in_flow', { flow: conv.env.t(keyIn('flows.', s.flow)) }));
      else if (!s.pending) conv.intro();
      return conv.repeatQuestion();
    case 'help': {
      const t = conv.env.t;
      const key = conv.step.help ?? (conv.inMenu && !s.cadre && officesList(conv.env) ? 'help.menu_several' : keyIn('help.', s.flow));
      out.say(`${t(key, helpParams(conv))}\n\n${t('help.commands')}`);
      return conv.repeatQuestion();
    }
    case 'language':
      return conv.askPending({ kind: 'language', then: s.pending && s.pending.kind !== 'language' ? s.pending : undefined });
    case 'regency':
      return changeRegency(conv);
    case 'english':
    case 'indonesian':
      s.lang = cmd === 'english' ? 'en' : 'id';
      out.say(conv.env.t('nav.language_set'));
      return conv.repeatQuestion();
  }
}

function helpParams(conv: Conversation): Record<string, unknown> {
  const o = conv.c.settings.office;
  return { office: o.name, phone: o.phone, hours: o.hours, address: o.address, offices: officesList(conv.env) };
}

/** Slash commands work from anywhere: a registration in progress is parked as a draft. */
export function runSlash(conv: Conversation, cmd: Slash): void {
  const { s } = conv;
  s.pending = null;
  const open = (flowId: string, resume = false) => {
    conv.leave(true);
    conv.enterFlow(flowId, true, resume);
  };
  switch (cmd.name) {
    case 'start': {
      const invite = parseInviteCode(cmd.payload);
      if (invite) return enrolCadre(conv, invite);
      conv.leave(true);
      // A regency's own link (t.me/<bot>?start=kab_63_03): the person is that regency's, unless a
      // cadre (their village's); a parked registration of another regency asks its consent again.
      const regency = parseRegencyPayload(cmd.payload);
      if (regency) followRegencyLink(conv.env, regency, false);
      conv.intro();
      return conv.render();
    }
    case 'menu':
      return conv.toMenu(true);
    case 'language':
      return runCommand(conv, 'language');
    case 'help':
      return runCommand(conv, 'help');
    case 'status':
    case 'neighbours':
      return open(s.cadre ? 'neighbours' : 'status');
    case 'register':
      return open('registration');
    case 'draft':
      if (!s.drafts.registration) {
        conv.leave(true);
        conv.out.say(conv.env.t('cadre.no_draft'));
        return conv.render();
      }
      return open('registration', true);
    case 'unknown':
      conv.out.say(conv.env.t('nav.unknown_command'));
      return conv.repeatQuestion();
  }
}

/** Enrols the person as a cadre with an invite code (typed, or from a deep link). */
export function enrolCadre(conv: Conversation, code: string): void {
  const { s, c } = conv;
  const t = conv.env.t;
  const invite = c.store.invite(code);
  s.pending = null;
  if (invite.state !== 'valid' || !invite.desa || !invite.kecamatan || !invite.role) {
    // A 'valid' invite that lacks its village or role cannot enrol anyone: treated as unknown.
    conv.out.say(t(`cadre.invite_${invite.state === 'valid' ? 'unknown' : invite.state}`, { phone: c.settings.office.phone }));
    return conv.render();
  }
  conv.out.effects.push({ type: 'enrolCadre', code });
  conv.leave(true);
  s.cadre = { desa: invite.desa, kecamatan: invite.kecamatan, role: invite.role, ...(invite.regency ? { regency: invite.regency } : {}) };
  // A cadre works for their own village's regency: what they are told next is in its settings.
  if (invite.regency) {
    s.regency = invite.regency;
    s.regencyBy = 'cadre';
  }
  conv.out.say(t('cadre.enrolled', { desa: invite.desa, kecamatan: invite.kecamatan, role: t(keyIn('cadre.role.', invite.role)) }));
  conv.render();
}

/**
 * "ganti kabupaten": the person's regency is asked again, from the question they are at (the flow's
 * own where-question, then back to it) or from the menu (the regency flow). A cadre's regency is
 * their village's; a deployment of one regency has nothing to change.
 */
function changeRegency(conv: Conversation): void {
  const { s, c } = conv;
  const t = conv.env.t;
  s.pending = null;
  if (!several(c)) {
    conv.out.say(t('where.single', { regency: c.settings.regency.name }));
    return conv.repeatQuestion();
  }
  if (s.cadre) {
    conv.out.say(t('where.cadre_fixed', { regency: c.settings.regency.name, phone: c.settings.office.phone }));
    return conv.repeatQuestion();
  }
  if (!conv.inMenu && conv.flow.steps.where) {
    if (s.step === 'where' || s.step === 'whereWhich') return conv.repeatQuestion();
    return conv.apply(askRegencyAgain(conv.env, s.step));
  }
  // From the menu (or a flow that does not depend on it): asked now, then back to the menu; their
  // regency stays until they answer.
  const from = s.regency;
  conv.leave(true);
  conv.resetTo('regency', 'where');
  s.answers._whereAsk = true;
  if (from) s.answers._whereFrom = from;
  conv.goTo('where');
}
