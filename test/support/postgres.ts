import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster on 127.0.0.1 for the team-mode tests
 * (issue 18). `.ci/run` installs Debian's postgresql; the cluster is made
 * here with initdb and pg_ctl as the `postgres` user (PostgreSQL refuses to
 * run as root), in a folder that user may enter (/tmp is root's alone on
 * these machines), and removed again by `stop`.
 */
export interface TestCluster {
  /** The superuser's URL, for team-admin. */
  adminUrl: string;
  port: number;
  stop(): void;
}

const BINARY_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/local/bin', '/usr/bin'];

function binary(name: string): string {
  for (const dir of BINARY_DIRS) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`${name} fehlt: .ci/run installiert Debians postgresql.`);
}

/** Why no cluster can be made here (initdb or pg_ctl not installed), or null: the bench says so instead of failing. */
export function missingPostgres(): string | null {
  const missing = ['initdb', 'pg_ctl'].filter((name) => !BINARY_DIRS.some((dir) => fs.existsSync(path.join(dir, name))));
  return missing.length === 0 ? null : `${missing.join(' und ')} fehlt: .ci/run installiert Debians postgresql.`;
}

/** As the postgres user when this process is root (CI), else as this user. */
function run(command: string, args: string[]): void {
  if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
  else execFileSync(command, args, { stdio: 'pipe' });
}

/**
 * `settings` go to the server as extra `-c name=value` options (the bench's 300 desks need more than the default
 * 100 connections); without them the cluster is what every test gets.
 */
export function startTestCluster(settings: Readonly<Record<string, string | number>> = {}): TestCluster {
  const dir = fs.mkdtempSync(path.join(os.platform() === 'linux' ? '/var/tmp' : os.tmpdir(), 'lotse-pg-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  run(binary('initdb'), ['-D', path.join(dir, 'data'), '-A', 'scram-sha-256', '--pwfile', writePasswordFile(dir), '-U', 'lotse_admin', '--no-sync']);
  run(binary('pg_ctl'), [
    '-D',
    path.join(dir, 'data'),
    '-o',
    [`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)].join(' '),
    '-l',
    path.join(dir, 'log'),
    '-w',
    'start',
  ]);
  return {
    adminUrl: `postgres://lotse_admin:${ADMIN_PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      try {
        run(binary('pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const ADMIN_PASSWORD = 'lotse-test-admin';

function writePasswordFile(dir: string): string {
  const file = path.join(dir, 'pw');
  fs.writeFileSync(file, ADMIN_PASSWORD);
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', file]);
  return file;
}
