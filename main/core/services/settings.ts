import type { Logo, RenderedPdf, Settings } from '../../../shared/api/contract';
import type { Core } from '../core';
import { assertMayChangeShared } from './team/lead';
import { getLogo, insertLogo, type LogoReference } from '../db/queries/logos';
import { readSettings, writeSettings, type StoredSettings } from '../db/queries/settings';
import { setupIncompleteMessage, setupMissing, type SetupFacts, type SetupItem } from '../../../shared/domain/setup';
import type { FieldIssues } from '../../../shared/i18n/error-message';
import { DomainError, invalid } from '../errors';
import { renderLetterheadSample } from '../pdf/letterhead-sample';
import { LogoError, refusedLogo, storableLogo } from '../pdf/logo';
import { assertPrintable } from '../pdf/print-check';
import { settingsText } from '../pdf/printed-form';
import { recordAudit } from './audit';

/** The bytes of a stored logo; the logos table never loses one (see queries/logos.ts). */
export function logoBytes(core: Core, reference: LogoReference): Logo {
  const logo = getLogo(core.db, reference.sha256);
  if (!logo) throw new Error(`letterhead logo ${reference.sha256} is missing from the store`);
  return logo;
}

function storedSettings(core: Core): StoredSettings {
  const stored = readSettings(core.db);
  if (!stored) throw new Error('the settings are missing: the store was opened without seeding it');
  return stored;
}

/** The stored settings, complete since the store was seeded at open (db/seed), with the logo's bytes. */
export function getSettings(core: Core): Settings {
  const stored = storedSettings(core);
  const { logo } = stored.office;
  return { ...stored, office: { ...stored.office, logo: logo && logoBytes(core, logo) } };
}

/**
 * The settings with their logo checked and redrawn as it is stored and
 * printed (see storableLogo); a logo that cannot be used is refused with a
 * message naming the field.
 */
function withStorableLogo(settings: Settings): Settings {
  const { logo } = settings.office;
  if (logo === null) return settings;
  try {
    return { ...settings, office: { ...settings.office, logo: storableLogo(logo) } };
  } catch (error) {
    throw error instanceof LogoError ? refusedLogo(error) : error;
  }
}

/** What the first-run setup still lacks in the stored settings (empty once done). */
export function setupStillMissing(core: Core): SetupItem[] {
  return setupMissing(storedSettings(core));
}

/**
 * Called by whatever makes a letter final (finalizing, serial letters)
 * with the settings it would print, before it writes anything: until the
 * setup is done, no letter leaves the office. Drafts and previews need no
 * setup.
 */
export function assertSetUp(settings: SetupFacts): void {
  const missing = setupMissing(settings);
  if (missing.length > 0) throw new DomainError('invalid_input', setupIncompleteMessage(missing));
}

/** The empty fields behind each missing item, for the form to mark. */
function setupIssues(settings: Settings, missing: readonly SetupItem[]): FieldIssues {
  const { office } = settings;
  const issues: FieldIssues = {};
  const markEmpty = (fields: Record<string, string>, issue: FieldIssues[string]) => {
    for (const [path, value] of Object.entries(fields)) if (value.trim() === '') issues[path] = issue;
  };
  for (const item of missing) {
    switch (item) {
      case 'organization':
        issues['office.organization'] = { key: 'input.required' };
        break;
      case 'address':
        markEmpty({ 'office.street': office.street, 'office.postalCode': office.postalCode, 'office.city': office.city }, { key: 'setup.addressField' });
        if (office.postbox)
          markEmpty({ 'office.postbox.postalCode': office.postbox.postalCode, 'office.postbox.city': office.postbox.city }, { key: 'setup.addressField' });
        break;
      case 'counselorName':
        issues['counselor.name'] = { key: 'input.required' };
        break;
      case 'contact':
        // One field to mark and to focus: the counselor's own phone is the usual answer.
        issues['counselor.phone'] = { key: 'setup.contactField' };
        break;
    }
  }
  return issues;
}

/** Saving completes the setup: settings a letter could not be finalized with are refused, field by field. */
export function updateSettings(core: Core, entered: Settings): Settings {
  const missing = setupMissing(entered);
  if (missing.length > 0) throw invalid(setupIssues(entered, missing), { key: 'setup.saveIncomplete' });
  const settings = withStorableLogo(entered);
  return core.db.transaction(() => {
    const { logo } = settings.office;
    const before = storedSettings(core);
    // Forms that do not show the backup rotation or the retention period leave them out: they stay as stored.
    const backups = settings.backups ?? before.backups;
    const retention = settings.retention ?? before.retention;
    const after: StoredSettings = { ...settings, backups, retention, office: { ...settings.office, logo: logo && insertLogo(core.db, logo) } };
    writeSettings(core.db, after);
    const fields = changedSettings(before, after);
    if (fields.some((field) => field.startsWith('office.'))) assertMayChangeShared(core);
    if (fields.length > 0) recordAudit(core, { action: 'settings.update', subjectType: 'settings', subjectId: null, clientId: null, details: { fields } });
    return { ...settings, backups, retention };
  })();
}

/** Which settings changed, as `office.logo`, `counselor.name`…: names, never the values (the trail names no one). */
function changedSettings(before: StoredSettings, after: StoredSettings): string[] {
  const fields: string[] = [];
  const sections = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const section of sections) {
    const old = (before as unknown as Record<string, Record<string, unknown> | undefined>)[section] ?? {};
    const now = (after as unknown as Record<string, Record<string, unknown> | undefined>)[section] ?? {};
    for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
      if (JSON.stringify(old[key] ?? null) !== JSON.stringify(now[key] ?? null)) fields.push(`${section}.${key}`);
    }
  }
  return fields.sort();
}

/**
 * A sample letter with the letterhead of `settings` (the form's unsaved
 * entries) or of the stored settings: what every letter will look like,
 * before saving. The same checks as saving and printing apply.
 */
export async function previewLetterhead(core: Core, settings: Settings | undefined): Promise<RenderedPdf> {
  const shown = withStorableLogo(settings ?? getSettings(core));
  assertPrintable([settingsText(shown)]);
  const { bytes, sha256, pages } = await renderLetterheadSample(shown, core.now());
  return { pdfBase64: bytes.toString('base64'), sha256, pages };
}
