import type { DocumentListFilter, LotseDocument } from '../../../../shared/api/contract';
import { looseKey } from '../../../../shared/domain/fold';

/** The filters of the documents screen as the inputs hold them ('' = any). */
export interface DocumentFilters {
  templateId: string;
  /** Part of the client's name, in any spelling. */
  client: string;
  partnerId: string;
  status: NonNullable<DocumentListFilter['status']> | '';
  referralStatus: NonNullable<DocumentListFilter['referralStatus']> | '';
  from: string;
  to: string;
  /** The letters of one serial letter ('' = any document). */
  batchId: string;
}

export const NO_FILTERS: DocumentFilters = { templateId: '', client: '', partnerId: '', status: '', referralStatus: '', from: '', to: '', batchId: '' };

/** What `documents.list` filters by; the client name is matched here (matchesClient). */
export function listFilter(filters: DocumentFilters): DocumentListFilter {
  return {
    ...(filters.templateId ? { templateId: filters.templateId } : {}),
    ...(filters.partnerId ? { partnerId: filters.partnerId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.referralStatus ? { referralStatus: filters.referralStatus } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.batchId ? { batchId: filters.batchId } : {}),
  };
}

/** "muller" and "Mueller" find Anna Müller, as the client search does. */
export function matchesClient(document: Pick<LotseDocument, 'clientName'>, query: string): boolean {
  const key = looseKey(query);
  return key === '' || looseKey(document.clientName).includes(key);
}
