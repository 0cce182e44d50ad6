import { Client, type ClientConfig } from 'pg';
import { DomainError } from '../../errors';
import { connectionRefusal } from '../../team/server-schema';

/** How a desk reaches the team store: the address without credentials, the role and its password kept apart. */
export interface TeamCredentials {
  url: string;
  role: string;
  password: string;
}

/** The address as it is kept and shown: without a user or password someone pasted into it. */
export function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

/** Refuses an address off this machine without TLS that checks the server (docs/team-mode.md), on the `url` field. */
export function checkAddress(url: string): void {
  // The contract's pattern lets through what only a URL parser refuses (a port above 65535).
  if (!URL.canParse(url)) throw new DomainError('invalid_input', { key: 'common.checkInput' }, { url: { key: 'team.badUrl' } });
  if (connectionRefusal(url) === null) return;
  const host = new URL(url).hostname;
  throw new DomainError('invalid_input', { key: 'common.checkInput' }, { url: { key: 'team.tlsRequired', params: { host } } });
}

/** A short reason for the German message: what the network or the server said, never a stack. */
function reasonOf(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'ECONNREFUSED') return 'Verbindung abgelehnt';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'Servername unbekannt';
  if (code === 'ETIMEDOUT' || /timeout/i.test(message ?? '')) return 'Zeitüberschreitung';
  if (code === 'ECONNRESET' || /terminated|ended/i.test(message ?? '')) return 'Verbindung unterbrochen';
  return code ?? 'Netzwerkfehler';
}

/** The German error a failed connection or query becomes: a refused login, a server without the team schema, or "unreachable". */
export function teamError(error: unknown, role: string): DomainError {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: string }).code;
  if (code === '28P01' || code === '28000') return new DomainError('team_unreachable', { key: 'team.loginRefused', params: { role } });
  if (code === '3F000' || code === '42P01' || code === '42883') return new DomainError('team_unreachable', { key: 'team.notInitialized' });
  return new DomainError('team_unreachable', { key: 'team.unreachable', params: { reason: reasonOf(error) } });
}

export function clientConfig(credentials: TeamCredentials): ClientConfig {
  // pg lets the address's own (empty) user and password win over separate fields: they go into the address.
  const address = new URL(withoutCredentials(credentials.url));
  address.username = encodeURIComponent(credentials.role);
  address.password = encodeURIComponent(credentials.password);
  return {
    connectionString: address.toString(),
    application_name: 'lotse',
    connectionTimeoutMillis: 5000,
    // A server that stops answering must not hold the desk's sync forever.
    query_timeout: 60_000,
    keepAlive: true,
  };
}

/** A connected client, or the German error why not. */
export async function openTeamClient(credentials: TeamCredentials): Promise<Client> {
  const client = new Client(clientConfig(credentials));
  // Without a listener, a dropped connection would throw in the event loop; the next query reports it instead.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    void client.end().catch(() => undefined);
    throw teamError(error, credentials.role);
  }
}
