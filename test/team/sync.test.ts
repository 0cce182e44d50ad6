import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Client, LotseDocument, MethodOutput, Partner, Template } from '../../shared/api/contract';
import { teamSettled } from '../../main/core/services/team';
import { clientToInput, openTestCore, SAMPLE_CLIENT } from '../support/core';
import { callOk, errorOf } from '../support/results';
import { dispatch } from '../../main/core/api/dispatch';
import type { NewCounselor } from '../../main/core/team/server-schema';
import { linkedDesk, startTeamServer, status, sync, type Desk, type TeamServer } from '../support/team';

/**
 * Team mode end to end on a real PostgreSQL (docs/team-mode.md): desks are
 * real cores in data folders of their own, linked to one team store, syncing
 * when the test says so, so "offline" is simply not syncing.
 */

let server: TeamServer;
beforeAll(async () => {
  server = await startTeamServer();
}, 60_000);
afterAll(() => server?.stop());

const desks: Desk[] = [];
afterEach(async () => {
  for (const desk of desks.splice(0)) {
    await teamSettled(desk.core);
    desk.dispose();
  }
});

let teamCount = 0;
/** A team of its own per test, so tests do not see each other's clients. */
async function team(size: number, options: { lead?: boolean } = {}) {
  teamCount += 1;
  const name = `Integration ${teamCount}`;
  const made: Array<Desk & { counselor: NewCounselor }> = [];
  for (let index = 0; index < size; index += 1) {
    const counselor = await server.counselor(`Beraterin ${teamCount}-${index}`, name, options.lead === true && index === 0);
    const desk = await linkedDesk(server, counselor);
    desks.push(desk);
    made.push({ ...desk, counselor });
  }
  return made;
}

const call = <T>(desk: Desk, method: string, input: unknown) => callOk<T>(desk.core, method, input);

describe('a partner created on one desk', () => {
  it('appears on the other desk after both synced', async () => {
    const [a, b] = await team(2);
    const partner = await call<Partner>(a!, 'partners.create', { name: 'Migrationsberatung Düren (Team-Test)' });
    // One record changed: its audit line goes up with it, uncounted.
    expect((await status(a!)).waiting).toBe(1);
    await sync(a!);
    expect((await status(a!)).waiting).toBe(0);
    await sync(b!);
    const seen = await call<Partner>(b!, 'partners.get', { id: partner.id });
    expect(seen.name).toBe('Migrationsberatung Düren (Team-Test)');
  });
});

describe('the same client edited on two desks while offline', () => {
  it('gives exactly one conflict, field by field, and its resolution reaches both desks', async () => {
    const [a, b] = await team(2);
    const client = await call<Client>(a!, 'clients.create', { ...SAMPLE_CLIENT, familyName: 'Kovalenko', givenName: 'Olena' });
    await sync(a!);
    await sync(b!);
    const onB = await call<Client>(b!, 'clients.get', { id: client.id });
    expect(onB.familyName).toBe('Kovalenko');

    // Both change the record without syncing: A the phone, B the phone and the street.
    await call(a!, 'clients.update', { ...clientToInput(client), phone: '02421 111' });
    await call(b!, 'clients.update', { ...clientToInput(onB), phone: '02421 222', address: { ...onB.address, street: 'Neue Straße 1' } });
    expect((await sync(a!)).conflicts).toBe(0);
    expect((await sync(b!)).conflicts).toBe(1);

    const conflictsOnB = await call<MethodOutput<'team.conflicts'>>(b!, 'team.conflicts', {});
    expect(conflictsOnB.items).toHaveLength(1);
    const [conflict] = conflictsOnB.items;
    expect(conflict!.subject).toBe('client');
    expect(conflict!.label).toBe('Kovalenko, Olena');
    expect(conflict!.server.by).toBe(`Beraterin ${teamCount}-0`);
    expect(conflict!.fields).toEqual(
      expect.arrayContaining([
        { field: 'details.phone', server: '02421 111', desk: '02421 222' },
        { field: 'street', server: 'Hauptstraße 5', desk: 'Neue Straße 1' },
      ]),
    );
    expect((await call<MethodOutput<'team.conflicts'>>(a!, 'team.conflicts', {})).items).toEqual([]);
    expect(
      await server.admin(async (pg) => (await pg.query('SELECT count(*)::int AS n FROM lotse.conflicts WHERE entity_id = $1', [client.id])).rows[0].n),
    ).toBe(1);
    // Until it is decided, B shows the server's state.
    expect((await call<Client>(b!, 'clients.get', { id: client.id })).phone).toBe('02421 111');

    // B keeps A's phone and its own street.
    await call(b!, 'team.resolve', { id: conflict!.id, pick: { 'details.phone': 'server', street: 'desk' } });
    expect((await status(b!)).conflicts).toBe(0);
    await sync(b!);
    await sync(a!);
    for (const desk of [a!, b!]) {
      const merged = await call<Client>(desk, 'clients.get', { id: client.id });
      expect([merged.phone, merged.address.street]).toEqual(['02421 111', 'Neue Straße 1']);
    }
    expect(
      await server.admin(
        async (pg) => (await pg.query('SELECT resolved_by IS NOT NULL AS decided FROM lotse.conflicts WHERE entity_id = $1', [client.id])).rows[0].decided,
      ),
    ).toBe(true);
    // Found by its new street on A: the pulled row is in A's search too.
    expect((await call<MethodOutput<'clients.search'>>(a!, 'clients.search', { query: 'Kovalenko' })).items.map((item) => item.id)).toContain(client.id);
  });

  it('refuses a pick of a field that is not in the conflict', async () => {
    const [a, b] = await team(2);
    const client = await call<Client>(a!, 'clients.create', { ...SAMPLE_CLIENT, familyName: 'Haddad' });
    await sync(a!);
    await sync(b!);
    await call(a!, 'clients.update', { ...clientToInput(client), phone: '02421 1' });
    await call(b!, 'clients.update', { ...clientToInput(client), phone: '02421 2' });
    await sync(a!);
    await sync(b!);
    const [conflict] = (await call<MethodOutput<'team.conflicts'>>(b!, 'team.conflicts', {})).items;
    const refused = errorOf(await dispatch(b!.core, 'team.resolve', { id: conflict!.id, pick: { family_name: 'desk' } }));
    expect(refused.message).toContain('„family_name“ gehört nicht zu diesem Konflikt');
  });
});

describe('an erasure on one desk', () => {
  it('leaves no trace of the person on the other desk or on the server', async () => {
    const [a, b] = await team(2);
    const name = 'Zerbinetta-Löschprobe';
    const client = await call<Client>(a!, 'clients.create', { ...SAMPLE_CLIENT, familyName: name, givenName: 'Amina', phone: '0176 555' });
    await call<LotseDocument>(a!, 'documents.create', { templateId: 'free-letter', clientId: client.id, values: { subject: `Termin ${name}`, body: 'Hallo' } });
    await sync(a!);
    await sync(b!);
    expect((await call<Client>(b!, 'clients.get', { id: client.id })).familyName).toBe(name);
    // B edits the person offline: that edit must not carry the name back up after the erasure.
    await call(b!, 'clients.update', { ...clientToInput(await call<Client>(b!, 'clients.get', { id: client.id })), notes: `Notiz ${name}` });

    await call(a!, 'clients.erase', { id: client.id });
    await sync(a!);
    await sync(b!);
    expect(errorOf(await dispatch(b!.core, 'clients.get', { id: client.id })).code).toBe('not_found');
    expect((await status(b!)).waiting).toBe(0);

    const onServer = await server.admin(
      async (pg) =>
        (
          await pg.query(
            `SELECT (SELECT count(*) FROM lotse.entities WHERE payload::text LIKE $1)
                  + (SELECT count(*) FROM lotse.changes WHERE payload::text LIKE $1)
                  + (SELECT count(*) FROM lotse.conflicts WHERE coalesce(server_payload::text, '') || coalesce(desk_payload::text, '') LIKE $1) AS n`,
            [`%${name}%`],
          )
        ).rows[0].n,
    );
    expect(Number(onServer)).toBe(0);
    await teamSettled(b!.core);
    const filesOfB = fs.readdirSync(b!.dataDir, { recursive: true }).map((file) => path.join(b!.dataDir, String(file)));
    for (const file of filesOfB.filter((entry) => fs.statSync(entry).isFile())) {
      expect(fs.readFileSync(file).includes(Buffer.from(name)), file).toBe(false);
    }
  });
});

describe('teams', () => {
  it("keep their clients to themselves: a counselor of team X never receives team Y's clients, not even queried as that role", async () => {
    const [x] = await team(1);
    const [y] = await team(1);
    const secret = await call<Client>(x!, 'clients.create', { ...SAMPLE_CLIENT, familyName: 'Nur-Team-X' });
    const shared = await call<Partner>(x!, 'partners.create', { name: 'Jobcenter Düren (für alle)' });
    await sync(x!);
    await sync(y!);
    expect(errorOf(await dispatch(y!.core, 'clients.get', { id: secret.id })).code).toBe('not_found');
    expect((await call<Partner>(y!, 'partners.get', { id: shared.id })).name).toBe('Jobcenter Düren (für alle)');
    const seenAsY = await server.as(y!.counselor, async (pg) => (await pg.query('SELECT kind, id FROM lotse.entities WHERE kind = $1', ['clients'])).rows);
    expect(seenAsY.map((row) => row.id)).not.toContain(secret.id);
    const changesAsY = await server.as(
      y!.counselor,
      async (pg) => (await pg.query('SELECT count(*)::int AS n FROM lotse.changes WHERE client_id = $1', [secret.id])).rows[0].n,
    );
    expect(changesAsY).toBe(0);
    const seenAsX = await server.as(x!.counselor, async (pg) => (await pg.query('SELECT id FROM lotse.entities WHERE kind = $1', ['clients'])).rows);
    expect(seenAsX.map((row) => row.id)).toContain(secret.id);
  });
});

describe('templates', () => {
  it('changed by a lead reach every desk; documents keep their version; a counselor who is no lead cannot change them', async () => {
    const [lead, other] = await team(2, { lead: true });
    const before = await call<Template>(lead!, 'templates.get', { id: 'free-letter' });
    const client = await call<Client>(other!, 'clients.create', { ...SAMPLE_CLIENT, familyName: 'Vorlagentest' });
    const document = await call<LotseDocument>(other!, 'documents.create', {
      templateId: 'free-letter',
      clientId: client.id,
      values: { subject: 'Vorher', body: 'x' },
    });
    const changed = await call<Template>(lead!, 'templates.update', { id: 'free-letter', baseVersion: before.version, title: 'Freier Brief (Team)' });
    expect(changed.version).toBe(before.version + 1);
    await sync(lead!);
    await sync(other!);
    expect((await call<Template>(other!, 'templates.get', { id: 'free-letter' })).title).toBe('Freier Brief (Team)');
    expect((await call<LotseDocument>(other!, 'documents.get', { id: document.id })).templateVersion).toBe(before.version);
    const refused = errorOf(await dispatch(other!.core, 'templates.update', { id: 'free-letter', baseVersion: changed.version, title: 'Eigenmächtig' }));
    expect([refused.code, refused.message]).toEqual(['forbidden', 'Vorlagen, Briefkopf und Aufenthaltstitel ändert im Team nur die Teamleitung.']);
  });
});

/** The newest audit lines of a desk, oldest first: action and area. */
function lastLines(desk: Desk, count: number): string[] {
  const rows = desk.core.db.prepare('SELECT action, subject_type FROM audit ORDER BY id DESC LIMIT ?').all(count) as Array<{
    action: string;
    subject_type: string;
  }>;
  return rows.reverse().map((row) => `${row.action}:${row.subject_type}`);
}

describe('a hand-over', () => {
  it('moves the client with their documents to the other team: its desks get them, the old team keeps nothing; audited', async () => {
    const [a, b] = await team(2);
    const [c] = await team(1);
    const client = await call<Client>(a!, 'clients.create', { ...SAMPLE_CLIENT, familyName: 'Übergabe' });
    const letter = await call<LotseDocument>(a!, 'documents.create', {
      templateId: 'free-letter',
      clientId: client.id,
      values: { subject: 'Brief', body: 'x' },
    });
    await sync(a!);
    await sync(b!);
    await sync(c!);
    expect(errorOf(await dispatch(c!.core, 'clients.get', { id: client.id })).code).toBe('not_found');

    const target = (await status(c!)).team!;
    const answer = await call<MethodOutput<'team.handOver'>>(a!, 'team.handOver', { clientId: client.id, teamId: target.id });
    expect(answer).toEqual({ handedOver: true, kept: false });
    expect(lastLines(a!, 1)).toEqual(['clients.handOver:client']);
    expect(errorOf(await dispatch(a!.core, 'clients.get', { id: client.id })).code).toBe('not_found');

    await sync(b!);
    await sync(c!);
    expect(errorOf(await dispatch(b!.core, 'clients.get', { id: client.id })).code).toBe('not_found');
    expect((await call<Client>(c!, 'clients.get', { id: client.id })).familyName).toBe('Übergabe');
    expect((await call<LotseDocument>(c!, 'documents.get', { id: letter.id })).clientId).toBe(client.id);

    // The new team works on: an edit on C goes up and is C's team's.
    await call(c!, 'clients.update', { ...clientToInput(await call<Client>(c!, 'clients.get', { id: client.id })), phone: '02421 999' });
    expect((await sync(c!)).conflicts).toBe(0);
    const seenByA = await server.as(
      a!.counselor,
      async (pg) => (await pg.query('SELECT count(*)::int AS n FROM lotse.entities WHERE client_id = $1', [client.id])).rows[0].n,
    );
    expect(seenByA).toBe(0);
  });
});

describe('linking and unlinking', () => {
  it('are audited; unlinking with changes waiting needs a clear yes, and leaves the data on the desk', async () => {
    const [a] = await team(1);
    // Its own line (the other desks' come with the pull: lines about no client are the office's).
    expect(
      a!.core.db.prepare("SELECT subject_type FROM audit WHERE action = 'team.connect' AND details ->> '$.role' = ?").pluck().all(a!.counselor.role),
    ).toEqual(['team']);
    const client = await call<Client>(a!, 'clients.create', { ...SAMPLE_CLIENT, familyName: 'Bleibt' });
    const refused = errorOf(await dispatch(a!.core, 'team.disconnect', {}));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/Es warten noch \d+ Änderungen/);
    const unlinked = await call<MethodOutput<'team.status'>>(a!, 'team.disconnect', { discardWaiting: true });
    expect(unlinked.linked).toBe(false);
    expect(lastLines(a!, 1)).toEqual(['team.disconnect:team']);
    expect((await call<Client>(a!, 'clients.get', { id: client.id })).familyName).toBe('Bleibt');
    // Unlinked, a write waits for no one.
    await call(a!, 'clients.update', { ...clientToInput(client), phone: '02421 1' });
    expect(a!.core.db.prepare('SELECT count(*) FROM team_outbox').pluck().get()).toBe(0);
  });

  it('refuses a wrong password and an address off this machine without TLS, in German', async () => {
    const counselor = await server.counselor('Falsches Kennwort', 'Team Login');
    const desk = openTestCore(undefined, { teamAutoSync: false });
    desks.push(desk);
    const wrong = errorOf(await dispatch(desk.core, 'team.connect', { url: server.url, role: counselor.role, password: 'falsch' }));
    expect([wrong.code, wrong.message]).toEqual([
      'team_unreachable',
      `Der Team-Speicher hat die Anmeldung als „${counselor.role}“ abgelehnt. Bitte Benutzername und Kennwort prüfen (oder bei der IT erfragen).`,
    ]);
    const plain = errorOf(await dispatch(desk.core, 'team.connect', { url: 'postgres://db.kreis-dueren.de/lotse', role: counselor.role, password: 'x' }));
    expect(plain.fields?.url).toContain('sslmode=verify-full');
    expect((await status(desk)).linked).toBe(false);
  });
});

describe('three desks', () => {
  it('all get a partner, a client and a resolution, whoever made them', async () => {
    const [a, b, c] = await team(3);
    const partner = await call<Partner>(c!, 'partners.create', { name: 'Sprachcafé Düren' });
    const client = await call<Client>(b!, 'clients.create', { ...SAMPLE_CLIENT, familyName: 'Dreier' });
    for (const desk of [c!, b!, a!, c!]) await sync(desk);
    for (const desk of [a!, b!, c!]) {
      expect((await call<Partner>(desk, 'partners.get', { id: partner.id })).name).toBe('Sprachcafé Düren');
      expect((await call<Client>(desk, 'clients.get', { id: client.id })).familyName).toBe('Dreier');
    }
    await call(a!, 'clients.update', { ...clientToInput(client), address: { ...client.address, city: 'Jülich' } });
    await call(c!, 'clients.update', { ...clientToInput(client), address: { ...client.address, city: 'Kreuzau' } });
    await sync(a!);
    await sync(c!);
    const [conflict] = (await call<MethodOutput<'team.conflicts'>>(c!, 'team.conflicts', {})).items;
    expect(conflict!.fields).toEqual([{ field: 'city', server: 'Jülich', desk: 'Kreuzau' }]);
    await call(c!, 'team.resolve', { id: conflict!.id, pick: { city: 'desk' } });
    expect(lastLines(c!, 1)).toEqual(['team.resolve:client']);
    for (const desk of [c!, a!, b!]) await sync(desk);
    for (const desk of [a!, b!, c!]) expect((await call<Client>(desk, 'clients.get', { id: client.id })).address.city).toBe('Kreuzau');
  });
});

describe('desks that are online', () => {
  it("sync by themselves: a change on one desk reaches the other within seconds (the server's NOTIFY, no team.sync)", async () => {
    teamCount += 1;
    const online: Desk[] = [];
    for (const name of ['Online A', 'Online B']) {
      const counselor = await server.counselor(`${name} ${teamCount}`, `Integration ${teamCount}`);
      const desk = openTestCore(undefined, { teamAutoSync: true });
      desks.push(desk);
      await call(desk, 'team.connect', { url: server.url, role: counselor.role, password: counselor.password });
      online.push(desk);
    }
    const [a, b] = online;
    const started = Date.now();
    const partner = await call<Partner>(a!, 'partners.create', { name: 'Integrationskurs Jülich (live)' });
    let arrived = false;
    while (!arrived && Date.now() - started < 10_000) {
      arrived = (await dispatch(b!.core, 'partners.get', { id: partner.id })).ok;
      if (!arrived) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(arrived, 'the partner reached desk B').toBe(true);
    console.log(`team: a change reached the other online desk after ${Date.now() - started} ms`);
    expect((await status(b!)).online).toBe(true);
  });
});
