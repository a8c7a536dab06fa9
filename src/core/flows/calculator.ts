import { computeBpuContribution } from '../../domain/contribution.js';
import { formatDateId } from '../../domain/dates.js';
import { figures } from '../../domain/figures.js';
import { formatRupiah } from '../../domain/income.js';
import type { FlowDef, StepEnv } from '../types.js';
import { incomeAnswer } from './util.js';
import { whereSteps } from './where.js';

/** The transport choice sits beside the regency's groups: it has its own discount rule. */
export const TRANSPORT = 'transport';

/** The contribution result for the given income and group, as one phone-sized message. */
export function contributionMessage(env: StepEnv, income: number, groupId: string): string {
  const { c, t, s } = env;
  const group = c.settings.groups.find((g) => g.id === groupId);
  const governmentPays = !!group?.funded;
  const r = computeBpuContribution(c.rates, {
    income,
    date: c.today,
    transport: groupId === TRANSPORT,
    governmentPays,
  });
  const f = figures(c.rates, s.lang);
  const lines = [
    t('calc.result', {
      basis: formatRupiah(r.basis),
      jkkPercent: f.bpuJkkPercent,
      jkk: formatRupiah(r.jkk),
      jkm: formatRupiah(r.jkm),
      basic: formatRupiah(r.basic),
      jhtPercent: f.bpuJhtPercent,
      jht: formatRupiah(r.jht),
      withJht: formatRupiah(r.withJht),
    }),
  ];
  if (r.raisedToFloor) lines.push(t('calc.floor', { min: f.bpuMinIncome }));
  if (r.discount) {
    lines.push(
      t('calc.discount', {
        source: r.discount.source,
        to: formatDateId(r.discount.to, s.lang),
        before: formatRupiah(r.basicBeforeDiscount),
        after: formatRupiah(r.basic),
      }),
    );
  } else if (r.possibleDiscount) {
    lines.push(
      t('calc.possible_discount', {
        source: r.possibleDiscount.rule.source,
        to: formatDateId(r.possibleDiscount.rule.to, s.lang),
        after: formatRupiah(r.possibleDiscount.basic),
      }),
    );
  }
  if (group?.funded) {
    const paid = group.programmes.join(' + ');
    lines.push(
      t(group.monthlyAmount ? 'calc.regency_pays_amount' : 'calc.regency_pays', {
        regency: c.settings.regency.name,
        group: group.label[s.lang],
        programmes: paid,
        fundedBy: group.fundedBy,
        amount: group.monthlyAmount ? formatRupiah(group.monthlyAmount) : '',
        jht: formatRupiah(r.jht),
      }),
    );
    if (group.needsRegistryCheck) lines.push(t('calc.registry_check'));
  }
  lines.push(t('calc.officer_confirms'));
  return lines.join('\n\n');
}

/** BPU contribution calculator: income in everyday words, then the person's group. */
export const calculatorFlow: FlowDef = {
  id: 'calculator',
  start: 'where',
  steps: {
    ...Object.fromEntries(whereSteps('income').map((st) => [st.id, st])),
    income: {
      id: 'income',
      prompt: 'calc.income',
      about: ['income'],
      answer: incomeAnswer,
      readsIncome: true,
      display: (v) => formatRupiah(Number(v)),
      help: 'help.income',
      next: () => 'group',
    },
    group: {
      id: 'group',
      prompt: 'calc.group',
      about: ['which_option'],
      choices: ({ c, s, t }) => [
        ...c.settings.groups.map((g) => ({ value: g.id, label: g.label[s.lang], aliases: g.aliases })),
        { value: TRANSPORT, label: t('calc.transport'), aliases: ['ojek', 'ojol', 'sopir', 'supir', 'driver', 'angkot'] },
      ],
      next: (value, env) => ({
        to: 'after',
        say: [contributionMessage(env, Number(env.s.answers.income), String(value))],
      }),
    },
    after: {
      id: 'after',
      prompt: 'calc.after',
      about: ['contribution'],
      help: 'help.calc_after',
      choices: ({ t }) => [
        { value: 'register', label: t('calc.to_register'), aliases: ['daftar'] },
        { value: 'again', label: t('calc.again'), aliases: ['lagi', 'ulang'] },
      ],
      next: (v) => (v === 'register' ? { to: null, flow: 'registration' } : 'income'),
    },
  },
};
