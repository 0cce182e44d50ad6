import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { contract, type AuditEntry, type Consent, type Deadline, type LotseDocument, type MethodInput, type MethodOutput } from '../../shared/api/contract';
import { deadlineBounds, daysFrom } from '../../shared/domain/deadline-dates';
import { addDaysIso } from '../../shared/domain/iso-date';
import { clientToInput, createLookAlike, givePartnerAddress, openTestCore, SAMPLE_CLIENT } from '../support/core';
import { OTHER_BASIS } from '../support/documents';
import { callOk, countRows, errorOf } from '../support/results';

/**
 * Deadlines one can work off (issue 14, item 4): done and postponed with a
 * note, kept and audited, a renewed permit back on the list, the groups and
 * pages of the list, a referral's "Rückmeldung erbeten bis", the follow-up's
 * lead time and the next step. Today is Wednesday 2026-11-25 (openTestCore).
 */

const TODAY = '2026-11-25';
const VHS = 'seed-vhs-rur-eifel';

let core: Core;
let dispose: () => void;

beforeEach(async () => {
  ({ core, dispose } = openTestCore());
  await givePartnerAddress(core, VHS);
});
afterEach(() => dispose());

type ListOutput = MethodOutput<'deadlines.list'>;
const list = (input: MethodInput<'deadlines.list'> = {}) => callOk<ListOutput>(core, 'deadlines.list', input);
const client = (familyName: string, residenceStatus: string | null, residenceValidUntil: string | null) =>
  // Several Annas born on the sample day: look-alikes on purpose, confirmed as others.
  createLookAlike(core, { ...SAMPLE_CLIENT, familyName, givenName: 'Anna', residenceStatus, residenceValidUntil });
const refOf = (item: Deadline) => ({ kind: item.kind, clientId: item.clientId, sourceId: item.sourceId, dueDate: item.dueDate });
const audit = async () => (await callOk<{ items: AuditEntry[] }>(core, 'audit.list', {})).items;

async function referral(clientId: string, values: Record<string, unknown>): Promise<LotseDocument> {
  const draft = await callOk<LotseDocument>(core, 'documents.create', {
    templateId: 'referral-letter',
    clientId,
    partnerId: VHS,
    values: { reason: 'Sprachkurs B1 gesucht.', request: 'Bitte informieren Sie über freie Plätze.', counselingFields: ['language-courses'], ...values },
  });
  return callOk<LotseDocument>(core, 'documents.finalize', { id: draft.id, otherLegalBasis: OTHER_BASIS });
}

describe('the calendar of the groups', () => {
  it('counts calendar days and ends the week on Sunday, the month on its last day', () => {
    expect(daysFrom(TODAY, TODAY)).toBe(0);
    expect(daysFrom(TODAY, '2026-11-26')).toBe(1);
    expect(daysFrom(TODAY, '2026-11-22')).toBe(-3);
    expect(deadlineBounds(TODAY)).toEqual({ today: TODAY, weekEnd: '2026-11-29', monthEnd: '2026-11-30' });
    // A week that runs into the next month is "diese Woche" to its Sunday.
    expect(deadlineBounds('2026-12-30')).toEqual({ today: '2026-12-30', weekEnd: '2027-01-03', monthEnd: '2027-01-03' });
  });
});

describe('deadlines.complete', () => {
  it('takes a deadline off the open list, shows it as done with its note, and writes an audit line without the note', async () => {
    const anna = await client('Ahmadi', 'p104c', addDaysIso(TODAY, 10));
    const [item] = (await list()).items;
    expect(item).toMatchObject({ clientId: anna.id, kind: 'residence-expiry', state: 'open' });

    expect(await callOk(core, 'deadlines.complete', { ...refOf(item!), note: 'Antrag § 25b gestellt, Frau Ahmadi' })).toEqual({ done: true });

    const open = await list();
    expect(open.items).toEqual([]);
    expect(open.counts).toEqual({ overdue: 0, week: 0, month: 0, later: 0, done: 1 });
    const done = await list({ group: 'done' });
    expect(done.total).toBe(1);
    expect(done.items).toEqual([
      expect.objectContaining({ clientId: anna.id, state: 'done', note: 'Antrag § 25b gestellt, Frau Ahmadi', dueDate: addDaysIso(TODAY, 10), overdue: false }),
    ]);
    const [line] = await audit();
    expect(line).toMatchObject({ action: 'deadlines.complete', subjectType: 'deadline', subjectId: null });
    expect(core.db.prepare('SELECT client_id FROM audit WHERE id = ?').pluck().get(line!.id)).toBe(anna.id);
    expect(line!.details).toEqual({ kind: 'residence-expiry', sourceId: null, dueDate: addDaysIso(TODAY, 10) });
    expect(JSON.stringify(line)).not.toContain('Ahmadi');
  });

  it('brings a renewed permit back: the new date is a new deadline', async () => {
    const anna = await client('Ahmadi', 'aufenthaltserlaubnis', addDaysIso(TODAY, 10));
    const [item] = (await list()).items;
    await callOk(core, 'deadlines.complete', refOf(item!));
    expect((await list()).items).toEqual([]);
    const renewedUntil = addDaysIso(TODAY, 60);
    await callOk(core, 'clients.update', clientToInput({ ...anna, residenceValidUntil: renewedUntil }));
    expect((await list()).items).toEqual([expect.objectContaining({ clientId: anna.id, dueDate: renewedUntil, state: 'open' })]);
  });

  it('refuses a deadline that is not in the store as named, and changes nothing', async () => {
    const anna = await client('Ahmadi', 'p104c', addDaysIso(TODAY, 10));
    const auditBefore = countRows(core, 'audit');
    const wrongDay = errorOf(await dispatch(core, 'deadlines.complete', { kind: 'residence-expiry', clientId: anna.id, dueDate: addDaysIso(TODAY, 11) }));
    expect(wrongDay.code).toBe('not_found');
    const wrongSource = errorOf(
      await dispatch(core, 'deadlines.complete', { kind: 'consent-expiry', clientId: anna.id, sourceId: 'nix', dueDate: addDaysIso(TODAY, 10) }),
    );
    expect(wrongSource.code).toBe('not_found');
    expect(countRows(core, 'deadline_actions')).toBe(0);
    expect(countRows(core, 'audit')).toBe(auditBefore);
  });
});

describe('deadlines.postpone and .reopen', () => {
  it('shows a postponed deadline under its new date with the note; reopening brings the old date back', async () => {
    const anna = await client('Ahmadi', 'p104c', addDaysIso(TODAY, -2));
    const [item] = (await list()).items;
    expect(item).toMatchObject({ overdue: true });
    expect((await list()).counts.overdue).toBe(1);

    const until = addDaysIso(TODAY, 14);
    expect(await callOk(core, 'deadlines.postpone', { ...refOf(item!), until, note: 'Termin bei der ABH am 09.12.' })).toEqual({ postponed: true });
    const after = await list();
    expect(after.items).toEqual([
      expect.objectContaining({
        clientId: anna.id,
        dueDate: addDaysIso(TODAY, -2),
        postponedTo: until,
        state: 'postponed',
        note: 'Termin bei der ABH am 09.12.',
        overdue: false,
      }),
    ]);
    expect(after.counts).toEqual({ overdue: 0, week: 0, month: 0, later: 1, done: 0 });
    expect((await audit())[0]).toMatchObject({
      action: 'deadlines.postpone',
      details: { kind: 'residence-expiry', sourceId: null, dueDate: addDaysIso(TODAY, -2), until },
    });

    expect(await callOk(core, 'deadlines.reopen', refOf(item!))).toEqual({ reopened: true });
    expect((await list()).items).toEqual([expect.objectContaining({ state: 'open', postponedTo: null, overdue: true })]);
    expect((await audit())[0]).toMatchObject({ action: 'deadlines.reopen' });
    expect(errorOf(await dispatch(core, 'deadlines.reopen', refOf(item!))).code).toBe('not_found');
  });

  it('refuses a day before today', async () => {
    await client('Ahmadi', 'p104c', addDaysIso(TODAY, 3));
    const [item] = (await list()).items;
    const error = errorOf(await dispatch(core, 'deadlines.postpone', { ...refOf(item!), until: addDaysIso(TODAY, -1) }));
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.fields ?? {})).toEqual(['until']);
    expect(countRows(core, 'deadline_actions')).toBe(0);
  });
});

describe('deadlines.list: groups, pages and the next step', () => {
  it('groups by the calendar and pages in the order of the dates', async () => {
    // Wednesday 25.11.: overdue, this week (to Sunday 29.11.), this month (30.11.), later.
    const days = [-5, -1, 0, 1, 4, 5, 30, 60];
    for (const [index, offset] of days.entries()) await client(`Person${index}`, 'p104c', addDaysIso(TODAY, offset));
    const all = await list();
    expect(all.counts).toEqual({ overdue: 2, week: 3, month: 1, later: 2, done: 0 });
    expect(all.total).toBe(8);
    expect(all.items.map((item) => daysFrom(TODAY, item.dueDate))).toEqual(days);

    const firstPage = await list({ limit: 3 });
    const secondPage = await list({ limit: 3, offset: 3 });
    expect([...firstPage.items, ...secondPage.items].map((item) => item.dueDate)).toEqual(all.items.slice(0, 6).map((item) => item.dueDate));
    expect(firstPage.total).toBe(8);

    const week = await list({ group: 'week' });
    expect(week.total).toBe(3);
    expect(week.items.map((item) => daysFrom(TODAY, item.dueDate))).toEqual([0, 1, 4]);
    expect((await list({ group: 'later' })).items.map((item) => daysFrom(TODAY, item.dueDate))).toEqual([30, 60]);
    expect((await list({ kind: 'consent-expiry' })).total).toBe(0);
  });

  it('takes pages of 1 to 200 rows, 100 unless asked', async () => {
    for (let index = 0; index < 3; index += 1) await client(`Person${index}`, 'p104c', addDaysIso(TODAY, index));
    expect((await list({ limit: 200 })).items).toHaveLength(3);
    for (const limit of [0, 201, 1.5]) expect(errorOf(await dispatch(core, 'deadlines.list', { limit })).code).toBe('invalid_input');
    expect(errorOf(await dispatch(core, 'deadlines.list', { offset: -1 })).code).toBe('invalid_input');
    const spy = core.db.prepare.bind(core.db);
    const sources: string[] = [];
    core.db.prepare = ((source: string) => (sources.push(source), spy(source))) as typeof core.db.prepare;
    try {
      await list();
    } finally {
      core.db.prepare = spy;
    }
    // The page is limited in SQL, at 100 when no limit is given.
    expect(sources.some((source) => source.includes('LIMIT :limit OFFSET :offset'))).toBe(true);
    expect(contract['deadlines.list'].input.parse({})).toMatchObject({ limit: 100, offset: 0 });
  });

  it('leads from a consent to the consents, from a referral to the referral', async () => {
    const anna = await client('Ahmadi', null, null);
    const consent = await callOk<Consent>(core, 'consents.create', {
      clientId: anna.id,
      recipients: [{ name: 'Caritas Düren' }],
      purposes: ['Beratung'],
      dataCategories: ['identity'],
      signedOn: '2026-01-15',
      validUntil: addDaysIso(TODAY, 5),
    });
    const letter = await referral(anna.id, {});
    await callOk(core, 'documents.setStatus', { id: letter.id, referralStatus: 'handed-over', followUpDate: addDaysIso(TODAY, 6) });
    const items = (await list()).items;
    expect(items.find((item) => item.sourceId === consent.id)?.next).toEqual({ type: 'consents' });
    expect(items.find((item) => item.kind === 'follow-up')?.next).toEqual({ type: 'document', documentId: letter.id });
  });

  it('leads from a permit whose status names no checklist to the client', async () => {
    await client('Ahmadi', 'duldung', addDaysIso(TODAY, 5));
    expect((await list()).items[0]?.next).toEqual({ type: 'client' });
  });
});

describe('deadlines.list: referrals', () => {
  it('lists the "Rückmeldung erbeten bis" of a final referral from seven days before, until the feedback is in', async () => {
    const anna = await client('Ahmadi', null, null);
    const feedbackBy = addDaysIso(TODAY, 7);
    const letter = await referral(anna.id, { feedbackBy });
    const feedbackOf = (items: Deadline[]) => items.filter((item) => item.kind === 'feedback');
    expect((await list()).followUpLeadDays).toBe(7);
    expect(feedbackOf((await list()).items)).toEqual([
      expect.objectContaining({
        clientId: anna.id,
        sourceId: letter.id,
        dueDate: feedbackBy,
        subject: 'Überleitung an einen Partner · Volkshochschule Rur-Eifel',
      }),
    ]);
    expect(feedbackOf((await list()).items)[0]?.next).toEqual({ type: 'document', documentId: letter.id });
    expect(feedbackOf((await list({ date: addDaysIso(TODAY, -1) })).items)).toEqual([]);
    await callOk(core, 'documents.setStatus', { id: letter.id, referralStatus: 'feedback-received' });
    expect(feedbackOf((await list()).items)).toEqual([]);
  });

  it('shows a follow-up every day of its lead time, counting down, and overdue after its day', async () => {
    const anna = await client('Ahmadi', null, null);
    const letter = await referral(anna.id, {});
    const day = addDaysIso(TODAY, 7);
    await callOk(core, 'documents.setStatus', { id: letter.id, referralStatus: 'handed-over', followUpDate: day });
    for (let before = 8; before >= -2; before -= 1) {
      const asOf = addDaysIso(day, -before);
      const followUps = (await list({ date: asOf })).items.filter((item) => item.kind === 'follow-up');
      expect(followUps.length, `${before} days before`).toBe(before <= 7 ? 1 : 0);
      if (followUps[0]) expect(followUps[0].overdue).toBe(before < 0);
    }
  });
});

describe('erasure', () => {
  it('erases the deadline actions with the client', async () => {
    const anna = await client('Ahmadi', 'p104c', addDaysIso(TODAY, 3));
    const keep = await client('Berisha', 'p104c', addDaysIso(TODAY, 4));
    for (const item of (await list()).items) await callOk(core, 'deadlines.postpone', { ...refOf(item), until: addDaysIso(TODAY, 9), note: 'Notiz' });
    expect(countRows(core, 'deadline_actions')).toBe(2);
    await callOk(core, 'clients.erase', { id: anna.id });
    expect(core.db.prepare('SELECT client_id FROM deadline_actions').pluck().all()).toEqual([keep.id]);
  });
});
