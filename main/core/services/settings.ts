import type { RenderedPdf, Settings } from '../../../shared/api/contract';
import type { Core } from '../core';
import { readSetting, writeSetting } from '../db/queries/settings';
import { DomainError } from '../errors';
import { addressBlock } from '../pdf/address-block';
import { din5008Letter } from '../pdf/layouts/din5008-letter';
import { letterContent } from '../pdf/letter-assembly';
import { inspectLogo, LogoError } from '../pdf/logo';
import { assertPrintable } from '../pdf/print-check';
import { settingsText } from '../pdf/printed-form';
import { renderPdf } from '../pdf/render';

/**
 * What a fresh install starts with: the letterhead of the Kommunales
 * Integrationszentrum Kreis Düren (DOMAIN.md; only facts the district
 * publishes, phone and e-mail are left for the office to fill in), and
 * consents shown 30 days before they run out.
 */
export const SAMPLE_SETTINGS: Settings = {
  office: {
    organization: 'Kreis Düren',
    department: 'Kommunales Integrationszentrum',
    street: 'Bismarckstr. 16',
    postalCode: '52351',
    city: 'Düren',
    room: 'Zimmer 68 (Haus A)',
    postbox: { label: 'Postfach', postalCode: '52348', city: 'Düren' },
    phone: '',
    email: '',
    web: '',
    hours: 'Mo–Do 8–16 Uhr, Fr 8–13 Uhr',
    contact: '',
    logo: null,
  },
  counselor: { name: 'Silke Nießen', title: 'Teamleitung', phone: '', email: '' },
  deadlines: { consentLeadDays: 30 },
};

const KEY = 'settings';

/** Office entries added after the first release: stored settings from before lack them and get these. */
const LATER_OFFICE_DEFAULTS: Pick<Settings['office'], 'contact' | 'logo'> = { contact: '', logo: null };

/** The stored settings; a part saved by an older version that lacks a newer part or field gets its default. */
export function getSettings(core: Core): Settings {
  const stored = (readSetting(core.db, KEY) ?? {}) as Partial<Settings>;
  return {
    office: stored.office ? { ...LATER_OFFICE_DEFAULTS, ...stored.office } : SAMPLE_SETTINGS.office,
    counselor: stored.counselor ?? SAMPLE_SETTINGS.counselor,
    deadlines: stored.deadlines ?? SAMPLE_SETTINGS.deadlines,
  };
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
  core.db.transaction(() => writeSetting(core.db, KEY, settings))();
  return settings;
}

/**
 * A short sample letter with the letterhead of `settings` (the form's
 * unsaved entries) or of the stored settings: what every letter will look
 * like, before saving. The same checks as saving and printing apply.
 */
export async function previewLetterhead(core: Core, settings: Settings | undefined): Promise<RenderedPdf> {
  const shown = settings ?? getSettings(core);
  checkLogo(shown);
  assertPrintable([settingsText(shown)]);
  const now = core.now();
  const content = letterContent({
    settings: shown,
    recipientLines: addressBlock({ name: 'Frau Ayşe Beispiel', street: 'Musterstraße 1', postalCode: '52349', city: 'Düren' }).lines,
    subject: 'Beispielbrief: So sehen Ihre Briefe aus',
    salutation: 'Sehr geehrte Frau Beispiel,',
    body: [
      'dieser Brief zeigt den Briefkopf mit den Angaben aus den Einstellungen: Absender und Logo oben, die Rücksendeangabe über der Anschrift im Sichtfenster, rechts die Angaben zur Ansprechperson, unten Anschrift, Sprechzeiten und Kontakt.',
      'Der Text eines Briefes beginnt zwei Leerzeilen unter dem Anschriftfeld. Falz- und Lochmarken am linken Rand helfen beim Falten für Fensterumschläge.',
    ].join('\n\n'),
    closing: 'Mit freundlichen Grüßen',
    yourReference: '',
    fileNumber: 'KI-2026-0001',
    attachments: ['Merkblatt (Beispiel)'],
    creationDate: now,
    reference: 'Briefkopf-Vorschau · Beispiel',
    keywords: 'Brief, Briefkopf-Vorschau, Lotse',
  });
  const { bytes, sha256, pages } = await renderPdf(din5008Letter(content));
  return { pdfBase64: bytes.toString('base64'), sha256, pages };
}
