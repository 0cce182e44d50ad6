import type { Client, Consent, Partner, Settings } from '../../../../shared/api/contract';
import { todayIso } from '../../../../shared/domain/iso-date';
import { recipientGreeting } from '../../../../shared/domain/salutation';
import type { FormDefinition } from '../../../../shared/forms';
import type { PrefillContext } from '../../../../shared/forms/prefill';
import type { Core } from '../../core';
import { newestCoveringConsent } from '../../db/queries/consents';
import { getPartner } from '../../db/queries/partners';
import { getResidenceStatus } from '../../db/queries/residence-statuses';
import type { AddressRecipient } from '../../pdf/address-block';
import { clientRecipient, partnerRecipient } from '../../pdf/recipients';
import { notFound } from '../../errors';
import { getClient } from '../clients';
import { getSettings } from '../settings';

/**
 * Everything a document is made of besides its values, loaded once per
 * request from one clock reading: the form (template version), the client,
 * the recipient partner, the consent that covers it today, the settings with
 * the letterhead, the label of the residence status. Prefilling, the consent
 * gate, the minimisation preview, the snapshot at finalization, rendering and
 * the serial-letter worker all read it; nothing else loads these rows for a
 * document, so the editor (`documents.context`) and the core never disagree.
 */
type PartnerContact = Partner['contacts'][number];

export interface DocumentContext {
  /** The one clock reading of this request: the printed date, `today` of the prefill, the finalization time. */
  now: Date;
  form: FormDefinition;
  /** What prefill paths and placeholders read (`client.*`, `partner.*`, `consent.*`, `settings.*`, `today`). */
  prefill: PrefillContext;
  /** Whom the letter goes to (partner or client, as the form says); null for a form without recipient. */
  recipient: AddressRecipient | null;
  /** The recipient partner's contact the letter goes to; null: the organization (or a letter to the client). */
  contact: PartnerContact | null;
  /** The counselor's own greeting for this letter, printed instead of the form's; null: the form's (by default the one `prefill.salutation` computes). */
  salutationOverride: string | null;
  /** A partner picked in a `partner` field, by id (the recipient is not read twice); undefined if the directory lacks it. */
  findPartner(id: string): Partner | undefined;
}

/** Whom in the recipient a letter speaks to, as a document keeps it (documents.contact_id, salutation_override). */
export interface LetterAddressing {
  /** A contact of the recipient partner, by id; one the partner no longer lists counts as none. */
  contactId: string | null;
  salutationOverride: string | null;
}

/** A letter to the organization (or the client) with the greeting it is due. */
export const NO_ADDRESSING: LetterAddressing = { contactId: null, salutationOverride: null };

/** The rows a context is made of; the serial letters load them in bulk and build one context per client. */
export interface DocumentContextParts {
  now: Date;
  form: FormDefinition;
  client: Client;
  partner: Partner | null;
  consent: Consent | null;
  settings: Settings;
  residenceStatusLabel: string;
  addressing: LetterAddressing;
  /** Partners other than the recipient, asked for by `partner` fields. */
  lookUpPartner(id: string): Partner | undefined;
}

export function makeDocumentContext(parts: DocumentContextParts): DocumentContext {
  const { form, client, partner } = parts;
  const known = new Map<string, Partner | undefined>(partner ? [[partner.id, partner]] : []);
  const contact = partner?.contacts.find((candidate) => candidate.id === parts.addressing.contactId) ?? null;
  return {
    now: parts.now,
    form,
    prefill: {
      client,
      partner,
      settings: parts.settings,
      consent: parts.consent,
      residenceStatusLabel: parts.residenceStatusLabel,
      today: todayIso(parts.now),
      salutation: recipientGreeting({ client, partner, contact }),
    },
    recipient: partner ? partnerRecipient(partner, contact) : form.recipient === 'client' ? clientRecipient(client) : null,
    contact,
    salutationOverride: parts.addressing.salutationOverride,
    findPartner(id) {
      if (!known.has(id)) known.set(id, parts.lookUpPartner(id));
      return known.get(id);
    },
  };
}

/** Loads the context of a document of `form` for a client and (where the form has one) a recipient partner and its contact. */
export function loadDocumentContext(
  core: Core,
  form: FormDefinition,
  clientId: string,
  partnerId: string | null,
  addressing: LetterAddressing = NO_ADDRESSING,
): DocumentContext {
  const now = core.now();
  const today = todayIso(now);
  const client = getClient(core, clientId);
  const partner = partnerId === null ? null : (getPartner(core.db, partnerId, today) ?? null);
  if (partnerId !== null && partner === null) throw notFound('partner');
  const status = client.residenceStatus === null ? undefined : getResidenceStatus(core.db, client.residenceStatus);
  return makeDocumentContext({
    now,
    form,
    client,
    partner,
    // The newest consent valid today that names the partner (by directory entry, or by name for one typed by hand).
    consent:
      partner === null
        ? null
        : (newestCoveringConsent(core.db, { clientId: client.id, partnerId: partner.id, recipientName: partner.name, date: today }) ?? null),
    settings: getSettings(core),
    residenceStatusLabel: status?.label ?? '',
    addressing,
    lookUpPartner: (id) => getPartner(core.db, id, today),
  });
}

/** A partner's name as documents print it; '' for an id the directory no longer has. */
export function partnerNameIn(context: DocumentContext): (id: string) => string {
  return (id) => context.findPartner(id)?.name ?? '';
}
