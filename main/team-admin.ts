import { Client } from 'pg';
import { addCounselor, connectionRefusal, migrateServer, SERVER_MIGRATIONS } from './core/team/server-schema';

/**
 * `npm run team-admin -- …` (docs/team-mode.md, "Server setup"): what
 * municipal IT runs against the office's PostgreSQL to set up team mode.
 * `init` creates or migrates the team schema, `add-counselor` makes a login
 * role for one counselor and prints what their desk needs to connect.
 * Every failure is one German line on stderr and an exit code other than 0.
 */

const USAGE = `Aufruf:
  npm run team-admin -- init --url postgres://ADMIN:PASSWORT@SERVER:5432/DATENBANK?sslmode=verify-full
      Richtet das Team-Schema ein oder bringt es auf den neuesten Stand (mehrfach ausführbar).
  npm run team-admin -- add-counselor --url … --name "Anna Schmitz" --team "Integration Nord" [--lead]
      Legt für eine Beraterin oder einen Berater einen Zugang an und zeigt, was Lotse am Arbeitsplatz zum Verbinden braucht.
      --team: gibt es das Team noch nicht, wird es angelegt. --lead: Teamleitung (darf Vorlagen, Briefkopf und Aufenthaltsstatus ändern).

--url: Adresse des PostgreSQL-Servers mit einer Administrator-Rolle (CREATEROLE, Recht auf die Datenbank).
  Ohne Passwort in der Adresse gilt die Umgebungsvariable PGPASSWORD.
  Liegt der Server nicht auf diesem Rechner, muss die Adresse sslmode=verify-full enthalten.`;

/** A failure told to the person at the terminal: one line, and the exit code. */
class AdminError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const COMMANDS = {
  init: { strings: ['--url'], flags: [] },
  'add-counselor': { strings: ['--url', '--name', '--team'], flags: ['--lead'] },
} as const;
type Command = keyof typeof COMMANDS;

interface Parsed {
  command: Command;
  values: Map<string, string>;
  flags: Set<string>;
}

function usageError(message: string): AdminError {
  return new AdminError(`${message} Hilfe: npm run team-admin -- --help`, 2);
}

function parse(argv: readonly string[]): Parsed | 'help' {
  if (argv.length === 0 || argv[0] === 'help' || argv.some((arg) => arg === '--help' || arg === '-h')) return 'help';
  const [name, ...rest] = argv;
  if (name === undefined || !Object.hasOwn(COMMANDS, name)) throw usageError(`Unbekannter Befehl „${name}“: team-admin kennt init und add-counselor.`);
  const command = name as Command;
  const spec = COMMANDS[command];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let index = 0; index < rest.length; index += 1) {
    const arg = rest[index] ?? '';
    const [option, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if ((spec.flags as readonly string[]).includes(option)) {
      if (inline !== undefined) throw usageError(`${option} steht allein, ohne Wert.`);
      flags.add(option);
    } else if ((spec.strings as readonly string[]).includes(option)) {
      if (values.has(option)) throw usageError(`${option} ist doppelt angegeben.`);
      const value = inline ?? rest[++index];
      if (value === undefined || value.trim() === '' || (inline === undefined && value.startsWith('--'))) throw usageError(`${option} braucht einen Wert.`);
      values.set(option, value.trim());
    } else {
      throw usageError(`Unbekannte Angabe „${arg}“ für ${command}.`);
    }
  }
  for (const option of spec.strings) if (!values.has(option)) throw usageError(`${command} braucht ${option}.`);
  return { command, values, flags };
}

/** Where the server is, for messages: never the password. */
interface Target {
  host: string;
  user: string;
  database: string;
}

function targetOf(url: string): Target {
  const parsed = new URL(url);
  const host = `${parsed.hostname || 'localhost'}${parsed.port ? `:${parsed.port}` : ''}`;
  return {
    host,
    user: decodeURIComponent(parsed.username) || process.env.PGUSER || '(Betriebssystem-Benutzer)',
    database: decodeURIComponent(parsed.pathname.slice(1)) || '(Standard)',
  };
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE']);
const CERTIFICATE = /CERT|ERR_TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/;

/** One German line for anything the server or the network answered. */
function describe(error: unknown, target: Target): string {
  if (error instanceof AdminError) return error.message;
  const { code, message } = errorParts(error);
  if (code && UNREACHABLE.has(code)) return `Der Server ${target.host} ist nicht erreichbar (${code}). Adresse und Port prüfen, und ob PostgreSQL dort läuft.`;
  if (/timeout/i.test(message)) return `Der Server ${target.host} antwortet nicht (Zeitüberschreitung). Adresse, Port und Firewall prüfen.`;
  if (code && CERTIFICATE.test(code))
    return `Das Zertifikat des Servers ${target.host} ließ sich nicht prüfen (${code}). Mit sslrootcert=DATEI in der Adresse die Zertifizierungsstelle angeben.`;
  if (/does not support SSL/i.test(message)) return `Der Server ${target.host} bietet keine verschlüsselte Verbindung an; ohne TLS verbindet Lotse sich nicht.`;
  if (/client password must be a string/i.test(message))
    return `Kein Passwort für ${target.user}: in der Adresse (postgres://${target.user}:PASSWORT@…) oder in der Umgebungsvariablen PGPASSWORD angeben.`;
  switch (code) {
    case '28P01':
      return `Anmeldung als ${target.user} bei ${target.host} abgelehnt: Benutzername oder Passwort stimmt nicht.`;
    case '28000':
      return `Der Server ${target.host} lässt ${target.user} von diesem Rechner nicht zu (pg_hba.conf).`;
    case '3D000':
      return `Die Datenbank ${target.database} gibt es auf ${target.host} nicht.`;
    case '42501':
      return `${target.user} darf das auf ${target.host} nicht (${message}). team-admin braucht eine Rolle mit CREATEROLE, die in der Datenbank ${target.database} Schemas anlegen darf.`;
    case '53300':
      return `Der Server ${target.host} nimmt gerade keine Verbindung mehr an (zu viele Verbindungen).`;
    case '57P03':
      return `Der Server ${target.host} startet gerade oder fährt herunter; bitte gleich noch einmal.`;
  }
  return `Der Team-Speicher ${target.host} meldet: ${message.replace(/\s+/g, ' ')}${code ? ` (${code})` : ''}`;
}

function errorParts(error: unknown): { code: string | undefined; message: string } {
  if (!(error instanceof Error)) return { code: undefined, message: String(error) };
  // Node reports a refused connection to a name with several addresses (localhost: ::1 and 127.0.0.1) as an AggregateError.
  const inner = error instanceof AggregateError ? (error.errors[0] as unknown) : undefined;
  const code = (error as { code?: unknown }).code ?? (inner as { code?: unknown } | undefined)?.code;
  return { code: typeof code === 'string' ? code : undefined, message: error.message || (inner instanceof Error ? inner.message : '') };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 15_000, application_name: 'lotse-team-admin' });
  // A connection the server drops is reported by the next query; without a listener it would end the process with a stack trace.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const LATEST = Math.max(...SERVER_MIGRATIONS.map((migration) => migration.version));

function versionList(versions: readonly number[]): string {
  return versions.map((version) => `${version} (${SERVER_MIGRATIONS.find((migration) => migration.version === version)?.name ?? '?'})`).join(', ');
}

async function init(url: string): Promise<string[]> {
  const target = targetOf(url);
  const applied = await withClient(url, (client) => migrateServer(client));
  if (applied.length === 0)
    return [`Der Team-Speicher ${target.host}, Datenbank ${target.database}, ist auf dem neuesten Stand (Schema-Version ${LATEST}): nichts zu tun.`];
  return [
    `Team-Speicher ${target.host}, Datenbank ${target.database}, eingerichtet: Schema-Version${applied.length > 1 ? 'en' : ''} ${versionList(applied)} angewendet.`,
    `Jetzt Zugänge anlegen: npm run team-admin -- add-counselor --url … --name "…" --team "…"`,
  ];
}

/** The address a desk connects to: the admin's server and database, with the counselor's role and no password. */
function deskUrl(adminUrl: string, role: string, database: string): string {
  const url = new URL(adminUrl);
  url.username = role;
  url.password = '';
  url.pathname = `/${encodeURIComponent(database)}`;
  for (const key of ['user', 'password']) url.searchParams.delete(key);
  return url.toString().replace(/\?$/, '');
}

async function schemaVersion(client: Client): Promise<number> {
  const ready = await client.query<{ ready: boolean }>(`SELECT to_regclass('lotse.schema_migrations') IS NOT NULL AS ready`);
  if (!ready.rows[0]?.ready) return 0;
  return (await client.query<{ version: number | null }>('SELECT max(version) AS version FROM lotse.schema_migrations')).rows[0]?.version ?? 0;
}

async function addCounselorCommand(url: string, name: string, team: string, lead: boolean): Promise<string[]> {
  if (name.length > 200) throw usageError('--name ist zu lang (höchstens 200 Zeichen).');
  if (team.length > 200) throw usageError('--team ist zu lang (höchstens 200 Zeichen).');
  return withClient(url, async (client) => {
    const version = await schemaVersion(client);
    if (version < LATEST)
      throw new AdminError(
        `Der Team-Speicher ist ${version === 0 ? 'noch nicht eingerichtet' : `auf Schema-Version ${version}, Lotse braucht ${LATEST}`}: zuerst npm run team-admin -- init --url … ausführen.`,
      );
    const existing = await client.query('SELECT 1 FROM lotse.teams WHERE name = $1', [team]);
    const database = (await client.query<{ database: string }>('SELECT current_database() AS database')).rows[0]!.database;
    const counselor = await addCounselor(client, { name, team, lead });
    return [
      existing.rowCount ? `Team „${team}“ gibt es schon; ${name} kommt dazu.` : `Team „${team}“ neu angelegt.`,
      `Zugang für ${name} angelegt. Am Arbeitsplatz in Lotse beim Verbinden mit dem Team einzutragen:`,
      '',
      `  Adresse:       ${deskUrl(url, counselor.role, database)}`,
      `  Benutzername:  ${counselor.role}`,
      `  Passwort:      ${counselor.password}`,
      `  Team:          ${team}`,
      `  Teamleitung:   ${lead ? 'ja' : 'nein'}`,
      '',
      `Das Passwort wird nur jetzt angezeigt; der Server speichert es nicht lesbar. Bitte auf sicherem Weg an ${name} weitergeben.`,
      'Geht es verloren, einfach mit add-counselor einen neuen Zugang anlegen.',
    ];
  });
}

async function main(argv: readonly string[]): Promise<void> {
  const parsed = parse(argv);
  if (parsed === 'help') {
    console.log(USAGE);
    return;
  }
  const url = parsed.values.get('--url')!;
  const refusal = connectionRefusal(url);
  if (refusal) throw new AdminError(refusal, 2);
  let target: Target;
  try {
    target = targetOf(url);
  } catch {
    throw new AdminError('Die Adresse des Team-Speichers ist keine gültige postgres://-Adresse.', 2);
  }
  try {
    const lines =
      parsed.command === 'init'
        ? await init(url)
        : await addCounselorCommand(url, parsed.values.get('--name')!, parsed.values.get('--team')!, parsed.flags.has('--lead'));
    console.log(lines.join('\n'));
  } catch (error) {
    throw new AdminError(describe(error, target), error instanceof AdminError ? error.exitCode : 1);
  }
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    console.error(error instanceof AdminError ? error.message : `team-admin ist unerwartet gescheitert: ${errorParts(error).message}`);
    process.exitCode = error instanceof AdminError ? error.exitCode : 1;
  })
  .finally(() => {
    // Done: a socket the driver left open after a failed login must not keep IT's terminal waiting (unref: an orderly exit does not wait for it).
    setTimeout(() => process.exit(), 2_000).unref();
  });
