import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import { csvCell, toCsv } from '../../main/core/services/audit';
import type { AuditEntry, MethodOutput } from '../../shared/api/contract';
import { openTestCore } from '../support/core';
import { callOk, errorOf } from '../support/results';

/** `audit.list` with its filters and pages, `audit.facets` and `audit.exportCsv` on a trail written with plain SQL. */

let core: Core;
let dispose: () => void;

const LINES: Array<[at: string, action: string, subjectType: string, subjectId: string | null, actor: string]> = [
  ['2026-11-01T08:00:00.000Z', 'clients.create', 'client', 'c-1', 'Erika Mustermann'],
  ['2026-11-02T09:00:00.000Z', 'clients.export', 'client', 'c-1', 'Erika Mustermann'],
  ['2026-11-02T23:59:59.000Z', 'partners.create', 'partner', 'p-1', 'Max Beispiel'],
  ['2026-11-03T07:00:00.000Z', 'clients.export', 'client', 'c-2', 'Max Beispiel'],
  ['2026-11-04T07:00:00.000Z', 'settings.update', 'settings', null, '=HYPERLINK("http://x";"klick")'],
];

beforeEach(() => {
  ({ core, dispose } = openTestCore());
  const insert = core.db.prepare('INSERT INTO audit (at, action, subject_type, subject_id, client_id, actor, details) VALUES (?, ?, ?, ?, NULL, ?, ?)');
  for (const [at, action, subjectType, subjectId, actor] of LINES) insert.run(at, action, subjectType, subjectId, actor, JSON.stringify({ fields: ['a;b'] }));
});
afterEach(() => dispose());

type Page = MethodOutput<'audit.list'>;
const list = (input: Record<string, unknown>) => callOk<Page>(core, 'audit.list', input);
const actions = (page: Page) => page.items.map((entry: AuditEntry) => `${entry.action}@${entry.at.slice(0, 10)}`);
/** The trail of the test core also holds the line of its setup (settings.update): filters here leave it out by date. */
const NOVEMBER = { from: '2026-11-01', to: '2026-11-04' };

describe('audit.list', () => {
  it('filters by days (both included), action, area, counselor and subject, newest first', async () => {
    expect(actions(await list({ from: '2026-11-02', to: '2026-11-02' }))).toEqual(['partners.create@2026-11-02', 'clients.export@2026-11-02']);
    expect(actions(await list({ ...NOVEMBER, action: 'clients.export' }))).toEqual(['clients.export@2026-11-03', 'clients.export@2026-11-02']);
    expect(actions(await list({ ...NOVEMBER, subjectType: 'partner' }))).toEqual(['partners.create@2026-11-02']);
    expect(actions(await list({ ...NOVEMBER, actor: 'Max Beispiel' }))).toEqual(['clients.export@2026-11-03', 'partners.create@2026-11-02']);
    expect(actions(await list({ subjectId: 'c-1' }))).toEqual(['clients.export@2026-11-02', 'clients.create@2026-11-01']);
    expect(actions(await list({ action: 'clients.export', actor: 'Erika Mustermann' }))).toEqual(['clients.export@2026-11-02']);
  });

  it('gives a page at a time with the total that matches', async () => {
    const first = await list({ ...NOVEMBER, limit: 2 });
    expect(first.total).toBe(5);
    expect(actions(first)).toEqual(['settings.update@2026-11-04', 'clients.export@2026-11-03']);
    const last = await list({ ...NOVEMBER, limit: 2, offset: 4 });
    expect(actions(last)).toEqual(['clients.create@2026-11-01']);
    expect(last.total).toBe(5);
  });

  it('refuses a range that ends before it starts, in German, naming the field', async () => {
    expect(errorOf(await dispatch(core, 'audit.list', { from: '2026-11-03', to: '2026-11-01' }))).toMatchObject({
      code: 'invalid_input',
      fields: { to: 'Das Enddatum liegt vor dem Anfangsdatum.' },
    });
  });

  it('offers every action, area and counselor the trail holds', async () => {
    const facets = await callOk<MethodOutput<'audit.facets'>>(core, 'audit.facets', {});
    expect(facets.actions).toEqual(['clients.create', 'clients.export', 'partners.create', 'settings.update']);
    expect(facets.subjectTypes).toEqual(['client', 'partner', 'settings']);
    expect(facets.actors).toEqual(['=HYPERLINK("http://x";"klick")', 'Erika Mustermann', 'Max Beispiel']);
  });
});

describe('audit.exportCsv', () => {
  it('gives every filtered line (no paging) as CSV for German Excel: BOM, semicolons, CRLF, a German header', async () => {
    const csv = await callOk<MethodOutput<'audit.exportCsv'>>(core, 'audit.exportCsv', { action: 'clients.export' });
    expect(csv).toMatchObject({ fileName: 'Protokoll-2026-11-25.csv', lines: 2 });
    expect(csv.content.startsWith('\uFEFF')).toBe(true);
    expect(csv.content.slice(1).split('\r\n')).toEqual([
      'Zeitpunkt (UTC);Beraterin/Berater;Aktion;Bereich;Objekt;Details',
      '2026-11-03T07:00:00.000Z;Max Beispiel;clients.export;client;c-2;"{""fields"":[""a;b""]}"',
      '2026-11-02T09:00:00.000Z;Erika Mustermann;clients.export;client;c-1;"{""fields"":[""a;b""]}"',
      '',
    ]);
  });

  it('never lets a cell start a formula', async () => {
    const csv = await callOk<MethodOutput<'audit.exportCsv'>>(core, 'audit.exportCsv', { action: 'settings.update', from: '2026-11-04', to: '2026-11-04' });
    expect(csv.content).toContain(`;"'=HYPERLINK(""http://x"";""klick"")";`);
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('Erika')).toBe('Erika');
    expect(toCsv([['a', 'b;c']])).toBe('\uFEFFa;"b;c"\r\n');
  });

  it('is itself a line of the trail, with the filters named but not their values', async () => {
    await callOk(core, 'audit.exportCsv', { actor: 'Max Beispiel' });
    const [newest] = (await list({ limit: 1 })).items;
    expect(newest).toMatchObject({ action: 'audit.exportCsv', subjectType: 'audit', details: { lines: 2, filters: ['actor'] } });
  });
});
