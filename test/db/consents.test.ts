import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import type { AuditEntry, Client, Consent, MethodInput } from '../../shared/api/contract';
import { openTestCore, SAMPLE_CLIENT } from '../support/core';
import { valueOf, errorOf, countRows } from '../support/results';

/**
 * Consents (DOMAIN.md "Consent and data protection"): recorded per client
 * with recipients, purposes and data categories; valid only when signed, not
 * expired and not revoked; revocation works for the future. Today is
 * 2026-11-25 (fixed clock of openTestCore).
 */

const TODAY = '2026-11-25';
const YESTERDAY = '2026-11-24';
const TOMORROW = '2026-11-26';

let core: Core;
let dispose: () => void;
let client: Client;
let otherClient: Client;

const RECIPIENT_JMD = 'Jugendmigrationsdienst Düren';
const RECIPIENT_FOUNDATION = 'Müller-Stiftung für Bildung';
const RECIPIENT_VHS = 'VHS Rur-Eifel';
// Seeded in the network directory (migration 0030).
const VHS_PARTNER_ID = 'seed-vhs-rur-eifel';
const PURPOSE = 'Vermittlung in einen Integrationskurs und Abstimmung der Kursplätze';
const NOTES = 'Formular auf Arabisch erklärt, Kopie ausgehändigt';

function consentInput(overrides: Partial<MethodInput<'consents.create'>> = {}): MethodInput<'consents.create'> {
  return {
    clientId: client.id,
    recipients: [{ name: RECIPIENT_JMD }, { name: RECIPIENT_FOUNDATION }, { partnerId: VHS_PARTNER_ID, name: RECIPIENT_VHS }],
    purposes: [PURPOSE],
    dataCategories: ['identity', 'contact', 'language-education'],
    signedOn: '2026-11-20',
    validUntil: '2027-11-20',
    explainedIn: 'Arabisch',
    interpreter: 'Frau Haddad',
    notes: NOTES,
    ...overrides,
  };
}

async function createConsent(overrides: Partial<MethodInput<'consents.create'>> = {}): Promise<Consent> {
  return valueOf<Consent>(await dispatch(core, 'consents.create', consentInput(overrides)));
}

async function covers(query: MethodInput<'consents.covers'>): Promise<{ covered: boolean; consentIds: string[] }> {
  return valueOf(await dispatch(core, 'consents.covers', query));
}

async function list(clientId: string, date?: string): Promise<Consent[]> {
  return valueOf<{ items: Consent[] }>(await dispatch(core, 'consents.list', date === undefined ? { clientId } : { clientId, date })).items;
}

beforeEach(async () => {
  ({ core, dispose } = openTestCore());
  client = valueOf<Client>(await dispatch(core, 'clients.create', SAMPLE_CLIENT));
  otherClient = valueOf<Client>(await dispatch(core, 'clients.create', { ...SAMPLE_CLIENT, familyName: 'Haddad', givenName: 'Omar' }));
});
afterEach(() => dispose());

describe('consents.create and consents.list', () => {
  it('records a consent with free-text and directory recipients, valid today', async () => {
    const consent = await createConsent();
    expect(consent).toMatchObject({
      id: expect.any(String),
      clientId: client.id,
      recipients: [
        { partnerId: null, name: RECIPIENT_JMD },
        { partnerId: null, name: RECIPIENT_FOUNDATION },
        { partnerId: VHS_PARTNER_ID, name: RECIPIENT_VHS },
      ],
      purposes: [PURPOSE],
      dataCategories: ['identity', 'contact', 'language-education'],
      healthData: false,
      exchange: 'one-way',
      signedOn: '2026-11-20',
      validUntil: '2027-11-20',
      revokedOn: null,
      // The counselor of the settings (test/support/settings.ts).
      recordedBy: 'Erika Mustermann',
      createdAt: '2026-11-25T10:00:00.000Z',
      state: 'valid',
    });
    const listed = await list(client.id);
    expect(listed).toEqual([consent]);
    expect(await list(otherClient.id)).toEqual([]);
    expect(countRows(core, 'consent_recipients')).toBe(3);
  });

  it('derives the state for the day asked for', async () => {
    await createConsent();
    expect((await list(client.id, '2026-11-19'))[0]?.state).toBe('unsigned');
    expect((await list(client.id, '2026-11-20'))[0]?.state).toBe('valid');
    expect((await list(client.id, '2027-11-20'))[0]?.state).toBe('valid');
    expect((await list(client.id, '2027-11-21'))[0]?.state).toBe('expired');
  });

  it('lists consents of an unknown client as not_found', async () => {
    expect(errorOf(await dispatch(core, 'consents.list', { clientId: 'nobody' })).code).toBe('not_found');
  });
});

describe('consents.covers', () => {
  it('covers a free-text recipient by its name, ignoring case, diacritics, transliteration and extra spaces', async () => {
    const consent = await createConsent();
    for (const recipientName of [
      RECIPIENT_JMD,
      'jugendmigrationsdienst düren',
      'JUGENDMIGRATIONSDIENST DÜREN',
      'Jugendmigrationsdienst Duren',
      '  Jugendmigrationsdienst   Düren ',
      'muller-stiftung fur bildung',
      'MÜLLER-STIFTUNG FÜR BILDUNG',
      'Mueller-Stiftung fuer Bildung',
      'Jugendmigrationsdienst Dueren',
    ]) {
      expect(await covers({ clientId: client.id, recipientName }), recipientName).toEqual({ covered: true, consentIds: [consent.id] });
    }
  });

  it('covers a directory recipient by its partnerId, and by its name', async () => {
    const consent = await createConsent();
    expect(await covers({ clientId: client.id, partnerId: VHS_PARTNER_ID })).toEqual({ covered: true, consentIds: [consent.id] });
    expect(await covers({ clientId: client.id, recipientName: 'vhs rur-eifel' })).toEqual({ covered: true, consentIds: [consent.id] });
  });

  it('does not cover another recipient, a part of a name, another partner or another client', async () => {
    await createConsent();
    expect((await covers({ clientId: client.id, recipientName: 'Caritas Düren' })).covered).toBe(false);
    expect((await covers({ clientId: client.id, recipientName: 'Jugendmigrationsdienst' })).covered).toBe(false);
    expect((await covers({ clientId: client.id, partnerId: 'seed-mbe' })).covered).toBe(false);
    expect(await covers({ clientId: otherClient.id, recipientName: RECIPIENT_JMD })).toEqual({ covered: false, consentIds: [] });
    expect((await covers({ clientId: otherClient.id, partnerId: VHS_PARTNER_ID })).covered).toBe(false);
  });

  it('does not cover before the day of the signature, and does on it', async () => {
    await createConsent();
    expect((await covers({ clientId: client.id, recipientName: RECIPIENT_JMD, date: '2026-11-19' })).covered).toBe(false);
    expect((await covers({ clientId: client.id, recipientName: RECIPIENT_JMD, date: '2026-11-20' })).covered).toBe(true);
  });

  it('an unsigned consent is "unsigned" and covers nothing', async () => {
    const consent = await createConsent({ signedOn: null });
    expect(consent.state).toBe('unsigned');
    expect((await list(client.id))[0]?.state).toBe('unsigned');
    expect(await covers({ clientId: client.id, recipientName: RECIPIENT_JMD })).toEqual({ covered: false, consentIds: [] });
    expect((await covers({ clientId: client.id, partnerId: VHS_PARTNER_ID })).covered).toBe(false);
  });

  it('an expired consent is "expired" and covers nothing; it covered up to its last day', async () => {
    const consent = await createConsent({ signedOn: '2025-11-01', validUntil: YESTERDAY });
    expect(consent.state).toBe('expired');
    expect((await covers({ clientId: client.id, recipientName: RECIPIENT_JMD })).covered).toBe(false);
    expect((await covers({ clientId: client.id, recipientName: RECIPIENT_JMD, date: YESTERDAY })).covered).toBe(true);
  });

  it('lists every consent that covers, and only those', async () => {
    const a = await createConsent();
    await createConsent({ signedOn: null });
    await createConsent({ recipients: [{ name: 'Caritas Düren' }] });
    const b = await createConsent({ signedOn: '2026-11-22', recipients: [{ name: 'jugendmigrationsdienst düren' }] });
    const result = await covers({ clientId: client.id, recipientName: RECIPIENT_JMD });
    expect(result.covered).toBe(true);
    expect([...result.consentIds].sort()).toEqual([a.id, b.id].sort());
  });

  it('refuses a question without recipient', async () => {
    const error = errorOf(await dispatch(core, 'consents.covers', { clientId: client.id, recipientName: '   ' }));
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toEqual({ partnerId: expect.stringMatching(/Partnerstelle/) });
  });
});

describe('consents.revoke', () => {
  it('revokes today by default: "revoked", covers nothing from today, still covered yesterday', async () => {
    const consent = await createConsent();
    const revoked = valueOf<Consent>(await dispatch(core, 'consents.revoke', { id: consent.id }));
    expect(revoked).toMatchObject({ id: consent.id, revokedOn: TODAY, state: 'revoked' });
    expect((await list(client.id))[0]).toMatchObject({ revokedOn: TODAY, state: 'revoked' });
    expect((await list(client.id, YESTERDAY))[0]?.state).toBe('valid');
    expect((await covers({ clientId: client.id, recipientName: RECIPIENT_JMD })).covered).toBe(false);
    expect((await covers({ clientId: client.id, partnerId: VHS_PARTNER_ID })).covered).toBe(false);
    expect((await covers({ clientId: client.id, recipientName: RECIPIENT_JMD, date: TOMORROW })).covered).toBe(false);
    // Revocation works for the future: what was sent before stays covered.
    expect(await covers({ clientId: client.id, recipientName: RECIPIENT_JMD, date: YESTERDAY })).toEqual({ covered: true, consentIds: [consent.id] });
  });

  it('revokes on a given past day', async () => {
    const consent = await createConsent();
    const revoked = valueOf<Consent>(await dispatch(core, 'consents.revoke', { id: consent.id, revokedOn: '2026-11-22' }));
    expect(revoked).toMatchObject({ revokedOn: '2026-11-22', state: 'revoked' });
    expect((await covers({ clientId: client.id, recipientName: RECIPIENT_JMD, date: '2026-11-21' })).covered).toBe(true);
    expect((await covers({ clientId: client.id, recipientName: RECIPIENT_JMD, date: '2026-11-22' })).covered).toBe(false);
  });

  it('refuses to revoke twice with conflict and keeps the first date', async () => {
    const consent = await createConsent();
    valueOf(await dispatch(core, 'consents.revoke', { id: consent.id, revokedOn: '2026-11-22' }));
    const error = errorOf(await dispatch(core, 'consents.revoke', { id: consent.id }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/bereits/);
    expect((await list(client.id))[0]?.revokedOn).toBe('2026-11-22');
    expect(core.db.prepare("SELECT count(*) FROM audit WHERE action = 'consents.revoke'").pluck().get()).toBe(1);
  });

  it('refuses a revocation in the future', async () => {
    const consent = await createConsent();
    const error = errorOf(await dispatch(core, 'consents.revoke', { id: consent.id, revokedOn: TOMORROW }));
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toEqual({ revokedOn: expect.stringMatching(/Zukunft/) });
    expect((await list(client.id))[0]).toMatchObject({ revokedOn: null, state: 'valid' });
  });

  it('refuses a revocation before the signature', async () => {
    const consent = await createConsent();
    const error = errorOf(await dispatch(core, 'consents.revoke', { id: consent.id, revokedOn: '2026-11-19' }));
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toEqual({ revokedOn: expect.stringMatching(/vor der Unterschrift/) });
    expect((await list(client.id))[0]).toMatchObject({ revokedOn: null, state: 'valid' });
  });

  it('refuses a malformed date and an unknown consent', async () => {
    const consent = await createConsent();
    const malformed = errorOf(await dispatch(core, 'consents.revoke', { id: consent.id, revokedOn: '2026-02-30' }));
    expect(malformed).toMatchObject({ code: 'invalid_input', fields: { revokedOn: expect.stringMatching(/gültiges Datum/) } });
    expect(errorOf(await dispatch(core, 'consents.revoke', { id: 'no-such-consent' })).code).toBe('not_found');
    expect((await list(client.id))[0]?.revokedOn).toBeNull();
  });
});

describe('consents.create refuses', () => {
  const refusals: Array<[string, Partial<MethodInput<'consents.create'>>, string, RegExp]> = [
    ['a signature in the future', { signedOn: TOMORROW }, 'signedOn', /Zukunft/],
    ['a signature date not in the calendar', { signedOn: '2026-02-29' }, 'signedOn', /gültiges Datum/],
    ['an end of validity before the signature', { signedOn: '2026-11-20', validUntil: '2026-11-19' }, 'validUntil', /vor der Unterschrift/],
    ['no recipient', { recipients: [] }, 'recipients', /mindestens/],
    ['a recipient without name', { recipients: [{ name: ' ' }] }, 'recipients.0.name', /^Bitte ausfüllen\.$/],
    ['more than 20 recipients', { recipients: Array.from({ length: 21 }, (_, i) => ({ name: `Stelle ${i}` })) }, 'recipients', /Höchstens 20 Einträge/],
    ['no purpose', { purposes: [] }, 'purposes', /mindestens/],
    ['a blank purpose', { purposes: [PURPOSE, ''] }, 'purposes.1', /^Bitte ausfüllen\.$/],
    ['no data category', { dataCategories: [] }, 'dataCategories', /mindestens eine Datenart/],
    ['an unknown data category', { dataCategories: ['identity', 'gesundheit' as never] }, 'dataCategories.1', /vorgesehenen Werte/],
    ['a data category twice', { dataCategories: ['identity', 'identity'] }, 'dataCategories', /nur einmal/],
    ['an unknown exchange direction', { exchange: 'both' as never }, 'exchange', /vorgesehenen Werte/],
    ['a control character in the notes', { notes: 'x\u0007' }, 'notes', /Steuerzeichen/],
  ];

  it.each(refusals)('%s, and writes nothing', async (_name, overrides, field, message) => {
    const auditBefore = countRows(core, 'audit');
    const error = errorOf(await dispatch(core, 'consents.create', consentInput(overrides)));
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
    expect(error.fields?.[field]).toMatch(message);
    expect(countRows(core, 'consents')).toBe(0);
    expect(countRows(core, 'consent_recipients')).toBe(0);
    expect(countRows(core, 'audit')).toBe(auditBefore);
  });

  it('an unknown client with not_found, and writes nothing', async () => {
    const auditBefore = countRows(core, 'audit');
    const error = errorOf(await dispatch(core, 'consents.create', consentInput({ clientId: 'no-such-client' })));
    expect(error.code).toBe('not_found');
    expect(countRows(core, 'consents')).toBe(0);
    expect(countRows(core, 'consent_recipients')).toBe(0);
    expect(countRows(core, 'audit')).toBe(auditBefore);
  });
});

describe('consents name partners of the directory', () => {
  it('refuses a recipient whose partnerId is not in the directory, and writes nothing', async () => {
    const error = errorOf(await dispatch(core, 'consents.create', consentInput({ recipients: [{ partnerId: 'no-such-partner', name: 'Irgendwer' }] })));
    expect(error).toMatchObject({ code: 'invalid_input', fields: { 'recipients.0.partnerId': expect.stringContaining('Netzwerk') } });
    expect(countRows(core, 'consents')).toBe(0);
  });

  it('keeps a partner that a consent names from being deleted; it can be archived', async () => {
    await createConsent();
    expect(errorOf(await dispatch(core, 'partners.delete', { id: VHS_PARTNER_ID }))).toMatchObject({ code: 'conflict' });
    expect(valueOf(await dispatch(core, 'partners.archive', { id: VHS_PARTNER_ID }))).toMatchObject({ archived: true });
  });
});

describe('consents: German messages', () => {
  it('asks for at least one recipient in correct German', async () => {
    const error = errorOf(await dispatch(core, 'consents.create', consentInput({ recipients: [] })));
    expect(error.fields?.recipients).toBe('Bitte mindestens einen Eintrag angeben.');
  });
});

describe('consents in the audit trail', () => {
  it('records create and revoke without recipients, purposes or other personal data', async () => {
    const consent = await createConsent();
    valueOf(await dispatch(core, 'consents.revoke', { id: consent.id }));
    const entries = valueOf<{ items: AuditEntry[] }>(await dispatch(core, 'audit.list', {})).items;
    const consentEntries = entries.filter((entry) => entry.subjectType === 'consent');
    expect(consentEntries.map((entry) => entry.action).sort()).toEqual(['consents.create', 'consents.revoke']);
    for (const entry of consentEntries) expect(entry.subjectId).toBe(consent.id);
    expect(consentEntries.find((entry) => entry.action === 'consents.create')?.details).toEqual({ recipients: 3, signed: true });
    expect(consentEntries.find((entry) => entry.action === 'consents.revoke')?.details).toEqual({ revokedOn: TODAY });

    const trail = JSON.stringify(entries);
    for (const personal of [
      RECIPIENT_JMD,
      'Jugendmigrationsdienst',
      RECIPIENT_FOUNDATION,
      RECIPIENT_VHS,
      PURPOSE,
      'Integrationskurs',
      NOTES,
      'Haddad',
      'Arabisch',
      SAMPLE_CLIENT.familyName,
      SAMPLE_CLIENT.givenName!,
    ]) {
      expect(trail, personal).not.toContain(personal);
    }
    // The raw table, too (audit.list does not show client_id; the table must not hold names either).
    const raw = JSON.stringify(core.db.prepare('SELECT * FROM audit').all());
    expect(raw).not.toContain(RECIPIENT_JMD);
    expect(raw).not.toContain(PURPOSE);
  });
});
