import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/api/contract';
import type { Core } from '../core';
import { appInfo, describeContract } from '../services/app';
import * as clients from '../services/clients';
import * as documents from '../services/documents';
import * as settings from '../services/settings';

export type Handler<M extends MethodName> = (core: Core, input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** One handler per contract method; a missing one is a compile error. */
export type Handlers = { [M in MethodName]: Handler<M> };

export const handlers: Handlers = {
  'app.info': (core) => appInfo(core),
  'app.describe': () => describeContract(),
  'clients.create': (core, input) => clients.createClient(core, input),
  'clients.update': (core, { id, ...input }) => clients.updateClient(core, id, input),
  'clients.get': (core, { id }) => clients.getClient(core, id),
  'clients.search': (core, { query, limit }) => ({ items: clients.searchClients(core, query, limit) }),
  'documents.create': (core, input) => documents.createDocument(core, input),
  'documents.update': (core, { id, values }) => documents.updateDocument(core, id, values),
  'documents.get': (core, { id }) => documents.getDocument(core, id),
  'documents.list': (core, { clientId }) => ({ items: documents.listDocuments(core, clientId) }),
  'documents.render': (core, { id }) => documents.renderDocument(core, id),
  'settings.get': (core) => settings.getSettings(core),
  'settings.update': (core, input) => settings.updateSettings(core, input),
};
