import type { Client, MethodInput } from '../../shared/api/contract';

/** A stored client as clients.update takes it: the contract refuses the record's own keys (closing, createdAt, updatedAt) as input. */
export function clientToInput({
  closedOn: _closedOn,
  closedReason: _closedReason,
  createdAt: _createdAt,
  updatedAt: _updatedAt,
  ...client
}: Client): MethodInput<'clients.update'> {
  return client;
}
