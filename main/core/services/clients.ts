import { randomUUID } from 'node:crypto';
import type { Client, ClientInput } from '../../../shared/api/contract';
import { todayIso } from '../../../shared/domain/iso-date';
import type { Core } from '../core';
import * as queries from '../db/queries/clients';
import { DomainError, notFound } from '../errors';

/** Rules the schema cannot know because they depend on today. */
function checkPlausible(core: Core, input: ClientInput): void {
  if (input.birthDate !== null && input.birthDate > todayIso(core.now())) {
    throw new DomainError('invalid_input', 'Bitte die Eingaben prüfen.', {
      birthDate: 'Das Geburtsdatum liegt in der Zukunft.',
    });
  }
}

export function createClient(core: Core, input: ClientInput): Client {
  checkPlausible(core, input);
  return core.db.transaction(() => queries.insertClient(core.db, randomUUID(), input, core.now().toISOString()))();
}

export function updateClient(core: Core, id: string, input: ClientInput): Client {
  checkPlausible(core, input);
  const client = core.db.transaction(() => queries.updateClient(core.db, id, input, core.now().toISOString()))();
  if (!client) throw notFound('Die Klientin / der Klient');
  return client;
}

export function getClient(core: Core, id: string): Client {
  const client = queries.getClient(core.db, id);
  if (!client) throw notFound('Die Klientin / der Klient');
  return client;
}

export function searchClients(core: Core, query: string, limit: number): Client[] {
  return queries.searchClients(core.db, query, limit);
}
