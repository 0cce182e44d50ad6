import { describe, expect, it } from 'vitest';
import { ClientSchema } from '../../shared/api/schemas/client';
import { ConsentSchema, DATA_CATEGORIES } from '../../shared/api/schemas/consent';
import { COUNSELING_FIELDS } from '../../shared/domain/counseling-fields';
import { fillText, prefilledValues } from '../../shared/forms/fill';
import {
  BUILT_IN_FORM_SOURCES,
  BUILT_IN_FORMS,
  FormDefinitionError,
  fieldsOf,
  inputFieldsOf,
  loadFormDefinition,
  type FieldDefinition,
  type FormDefinition,
} from '../../shared/forms/index';
import type { PrefillContext } from '../../shared/forms/prefill';
import { validateFormValues, type FormValues, type LineRow } from '../../shared/forms/values';
import { TEST_SETTINGS } from '../support/settings';

/**
 * The built-in form definitions (DOMAIN.md, „The built-in forms“): each loads,
 * carries the fields DOMAIN.md asks for, prefills from a client, and the
 * loader refuses a broken copy naming the template and the field.
 */

const FORM_IDS = [
  'referral-letter',
  'recognition-cost-application',
  'consent-data-transfer',
  'appointment-invitation',
  'data-processing-information',
  'course-referral',
  'residence-104c-checklist',
  'free-letter',
  'data-access-information',
];

/** The fields each form must have, per DOMAIN.md. */
const REQUIRED_FIELD_IDS: Record<string, string[]> = {
  'referral-letter': [
    'counselorName',
    'counselorPhone',
    'counselorEmail',
    'fileNumber',
    'clientName',
    'birthDate',
    'address',
    'languages',
    'interpreterNeeded',
    'interpreterLanguage',
    'howToReach',
    'residenceStatus',
    'residenceValidUntil',
    'counselingFields',
    'reason',
    'request',
    'urgency',
    'deadline',
    'stepsTaken',
    'attachments',
    'feedbackBy',
    'appointmentDate',
    'appointmentDetails',
    'consentSignedOn',
    'consentVersion',
    'dataProtectionNote',
  ],
  'recognition-cost-application': [
    'familyName',
    'givenName',
    'birthDate',
    'address',
    'customerNumber',
    'bgNumber',
    'legalBasisText',
    'titleOriginal',
    'titleGerman',
    'country',
    'year',
    'qualificationKind',
    'referenceOccupation',
    'regulated',
    'competentBody',
    'procedureKind',
    'costLines',
    'costTotal',
    'need',
    'otherFundingNote',
    'otherFundingApplied',
    'otherFundingDetails',
    'declarationText',
    'attachments',
    'signatures',
    'decision',
  ],
  'consent-data-transfer': [
    'controllerText',
    'dataProtectionOfficerText',
    'clientName',
    'legalRepresentative',
    'recipients',
    'purposes',
    'dataCategories',
    'healthData',
    'exchange',
    'validUntil',
    'voluntaryText',
    'revocationText',
    'retentionText',
    'rightsText',
    'explainedIn',
    'interpreter',
    'languageText',
    'signatures',
    'copyHandedOver',
  ],
  'course-referral': [
    'courseType',
    'basis',
    'basisText',
    'familyName',
    'givenName',
    'birthDate',
    'birthPlace',
    'address',
    'nationalities',
    'sex',
    'literacy',
    'education',
    'germanLevel',
    'germanCertificate',
    'childcareNeeded',
    'childcareDetails',
    'availability',
    'registerBy',
    'costExemption',
    'travelAllowance',
    'costText',
    'consequencesText',
    'returnSlipBox',
  ],
  'residence-104c-checklist': ['clientName', 'birthDate', 'residenceStatus', 'residenceValidUntil', 'expiryReminder', 'disclaimer'],
  'free-letter': ['subject', 'body'],
};

const CRITERIA = [
  'age',
  'priorResidence',
  'toleration',
  'schooling',
  'identity',
  'livelihood',
  'germanA2',
  'civicKnowledge',
  'childrenSchool',
  'basicOrder',
  'convictions',
  'deception',
];

const STAND = '2026-11-01';

function form(id: string): FormDefinition {
  const found = BUILT_IN_FORMS[id];
  if (!found) throw new Error(`no built-in form ${id}`);
  return found;
}

function field(definition: FormDefinition, id: string): FieldDefinition {
  const found = fieldsOf(definition).find((entry) => entry.id === id);
  if (!found) throw new Error(`${definition.id} has no field ${id}`);
  return found;
}

/** A deep copy of a shipped definition, as plain JSON (the way an office version is stored). */
function copyOf(id: string): FormDefinition {
  return structuredClone(form(id));
}

function loadError(source: unknown): FormDefinitionError {
  try {
    loadFormDefinition(source);
  } catch (error) {
    if (error instanceof FormDefinitionError) return error;
    throw error;
  }
  throw new Error('loadFormDefinition accepted a broken definition');
}

const client = ClientSchema.parse({
  id: 'client-1',
  closedOn: null,
  closedReason: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  familyName: 'Müller',
  givenName: 'Ayşe',
  birthDate: '1990-03-12',
  birthPlace: 'Gaziantep',
  sex: 'female',
  nationalities: ['türkisch'],
  address: { street: 'Hauptstraße 5', postalCode: '52349', city: 'Düren' },
  phone: '02421 123456',
  email: 'ayse.mueller@example.org',
  preferredContact: 'phone',
  languages: [
    { language: 'Türkisch', interpreterNeeded: true },
    { language: 'Deutsch', interpreterNeeded: false },
  ],
  customerNumber: '123D456789',
  bgNumber: '35401//0012345',
  fileNumber: 'KIM-2026-0042',
  counselingFields: ['recognition', 'residence-title'],
  germanLevel: { level: 'A2', certificate: 'telc Deutsch A2', certificateDate: '2025-06-30' },
  education: '12 Jahre Schule, Abitur 2008',
  qualifications: [
    {
      titleOriginal: 'Hemşirelik Lisans',
      titleGerman: 'Bachelor Pflege',
      country: 'Türkei',
      year: 2012,
      kind: 'Hochschulabschluss',
      referenceOccupation: 'Pflegefachfrau',
      regulated: true,
    },
  ],
  residenceStatus: 'p104c',
  residenceValidUntil: '2027-03-31',
});

const consent = ConsentSchema.parse({
  id: 'consent-1',
  clientId: 'client-1',
  recipients: [{ partnerId: 'partner-1', name: 'IQ Netzwerk NRW, Anerkennungsberatung' }],
  purposes: ['Beratung zur Anerkennung des Abschlusses'],
  dataCategories: ['identity', 'contact', 'language-education'],
  signedOn: '2026-10-20',
  revokedOn: null,
  documentId: null,
  recordedBy: 'Silke Nießen',
  createdAt: '2026-10-20T10:00:00.000Z',
  state: 'valid',
});

const context: PrefillContext = {
  client,
  partner: null,
  settings: {
    ...TEST_SETTINGS,
    counselor: { ...TEST_SETTINGS.counselor, phone: '02421 22-1234' },
  },
  consent,
  residenceStatusLabel: 'Aufenthaltserlaubnis nach § 104c AufenthG',
  today: '2026-11-25',
  salutation: 'Sehr geehrte Frau Müller,',
};

describe('built-in forms', () => {
  it('ships the nine forms in the order they are offered', () => {
    expect(Object.keys(BUILT_IN_FORMS)).toEqual(FORM_IDS);
    expect(BUILT_IN_FORM_SOURCES.map((source) => source.id)).toEqual(FORM_IDS);
  });

  it.each(FORM_IDS)('%s has the fields DOMAIN.md asks for', (id) => {
    const ids = fieldsOf(form(id)).map((entry) => entry.id);
    for (const required of REQUIRED_FIELD_IDS[id] ?? []) expect(ids, `${id}: ${required}`).toContain(required);
  });

  it.each(FORM_IDS)('%s dates every legal text block', (id) => {
    // Blocks that cite a law or state a right carry a Stand; plain explanations may not.
    const legal = fieldsOf(form(id)).filter((entry) => entry.type === 'block' && /§|Art\.|DSGVO|SGB/.test(entry.text));
    for (const block of legal) expect(block.type === 'block' && block.stand, `${id}: ${block.id}`).toBe(STAND);
  });

  it('keeps the letter parts and the referral flags of the referral letter', () => {
    const letter = form('referral-letter');
    expect(letter).toMatchObject({ layout: 'letter', recipient: 'partner', consentGate: true, tracksReferral: true });
    expect(letter.letter?.salutation).toBe('{{salutation}}');
    expect(letter.letter?.closing).toBe('Mit freundlichen Grüßen');
    const fields = field(letter, 'counselingFields');
    expect(fields.type === 'multiselect' && fields.options.map((option) => option.value)).toEqual([...COUNSELING_FIELDS]);
    expect(field(letter, 'interpreterLanguage')).toMatchObject({ showIf: { field: 'interpreterNeeded', equals: true } });
    expect(field(letter, 'residenceStatus')).toMatchObject({ personal: 'residence' });
    expect(field(letter, 'residenceValidUntil')).toMatchObject({ personal: 'residence' });
    expect(field(letter, 'birthDate')).toMatchObject({ personal: 'identity' });
  });

  it('marks every client field of a partner form with its data category', () => {
    for (const id of ['referral-letter', 'course-referral']) {
      const clientFields = inputFieldsOf(form(id)).filter((entry) => entry.prefill?.startsWith('client.') && entry.prefill !== 'client.fileNumber');
      expect(clientFields.length).toBeGreaterThan(5);
      for (const entry of clientFields) expect(entry.personal, `${id}: ${entry.id}`).toBeDefined();
    }
  });

  it('offers exactly the consent data categories, and the consent form records a consent', () => {
    const consentForm = form('consent-data-transfer');
    expect(consentForm.effect).toBe('consent-record');
    const categories = field(consentForm, 'dataCategories');
    expect(categories.type === 'multiselect' && categories.options.map((option) => option.value)).toEqual([...DATA_CATEGORIES]);
    const exchange = field(consentForm, 'exchange');
    expect(exchange.type === 'select' && exchange.options.map((option) => option.value)).toEqual(['one-way', 'mutual']);
    expect(field(consentForm, 'recipients')).toMatchObject({ type: 'lines', columns: [{ id: 'name', type: 'text', required: true, max: 200 }] });
    expect(field(consentForm, 'purposes')).toMatchObject({ type: 'lines', columns: [{ id: 'purpose', type: 'text', required: true, max: 500 }] });
    expect(field(consentForm, 'voluntaryText')).toMatchObject({ stand: STAND });
    expect(field(consentForm, 'rightsText').type === 'block' && (field(consentForm, 'rightsText') as { text: string }).text).toContain('LDI NRW');
  });

  it('dates every shipped text block with a Stand, so a template saves as shipped', () => {
    for (const definition of Object.values(BUILT_IN_FORMS)) {
      for (const block of fieldsOf(definition)) if (block.type === 'block') expect(block.stand, `${definition.id}.${block.id}`).toBe(STAND);
    }
  });

  it('builds one section per criterion of the § 104c checklist', () => {
    const checklist = form('residence-104c-checklist');
    const ids = fieldsOf(checklist).map((entry) => entry.id);
    for (const criterion of CRITERIA) {
      expect(checklist.sections.map((section) => section.id)).toContain(criterion);
      for (const suffix of ['Criterion', 'Status', 'Proof', 'NextStep', 'Responsible', 'Due']) expect(ids).toContain(`${criterion}${suffix}`);
      const status = field(checklist, `${criterion}Status`);
      expect(status.type === 'select' && status.options.map((option) => option.value)).toEqual(['erfuellt', 'offen', 'ausnahme']);
      expect(field(checklist, `${criterion}Criterion`)).toMatchObject({ type: 'block', stand: STAND });
    }
  });
});

describe('loading a broken copy', () => {
  it('names the template and the field of an unknown prefill path', () => {
    const broken = copyOf('referral-letter');
    const birthDate = fieldsOf(broken).find((entry) => entry.id === 'birthDate');
    if (birthDate?.type !== 'date') throw new Error('no birthDate');
    birthDate.prefill = 'client.birthdat';
    const error = loadError(broken);
    expect(error.message).toContain('referral-letter');
    expect(error.message).toContain('birthDate');
    expect(error.message).toContain('client.birthdat');
  });

  it('names the template and the block of a placeholder that names nothing', () => {
    const broken = copyOf('consent-data-transfer');
    const block = fieldsOf(broken).find((entry) => entry.id === 'revocationText');
    if (block?.type !== 'block') throw new Error('no revocationText');
    block.text = `${block.text} {{client.nope}}`;
    const error = loadError(broken);
    expect(error.message).toContain('consent-data-transfer');
    expect(error.message).toContain('revocationText');
    expect(error.message).toContain('client.nope');
  });

  it('names the template and the field of an unknown field type', () => {
    const broken = copyOf('recognition-cost-application') as unknown as { sections: Array<{ fields: Array<{ id: string; type: string }> }> };
    const target = broken.sections.flatMap((section) => section.fields).find((entry) => entry.id === 'competentBody');
    if (!target) throw new Error('no competentBody');
    target.type = 'authority';
    const error = loadError(broken);
    expect(error.message).toContain('recognition-cost-application');
    expect(error.message).toContain('competentBody');
  });

  it('names the template and the field of a condition on a missing field', () => {
    const broken = copyOf('course-referral');
    const target = fieldsOf(broken).find((entry) => entry.id === 'childcareDetails');
    if (target?.type !== 'text') throw new Error('no childcareDetails');
    target.showIf = { field: 'childcare', equals: true };
    const error = loadError(broken);
    expect(error.message).toContain('course-referral');
    expect(error.message).toContain('childcareDetails');
    expect(error.message).toContain('childcare');
  });
});

describe('the purpose a consent form takes from a referral', () => {
  it('is checked like other wording: placeholders must name something printable', () => {
    const broken = copyOf('referral-letter');
    broken.consentPurpose = 'Überleitung an {{partner.nope}}';
    const error = loadError(broken);
    expect(error.message).toContain('consentPurpose');
    expect(error.message).toContain('partner.nope');
  });

  it('belongs to a form with the consent gate', () => {
    const broken = copyOf('free-letter');
    broken.consentPurpose = 'Brief an {{client.fullName}}';
    expect(loadError(broken).message).toContain('consentPurpose');
  });
});

describe('prefilled values', () => {
  it('fills the referral letter from the client, the consent and the settings', () => {
    const letter = form('referral-letter');
    const { values, prefilled } = prefilledValues(letter, context);
    expect(values).toMatchObject({
      clientName: 'Ayşe Müller',
      birthDate: '1990-03-12',
      address: 'Hauptstraße 5, 52349 Düren',
      howToReach: 'bevorzugt: Telefon; Tel. 02421 123456; ayse.mueller@example.org',
      languages: 'Türkisch, Deutsch',
      interpreterNeeded: true,
      interpreterLanguage: 'Türkisch',
      residenceStatus: 'Aufenthaltserlaubnis nach § 104c AufenthG',
      residenceValidUntil: '2027-03-31',
      counselingFields: ['recognition', 'residence-title'],
      consentSignedOn: '2026-10-20',
      counselorName: 'Erika Mustermann',
      counselorPhone: '02421 22-1234',
      counselorEmail: 'erika.mustermann@example.org',
      fileNumber: 'KIM-2026-0042',
      reason: '',
      attachments: [],
    });
    expect(prefilled).toEqual(expect.arrayContaining(['clientName', 'birthDate', 'interpreterNeeded', 'counselingFields', 'consentSignedOn']));
    expect(prefilled).not.toContain('reason');
    expect(fillText(letter.letter?.subject ?? '', { form: letter, values, context })).toBe('Überleitung: Ayşe Müller');
  });

  it('fills the course registration data of § 7 IntV', () => {
    const { values } = prefilledValues(form('course-referral'), context);
    expect(values).toMatchObject({
      familyName: 'Müller',
      givenName: 'Ayşe',
      birthDate: '1990-03-12',
      birthPlace: 'Gaziantep',
      nationalities: 'türkisch',
      sex: 'weiblich',
      germanLevel: 'A2',
      germanCertificate: 'telc Deutsch A2',
      germanCertificateDate: '2025-06-30',
      childcareNeeded: false,
    });
  });

  it('presets the usual cost lines without amounts, and fills the qualification', () => {
    const { values } = prefilledValues(form('recognition-cost-application'), context);
    const rows = values.costLines as LineRow[];
    expect(rows.map((row) => row.kind)).toEqual([
      'Anerkennungsberatung',
      'Verfahrensgebühr der zuständigen Stelle',
      'Übersetzungen',
      'Beglaubigte Kopien',
      'Gutachten',
      'Fahrtkosten',
    ]);
    expect(rows.every((row) => row.amount === null)).toBe(true);
    expect(values).toMatchObject({
      customerNumber: '123D456789',
      bgNumber: '35401//0012345',
      titleOriginal: 'Hemşirelik Lisans',
      year: '2012',
      referenceOccupation: 'Pflegefachfrau',
      regulated: true,
      costTotal: null,
    });
  });
});

describe('validating the cost application', () => {
  const costForm = () => form('recognition-cost-application');

  function withAmounts(amounts: Array<number | null>): FormValues {
    const { values } = prefilledValues(costForm(), context);
    const rows = (values.costLines as LineRow[]).map((row, index) => ({ ...row, amount: amounts[index] ?? null }));
    return { ...values, costLines: rows };
  }

  it('computes the total of the cost lines in cents, whatever total was sent', () => {
    const values = { ...withAmounts([25000, 45050, 12000, null, 0, 1875]), costTotal: 1 };
    const { values: clean, errors } = validateFormValues(costForm(), values, { complete: false });
    expect(errors).toEqual({});
    expect(clean.costTotal).toBe(25000 + 45050 + 12000 + 0 + 1875);
  });

  it('lets a draft leave required fields empty, and names them when finalizing', () => {
    const values = withAmounts([25000]);
    expect(validateFormValues(costForm(), values, { complete: false }).errors).toEqual({});
    const { errors } = validateFormValues(costForm(), values, { complete: true });
    expect(Object.keys(errors).sort()).toEqual(['values.competentBody', 'values.need', 'values.procedureKind']);
  });

  it('asks for the other funding only when it is ticked', () => {
    const values: FormValues = { ...withAmounts([25000]), competentBody: 'IHK FOSA', procedureKind: 'equivalence', need: 'Reglementierter Beruf.' };
    expect(validateFormValues(costForm(), values, { complete: true }).errors).toEqual({});
    const ticked = validateFormValues(costForm(), { ...values, otherFundingApplied: true }, { complete: true });
    expect(Object.keys(ticked.errors)).toEqual(['values.otherFundingDetails']);
  });

  it('refuses a cost line without its kind when finalizing', () => {
    const values: FormValues = { ...withAmounts([25000]), competentBody: 'IHK FOSA', procedureKind: 'equivalence', need: 'Reglementierter Beruf.' };
    const rows = values.costLines as LineRow[];
    const { errors } = validateFormValues(costForm(), { ...values, costLines: [...rows, { kind: '', description: '', amount: 500 }] }, { complete: true });
    expect(Object.keys(errors)).toEqual(['values.costLines.6.kind']);
  });
});
