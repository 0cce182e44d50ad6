import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/core';
import type {
  AuditEntry,
  Backup,
  BatchStarted,
  BatchStatus,
  Client,
  Consent,
  LotseDocument,
  MethodName,
  Partner,
  ResidenceStatus,
} from '../../shared/api/contract';
import { contract } from '../../shared/api/contract';
import { batchWorkerScript, importWorkerScript } from '../support/batch-worker';
import { clientToInput, givePartnerAddress, openTestCore, partnerToInput, SAMPLE_CLIENT } from '../support/core';
import { sampleLogoPng } from '../support/images';
import { callOk } from '../support/results';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';
import { TEST_SETTINGS } from '../support/settings';

/**
 * Every write leaves its line in the audit trail (issue 13, item 5): each
 * contract method that changes or hands out data is called once through
 * dispatch, as the hosts call it, and exactly the expected lines appear
 * (when, which counselor, what entity; details with ids and field names
 * only). The last test makes a new contract method fail until it is either
 * in this table or named as a pure read below.
 */

/** Methods that only read (or compute a draft nobody keeps): no line. */
const PURE_READS: readonly MethodName[] = [
  'app.info',
  'app.describe',
  // Opens a locked store with its passphrase: nothing in it changes (and nothing can be written before it is open).
  'app.unlock',
  'clients.get',
  'clients.search',
  // Shows possible duplicates of an unsaved form; saving anyway is recorded on the create or update line.
  'clients.similar',
  'residenceStatuses.list',
  'consents.list',
  'consents.covers',
  'partners.get',
  'partners.list',
  'partners.importStatus',
  'partners.addressBlock',
  'deadlines.list',
  'templates.list',
  'templates.get',
  // A draft with a made-up person: nothing is saved, nothing leaves the desk.
  'templates.preview',
  'documents.get',
  'documents.list',
  'documents.context',
  'documents.disclosure',
  // The serial letters the documents list groups (ids, titles, counts).
  'documents.batches',
  'batches.preview',
  'batches.sample',
  'batches.status',
  'settings.get',
  // A sample letter with the office's own letterhead and a made-up person.
  'settings.previewLetterhead',
  'backups.list',
  'audit.list',
  'audit.facets',
  // Names who is due for review; erasing them is clients.erase, with its own line.
  'clients.retentionDue',
  'team.status',
  'team.conflicts',
];

/**
 * Team mode needs a team store: its writes are audited in test/team/sync.test.ts ("audits …"), on a real
 * PostgreSQL. team.sync records no line of its own: it brings the other desks' changes with their lines.
 */
const AUDITED_IN_TEAM_TESTS: readonly MethodName[] = ['team.connect', 'team.disconnect', 'team.sync', 'team.resolve', 'team.handOver'];
/** The lines those tests expect, for the label check below. */
const TEAM_LINES = ['team.connect:team', 'team.disconnect:team', 'team.resolve:client', 'clients.handOver:client'].map((pair) => {
  const [action, area] = pair.split(':');
  return line(action!, area!, null, {});
});

/** Methods that stop work before it writes anything: nothing happened to record. */
const STOPS_WITHOUT_WRITING: readonly MethodName[] = ['partners.importCancel', 'batches.cancel'];

const VHS = 'seed-vhs-rur-eifel';
const LETTER = { subject: 'Einladung zum Infoabend', body: 'wir laden Sie herzlich ein.' };
const REFERRAL_TEXT = { reason: 'Anerkennung des Abschlusses.', request: 'Bitte beraten Sie zum Anerkennungsverfahren.' };
const CSV = 'Name;Straße;PLZ;Ort\nTafel Düren e. V.;Kölnstraße 1;52351;Düren\n';

let core: Core;
let dispose: () => void;

beforeEach(() => {
  ({ core, dispose } = openTestCore(undefined, {
    batchWorkerScript: batchWorkerScript(),
    importWorkerScript: importWorkerScript(),
    printPdf: async () => ({ printed: true }),
  }));
});
afterEach(() => dispose());

const call = <T>(method: string, input: unknown) => callOk<T>(core, method, input);
const client = () => call<Client>('clients.create', SAMPLE_CLIENT);
const partner = () => call<Partner>('partners.create', { name: 'Tafel Düren e. V.' });
const draft = async (clientId?: string) =>
  call<LotseDocument>('documents.create', { templateId: 'free-letter', clientId: clientId ?? (await client()).id, values: LETTER });
const finalLetter = async () => call<LotseDocument>('documents.finalize', { id: (await draft()).id });
async function referral(): Promise<LotseDocument> {
  await givePartnerAddress(core, VHS);
  const referred = await call<Client>('clients.create', { ...SAMPLE_CLIENT, counselingFields: ['recognition'] });
  return call<LotseDocument>('documents.create', { templateId: 'referral-letter', clientId: referred.id, partnerId: VHS, values: REFERRAL_TEXT });
}
const consentOf = async () =>
  call<Consent>('consents.create', {
    clientId: (await client()).id,
    recipients: [{ partnerId: VHS, name: 'VHS Rur-Eifel' }],
    purposes: ['Vermittlung in einen Sprachkurs'],
    dataCategories: ['identity', 'contact'],
    signedOn: null,
    validUntil: '2027-11-20',
  });
const backup = () => call<Backup>('backups.create', {});

async function until<T extends { state: string }>(method: string, input: unknown): Promise<T> {
  for (let attempt = 0; attempt < 3000; attempt += 1) {
    const status = await call<T>(method, input);
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${method} did not finish`);
}

type Line = Pick<AuditEntry, 'action' | 'subjectType' | 'subjectId' | 'details'>;

interface Case {
  /** What the row shows, when one method has more than one row. */
  title?: string;
  /** Prepares the store; the input to send. */
  arrange: () => Promise<unknown>;
  /** What the call answered, and the input sent → the lines it must have added, oldest first. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each row knows its own method's shapes; the table holds them all
  expected: (output: any, input: any) => Line[];
  /** For methods that work on in a worker: waits until their write is done. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  settle?: (output: any) => Promise<unknown>;
}

const CASES: Array<[MethodName, Case]> = [
  ['clients.create', { arrange: async () => SAMPLE_CLIENT, expected: (out) => [line('clients.create', 'client', out.id, {})] }],
  [
    'clients.create',
    {
      title: 'saved anyway beside a likely duplicate: the line names the ids checked, nothing else',
      arrange: async () => ({ ...SAMPLE_CLIENT, confirmedNotDuplicateOf: [(await client()).id] }),
      expected: (out, input: { confirmedNotDuplicateOf: string[] }) => [
        line('clients.create', 'client', out.id, { duplicatesIgnored: input.confirmedNotDuplicateOf }),
      ],
    },
  ],
  [
    'clients.update',
    {
      arrange: async () => ({ ...clientToInput(await client()), phone: '0176 1234567' }),
      expected: (out) => [line('clients.update', 'client', out.id, { fields: ['phone'] })],
    },
  ],
  [
    'clients.erase',
    { arrange: async () => ({ id: (await client()).id }), expected: () => [line('clients.erase', 'client', null, { documents: 0, consents: 0 })] },
  ],
  [
    'clients.export',
    {
      arrange: async () => ({ id: (await draft()).clientId }),
      expected: (_, input) => [line('clients.export', 'client', input.id, { documents: 1, consents: 0 })],
    },
  ],
  [
    'clients.close',
    {
      arrange: async () => ({ id: (await client()).id, closedOn: '2026-11-20', reason: 'moved-away' }),
      expected: (out) => [line('clients.close', 'client', out.id, {})],
    },
  ],
  [
    'clients.reopen',
    {
      arrange: async () => ({ id: (await call<Client>('clients.close', { id: (await client()).id, closedOn: '2026-11-20' })).id }),
      expected: (out) => [line('clients.reopen', 'client', out.id, {})],
    },
  ],
  [
    'deadlines.complete',
    {
      arrange: async () => ({
        kind: 'residence-expiry',
        clientId: (await call<Client>('clients.create', { ...SAMPLE_CLIENT, residenceStatus: 'p104c', residenceValidUntil: '2026-12-10' })).id,
        dueDate: '2026-12-10',
        note: 'Antrag gestellt',
      }),
      expected: () => [line('deadlines.complete', 'deadline', null, { kind: 'residence-expiry', sourceId: null, dueDate: '2026-12-10' })],
    },
  ],
  [
    'deadlines.postpone',
    {
      arrange: async () => ({
        kind: 'residence-expiry',
        clientId: (await call<Client>('clients.create', { ...SAMPLE_CLIENT, residenceStatus: 'p104c', residenceValidUntil: '2026-12-10' })).id,
        dueDate: '2026-12-10',
        until: '2026-12-20',
        note: 'Termin abwarten',
      }),
      expected: () => [line('deadlines.postpone', 'deadline', null, { kind: 'residence-expiry', sourceId: null, dueDate: '2026-12-10', until: '2026-12-20' })],
    },
  ],
  [
    'deadlines.reopen',
    {
      arrange: async () => {
        const ref = {
          kind: 'residence-expiry',
          clientId: (await call<Client>('clients.create', { ...SAMPLE_CLIENT, residenceStatus: 'p104c', residenceValidUntil: '2026-12-10' })).id,
          dueDate: '2026-12-10',
        };
        await call('deadlines.complete', ref);
        return ref;
      },
      expected: () => [line('deadlines.reopen', 'deadline', null, { kind: 'residence-expiry', sourceId: null, dueDate: '2026-12-10' })],
    },
  ],
  [
    'residenceStatuses.update',
    {
      arrange: async () => ({ ...(await call<{ items: ResidenceStatus[] }>('residenceStatuses.list', {})).items[0]!, stand: '2026-11-01' }),
      expected: (out) => [line('residenceStatuses.update', 'residence-status', out.code, { stand: '2026-11-01' })],
    },
  ],
  [
    'consents.create',
    {
      arrange: async () => ({
        clientId: (await client()).id,
        recipients: [{ partnerId: VHS, name: 'VHS Rur-Eifel' }],
        purposes: ['Vermittlung in einen Sprachkurs'],
        dataCategories: ['identity', 'contact'],
        signedOn: '2026-11-20',
        validUntil: '2027-11-20',
      }),
      expected: (out) => [line('consents.create', 'consent', out.id, { recipients: 1, signed: true })],
    },
  ],
  [
    'consents.sign',
    {
      arrange: async () => ({ id: (await consentOf()).id, signedOn: '2026-11-24' }),
      expected: (out) => [line('consents.sign', 'consent', out.id, { signedOn: '2026-11-24' })],
    },
  ],
  [
    'consents.revoke',
    {
      arrange: async () => ({ id: (await consentOf()).id, revokedOn: '2026-11-25' }),
      expected: (out) => [line('consents.revoke', 'consent', out.id, { revokedOn: '2026-11-25' })],
    },
  ],
  ['partners.create', { arrange: async () => ({ name: 'Tafel Düren e. V.' }), expected: (out) => [line('partners.create', 'partner', out.id, {})] }],
  [
    'partners.update',
    {
      title: 'an entry verified (assuredDate)',
      arrange: async () => ({ ...partnerToInput(await partner()), phone: '02421 123', assuredDate: '2026-11-25' }),
      expected: (out) => [line('partners.update', 'partner', out.id, { fields: ['assuredDate', 'phone'] })],
    },
  ],
  [
    'partners.archive',
    {
      arrange: async () => ({ id: (await partner()).id, archived: true }),
      expected: (out) => [line('partners.archive', 'partner', out.id, { archived: true })],
    },
  ],
  ['partners.delete', { arrange: async () => ({ id: (await partner()).id }), expected: (_, input) => [line('partners.delete', 'partner', input.id, {})] }],
  [
    'partners.export',
    { arrange: async () => ({}), expected: () => [line('partners.export', 'partner', null, { partners: expect.any(Number), form: 'hsds-organizations' })] },
  ],
  [
    'partners.import',
    {
      arrange: async () => ({ content: CSV, format: 'csv', apply: true }),
      expected: () => [line('partners.import', 'partner', null, expect.objectContaining({ format: 'csv', new: 1 }))],
    },
  ],
  [
    'partners.importStart',
    {
      arrange: async () => ({ content: CSV, format: 'csv', apply: true }),
      settle: (out) => until('partners.importStatus', { importId: out.importId }),
      expected: () => [line('partners.import', 'partner', null, expect.objectContaining({ format: 'csv', new: 1 }))],
    },
  ],
  [
    'templates.update',
    {
      arrange: async () => ({ id: 'referral-letter', baseVersion: 1, title: 'Überleitung (Büro)' }),
      expected: () => [line('templates.update', 'template', 'referral-letter', { version: 2 })],
    },
  ],
  [
    'templates.restore',
    { arrange: async () => ({ id: 'referral-letter' }), expected: () => [line('templates.restore', 'template', 'referral-letter', { version: 2 })] },
  ],
  [
    'documents.create',
    {
      arrange: async () => ({ templateId: 'free-letter', clientId: (await client()).id, values: LETTER }),
      expected: (out) => [line('documents.create', 'document', out.id, { templateId: 'free-letter', templateVersion: 1 })],
    },
  ],
  [
    'documents.update',
    {
      arrange: async () => ({ id: (await draft()).id, values: { ...LETTER, body: 'wir laden Sie ein.' } }),
      expected: (out) => [line('documents.update', 'document', out.id, { fields: ['body'] })],
    },
  ],
  [
    'documents.finalize',
    {
      arrange: async () => ({ id: (await draft()).id }),
      expected: (out) => [
        // No sha256: finalizing renders nothing (the PDF's sha256 is in the line of every render and print of it).
        line('documents.finalize', 'document', out.id, { templateId: 'free-letter', templateVersion: 1, omittedFields: [] }),
      ],
    },
  ],
  [
    'documents.finalize',
    {
      title: 'the consent gate overridden (another legal basis), without its free text',
      arrange: async () => ({ id: (await referral()).id, otherLegalBasis: { basis: '§ 69 SGB X', reason: 'Frau Müller braucht das für ihre Anerkennung.' } }),
      expected: (out) => [
        line('documents.finalize', 'document', out.id, {
          templateId: 'referral-letter',
          templateVersion: 1,
          omittedFields: [],
          otherLegalBasis: true,
        }),
      ],
    },
  ],
  [
    'documents.render',
    {
      title: 'of a final document',
      arrange: async () => ({ id: (await finalLetter()).id }),
      expected: (out, input) => [line('documents.render', 'document', input.id, { sha256: out.sha256 })],
    },
  ],
  [
    'documents.setStatus',
    {
      arrange: async () => {
        const final = await call<LotseDocument>('documents.finalize', {
          id: (await referral()).id,
          otherLegalBasis: { basis: '§ 69 SGB X', reason: 'Aufgabe.' },
        });
        return { id: final.id, referralStatus: 'handed-over', followUpDate: '2026-11-28' };
      },
      expected: (out) => [line('documents.setStatus', 'document', out.id, { referralStatus: 'handed-over', followUpDate: '2026-11-28' })],
    },
  ],
  [
    'documents.duplicate',
    {
      arrange: async () => ({ id: (await draft()).id }),
      // The label check below calls this with a stand-in answer: `document` may be missing there.
      expected: (out: { document?: LotseDocument }, input) => [
        line('documents.duplicate', 'document', out.document?.id ?? null, {
          fromDocumentId: input.id,
          templateId: 'free-letter',
          templateVersion: 1,
          fromTemplateVersion: 1,
          otherClient: false,
          droppedFields: [],
        }),
      ],
    },
  ],
  [
    'documents.printMany',
    {
      title: 'of a final document and a draft: the final one is handed out',
      arrange: async () => {
        const final = await finalLetter();
        return { ids: [final.id, (await draft(final.clientId ?? undefined)).id] };
      },
      expected: (_, input: { ids?: string[] }) => [
        line('documents.printMany', 'document', input.ids?.[0] ?? null, { sha256: expect.any(String), documents: 2 }),
      ],
    },
  ],
  ['documents.discard', { arrange: async () => ({ id: (await draft()).id }), expected: (_, input) => [line('documents.discard', 'document', input.id, {})] }],
  [
    'batches.render',
    {
      arrange: async () => {
        const { id } = await client();
        return { templateId: 'free-letter', values: LETTER, filter: { clientIds: [id] }, recipients: [id] };
      },
      settle: (out: BatchStarted) => until<BatchStatus>('batches.status', { batchId: out.batchId }),
      expected: (out) => [
        line('documents.finalize', 'document', expect.any(String), expect.objectContaining({ templateId: 'free-letter', batchId: out.batchId })),
        line('batches.render', 'batch', out.batchId, { templateId: 'free-letter', templateVersion: 1, letters: 1, skipped: 0 }),
      ],
    },
  ],
  [
    'batches.result',
    {
      arrange: async () => {
        const { id } = await client();
        const started = await call<BatchStarted>('batches.render', {
          templateId: 'free-letter',
          values: LETTER,
          filter: { clientIds: [id] },
          recipients: [id],
        });
        await until<BatchStatus>('batches.status', { batchId: started.batchId });
        return { batchId: started.batchId };
      },
      expected: (out, input) => [line('batches.result', 'batch', input.batchId, { documentIds: out.documentIds, sha256: out.sha256 })],
    },
  ],
  [
    'pdf.print',
    {
      arrange: async () => {
        const final = await finalLetter();
        return { pdfBase64: (await call<{ pdfBase64: string }>('documents.render', { id: final.id })).pdfBase64, title: 'Brief an Frau Müller' };
      },
      expected: () => [line('pdf.print', 'pdf', null, { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), printed: true })],
    },
  ],
  [
    'settings.update',
    {
      arrange: async () => ({ ...TEST_SETTINGS, counselor: { ...TEST_SETTINGS.counselor, phone: '02421 22-1234' } }),
      expected: () => [line('settings.update', 'settings', null, { fields: ['counselor.phone'] })],
    },
  ],
  [
    'settings.update',
    {
      title: 'a new logo',
      arrange: async () => ({
        ...TEST_SETTINGS,
        office: { ...TEST_SETTINGS.office, logo: { mimeType: 'image/png', dataBase64: sampleLogoPng().toString('base64') } },
      }),
      expected: () => [line('settings.update', 'settings', null, { fields: ['office.logo'] })],
    },
  ],
  [
    'app.setPassphrase',
    {
      arrange: async () => {
        await backup();
        return { passphrase: 'Rurufer am Morgen 7' };
      },
      // How many backups followed the store to the new key; never the passphrase.
      expected: () => [line('app.setPassphrase', 'store', null, { backups: 1 })],
    },
  ],
  [
    'app.removePassphrase',
    {
      arrange: async () => {
        await call('app.setPassphrase', { passphrase: 'Rurufer am Morgen 7' });
        return {};
      },
      expected: () => [line('app.removePassphrase', 'store', null, { backups: 0 })],
    },
  ],
  ['backups.create', { arrange: async () => ({}), expected: (out) => [line('backups.create', 'backup', out.id, {})] }],
  ['backups.download', { arrange: async () => ({ id: (await backup()).id }), expected: (_, input) => [line('backups.download', 'backup', input.id, {})] }],
  [
    'backups.upload',
    {
      arrange: async () => {
        const file = await call<{ fileName: string; contentBase64: string }>('backups.download', { id: (await backup()).id });
        return { fileName: file.fileName, contentBase64: file.contentBase64 };
      },
      expected: (out) => [line('backups.upload', 'backup', out.id, {})],
    },
  ],
  [
    'backups.restore',
    {
      arrange: async () => ({ id: (await backup()).id }),
      // The restored store's trail is the backup's, with the restore added; the lines after the backup was taken are gone with it.
      expected: (_, input) => [line('backups.restore', 'backup', input.id, { reappliedErasures: 0 })],
    },
  ],
  [
    'audit.exportCsv',
    {
      arrange: async () => ({ action: 'clients.create' }),
      expected: (out) => [line('audit.exportCsv', 'audit', null, { lines: out.lines, filters: ['action'] })],
    },
  ],
];

function line(action: string, subjectType: string, subjectId: unknown, details: unknown): Line {
  return { action, subjectType, subjectId, details } as Line;
}

/** The lines of the trail with an id above `after`, oldest first. */
function linesAfter(after: number): AuditEntry[] {
  const rows = core.db.prepare('SELECT * FROM audit WHERE id > ? ORDER BY id').all(after) as Array<Record<string, unknown>>;
  return rows.map((row) => ({
    id: row.id as number,
    at: row.at as string,
    action: row.action as string,
    subjectType: row.subject_type as string,
    subjectId: row.subject_id as string | null,
    actor: row.actor as string,
    details: JSON.parse(row.details as string) as Record<string, unknown>,
  }));
}

const lastLineId = () => core.db.prepare('SELECT coalesce(max(id), 0) FROM audit').pluck().get() as number;

describe('every write leaves exactly its audit line', () => {
  it.each(CASES.map(([method, row]) => [`${method}${row.title ? `: ${row.title}` : ''}`, method, row] as const))('%s', async (_name, method, row) => {
    const input = await row.arrange();
    // A restore replaces the store, trail included: its new line follows the backup's own last line (the backup holds no line of its taking).
    const before = method === 'backups.restore' ? lastLineId() - 1 : lastLineId();
    const output = await call<unknown>(method, input);
    if (row.settle) await row.settle(output);
    const added = linesAfter(before);
    expect(added).toEqual(
      row
        .expected(output, input)
        .map((expected) => ({ ...expected, id: expect.any(Number), at: '2026-11-25T10:00:00.000Z', actor: TEST_SETTINGS.counselor.name })),
    );
    // Ids and field names only: nothing of the person typed in reaches the trail.
    // Random UUIDs are blanked first: one may hold "0176" by chance (a CI run met 80ea3ea7-…-f58f9e017613).
    const text = JSON.stringify(added).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>');
    for (const personal of ['Müller', 'Ayşe', 'Hauptstraße', 'Frau Müller', 'Anerkennung', '0176', 'Brief an']) expect(text).not.toContain(personal);
  });
});

describe('the table covers the contract', () => {
  it('names every method either as audited or as a pure read (a new write without a line fails here)', () => {
    const audited = new Set(CASES.map(([method]) => method));
    const reads = new Set<MethodName>([...PURE_READS, ...STOPS_WITHOUT_WRITING, ...AUDITED_IN_TEAM_TESTS]);
    expect([...audited].filter((method) => reads.has(method))).toEqual([]);
    expect(Object.keys(contract).filter((method) => !audited.has(method as MethodName) && !reads.has(method as MethodName))).toEqual([]);
    expect([...audited, ...reads].filter((method) => !(method in contract))).toEqual([]);
  });

  it('gives every action and area it records a label on the Protokoll screen, in German and English', () => {
    const lines = [...CASES.flatMap(([, row]) => row.expected({ id: 'x', code: 'x', batchId: 'x' }, { id: 'x' })), ...TEAM_LINES];
    for (const catalogue of [de, en]) {
      const labels = catalogue.audit as { actions: Record<string, string>; areas: Record<string, string> };
      expect(lines.map((entry) => entry.action).filter((action) => !labels.actions[action])).toEqual([]);
      expect(lines.map((entry) => entry.subjectType).filter((area) => !labels.areas[area])).toEqual([]);
    }
  });
});
