import { createHash } from 'node:crypto';
import type { Logo } from '../../../../shared/api/contract';
import type { Db } from '../open';

/** What the settings and final documents' snapshots keep of a logo; the bytes are in the logos table. */
export interface LogoReference {
  mimeType: Logo['mimeType'];
  sha256: string;
}

interface LogoRow {
  mime_type: Logo['mimeType'];
  data: Buffer;
}

/**
 * Keeps the logo's bytes once under their hash (storing the same image again
 * changes nothing) and returns the reference to keep instead. Never deleted:
 * a reprint of a final document needs its logo, and a logo is no personal data.
 */
export function insertLogo(db: Db, logo: Logo): LogoReference {
  const data = Buffer.from(logo.dataBase64, 'base64');
  const sha256 = createHash('sha256').update(data).digest('hex');
  db.prepare('INSERT INTO logos (sha256, mime_type, data) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING').run(sha256, logo.mimeType, data);
  return { mimeType: logo.mimeType, sha256 };
}

export function getLogo(db: Db, sha256: string): Logo | undefined {
  const row = db.prepare('SELECT mime_type, data FROM logos WHERE sha256 = ?').get(sha256) as LogoRow | undefined;
  return row && { mimeType: row.mime_type, dataBase64: row.data.toString('base64') };
}
