import { parseArgs } from 'node:util';
import { createInvite, findDesa, inviteLink, InviteError } from '../app/invites.js';
import { RegencyRegistry, settingsPaths } from '../regencies.js';
import { configForTool, exitCodeFor } from '../exit-codes.js';
import { createCadreStore, inviteState } from '../storage/cadres.js';
import { createKvStore, TELEGRAM_USERNAME_KEY } from '../storage/kv.js';
import { openStore } from '../storage/open.js';

const USAGE = `usage:
  npm run cadre -- invite --desa <name> --role <kader|perangkat|bpd|rtrw|lkd> [--days 14] [--regency <code>]
  npm run cadre -- revoke <code>
  npm run cadre -- list`;

/** The settings of the regency an invite's desa is in: the one named by --regency, else the only one with that desa. */
function regencyOfDesa(regencies: RegencyRegistry, desa: string, regency: string | undefined) {
  if (regency !== undefined) {
    if (!regencies.has(regency)) throw new InviteError(`unknown regency "${regency}"; served: ${regencies.keys.join(', ')}`);
    return regencies.get(regency);
  }
  if (!regencies.several) return regencies.default.settings;
  const found = regencies.list.filter((r) => findDesa(r.settings, desa));
  if (found.length === 1) return found[0]!.settings;
  if (found.length === 0) throw new InviteError(`unknown desa "${desa}" in every regency served (${regencies.keys.join(', ')})`);
  throw new InviteError(`desa "${desa}" is in ${found.map((r) => `${r.settings.regency.name} (${r.key})`).join(' and ')}: add --regency <code>`);
}

/** Officer tool for cadre invites (the console will manage them later). */
async function main(): Promise<number> {
  const loaded = configForTool();
  if ('exit' in loaded) return loaded.exit;
  const { config } = loaded;
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { desa: { type: 'string' }, role: { type: 'string' }, days: { type: 'string' }, regency: { type: 'string' } },
  });
  const [command, arg] = positionals;
  // The bot's database (PostgreSQL with DATABASE_URL); an officer's command may wait a while for a busy bot, it must not fail.
  const { sql } = await openStore(config, { busyTimeoutMs: 60_000, applicationName: 'lindung-cadre' });
  try {
    const now = Date.now();
    const cadres = createCadreStore(sql);
    const username = config.TELEGRAM_BOT_USERNAME ?? (await createKvStore(sql).get(TELEGRAM_USERNAME_KEY));
    if (command === 'invite') {
      if (!values.desa || !values.role) throw new InviteError(USAGE);
      const settings = regencyOfDesa(RegencyRegistry.load(settingsPaths(config.PROGRAMME_SETTINGS_PATH)), values.desa, values.regency);
      const invite = await createInvite(cadres, settings, {
        desa: values.desa,
        role: values.role,
        days: values.days === undefined ? undefined : Number(values.days),
        now,
        random: Math.random,
        createdBy: 'cli',
      });
      console.log(`code:    ${invite.code}`);
      console.log(`link:    ${inviteLink(username, invite.code)}`);
      console.log(`desa:    ${invite.desa} (Kecamatan ${invite.kecamatan}, ${settings.regency.name}), role ${invite.role}`);
      console.log(`expires: ${new Date(invite.expiresAt).toISOString()}`);
      if (!username) console.log('(start the bot with TELEGRAM_BOT_TOKEN once, or set TELEGRAM_BOT_USERNAME, to fill in the link)');
      return 0;
    }
    if (command === 'revoke' && arg) {
      const ok = await cadres.revoke(arg.toUpperCase(), now);
      console.log(ok ? `revoked ${arg.toUpperCase()}` : `no open invite ${arg.toUpperCase()}`);
      return ok ? 0 : 1;
    }
    if (command === 'list') {
      for (const i of await cadres.invites()) {
        console.log([i.code, inviteState(i, now), i.desa, i.role, new Date(i.expiresAt).toISOString().slice(0, 10), i.usedBy ? `person ${i.usedBy}` : ''].join('\t'));
      }
      return 0;
    }
    console.error(USAGE);
    return 2;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return err instanceof InviteError ? 2 : exitCodeFor(err);
  } finally {
    await sql.close();
  }
}

process.exitCode = await main();
