import type { Logo } from '../../../shared/api/contract';
import type { Core } from '../core';
import { insertLogo, type LogoReference } from '../db/queries/logos';
import type { FinalSnapshot } from './documents/pdf';
import { logoBytes } from './settings';

/**
 * The letterhead logo is part of a final document's snapshot, but up to
 * 500 KB in every one of them would make the store grow by the logo per
 * letter. The snapshot keeps `{ mimeType, sha256 }` instead; the bytes are
 * kept once per distinct logo in the logos table, never changed or removed
 * (a reprint needs them). Snapshots written before that keep their bytes and
 * still print.
 */

export function storedSnapshot(core: Core, snapshot: FinalSnapshot): unknown {
  const logo = snapshot.context.settings.office.logo;
  if (logo === null) return snapshot;
  return withLogo(snapshot, insertLogo(core.db, logo));
}

export function loadedSnapshot(core: Core, stored: unknown): FinalSnapshot {
  const snapshot = stored as FinalSnapshot;
  const logo = snapshot.context.settings.office.logo as Logo | LogoReference | null | undefined;
  if (!logo || !('sha256' in logo)) return snapshot;
  return withLogo(snapshot, logoBytes(core, logo));
}

function withLogo<L extends Logo | LogoReference>(snapshot: FinalSnapshot, logo: L) {
  const { settings } = snapshot.context;
  return { ...snapshot, context: { ...snapshot.context, settings: { ...settings, office: { ...settings.office, logo } } } };
}
