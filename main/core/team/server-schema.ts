import crypto from 'node:crypto';
import type { Client } from 'pg';
import { migration0001 } from './server-migrations/0001-team-schema';
import { migration0002 } from './server-migrations/0002-pushes-side-by-side';
import { migration0003 } from './server-migrations/0003-pulls-along-the-index';

/**
 * The team store's schema on PostgreSQL (docs/team-mode.md): versioned SQL
 * in server-migrations/ (TypeScript files, so the bundle carries them), applied in order and recorded in
 * lotse.schema_migrations. Every file is idempotent on its own, and the
 * whole run holds an advisory lock, so two admins starting `init` at once
 * apply each file once.
 */

/** Any fixed number: the lock only has to be the same for every `init`. */
const INIT_LOCK = 0x10775e;

export interface ServerMigration {
  version: number;
  name: string;
  sql: string;
}

/** Every step, oldest first. */
export const SERVER_MIGRATIONS: readonly ServerMigration[] = [migration0001, migration0002, migration0003];

/** Applies what the server lacks; answers the versions applied now (none on a second run). */
export async function migrateServer(client: Client, migrations: readonly ServerMigration[] = SERVER_MIGRATIONS): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1)', [INIT_LOCK]);
  try {
    await client.query('CREATE SCHEMA IF NOT EXISTS lotse');
    await client.query(
      'CREATE TABLE IF NOT EXISTS lotse.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM lotse.schema_migrations')).rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO lotse.schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [INIT_LOCK]);
  }
}

export interface NewCounselor {
  role: string;
  password: string;
  teamId: string;
}

/**
 * A PostgreSQL login role for one counselor, member of lotse_counselor and
 * of the team (made when it does not exist yet). The role name is derived
 * from the person's name, so IT recognises it in the server's logs.
 */
export async function addCounselor(client: Client, input: { name: string; team: string; lead?: boolean }): Promise<NewCounselor> {
  const base =
    input.name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'beratung';
  const role = `lotse_${base}_${crypto.randomBytes(3).toString('hex')}`;
  const password = crypto.randomBytes(18).toString('base64url');
  await client.query('BEGIN');
  try {
    const team = await client.query<{ id: string }>(
      `INSERT INTO lotse.teams (id, name) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [crypto.randomUUID(), input.team],
    );
    const teamId = team.rows[0]!.id;
    // Identifiers cannot be bound parameters: the role name is made of [a-z0-9_] above, the password is quoted by the server.
    const quotedPassword = (await client.query<{ quoted: string }>('SELECT quote_literal($1) AS quoted', [password])).rows[0]!.quoted;
    await client.query(`CREATE ROLE ${role} LOGIN PASSWORD ${quotedPassword} IN ROLE lotse_counselor`);
    await client.query('INSERT INTO lotse.memberships (role_name, team_id, lead, display_name) VALUES ($1, $2, $3, $4)', [
      role,
      teamId,
      input.lead === true,
      input.name,
    ]);
    await client.query('COMMIT');
    return { role, password, teamId };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** A team store off this machine only over TLS that checks the server: anything else would send social data readable on the wire. */
export function connectionRefusal(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Die Adresse des Team-Speichers ist keine gültige postgres://-Adresse.';
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') return 'Die Adresse des Team-Speichers muss mit postgres:// beginnen.';
  if (LOOPBACK.has(parsed.hostname)) return null;
  const sslmode = parsed.searchParams.get('sslmode');
  if (sslmode === 'verify-full') return null;
  return `Der Team-Speicher ${parsed.hostname} ist nicht auf diesem Rechner: Lotse verbindet sich nur verschlüsselt und mit geprüftem Zertifikat (sslmode=verify-full in der Adresse).`;
}
