import type { Disclosure, DocumentContextView } from '../../../../shared/api/contract';
import type { FormValues } from '../../../../shared/forms/values';
import { ageOn } from '../../../../shared/domain/age';
import { servicesExcludingAge } from '../../../../shared/domain/eligibility';
import type { Core } from '../../core';
import type { DocumentContext } from './context';
import { disclosureOf } from './consent-gate';
import { contextOfDocument, getDocument } from './drafts';
import { recipientLinesOf } from './pdf';

/**
 * The documents service (DESIGN.md §5) as the API handlers call it. The
 * lifecycle is split by what it does: `context` loads what a document is
 * made of, `drafts` creates and autosaves, `consent-gate` decides what may
 * go out, `finalize` freezes and renders, `pdf` prints without the store.
 */
export { createDocument, discardDocument, getDocument, listDocuments, setReferralStatus, updateDocument } from './drafts';
export { finalizeDocument, renderDocument, renderDocumentForCaller } from './finalize';
export { duplicateDocument } from './duplicate';
export { printDocuments } from './print-many';
export { listBatchGroups } from './batch-groups';

/**
 * What would reach the recipient, whether the covering consent names each
 * kind of data, and whether the recipient's services take a person of the
 * client's age: what the finalize dialog shows before the counselor decides.
 */
export function documentDisclosure(core: Core, id: string): Disclosure {
  const document = getDocument(core, id);
  const context = contextOfDocument(core, document);
  return { ...disclosureOf(context, document.values as FormValues), ageMismatch: ageMismatchOf(context) };
}

/** A referral's recipient whose active services all exclude the client's age today (DOMAIN.md: e.g. a youth service for 12 to 27). */
function ageMismatchOf(context: DocumentContext): Disclosure['ageMismatch'] {
  const { client, partner, today } = context.prefill;
  if (!context.form.tracksReferral || partner === null || client.birthDate === null) return null;
  const age = ageOn(client.birthDate, today);
  const excluding = servicesExcludingAge(partner.services, age);
  return excluding && { age, services: excluding.map(({ name, minimumAge, maximumAge }) => ({ name, minimumAge, maximumAge })) };
}

/**
 * The context the core uses for this document — with another recipient
 * partner or contact where the editor has just picked one — so the editor fills its
 * text blocks and shows the covering consent exactly as the core will.
 */
export function documentContext(
  core: Core,
  id: string,
  recipient: { partnerId?: string | null | undefined; contactId?: string | null | undefined },
): DocumentContextView {
  const document = getDocument(core, id);
  const context = contextOfDocument(core, document, recipient);
  const { prefill } = context;
  return {
    templateId: context.form.id,
    templateVersion: context.form.version,
    ...prefill,
    recipientLines: recipientLinesOf(context.recipient),
    contactId: context.contact?.id ?? null,
  };
}
