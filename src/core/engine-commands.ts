import type { Slash } from './commands.js';
import type { Engine } from './engine.js';

/** Slash commands work from anywhere: a registration in progress is parked as a draft. */
export function handleSlash(e: Engine, cmd: Slash): void {
  const { s } = e;
  s.pending = null;
  const open = (flowId: string, resume = false) => {
    e.leave(true);
    e.enterFlow(flowId, true, resume);
  };
  switch (cmd.name) {
    case 'start':
      e.leave(true);
      e.intro();
      return e.render();
    case 'menu':
      return e.toMenu(true);
    case 'language':
      return e.command('language');
    case 'help':
      return e.command('help');
    case 'status':
    case 'neighbours':
      return open(s.cadre ? 'neighbours' : 'status');
    case 'register':
      return open('registration');
    case 'draft':
      if (!s.drafts.registration) {
        e.leave(true);
        e.out.say(e.env.t('cadre.no_draft'));
        return e.render();
      }
      return open('registration', true);
    case 'unknown':
      e.out.say(e.env.t('nav.unknown_command'));
      return e.render();
  }
}

/** Enrols the person as a cadre with an invite code (typed, or from a deep link). */
export function enrolCadre(e: Engine, code: string): void {
  const { s, c } = e;
  const t = e.env.t;
  const invite = c.store.invite(code);
  s.pending = null;
  if (invite.state !== 'valid' || !invite.desa || !invite.kecamatan || !invite.role) {
    e.out.say(t(`cadre.invite_${invite.state}`, { phone: c.settings.office.phone }));
    return e.render();
  }
  e.out.effects.push({ type: 'enrolCadre', code });
  e.leave(true);
  s.cadre = { desa: invite.desa, kecamatan: invite.kecamatan, role: invite.role };
  e.out.say(t('cadre.enrolled', { desa: invite.desa, kecamatan: invite.kecamatan, role: t(`cadre.role.${invite.role}`) }));
  e.render();
}
