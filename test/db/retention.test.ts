import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import type { AuditEntry, Client, Deadline, MethodOutput, Settings } from '../../shared/api/contract';
import { clientToInput, openTestCore, SAMPLE_CLIENT } from '../support/core';
import { callOk, errorOf } from '../support/results';

/**
 * Closing a case and the retention of closed ones (DOMAIN.md, Retention):
 * the office sets how long it keeps a closed case, Lotse lists who is past
 * it, and nothing is erased without the counselor. Today is 2026-11-25 (the
 * fixed clock of openTestCore).
 */

const TODAY = '2026-11-25';

let core: Core;
let dispose: () => void;

beforeEach(() => {
  ({ core, dispose } = openTestCore());
});
afterEach(() => dispose());

async function createClient(familyName: string, givenName = 'Ayşe', overrides: Record<string, unknown> = {}): Promise<Client> {
  return callOk<Client>(core, 'clients.create', { ...SAMPLE_CLIENT, familyName, givenName, ...overrides });
}

async function close(id: string, closedOn: string, reason?: string): Promise<Client> {
  return callOk<Client>(core, 'clients.close', reason === undefined ? { id, closedOn } : { id, closedOn, reason });
}

async function setMonths(closedCaseMonths: number): Promise<void> {
  const settings = await callOk<Settings>(core, 'settings.get', {});
  await callOk(core, 'settings.update', { ...settings, retention: { closedCaseMonths } });
}

async function due(date?: string): Promise<MethodOutput<'clients.retentionDue'>> {
  return callOk(core, 'clients.retentionDue', date === undefined ? {} : { date });
}

async function auditLines(): Promise<AuditEntry[]> {
  return (await callOk<{ items: AuditEntry[] }>(core, 'audit.list', {})).items;
}

describe('closing a case', () => {
  it('keeps the closing day and reason, shows them in get and search, and writes one audit line with ids only', async () => {
    const client = await createClient('Müller');
    expect(client).toMatchObject({ closedOn: null, closedReason: null });
    const closed = await close(client.id, '2026-11-20', 'moved-away');
    expect(closed).toMatchObject({ id: client.id, closedOn: '2026-11-20', closedReason: 'moved-away' });
    expect(await callOk<Client>(core, 'clients.get', { id: client.id })).toMatchObject({ closedOn: '2026-11-20', closedReason: 'moved-away' });
    const found = await callOk<{ items: Client[] }>(core, 'clients.search', { query: 'Müller' });
    expect(found.items.map((item) => item.closedOn)).toEqual(['2026-11-20']);

    const line = (await auditLines()).find((entry) => entry.action === 'clients.close');
    expect(line).toMatchObject({ subjectType: 'client', subjectId: client.id, details: {} });
    expect(JSON.stringify(line)).not.toContain('Müller');
  });

  it('takes today, and no reason', async () => {
    const client = await createClient('Heute');
    expect(await close(client.id, TODAY)).toMatchObject({ closedOn: TODAY, closedReason: null });
  });

  it('refuses a day in the future, naming the field in German, and changes nothing', async () => {
    const client = await createClient('Zukunft');
    const error = errorOf(await dispatch(core, 'clients.close', { id: client.id, closedOn: '2026-11-26' }));
    expect(error).toMatchObject({ code: 'invalid_input', fields: { closedOn: 'Der Fall kann nicht in der Zukunft abgeschlossen werden.' } });
    expect((await callOk<Client>(core, 'clients.get', { id: client.id })).closedOn).toBeNull();
    expect((await auditLines()).filter((entry) => entry.action === 'clients.close')).toEqual([]);
  });

  it('refuses a date that is none, a reason that is no code, unknown keys and unknown clients', async () => {
    const client = await createClient('Falsch');
    for (const input of [
      { id: client.id, closedOn: '31.02.2026' },
      { id: client.id, closedOn: '2026-02-30' },
      { id: client.id, closedOn: '2026-11-01', reason: 'Umzug nach Köln' },
      { id: client.id, closedOn: '2026-11-01', note: 'frei' },
    ]) {
      expect(errorOf(await dispatch(core, 'clients.close', input)).code, JSON.stringify(input)).toBe('invalid_input');
    }
    expect(errorOf(await dispatch(core, 'clients.close', { id: 'nobody', closedOn: '2026-11-01' })).code).toBe('not_found');
    expect(errorOf(await dispatch(core, 'clients.reopen', { id: 'nobody' })).code).toBe('not_found');
    expect((await callOk<Client>(core, 'clients.get', { id: client.id })).closedOn).toBeNull();
  });

  it('refuses to close a closed case again, with its closing day in German', async () => {
    const client = await createClient('Zweimal');
    await close(client.id, '2026-10-01');
    const error = errorOf(await dispatch(core, 'clients.close', { id: client.id, closedOn: '2026-11-01' }));
    expect(error).toMatchObject({ code: 'conflict', message: 'Dieser Fall ist bereits seit 01.10.2026 abgeschlossen.' });
    expect((await callOk<Client>(core, 'clients.get', { id: client.id })).closedOn).toBe('2026-10-01');
  });

  it('reopens a closed case (with an audit line) and refuses to reopen an open one', async () => {
    const client = await createClient('Wieder');
    await close(client.id, '2026-10-01', 'no-contact');
    expect(await callOk<Client>(core, 'clients.reopen', { id: client.id })).toMatchObject({ closedOn: null, closedReason: null });
    expect(errorOf(await dispatch(core, 'clients.reopen', { id: client.id }))).toMatchObject({
      code: 'conflict',
      message: 'Dieser Fall ist nicht abgeschlossen.',
    });
    expect((await auditLines()).find((entry) => entry.action === 'clients.reopen')).toMatchObject({ subjectId: client.id, details: {} });
  });

  it('stays closed when the record is edited: clients.update neither takes nor clears the closing', async () => {
    const client = await createClient('Bearbeitet');
    const closed = await close(client.id, '2026-10-01');
    const updated = await callOk<Client>(core, 'clients.update', { ...clientToInput(closed), phone: '02421 123' });
    expect(updated).toMatchObject({ phone: '02421 123', closedOn: '2026-10-01' });
    // The closing is not a field of the record's input: sending it is refused, not silently dropped.
    expect(errorOf(await dispatch(core, 'clients.update', { ...clientToInput(closed), closedOn: null })).code).toBe('invalid_input');
  });

  it('silences the deadlines of a closed case on Start, and brings them back when it is reopened', async () => {
    const client = await createClient('Frist', 'Farid', { residenceStatus: 'p104c', residenceValidUntil: '2026-12-10' });
    const deadlineClients = async () => (await callOk<{ items: Deadline[] }>(core, 'deadlines.list', {})).items.map((item) => item.clientId);
    expect(await deadlineClients()).toContain(client.id);
    await close(client.id, TODAY);
    expect(await deadlineClients()).not.toContain(client.id);
    await callOk(core, 'clients.reopen', { id: client.id });
    expect(await deadlineClients()).toContain(client.id);
  });
});

describe('the retention period (settings.retention)', () => {
  it('starts at 36 months, a value each office replaces with its own', async () => {
    expect((await callOk<Settings>(core, 'settings.get', {})).retention).toEqual({ closedCaseMonths: 36 });
    expect((await due()).months).toBe(36);
  });

  it('is a whole number of months from 1 to 240, refused in German otherwise, and nothing is saved', async () => {
    const settings = await callOk<Settings>(core, 'settings.get', {});
    const cases: Array<[unknown, string]> = [
      [0, 'Der Wert muss mindestens 1 sein.'],
      [241, 'Der Wert darf höchstens 240 sein.'],
      [1.5, ''],
      ['12', ''],
    ];
    for (const [closedCaseMonths, message] of cases) {
      const error = errorOf(await dispatch(core, 'settings.update', { ...settings, retention: { closedCaseMonths } }));
      expect(error.code).toBe('invalid_input');
      expect(error.fields?.['retention.closedCaseMonths'], String(closedCaseMonths)).toMatch(message === '' ? /\S/ : message);
    }
    expect((await callOk<Settings>(core, 'settings.get', {})).retention).toEqual({ closedCaseMonths: 36 });
  });

  it('is kept when a form that does not show it (the letterhead) saves the settings', async () => {
    await setMonths(12);
    const { retention: _retention, backups: _backups, ...letterhead } = await callOk<Settings>(core, 'settings.get', {});
    await callOk(core, 'settings.update', letterhead);
    expect((await callOk<Settings>(core, 'settings.get', {})).retention).toEqual({ closedCaseMonths: 12 });
  });
});

describe('clients.retentionDue', () => {
  it('lists a case from the day its period has run on, not the day before; open cases never', async () => {
    await setMonths(12);
    const onTheDay = await createClient('Genau', 'Ana');
    const dayAfter = await createClient('Spaeter', 'Ben');
    const open = await createClient('Offen', 'Cem');
    await close(onTheDay.id, '2025-11-25');
    await close(dayAfter.id, '2025-11-26');
    const result = await due();
    expect(result.months).toBe(12);
    expect(result.items).toEqual([{ clientId: onTheDay.id, name: 'Ana Genau', closedOn: '2025-11-25', dueSince: '2026-11-25', documents: 0 }]);
    expect((await due('2026-11-24')).items).toEqual([]);
    expect((await due('2026-11-26')).items.map((item) => item.clientId)).toEqual([onTheDay.id, dayAfter.id]);
    expect((await due('2099-01-01')).items.map((item) => item.clientId)).not.toContain(open.id);
  });

  it('counts months on the calendar: closed on 31 May with 6 months is due on 30 November', async () => {
    await setMonths(6);
    const client = await createClient('Monatsende');
    await close(client.id, '2026-05-31');
    expect((await due('2026-11-29')).items).toEqual([]);
    expect((await due('2026-11-30')).items).toMatchObject([{ clientId: client.id, dueSince: '2026-11-30' }]);
  });

  it('follows a changed period at once, longest due first, with the number of documents', async () => {
    const older = await createClient('Alt', 'Dana');
    const newer = await createClient('Neu', 'Emil');
    await callOk(core, 'documents.create', { templateId: 'free-letter', clientId: newer.id, values: { subject: 'Termin', body: 'Text.' } });
    await close(older.id, '2023-01-10');
    await close(newer.id, '2024-06-01');
    expect((await due()).items.map((item) => item.clientId)).toEqual([older.id]);
    await setMonths(24);
    expect((await due()).items).toEqual([
      { clientId: older.id, name: 'Dana Alt', closedOn: '2023-01-10', dueSince: '2025-01-10', documents: 0 },
      { clientId: newer.id, name: 'Emil Neu', closedOn: '2024-06-01', dueSince: '2026-06-01', documents: 1 },
    ]);
  });

  it('erases nobody by itself: the person stays until clients.erase, and is gone from the list after it', async () => {
    await setMonths(12);
    const client = await createClient('Bleibt');
    await close(client.id, '2024-01-01');
    await due();
    await due();
    expect((await callOk<Client>(core, 'clients.get', { id: client.id })).familyName).toBe('Bleibt');
    await callOk(core, 'clients.erase', { id: client.id });
    expect((await due()).items).toEqual([]);
  });

  it('lists nobody after a reopen', async () => {
    await setMonths(12);
    const client = await createClient('Zurueck');
    await close(client.id, '2024-01-01');
    expect((await due()).items).toHaveLength(1);
    await callOk(core, 'clients.reopen', { id: client.id });
    expect((await due()).items).toEqual([]);
  });

  it('refuses a date that is none', async () => {
    expect(errorOf(await dispatch(core, 'clients.retentionDue', { date: '2026-13-01' })).code).toBe('invalid_input');
  });
});
