import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/api/contract';
import type { Core } from '../core';
import { appInfo, describeContract } from '../services/app';
import { auditFacets, exportAuditCsv, listAudit } from '../services/audit';
import * as backups from '../services/backup';
import { eraseClientEverywhere } from '../services/erasure';
import * as batches from '../services/batches';
import { exportClient } from '../services/client-export';
import * as clients from '../services/clients';
import * as consents from '../services/consents';
import { completeDeadline, listDeadlines, postponeDeadline, reopenDeadline } from '../services/deadlines';
import * as documents from '../services/documents';
import { exportPartners } from '../services/partner-exchange';
import { cancelImport, importPartners, importStatus, startImport } from '../services/partner-import';
import * as partners from '../services/partners';
import { printPdf } from '../services/printing';
import * as residenceStatuses from '../services/residence-statuses';
import { closeCase, reopenCase, retentionDue } from '../services/retention';
import * as settings from '../services/settings';
import { previewTemplate } from '../services/template-preview';
import * as templates from '../services/templates';
import * as teamMode from '../services/team';

export type Handler<M extends MethodName> = (core: Core, input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** One handler per contract method; a missing one is a compile error. */
export type Handlers = { [M in MethodName]: Handler<M> };

export const handlers: Handlers = {
  'app.info': (core) => appInfo(core),
  'app.describe': () => describeContract(),
  'app.unlock': (core, { passphrase }) => {
    core.unlock(passphrase);
    return { unlocked: true as const };
  },
  'app.setPassphrase': (core, { passphrase }) => backups.setStorePassphrase(core, passphrase),
  'app.removePassphrase': (core) => backups.removeStorePassphrase(core),
  'clients.create': (core, { confirmedNotDuplicateOf, ...input }) => clients.createClient(core, input, confirmedNotDuplicateOf),
  'clients.update': (core, { id, confirmedNotDuplicateOf, ...input }) => clients.updateClient(core, id, input, confirmedNotDuplicateOf),
  'clients.similar': (core, { excludeId, ...person }) => ({
    items: clients.similarClients(core, person, excludeId).map(({ client, reasons }) => ({
      client: {
        id: client.id,
        familyName: client.familyName,
        givenName: client.givenName,
        birthDate: client.birthDate,
        city: client.address.city,
        customerNumber: client.customerNumber,
        fileNumber: client.fileNumber,
        closedOn: client.closedOn,
      },
      reasons,
    })),
  }),
  'clients.get': (core, { id }) => clients.getClient(core, id),
  'clients.search': (core, { query, limit, sort, filter }) => ({
    items: sort === undefined && filter === undefined ? clients.searchClients(core, query, limit) : clients.listClients(core, query, limit, sort, filter),
  }),
  'clients.erase': async (core, { id }) => {
    await eraseClientEverywhere(core, id);
    return { erased: true };
  },
  'clients.export': (core, { id }) => exportClient(core, id),
  'clients.close': (core, { id, closedOn, reason }) => closeCase(core, id, closedOn, reason),
  'clients.reopen': (core, { id }) => reopenCase(core, id),
  'clients.retentionDue': (core, { date }) => retentionDue(core, date),
  'residenceStatuses.list': (core) => ({ items: residenceStatuses.listResidenceStatuses(core) }),
  'residenceStatuses.update': (core, input) => residenceStatuses.updateResidenceStatus(core, input),
  'consents.create': (core, input) => consents.createConsent(core, input),
  'consents.revoke': (core, { id, revokedOn }) => consents.revokeConsent(core, id, revokedOn),
  'consents.sign': (core, { id, signedOn }) => consents.signConsent(core, id, signedOn),
  'consents.list': (core, { clientId, date }) => ({ items: consents.listConsents(core, clientId, date) }),
  'consents.covers': (core, input) => consents.consentCovers(core, input),
  'partners.create': (core, input) => partners.createPartner(core, input),
  'partners.update': (core, { id, ...input }) => partners.updatePartner(core, id, input),
  'partners.get': (core, { id }) => partners.getPartner(core, id),
  'partners.list': (core, filter) => ({ items: partners.listPartners(core, filter) }),
  'partners.archive': (core, { id, archived }) => partners.archivePartner(core, id, archived),
  'partners.delete': (core, { id }) => {
    partners.deletePartner(core, id);
    return { deleted: true };
  },
  'partners.export': (core, input) => exportPartners(core, input),
  'partners.import': (core, input) => importPartners(core, input),
  'partners.importStart': (core, input) => startImport(core, input),
  'partners.importStatus': (core, { importId }) => importStatus(core, importId),
  'partners.importCancel': (core, { importId }) => cancelImport(core, importId),
  'partners.addressBlock': (core, { id, contactId }) => partners.partnerAddressBlock(core, id, contactId),
  'deadlines.list': (core, input) => listDeadlines(core, input),
  'deadlines.complete': (core, input) => completeDeadline(core, input),
  'deadlines.postpone': (core, input) => postponeDeadline(core, input),
  'deadlines.reopen': (core, input) => reopenDeadline(core, input),
  'templates.list': (core) => ({ items: templates.listTemplates(core) }),
  'templates.get': (core, { id, version }) => templates.getTemplate(core, id, version),
  'templates.update': (core, input) => templates.updateTemplate(core, input),
  'templates.restore': (core, { id }) => templates.restoreTemplate(core, id),
  'templates.preview': (core, input) => previewTemplate(core, input),
  'documents.create': (core, input) => documents.createDocument(core, input),
  'documents.update': (core, input) => documents.updateDocument(core, input),
  'documents.get': (core, { id }) => documents.getDocument(core, id),
  'documents.list': (core, filter) => ({ items: documents.listDocuments(core, filter) }),
  'documents.context': (core, { id, ...recipient }) => documents.documentContext(core, id, recipient),
  'documents.disclosure': (core, { id }) => documents.documentDisclosure(core, id),
  'documents.finalize': (core, input) => documents.finalizeDocument(core, input),
  'documents.render': (core, { id }) => documents.renderDocumentForCaller(core, id),
  'documents.setStatus': (core, { id, referralStatus, followUpDate }) => documents.setReferralStatus(core, id, referralStatus, followUpDate),
  'documents.duplicate': (core, input) => documents.duplicateDocument(core, input),
  'documents.printMany': (core, { ids }) => documents.printDocuments(core, ids),
  'documents.batches': (core) => ({ items: documents.listBatchGroups(core) }),
  'documents.discard': (core, { id }) => {
    documents.discardDocument(core, id);
    return { discarded: true };
  },
  'batches.preview': (core, input) => batches.previewBatch(core, input),
  'batches.sample': (core, input) => batches.sampleBatch(core, input),
  'batches.render': (core, input) => batches.startBatch(core, input),
  'batches.status': (core, { batchId }) => batches.batchStatus(core, batchId),
  'batches.cancel': (core, { batchId }) => batches.cancelBatch(core, batchId),
  'batches.result': (core, { batchId }) => batches.batchResult(core, batchId),
  'pdf.print': (core, input) => printPdf(core, input),
  'settings.get': (core) => settings.getSettings(core),
  'settings.update': (core, input) => settings.updateSettings(core, input),
  'settings.previewLetterhead': (core, input) => settings.previewLetterhead(core, input.settings),
  'backups.create': (core) => backups.createBackup(core),
  'backups.list': (core) => backups.backupList(core),
  'backups.restore': (core, { id }) => backups.restoreBackup(core, id),
  'backups.download': (core, { id, passphrase }) => backups.downloadBackup(core, id, passphrase),
  'backups.upload': (core, input) => backups.uploadBackup(core, input),
  'audit.list': (core, input) => listAudit(core, input),
  'audit.facets': (core) => auditFacets(core),
  'team.connect': (core, input) => teamMode.connectTeam(core, input),
  'team.disconnect': (core, { discardWaiting }) => teamMode.disconnectTeam(core, discardWaiting),
  'team.status': (core) => teamMode.teamStatus(core),
  'team.sync': (core) => teamMode.syncTeam(core),
  'team.conflicts': (core) => teamMode.listConflicts(core),
  'team.resolve': (core, input) => teamMode.resolveConflict(core, input),
  'team.handOver': (core, input) => teamMode.handOver(core, input),
  'audit.exportCsv': (core, filter) => exportAuditCsv(core, filter),
};
