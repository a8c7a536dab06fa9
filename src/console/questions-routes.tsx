/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { RouteDeps } from './deps.js';
import { pageBase, type ConsoleContext } from './layout.js';
import type { ConsoleEnv } from './auth.js';
import { OUT_OF_SCOPE, QuestionsPage } from './pages/questions.js';
import { keyIn } from '../core/locale-key.js';
import { forbiddenPage, notFoundPage, rowScope, scopeOf, seesRegency, type Scope } from './scope.js';

/** Flash keys of this page, read from console.questions.flash.* (the rest come from console.flash.*). */
const OK = new Set(['taught', 'taught_out_of_scope', 'forgotten']);
const ERR = new Set(['choose_topic', 'unknown_topic', 'empty_phrasing', 'not_taught']);

/**
 * Questions people left for an officer (each officer those of their regencies), and teaching the
 * bot what it did not understand. The bot's reader is one for the whole deployment and what it did
 * not understand is kept without a regency: with several regencies, teaching is for the officers
 * who work for all of them.
 */
export function questionRoutes(deps: RouteDeps): Hono<ConsoleEnv> {
  const web = new Hono<ConsoleEnv>();
  const { app, t, timeZone, regencies } = deps;
  const { phrasings, questions } = deps.store;
  /** Whether this officer may see and teach the unmatched phrasings (the whole deployment's). */
  const teaches = (scope: Scope) => !scope.readOnly && (!regencies.several || scope.wide);
  /** The regencies whose questions the officer sees (null: every question, a one-regency deployment). */
  const asked = (scope: Scope) => rowScope(scope).regencies;
  // Titles in the officer's language, sorted as officers read them.
  const topics = app.teachableTopics
    .map((id) => ({ id, title: t(keyIn('kb.', `${id}.title`)) }))
    .sort((a, b) => a.title.localeCompare(b.title, 'id'));

  function flashOf(c: ConsoleContext) {
    const ok = c.req.query('ok');
    const err = c.req.query('err');
    if (ok && OK.has(ok)) return { text: t(keyIn('console.questions.flash.', ok)) };
    if (err && ERR.has(err)) return { text: t(keyIn('console.questions.flash.', err)), error: true };
    return undefined;
  }

  web.get('/questions', async (c) => {
    const base = pageBase(c, t, timeZone);
    const scope = scopeOf(c);
    const may = teaches(scope);
    const open = await questions.open(200, asked(scope));
    const answered = await questions.answered(20, asked(scope));
    const unmatched = may ? await phrasings.unmatchedSummary(100) : [];
    const taught = may ? await app.taught() : [];
    return c.html(
      <QuestionsPage
        {...base}
        flash={flashOf(c) ?? base.flash}
        open={open}
        answered={answered}
        unmatched={unmatched}
        topics={topics}
        taught={taught}
        teaching={may}
        readOnly={scope.readOnly}
        regencyName={scope.regencies.length > 1 ? (key) => regencies.name(key) : undefined}
      />,
    );
  });

  // Teaching changes the bot of every regency: with several, only an officer of all of them may.
  web.use('/questions/teach', async (c, next) => (teaches(scopeOf(c)) ? next() : forbiddenPage(c, t, timeZone, t('console.scope.teach_wide_only'))));
  web.use('/questions/forget', async (c, next) => (teaches(scopeOf(c)) ? next() : forbiddenPage(c, t, timeZone, t('console.scope.teach_wide_only'))));

  web.post('/questions/teach', async (c) => {
    const body = await c.req.parseBody();
    const choice = String(body.topic ?? '');
    if (!choice) return c.redirect('/questions?err=choose_topic', 303);
    const topic = choice === OUT_OF_SCOPE ? null : choice;
    // What cannot be taught (TeachError) comes back as a flash through the console's onError.
    await app.teach(String(body.text ?? ''), topic, c.get('officer')!.id);
    return c.redirect(`/questions?ok=${topic === null ? 'taught_out_of_scope' : 'taught'}`, 303);
  });

  web.post('/questions/forget', async (c) => {
    const body = await c.req.parseBody();
    await app.forget(String(body.key ?? ''), c.get('officer')!.id);
    return c.redirect('/questions?ok=forgotten', 303);
  });

  web.post('/questions/:id/answer', async (c) => {
    // Another regency's question is as unknown as a missing one.
    const question = await questions.byId(Number(c.req.param('id')));
    if (!question || !seesRegency(scopeOf(c), question.regency)) return notFoundPage(c, t, timeZone, t('console.scope.question_not_found'));
    const body = await c.req.parseBody();
    const answer = String(body.answer ?? '').trim();
    if (!answer) return c.redirect('/questions?err=empty_answer', 303);
    // Answered already (QuestionError): a flash through the console's onError. The answer and its audit entry are one transaction.
    await app.questions.answer(Number(c.req.param('id')), c.get('officer')!.id, answer.slice(0, 1000));
    return c.redirect('/questions?ok=answered', 303);
  });
  return web;
}
