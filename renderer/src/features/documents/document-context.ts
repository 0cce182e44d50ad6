import type { Consent, LotseDocument, Partner, ResidenceStatus, Settings, Template } from '../../../../shared/api/contract';
import type { Client } from '../../../../shared/api/contract';
import { todayIso } from '../../../../shared/domain/iso-date';
import type { PrefillContext } from '../../../../shared/forms/prefill';
import { call } from '../../api';

/**
 * Everything a document screen shows besides the document: the template
 * version it was made with, the directory (for the pickers and names), and
 * what its placeholders are filled from (client, settings, consents).
 */
export interface DocumentSources {
  template: Template;
  /** All partners, archived ones too (a document may name one). */
  partners: Partner[];
  client: Client;
  settings: Settings;
  consents: Consent[];
  statuses: ResidenceStatus[];
}

export async function loadDocumentSources(document: LotseDocument): Promise<DocumentSources> {
  const [template, partners, client, settings, consents, statuses] = await Promise.all([
    call('templates.get', { id: document.templateId, version: document.templateVersion }),
    call('partners.list', { includeArchived: true }).then(({ items }) => items),
    call('clients.get', { id: document.clientId }),
    call('settings.get', {}),
    call('consents.list', { clientId: document.clientId }).then(({ items }) => items),
    call('residenceStatuses.list', {}).then(({ items }) => items),
  ]);
  return { template, partners, client, settings, consents, statuses };
}

/** The newest valid consent that names the partner, as the core picks it for prefilling. */
export function coveringConsent(consents: readonly Consent[], partnerId: string | null): Consent | null {
  if (partnerId === null) return null;
  const covering = consents.filter((consent) => consent.state === 'valid' && consent.recipients.some((recipient) => recipient.partnerId === partnerId));
  covering.sort((a, b) => (b.signedOn ?? '').localeCompare(a.signedOn ?? ''));
  return covering[0] ?? null;
}

/** What the document's text blocks are filled from, for the recipient chosen now. */
export function prefillContext(sources: DocumentSources, partnerId: string | null): PrefillContext {
  const status = sources.statuses.find((candidate) => candidate.code === sources.client.residenceStatus);
  return {
    client: sources.client,
    partner: sources.partners.find((partner) => partner.id === partnerId) ?? null,
    settings: sources.settings,
    consent: coveringConsent(sources.consents, partnerId),
    residenceStatusLabel: status?.label ?? '',
    today: todayIso(),
  };
}

/** A partner's name for display, also of archived ones; the id itself where the directory no longer has it. */
export function partnerNamer(partners: readonly Partner[]): (id: string) => string {
  return (id) => partners.find((partner) => partner.id === id)?.name ?? id;
}
