// The municipality answers what an initiative asked it for (money, premises, equipment, permission,
// staff time). The answer is public and goes on the timeline.
import type { Actor } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { err, ok, type Result } from '../../../core/errors/result.js';
import { notify } from '../../notifications/index.js';
import { mayAnswerAsk } from '../initiatives.policy.js';
import { answerAsk as saveAnswer, insertEvent, listAudience, lockAsk, lockInitiative, touchActivity } from '../initiatives.repository.js';
import { initiativePath, standingFor, type Tenant } from '../initiatives.standing.js';
import type { AskStatus, TextLang } from '../initiatives.types.js';

export async function answerAsk(
  db: Database,
  m: Tenant,
  actor: Actor | null,
  input: { initiativeId: number; askId: number; status: Exclude<AskStatus, 'open'>; answer: string; lang: TextLang },
): Promise<Result<{ askId: number }, 'not_found' | 'forbidden' | 'already_answered'>> {
  if (!actor) return err('forbidden');
  return db.transaction({ municipalityId: m.id, userId: actor.id }, async (tx) => {
    const initiative = await lockInitiative(tx, m.id, input.initiativeId);
    if (!initiative) return err('not_found');
    if (!mayAnswerAsk(await standingFor(tx, initiative, actor))) return err('forbidden');
    const ask = await lockAsk(tx, m.id, initiative.id, input.askId);
    if (!ask) return err('not_found');
    if (ask.status !== 'open') return err('already_answered');
    await saveAnswer(tx, m.id, ask.id, { status: input.status, answer: input.answer, lang: input.lang, by: actor.id });
    await insertEvent(tx, { municipalityId: m.id, initiativeId: initiative.id, kind: 'ask_answered', ref: ask.id, body: input.answer, lang: input.lang, toState: null, actorId: actor.id });
    await touchActivity(tx, m.id, initiative.id);
    await notify(tx, {
      municipalityId: m.id,
      userIds: await listAudience(tx, m.id, initiative.id),
      actorId: actor.id,
      messageKey: 'initiatives.notify.askAnswered',
      params: { title: initiative.title },
      link: initiativePath(m, initiative.id, `ask-${ask.id}`),
    });
    return ok({ askId: ask.id });
  });
}
