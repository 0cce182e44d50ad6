import { createHash } from 'node:crypto';
import type { Logo } from '../../../shared/api/contract';
import type { Core } from '../core';
import { readSetting, writeSetting } from '../db/queries/settings';
import type { FinalSnapshot } from './documents/pdf';

/**
 * The letterhead logo is part of a final document's snapshot, but up to
 * 500 KB in every one of them would make the store grow by the logo per
 * letter. The snapshot keeps `{ mimeType, sha256 }` instead; the bytes are
 * kept once per distinct logo in the settings table under `letterhead-logo:`
 * and the hash, never changed or removed (a reprint needs them; a logo is no
 * personal data). Snapshots written before keep their bytes and still print.
 */
interface StoredLogo {
  mimeType: Logo['mimeType'];
  sha256: string;
}

const LOGO_KEY = 'letterhead-logo:';

export function storedSnapshot(core: Core, snapshot: FinalSnapshot): unknown {
  const logo = snapshot.context.settings.office.logo;
  if (logo === null) return snapshot;
  const sha256 = createHash('sha256').update(Buffer.from(logo.dataBase64, 'base64')).digest('hex');
  if (readSetting(core.db, LOGO_KEY + sha256) === undefined) writeSetting(core.db, LOGO_KEY + sha256, logo);
  const reference: StoredLogo = { mimeType: logo.mimeType, sha256 };
  const { settings } = snapshot.context;
  return { ...snapshot, context: { ...snapshot.context, settings: { ...settings, office: { ...settings.office, logo: reference } } } };
}

export function loadedSnapshot(core: Core, stored: unknown): FinalSnapshot {
  const snapshot = stored as FinalSnapshot;
  const logo = snapshot.context.settings.office.logo as Logo | StoredLogo | null | undefined;
  if (!logo || !('sha256' in logo)) return snapshot;
  const bytes = readSetting(core.db, LOGO_KEY + logo.sha256) as Logo | undefined;
  if (!bytes) throw new Error(`letterhead logo ${logo.sha256} of a final document is missing`);
  const { settings } = snapshot.context;
  return { ...snapshot, context: { ...snapshot.context, settings: { ...settings, office: { ...settings.office, logo: bytes } } } };
}
