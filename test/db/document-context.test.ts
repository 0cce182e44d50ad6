import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import type { Db } from '../../main/core/db/open';
import type { Client, Consent, DocumentContextView, LotseDocument, Partner } from '../../shared/api/contract';
import { givePartnerAddress, openTestCore, SAMPLE_CLIENT } from '../support/core';
import { callOk, errorOf } from '../support/results';

/**
 * One document context per request (issue 10): a finalize loads the client,
 * the recipient partner and the covering consent once each, from one clock
 * reading; `documents.context` gives the editor exactly what the core uses.
 */

const VHS = 'seed-vhs-rur-eifel';
const JMD = 'seed-jmd';

let core: Core;
let dispose: () => void;
let client: Client;
let vhs: Partner;

function call<T>(method: string, input: unknown): Promise<T> {
  return callOk<T>(core, method, input);
}

/** The first table a statement reads from, for every statement executed while `run` runs. */
async function tablesRead<T>(db: Db, run: () => Promise<T>): Promise<{ result: T; reads: string[] }> {
  const prepare = db.prepare.bind(db);
  const reads: string[] = [];
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    const table = /^\s*(?:WITH\b[\s\S]*?\)\s*)?SELECT\b[\s\S]*?\bFROM\s+(\w+)/i.exec(sql)?.[1];
    if (table === undefined) return statement;
    for (const method of ['get', 'all', 'iterate'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        reads.push(table);
        return original(...args);
      };
    }
    return statement;
  }) as Db['prepare'];
  try {
    return { result: await run(), reads };
  } finally {
    db.prepare = prepare;
  }
}

function count(reads: string[], table: string): number {
  return reads.filter((read) => read === table).length;
}

async function signedConsent(partner: Partner, dataCategories: string[]): Promise<Consent> {
  return call<Consent>('consents.create', {
    clientId: client.id,
    recipients: [{ partnerId: partner.id, name: partner.name }],
    purposes: ['Anerkennungsberatung'],
    dataCategories,
    signedOn: '2026-11-20',
  });
}

async function referral(partnerId: string): Promise<LotseDocument> {
  return call<LotseDocument>('documents.create', {
    templateId: 'referral-letter',
    clientId: client.id,
    partnerId,
    values: { reason: 'Anerkennung des Abschlusses als Pflegefachkraft.', request: 'Bitte beraten Sie sie zum Verfahren.' },
  });
}

beforeEach(async () => {
  ({ core, dispose } = openTestCore());
  client = await call<Client>('clients.create', {
    ...SAMPLE_CLIENT,
    counselingFields: ['recognition'],
    residenceStatus: 'duldung',
    residenceValidUntil: '2027-02-15',
  });
  vhs = await givePartnerAddress(core, VHS);
});
afterEach(() => dispose());

describe('a document context per request', () => {
  it('finalizes a referral reading the client, the partner and the covering consent once each, at one clock reading', async () => {
    await signedConsent(vhs, ['identity', 'contact', 'language-education', 'counseling', 'residence']);
    const letter = await referral(VHS);
    const clock = core.now;
    let clockReadings = 0;
    core.now = () => {
      clockReadings += 1;
      return clock();
    };
    const { result, reads } = await tablesRead(core.db, () => call<LotseDocument>('documents.finalize', { id: letter.id }));
    core.now = clock;

    expect(result).toMatchObject({ status: 'final', legalBasis: { kind: 'consent' } });
    expect({ clients: count(reads, 'clients'), partners: count(reads, 'partners'), consents: count(reads, 'consents') }).toEqual({
      clients: 1,
      partners: 1,
      consents: 1,
    });
    expect(count(reads, 'settings')).toBe(1);
    expect(clockReadings).toBe(1);
  });

  it('shows the editor the client, recipient, covering consent and address block the core prints with', async () => {
    const consent = await signedConsent(vhs, ['identity', 'contact']);
    const letter = await referral(VHS);
    const context = await call<DocumentContextView>('documents.context', { id: letter.id });
    expect(context).toMatchObject({
      templateId: 'referral-letter',
      templateVersion: letter.templateVersion,
      today: '2026-11-25',
      client: { id: client.id, familyName: 'Müller' },
      partner: { id: VHS },
      consent: { id: consent.id },
      residenceStatusLabel: 'Duldung (§ 60a AufenthG)',
    });
    const { lines } = await call<{ lines: string[] }>('partners.addressBlock', { id: VHS });
    expect(lines[0]).toBe(vhs.name);
    expect(context.recipientLines).toEqual(lines);
  });

  it('answers for a recipient picked in the editor but not yet saved, whose consent does not cover it', async () => {
    await signedConsent(vhs, ['identity']);
    const letter = await referral(VHS);
    const other = await call<DocumentContextView>('documents.context', { id: letter.id, partnerId: JMD });
    expect(other.partner?.id).toBe(JMD);
    expect(other.consent).toBeNull();
    // The gate decides from the same context: finalizing to the JMD (given an address) is refused for want of a consent.
    await givePartnerAddress(core, JMD);
    await call('documents.update', { id: letter.id, values: letter.values, partnerId: JMD });
    expect(errorOf(await dispatch(core, 'documents.finalize', { id: letter.id })).code).toBe('consent_missing');
  });

  it('covers a partner by a consent that names it only by name, in the editor as in the gate', async () => {
    const consent = await call<Consent>('consents.create', {
      clientId: client.id,
      recipients: [{ partnerId: null, name: vhs.name.toUpperCase() }],
      purposes: ['Anerkennungsberatung'],
      dataCategories: ['identity', 'contact', 'language-education', 'counseling', 'residence'],
      signedOn: '2026-11-20',
    });
    const letter = await referral(VHS);
    expect((await call<DocumentContextView>('documents.context', { id: letter.id })).consent?.id).toBe(consent.id);
    expect(await call<LotseDocument>('documents.finalize', { id: letter.id })).toMatchObject({
      legalBasis: { kind: 'consent', consentId: consent.id },
    });
  });
});
