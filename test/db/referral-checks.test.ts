import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import type { AuditEntry, Client, Disclosure, LotseDocument, MethodInput, Partner } from '../../shared/api/contract';
import { createLookAlike, openTestCore, SAMPLE_CLIENT } from '../support/core';
import { callOk, countRows, errorOf } from '../support/results';

/**
 * What the core tells the counselor about a referral before it goes out
 * (issue 11, item 6): a recipient whose services' eligibility ages exclude
 * the client warns in the disclosure the finalize dialog shows; a consent
 * form started from a referral is prefilled with that referral's recipient,
 * purpose and kinds of data. Clock: 2026-11-25.
 */

const JMD = 'seed-jmd';
const MBE = 'seed-mbe';
const VHS = 'seed-vhs-rur-eifel';
const COURSE_PROVIDER = 'seed-integrationskurstraeger';

let core: Core;
let dispose: () => void;
beforeEach(() => {
  ({ core, dispose } = openTestCore());
});
afterEach(() => dispose());

function newClient(overrides: Partial<MethodInput<'clients.create'>> = {}): Promise<Client> {
  // The same sample person more than once: look-alikes made on purpose.
  return createLookAlike(core, { ...SAMPLE_CLIENT, ...overrides });
}

function referral(client: Client, partnerId: string, templateId = 'referral-letter', values: Record<string, unknown> = {}): Promise<LotseDocument> {
  return callOk<LotseDocument>(core, 'documents.create', { templateId, clientId: client.id, partnerId, values });
}

const disclosure = (document: LotseDocument) => callOk<Disclosure>(core, 'documents.disclosure', { id: document.id });

describe('eligibility ages in the disclosure', () => {
  it('warns about a referral of a 31-year-old to the youth migration service (12 to 27), naming the service', async () => {
    const client = await newClient({ birthDate: '1995-05-01' });
    expect((await disclosure(await referral(client, JMD))).ageMismatch).toEqual({
      age: 31,
      services: [{ name: 'Jugendmigrationsdienst', minimumAge: 12, maximumAge: 27 }],
    });
    // The course referral is a referral too.
    expect((await disclosure(await referral(client, JMD, 'course-referral'))).ageMismatch).toMatchObject({ age: 31 });
  });

  it('counts the age on today: 27 until the day before the 28th birthday still fits', async () => {
    expect((await disclosure(await referral(await newClient({ birthDate: '1998-11-26' }), JMD))).ageMismatch).toBeNull();
    expect((await disclosure(await referral(await newClient({ birthDate: '1998-11-25' }), JMD))).ageMismatch).toMatchObject({ age: 28 });
  });

  it('warns about a 20-year-old sent to the adults’ service, not to the youth service or a service without ages', async () => {
    const client = await newClient({ birthDate: '2006-05-01' });
    expect((await disclosure(await referral(client, MBE))).ageMismatch).toMatchObject({ age: 20, services: [{ minimumAge: 27, maximumAge: null }] });
    expect((await disclosure(await referral(client, JMD))).ageMismatch).toBeNull();
    expect((await disclosure(await referral(client, VHS))).ageMismatch).toBeNull();
  });

  it('warns not when one of the partner’s services fits, nor without a birth date', async () => {
    const partner = await callOk<Partner>(core, 'partners.create', {
      name: 'Beratungszentrum Nord',
      address: { street: 'Nordstraße 1', postalCode: '52349', city: 'Düren' },
      services: [
        { name: 'Jugendberatung', counselingFields: [], minimumAge: 14, maximumAge: 26 },
        { name: 'Erwachsenenberatung', counselingFields: [], minimumAge: 27 },
      ],
    });
    expect((await disclosure(await referral(await newClient({ birthDate: '1980-01-01' }), partner.id))).ageMismatch).toBeNull();
    expect((await disclosure(await referral(await newClient({ birthDate: null }), JMD))).ageMismatch).toBeNull();
  });

  it('is a warning, not a refusal: the referral still finalizes', async () => {
    const client = await newClient({ birthDate: '1995-05-01' });
    // The seeded JMD has no postal address yet (a letter to it is refused for that): a youth service that has one.
    const youthService = await callOk<Partner>(core, 'partners.create', {
      name: 'Jugendberatung Süd',
      address: { street: 'Südstraße 3', postalCode: '52351', city: 'Düren' },
      services: [{ name: 'Jugendberatung', counselingFields: [], minimumAge: 12, maximumAge: 27 }],
    });
    expect((await disclosure(await referral(client, youthService.id))).ageMismatch).toMatchObject({ age: 31 });
    const letter = await referral(client, youthService.id, 'referral-letter', {
      reason: 'Anerkennung',
      request: 'Beratung',
      counselingFields: ['recognition'],
    });
    const final = await callOk<LotseDocument>(core, 'documents.finalize', {
      id: letter.id,
      otherLegalBasis: { basis: 'Test', reason: 'Die Warnung hält nicht auf.' },
    });
    expect(final.status).toBe('final');
  });
});

describe('a consent form started from a referral', () => {
  async function consentFormFor(document: LotseDocument): Promise<LotseDocument> {
    return callOk<LotseDocument>(core, 'documents.create', { templateId: 'consent-data-transfer', clientId: document.clientId, fromDocumentId: document.id });
  }

  it('names the referral’s recipient, its purpose and the kinds of data its personal fields carry', async () => {
    const client = await newClient({
      counselingFields: ['recognition', 'training-work'],
      residenceStatus: 'duldung',
      residenceValidUntil: '2027-02-15',
      languages: [{ language: 'Türkisch', interpreterNeeded: false }],
    });
    const letter = await referral(client, VHS, 'referral-letter', { reason: 'Anerkennung des Abschlusses' });
    const form = await consentFormFor(letter);
    expect(form.values).toMatchObject({
      recipients: [{ name: 'Volkshochschule Rur-Eifel' }],
      purposes: [
        {
          purpose:
            'Überleitung an Volkshochschule Rur-Eifel zur Beratung und Unterstützung bei: Anerkennung ausländischer Abschlüsse, Zugang zu Ausbildung und Arbeitsmarkt',
        },
      ],
      dataCategories: ['identity', 'contact', 'residence', 'language-education', 'counseling'],
      healthData: false,
    });
    expect(form.prefilled).toEqual(expect.arrayContaining(['recipients', 'purposes', 'dataCategories']));
    const audit = (await callOk<{ items: AuditEntry[] }>(core, 'audit.list', {})).items.find((entry) => entry.subjectId === form.id);
    expect(audit?.details).toMatchObject({ fromDocumentId: letter.id });
  });

  it('asks only for the kinds of data the referral carries, and takes the course referral’s purpose', async () => {
    // No residence status, no languages, no counseling fields: fewer kinds of data.
    const client = await newClient({ phone: '' });
    const course = await referral(client, COURSE_PROVIDER, 'course-referral', { courseType: 'berufssprachkurs-basis' });
    const form = await consentFormFor(course);
    const provider = await callOk<Partner>(core, 'partners.get', { id: COURSE_PROVIDER });
    const providerName = [provider.name, provider.department].filter((part) => part !== '').join(', ');
    expect(form.values).toMatchObject({
      recipients: [{ name: providerName }],
      purposes: [{ purpose: `Anmeldung zu einem Sprach- oder Integrationskurs bei ${providerName}: Berufssprachkurs Basis` }],
      dataCategories: ['identity', 'contact'],
    });
  });

  it('lets given values win over the referral’s', async () => {
    const letter = await referral(await newClient(), VHS);
    const form = await callOk<LotseDocument>(core, 'documents.create', {
      templateId: 'consent-data-transfer',
      clientId: letter.clientId,
      fromDocumentId: letter.id,
      values: { purposes: [{ purpose: 'Anerkennungsberatung' }] },
    });
    expect(form.values).toMatchObject({ recipients: [{ name: 'Volkshochschule Rur-Eifel' }], purposes: [{ purpose: 'Anerkennungsberatung' }] });
    expect(form.prefilled).not.toContain('purposes');
  });

  it('refuses another client’s referral, a document without the consent gate, and a form that records no consent, storing nothing', async () => {
    const letter = await referral(await newClient(), VHS);
    const other = await newClient({ familyName: 'Yılmaz' });
    const freeLetter = await callOk<LotseDocument>(core, 'documents.create', { templateId: 'free-letter', clientId: other.id, values: { subject: 'Termin' } });
    const before = countRows(core, 'documents');
    for (const input of [
      { templateId: 'consent-data-transfer', clientId: other.id, fromDocumentId: letter.id },
      { templateId: 'consent-data-transfer', clientId: other.id, fromDocumentId: freeLetter.id },
      { templateId: 'free-letter', clientId: letter.clientId, fromDocumentId: letter.id },
    ]) {
      const error = errorOf(await dispatch(core, 'documents.create', input));
      expect(error.code, JSON.stringify(input)).toBe('invalid_input');
      expect(Object.keys(error.fields ?? {})).toEqual(['fromDocumentId']);
    }
    expect(countRows(core, 'documents')).toBe(before);
  });
});
