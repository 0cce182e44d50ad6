import type { Logo, RenderedPdf, Settings } from '../../../shared/api/contract';
import type { Core } from '../core';
import { getLogo, insertLogo, type LogoReference } from '../db/queries/logos';
import { readSettings, writeSettings } from '../db/queries/settings';
import { DomainError } from '../errors';
import { renderLetterheadSample } from '../pdf/letterhead-sample';
import { inspectLogo, LogoError } from '../pdf/logo';
import { assertPrintable } from '../pdf/print-check';
import { settingsText } from '../pdf/printed-form';

/** The bytes of a stored logo; the logos table never loses one (see queries/logos.ts). */
export function logoBytes(core: Core, reference: LogoReference): Logo {
  const logo = getLogo(core.db, reference.sha256);
  if (!logo) throw new Error(`letterhead logo ${reference.sha256} is missing from the store`);
  return logo;
}

/** The stored settings, complete since the store was seeded at open (db/seed), with the logo's bytes. */
export function getSettings(core: Core): Settings {
  const stored = readSettings(core.db);
  if (!stored) throw new Error('the settings are missing: the store was opened without seeding it');
  const { logo } = stored.office;
  return { ...stored, office: { ...stored.office, logo: logo && logoBytes(core, logo) } };
}

/** The logo must be a PNG or JPEG pdfkit can print (see inspectLogo); the message names the field. */
function checkLogo(settings: Settings): void {
  const { logo } = settings.office;
  if (logo === null) return;
  try {
    inspectLogo(logo);
  } catch (error) {
    if (error instanceof LogoError) {
      throw new DomainError('invalid_input', { key: 'settings.logoUnusable', params: { reason: error.reason } }, { 'office.logo': error.reason });
    }
    throw error;
  }
}

export function updateSettings(core: Core, settings: Settings): Settings {
  checkLogo(settings);
  core.db.transaction(() => {
    const { logo } = settings.office;
    writeSettings(core.db, { ...settings, office: { ...settings.office, logo: logo && insertLogo(core.db, logo) } });
  })();
  return settings;
}

/**
 * A sample letter with the letterhead of `settings` (the form's unsaved
 * entries) or of the stored settings: what every letter will look like,
 * before saving. The same checks as saving and printing apply.
 */
export async function previewLetterhead(core: Core, settings: Settings | undefined): Promise<RenderedPdf> {
  const shown = settings ?? getSettings(core);
  checkLogo(shown);
  assertPrintable([settingsText(shown)]);
  const { bytes, sha256, pages } = await renderLetterheadSample(shown, core.now());
  return { pdfBase64: bytes.toString('base64'), sha256, pages };
}
