import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import type { Client, Consent, Deadline, LotseDocument, MethodInput, ResidenceStatus, Settings } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import { addDaysIso } from '../../shared/domain/iso-date';
import { givePartnerAddress, createLookAlike, openTestCore, SAMPLE_CLIENT } from '../support/core';
import { OTHER_BASIS } from '../support/documents';

/**
 * The deadline list (DOMAIN.md "Residence statuses": each status with a
 * valid-until date feeds it; which statuses expire, the lead time and the
 * reminder are data). Today is 2026-11-25 (fixed clock of openTestCore).
 */

const TODAY = '2026-11-25';

let core: Core;
let dispose: () => void;

function valueOf<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function createClient(familyName: string, givenName: string, residenceStatus: string | null, residenceValidUntil: string | null): Promise<Client> {
  // SAMPLE_CLIENT's birth date for everyone, and Haddad twice in some tests: look-alikes made on purpose.
  return createLookAlike(core, { ...SAMPLE_CLIENT, familyName, givenName, residenceStatus, residenceValidUntil });
}

async function createConsent(
  clientId: string,
  recipients: string[],
  validUntil: string | null,
  overrides: Partial<MethodInput<'consents.create'>> = {},
): Promise<Consent> {
  return valueOf<Consent>(
    await dispatch(core, 'consents.create', {
      clientId,
      recipients: recipients.map((name) => ({ name })),
      purposes: ['Vermittlung in einen Sprachkurs'],
      dataCategories: ['identity', 'contact'],
      signedOn: '2026-01-15',
      validUntil,
      ...overrides,
    }),
  );
}

async function deadlines(date?: string): Promise<Deadline[]> {
  return valueOf<{ items: Deadline[] }>(await dispatch(core, 'deadlines.list', date === undefined ? {} : { date })).items;
}

async function status(code: string): Promise<ResidenceStatus> {
  const items = valueOf<{ items: ResidenceStatus[] }>(await dispatch(core, 'residenceStatuses.list', {})).items;
  const found = items.find((item) => item.code === code);
  if (!found) throw new Error(`no residence status ${code}`);
  return found;
}

async function updateStatus(code: string, change: Partial<ResidenceStatus>): Promise<void> {
  valueOf(await dispatch(core, 'residenceStatuses.update', { ...(await status(code)), ...change }));
}

const VHS = 'seed-vhs-rur-eifel';
const REFERRAL_VALUES = { reason: 'Sprachkurs B1 gesucht.', request: 'Bitte informieren Sie über freie Plätze.', counselingFields: ['language-courses'] };

/** A final referral letter to the VHS, handed over with a follow-up date. */
async function referralToFollowUp(clientId: string, followUpDate: string): Promise<LotseDocument> {
  const draft = valueOf<LotseDocument>(
    await dispatch(core, 'documents.create', { templateId: 'referral-letter', clientId, partnerId: VHS, values: REFERRAL_VALUES }),
  );
  const final = valueOf<LotseDocument>(await dispatch(core, 'documents.finalize', { id: draft.id, otherLegalBasis: OTHER_BASIS }));
  return valueOf<LotseDocument>(await dispatch(core, 'documents.setStatus', { id: final.id, referralStatus: 'handed-over', followUpDate }));
}

/** Runs `run` and counts the statements it executes on the store (each get, all, run or iterate). */
async function statementsExecutedBy(run: () => Promise<unknown>): Promise<number> {
  let executed = 0;
  const prepare = core.db.prepare.bind(core.db);
  const spy = vi.spyOn(core.db, 'prepare').mockImplementation((source: string) => {
    const statement = prepare(source);
    for (const method of ['get', 'all', 'run', 'iterate'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      Object.assign(statement, { [method]: (...args: unknown[]) => ((executed += 1), original(...args)) });
    }
    return statement;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return executed;
}

const residenceOf = (items: Deadline[], clientId: string) => items.filter((item) => item.kind === 'residence-expiry' && item.clientId === clientId);
const consentOf = (items: Deadline[], consentId: string) => items.filter((item) => item.kind === 'consent-expiry' && item.sourceId === consentId);

beforeEach(async () => {
  ({ core, dispose } = openTestCore());
  await givePartnerAddress(core, VHS);
});
afterEach(() => dispose());

describe('deadlines: residence permits', () => {
  let soon: Client;
  let later: Client;
  let overdue: Client;
  let settled: Client;

  beforeEach(async () => {
    soon = await createClient('Ahmadi', 'Farid', 'p104c', addDaysIso(TODAY, 30));
    later = await createClient('Berisha', 'Arta', 'p104c', addDaysIso(TODAY, 200));
    overdue = await createClient('Chen', 'Li', 'p104c', addDaysIso(TODAY, -3));
    settled = await createClient('Demir', 'Ece', 'niederlassungserlaubnis', addDaysIso(TODAY, 5));
    await createClient('Ezeh', 'Ada', null, null);
  });

  it('lists a § 104c permit running out within the lead time, with label and reminder from the data', async () => {
    const p104c = await status('p104c');
    expect(p104c.reminderLeadDays).toBe(90);
    expect(p104c.reminderText).not.toBe('');
    expect(residenceOf(await deadlines(), soon.id)).toEqual([
      {
        clientId: soon.id,
        clientName: 'Farid Ahmadi',
        kind: 'residence-expiry',
        dueDate: '2026-12-25',
        overdue: false,
        subject: p104c.label,
        reminder: p104c.reminderText,
        statusCode: 'p104c',
        sourceId: null,
        state: 'open',
        postponedTo: null,
        note: '',
        actedAt: null,
        next: { type: 'template', templateId: 'residence-104c-checklist', templateTitle: 'Checkliste § 104c zu § 25a / § 25b AufenthG' },
      },
    ]);
  });

  it('does not list a permit beyond the lead time', async () => {
    expect(residenceOf(await deadlines(), later.id)).toEqual([]);
  });

  it('lists a permit that has run out as overdue', async () => {
    expect(residenceOf(await deadlines(), overdue.id)).toEqual([expect.objectContaining({ dueDate: '2026-11-22', overdue: true, clientName: 'Li Chen' })]);
  });

  it('never lists a status that does not expire, nor a client without status', async () => {
    const items = await deadlines();
    expect(residenceOf(items, settled.id)).toEqual([]);
    expect(residenceOf(await deadlines(addDaysIso(TODAY, 400)), settled.id)).toEqual([]);
    expect(items.map((item) => item.clientName).sort()).toEqual(['Farid Ahmadi', 'Li Chen']);
  });

  it('follows an edited lead time: 365 days brings the later permit onto the list', async () => {
    await updateStatus('p104c', { reminderLeadDays: 365 });
    expect(residenceOf(await deadlines(), later.id)).toEqual([expect.objectContaining({ dueDate: '2027-06-13', overdue: false })]);
  });

  it('follows an edited lead time down to zero', async () => {
    await updateStatus('p104c', { reminderLeadDays: 0 });
    const items = await deadlines();
    expect(residenceOf(items, soon.id)).toEqual([]);
    expect(residenceOf(items, overdue.id)).toHaveLength(1);
  });

  it('shows the edited reminder text and label: legal text is data', async () => {
    const reminderText = 'Neu (Stand 2027): Antrag nach § 25b spätestens 8 Wochen vor Ablauf stellen.';
    const label = 'Chancen-Aufenthaltsrecht (§ 104c AufenthG, ausgelaufen)';
    await updateStatus('p104c', { reminderText, label, stand: '2027-01-01' });
    expect(residenceOf(await deadlines(), soon.id)).toEqual([expect.objectContaining({ subject: label, reminder: reminderText })]);
  });

  it('drops a status from the list when it is edited to not expire', async () => {
    await updateStatus('p104c', { expires: false });
    expect((await deadlines()).filter((item) => item.kind === 'residence-expiry')).toEqual([]);
  });

  it('uses the reminder of each status', async () => {
    const duldung = await createClient('Fofana', 'Moussa', 'duldung', addDaysIso(TODAY, 20));
    const notYet = await createClient('Gashi', 'Dren', 'duldung', addDaysIso(TODAY, 40));
    const duldungStatus = await status('duldung');
    expect(duldungStatus.reminderLeadDays).toBe(30);
    const items = await deadlines();
    expect(residenceOf(items, duldung.id)).toEqual([expect.objectContaining({ subject: duldungStatus.label, reminder: duldungStatus.reminderText })]);
    expect(residenceOf(items, notYet.id)).toEqual([]);
  });

  it('uses the day given instead of today', async () => {
    const inFourMonths = addDaysIso(TODAY, 120); // 2027-03-25; + 90 days lead = 2027-06-23 ≥ 2027-06-13
    const items = await deadlines(inFourMonths);
    expect(residenceOf(items, later.id)).toEqual([expect.objectContaining({ dueDate: '2027-06-13', overdue: false })]);
    expect(residenceOf(items, soon.id)).toEqual([expect.objectContaining({ overdue: true })]);

    const earlier = await deadlines('2026-09-20'); // + 90 days = 2026-12-19: 2026-11-22 is in, 2026-12-25 not yet
    expect(residenceOf(earlier, overdue.id)).toEqual([expect.objectContaining({ dueDate: '2026-11-22', overdue: false })]);
    expect(residenceOf(earlier, soon.id)).toEqual([]);
  });
});

describe('deadlines: consents', () => {
  let client: Client;

  beforeEach(async () => {
    client = await createClient('Haddad', 'Omar', null, null);
  });

  it('lists a consent running out within 30 days with its recipients and id', async () => {
    const consent = await createConsent(client.id, ['Jugendmigrationsdienst Düren', 'VHS Rur-Eifel'], addDaysIso(TODAY, 10));
    const items = consentOf(await deadlines(), consent.id);
    expect(items).toEqual([
      expect.objectContaining({
        clientId: client.id,
        clientName: 'Omar Haddad',
        kind: 'consent-expiry',
        dueDate: '2026-12-05',
        overdue: false,
        sourceId: consent.id,
      }),
    ]);
    expect(items[0]?.subject).toContain('Jugendmigrationsdienst Düren');
    expect(items[0]?.subject).toContain('VHS Rur-Eifel');
  });

  it('lists one at 60 days only after the lead time is set to 90 in the settings', async () => {
    const consent = await createConsent(client.id, ['Caritas Düren'], addDaysIso(TODAY, 60));
    expect(consentOf(await deadlines(), consent.id)).toEqual([]);
    const settings = valueOf<Settings>(await dispatch(core, 'settings.get', {}));
    expect(settings.deadlines.consentLeadDays).toBe(30);
    valueOf(await dispatch(core, 'settings.update', { ...settings, deadlines: { consentLeadDays: 90 } }));
    expect(consentOf(await deadlines(), consent.id)).toEqual([expect.objectContaining({ dueDate: '2027-01-24', subject: 'Caritas Düren', overdue: false })]);
  });

  it('never lists a revoked consent', async () => {
    const consent = await createConsent(client.id, ['Caritas Düren'], addDaysIso(TODAY, 10));
    valueOf(await dispatch(core, 'consents.revoke', { id: consent.id }));
    expect(consentOf(await deadlines(), consent.id)).toEqual([]);
    expect(consentOf(await deadlines(addDaysIso(TODAY, 5)), consent.id)).toEqual([]);
  });

  it('never lists an unsigned consent or one without end', async () => {
    const unsigned = await createConsent(client.id, ['Caritas Düren'], addDaysIso(TODAY, 10), { signedOn: null });
    const open = await createConsent(client.id, ['Caritas Düren'], null);
    const items = await deadlines();
    expect(consentOf(items, unsigned.id)).toEqual([]);
    expect(consentOf(items, open.id)).toEqual([]);
  });

  it('keeps an expired consent on the list as overdue for 30 days', async () => {
    const recent = await createConsent(client.id, ['Caritas Düren'], addDaysIso(TODAY, -5));
    const old = await createConsent(client.id, ['Caritas Düren'], addDaysIso(TODAY, -31));
    const items = await deadlines();
    expect(consentOf(items, recent.id)).toEqual([expect.objectContaining({ dueDate: '2026-11-20', overdue: true })]);
    expect(consentOf(items, old.id)).toEqual([]);
  });

  it('uses the day given instead of today', async () => {
    const consent = await createConsent(client.id, ['Caritas Düren'], addDaysIso(TODAY, 60));
    expect(consentOf(await deadlines(addDaysIso(TODAY, 40)), consent.id)).toEqual([expect.objectContaining({ overdue: false })]);
    expect(consentOf(await deadlines(addDaysIso(TODAY, 70)), consent.id)).toEqual([expect.objectContaining({ overdue: true })]);
    expect(consentOf(await deadlines(addDaysIso(TODAY, 100)), consent.id)).toEqual([]);
  });
});

describe('deadlines: follow-ups', () => {
  const followUpOf = (items: Deadline[], documentId: string) => items.filter((item) => item.kind === 'follow-up' && item.sourceId === documentId);

  it('names the template in the version the referral was written with, and the partner', async () => {
    const client = await createClient('Haddad', 'Omar', null, null);
    const before = await referralToFollowUp(client.id, addDaysIso(TODAY, 3));
    valueOf(await dispatch(core, 'templates.update', { id: 'referral-letter', baseVersion: 1, title: 'Überleitung (Büro)' }));
    const after = await referralToFollowUp(client.id, addDaysIso(TODAY, -1));
    const items = await deadlines();
    expect(followUpOf(items, before.id)).toEqual([
      expect.objectContaining({
        clientId: client.id,
        clientName: 'Omar Haddad',
        dueDate: '2026-11-28',
        overdue: false,
        subject: 'Überleitung an einen Partner · Volkshochschule Rur-Eifel',
      }),
    ]);
    expect(followUpOf(items, after.id)).toEqual([
      expect.objectContaining({ dueDate: '2026-11-24', overdue: true, subject: 'Überleitung (Büro) · Volkshochschule Rur-Eifel' }),
    ]);
  });

  it('lists a follow-up only from seven days before its date', async () => {
    const client = await createClient('Haddad', 'Omar', null, null);
    const referral = await referralToFollowUp(client.id, addDaysIso(TODAY, 8));
    expect(followUpOf(await deadlines(), referral.id)).toEqual([]);
    expect(followUpOf(await deadlines(addDaysIso(TODAY, 1)), referral.id)).toHaveLength(1);
  });
});

describe('deadlines: store reads', () => {
  /** A client with a permit, a consent and a referral, all due: one entry of each kind. */
  async function clientWithEveryDeadline(familyName: string): Promise<void> {
    const client = await createClient(familyName, 'Anna', 'p104c', addDaysIso(TODAY, 30));
    await createConsent(client.id, ['Caritas Düren'], addDaysIso(TODAY, 10));
    await referralToFollowUp(client.id, addDaysIso(TODAY, 2));
  }

  it('reads a long list with as many statements as a short one: names and titles are not looked up row by row', async () => {
    await clientWithEveryDeadline('Abadi');
    expect(await deadlines()).toHaveLength(3);
    const short = await statementsExecutedBy(deadlines);
    await clientWithEveryDeadline('Berisha');
    valueOf(await dispatch(core, 'templates.update', { id: 'referral-letter', baseVersion: 1, title: 'Überleitung (Büro)' }));
    await clientWithEveryDeadline('Chen');
    expect(await deadlines()).toHaveLength(9);
    expect(await statementsExecutedBy(deadlines)).toBe(short);
  });
});

describe('deadlines: order', () => {
  it('sorts residence and consent deadlines together by due date', async () => {
    const a = await createClient('Ahmadi', 'Farid', 'p104c', addDaysIso(TODAY, 30));
    await createClient('Chen', 'Li', 'p104c', addDaysIso(TODAY, -3));
    await createClient('Fofana', 'Moussa', 'duldung', addDaysIso(TODAY, 20));
    await createConsent(a.id, ['Jugendmigrationsdienst Düren'], addDaysIso(TODAY, 10));
    const items = await deadlines();
    expect(items.map((item) => [item.dueDate, item.kind, item.clientName])).toEqual([
      ['2026-11-22', 'residence-expiry', 'Li Chen'],
      ['2026-12-05', 'consent-expiry', 'Farid Ahmadi'],
      ['2026-12-15', 'residence-expiry', 'Moussa Fofana'],
      ['2026-12-25', 'residence-expiry', 'Farid Ahmadi'],
    ]);
  });

  it('orders the same day by client name', async () => {
    await createClient('Zimmer', 'Zaid', 'p104c', addDaysIso(TODAY, 7));
    await createClient('Özdemir', 'Omar', 'p104c', addDaysIso(TODAY, 7));
    await createClient('Abadi', 'Anna', 'p104c', addDaysIso(TODAY, 7));
    expect((await deadlines()).map((item) => item.clientName)).toEqual(['Anna Abadi', 'Omar Özdemir', 'Zaid Zimmer']);
  });
});
