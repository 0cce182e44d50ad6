import type { LotseDocument, Partner, Template, TemplateSummary } from '../../../../shared/api/contract';
import { call } from '../../api';

/**
 * What a document screen shows besides the document: the template version it
 * was made with and the directory (for the recipient picker and partner
 * names). What a draft is filled from comes from the core
 * (`useDocumentContext`), never worked out here.
 */
export interface DocumentSources {
  template: Template;
  /** All partners, archived ones too (a document may name one). */
  partners: Partner[];
}

export async function loadDocumentSources(document: LotseDocument): Promise<DocumentSources> {
  const [template, partners] = await Promise.all([
    call('templates.get', { id: document.templateId, version: document.templateVersion }),
    call('partners.list', { includeArchived: true }).then(({ items }) => items),
  ]);
  return { template, partners };
}

/** A partner's name for display, also of archived ones; the id itself where the directory no longer has it. */
export function partnerNamer(partners: readonly Partner[]): (id: string) => string {
  return (id) => partners.find((partner) => partner.id === id)?.name ?? id;
}

/** The templates documents are made of: not those Lotse fills itself (the Art. 15 information). */
export async function loadDocumentTemplates(): Promise<TemplateSummary[]> {
  const { items } = await call('templates.list', {});
  return items.filter((template) => template.purpose === null);
}
