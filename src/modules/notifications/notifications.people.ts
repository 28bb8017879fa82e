// The few facts about people this module needs to send them e-mail (address, name, language) come
// from the accounts module, through its public index.
import type { Executor } from '../../core/db/database.js';
import { peopleByIds, type Person } from '../accounts/index.js';

export type Recipient = Pick<Person, 'id' | 'email' | 'displayName' | 'lang'>;

export async function recipients(e: Executor, ids: readonly number[]): Promise<Map<number, Recipient>> {
  return peopleByIds(e, ids);
}
