import { randomUUID } from 'node:crypto';
import type { Consent, ConsentInput } from '../../../shared/api/contract';
import { formatGermanDate, todayIso } from '../../../shared/domain/iso-date';
import type { Core } from '../core';
import * as queries from '../db/queries/consents';
import { getPartner as getPartnerRecord } from '../db/queries/partners';
import type { FieldIssues } from '../../../shared/i18n/error-message';
import { DomainError, invalid, notFound } from '../errors';
import { currentCounselor, recordAudit } from './audit';
import { getClient } from './clients';

function checkDates(core: Core, input: ConsentInput): void {
  const today = todayIso(core.now());
  const fields: FieldIssues = {};
  if (input.signedOn !== null && input.signedOn > today) fields.signedOn = { key: 'consents.signedInFuture' };
  if (input.validUntil !== null && input.signedOn !== null && input.validUntil < input.signedOn) {
    fields.validUntil = { key: 'consents.validUntilBeforeSigned' };
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

/** A recipient picked from the directory must be in it: the consent gate asks by its id. */
function checkRecipients(core: Core, input: ConsentInput): void {
  const today = todayIso(core.now());
  const fields: FieldIssues = {};
  input.recipients.forEach((recipient, index) => {
    if (recipient.partnerId !== null && !getPartnerRecord(core.db, recipient.partnerId, today)) {
      fields[`recipients.${index}.partnerId`] = { key: 'consents.unknownPartner' };
    }
  });
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

/**
 * Records a consent; one without `signedOn` is prepared but covers nothing
 * until signed. `documentId`: the printed consent form it comes from.
 */
export function createConsent(core: Core, input: ConsentInput, documentId: string | null = null): Consent {
  checkDates(core, input);
  getClient(core, input.clientId);
  checkRecipients(core, input);
  const id = randomUUID();
  return core.db.transaction(() => {
    queries.insertConsent(core.db, id, input, currentCounselor(core), core.now().toISOString(), documentId);
    recordAudit(core, {
      action: 'consents.create',
      subjectType: 'consent',
      subjectId: id,
      clientId: input.clientId,
      details: { recipients: input.recipients.length, signed: input.signedOn !== null, ...(documentId ? { documentId } : {}) },
    });
    return getConsent(core, id);
  })();
}

/** The printed form came back signed on `signedOn`: from then on the consent covers its recipients. */
export function signConsent(core: Core, id: string, signedOn: string): Consent {
  return core.db.transaction(() => {
    const consent = getConsent(core, id);
    if (consent.signedOn !== null)
      throw new DomainError('conflict', { key: 'consents.alreadySigned', params: { signedOn: formatGermanDate(consent.signedOn) } });
    if (consent.revokedOn !== null) throw new DomainError('conflict', { key: 'consents.revokedCannotBeSigned' });
    checkDates(core, { ...consent, signedOn });
    queries.setConsentSigned(core.db, id, signedOn);
    recordAudit(core, { action: 'consents.sign', subjectType: 'consent', subjectId: id, clientId: consent.clientId, details: { signedOn } });
    return getConsent(core, id);
  })();
}

function getConsent(core: Core, id: string): Consent {
  const consent = queries.getConsent(core.db, id, todayIso(core.now()));
  if (!consent) throw notFound('consent');
  return consent;
}

/** Revocation works for the future (DOMAIN.md): from `revokedOn` on, the consent covers nothing. */
export function revokeConsent(core: Core, id: string, revokedOn: string | undefined): Consent {
  const today = todayIso(core.now());
  const date = revokedOn ?? today;
  return core.db.transaction(() => {
    const consent = getConsent(core, id);
    if (consent.revokedOn !== null) {
      throw new DomainError('conflict', { key: 'consents.alreadyRevoked', params: { revokedOn: formatGermanDate(consent.revokedOn) } });
    }
    if (date > today) throw invalid({ revokedOn: { key: 'consents.revokedInFuture' } });
    if (consent.signedOn !== null && date < consent.signedOn) {
      throw invalid({ revokedOn: { key: 'consents.revokedBeforeSigned' } });
    }
    queries.setConsentRevoked(core.db, id, date);
    recordAudit(core, { action: 'consents.revoke', subjectType: 'consent', subjectId: id, clientId: consent.clientId, details: { revokedOn: date } });
    return getConsent(core, id);
  })();
}

export function listConsents(core: Core, clientId: string, date: string | undefined): Consent[] {
  getClient(core, clientId);
  return queries.listConsents(core.db, clientId, date ?? todayIso(core.now()));
}

/**
 * The question later steps ask before data leave the office: does a valid
 * consent cover this recipient for this client on this day?
 */
export function consentCovers(
  core: Core,
  query: { clientId: string; partnerId?: string; recipientName?: string; date?: string },
): { covered: boolean; consentIds: string[] } {
  const consentIds = queries.coveringConsentIds(core.db, {
    clientId: query.clientId,
    partnerId: query.partnerId ?? null,
    recipientName: query.recipientName?.trim() ? query.recipientName : null,
    date: query.date ?? todayIso(core.now()),
  });
  return { covered: consentIds.length > 0, consentIds };
}
