import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { BilingualLayout, LanguageCode } from '../../../shared/api/contract';
import type { FormDefinition } from '../../../shared/forms/definition';
import type { PrefillContext } from '../../../shared/forms/prefill';
import type { FormValues } from '../../../shared/forms/values';
import { formatGermanDate } from '../../../shared/domain/iso-date';
import { markedAsDraft } from './draft-mark';
import { unprintableCharacters } from './fonts';
import { din5008Letter } from './layouts/din5008-letter';
import { formLayout } from './layouts/form-layout';
import { letterBody } from './layouts/letter-body';
import { letterContent, printedDate } from './letter-assembly';
import { LANGUAGES } from '../../../shared/domain/languages';
import {
  fileNumberField,
  filledTemplate,
  personLine,
  printedForm,
  settingsText,
  type PrintedText,
  type PrintSource,
  type TranslationSource,
} from './printed-form';

export type { PrintedText } from './printed-form';

/**
 * One document to print: a form definition with its values, turned into a
 * pdfmake document definition by the form's layout (`letter`: DIN 5008
 * Form B; `form`: an A4 form), plus every user or settings string that will
 * be printed, so the caller can check the fonts cover them before rendering
 * (`unprintableTexts`).
 */
export interface PrintJob {
  form: FormDefinition;
  /** Clean values (`validateFormValues`); fields in `omittedFields` are already blanked. */
  values: FormValues;
  /** Personal fields left out for data minimisation: not printed at all, not even their label. */
  omittedFields: string[];
  /** Placeholders and the letterhead (`context.settings.office` / `counselor`). */
  context: PrefillContext;
  /** The address block for the window (at most 6 lines); [] when there is no recipient. */
  recipientLines: string[];
  partnerName: (id: string) => string;
  /** The counselor's own greeting for this letter, printed instead of the form's; null or left out: the form's. */
  salutationOverride?: string | null;
  /** The translation printed beside the German (binding) text; null or left out: German only. */
  translation?: { language: LanguageCode; layout: BilingualLayout } | null;
  /** PDF creation date and the printed date. */
  creationDate: Date;
  /** Small print identifying the document on every page: `formReference(form)`. */
  reference: string;
  /** A draft is marked on every page and in its title (draft-mark.ts); a final document is not. */
  draft: boolean;
}

/**
 * The form as its footer names it: its title and the Stand of its wording
 * (the newest Stand of its text blocks), e.g. `Überleitung an einen Partner
 * · Stand 01.11.2026`. The template's id and version go to the keywords.
 */
export function formReference(form: FormDefinition): string {
  const stands = form.sections.flatMap((section) => section.fields.flatMap((field) => (field.type === 'block' && field.stand ? [field.stand] : [])));
  const newest = stands.sort().at(-1);
  return newest ? `${form.title} · Stand ${formatGermanDate(newest)}` : form.title;
}

export function printDocument(job: PrintJob): { definition: TDocumentDefinitions; texts: PrintedText[] } {
  const printed = printedDocument(job);
  return job.draft ? { ...printed, definition: markedAsDraft(printed.definition) } : printed;
}

/** The template version's wording in the job's language; null: German only (also when the version has no such translation). */
function translationSourceOf(job: PrintJob): TranslationSource | null {
  const chosen = job.translation ?? null;
  const wording = chosen === null ? undefined : job.form.translations?.[chosen.language];
  return chosen === null || wording === undefined ? null : { language: chosen.language, layout: chosen.layout, wording };
}

function printedDocument(job: PrintJob): { definition: TDocumentDefinitions; texts: PrintedText[] } {
  const translation = translationSourceOf(job);
  const source: PrintSource = {
    form: job.form,
    values: job.values,
    omittedFields: job.omittedFields,
    context: job.context,
    partnerName: job.partnerName,
    translation,
  };
  const { settings } = job.context;
  const keywords = (kind: string) =>
    [
      kind,
      job.form.title,
      `Vorlage ${job.form.id} Version ${job.form.version}`,
      ...(translation ? [`zweisprachig: Deutsch (maßgeblich) und ${LANGUAGES[translation.language].german}`] : []),
      'Lotse',
    ].join(', ');
  const recipient: PrintedText[] =
    job.recipientLines.length > 0 ? [{ path: 'recipient', label: 'Anschrift der Empfänger*in', text: job.recipientLines.join('\n') }] : [];
  const person = personLine(source);

  if (job.form.layout === 'letter') {
    const parts = job.form.letter ?? { subject: '', salutation: 'Guten Tag,', closing: 'Mit freundlichen Grüßen' };
    const salutationOverride = job.salutationOverride ?? null;
    const printed = printedForm(source, 'letter', [job.reference]);
    const fileField = fileNumberField(job.form, job.values, new Set(job.omittedFields));
    const content = letterContent({
      settings,
      recipientLines: job.recipientLines,
      subject: filledTemplate(parts.subject, source) || job.form.title,
      salutation: salutationOverride ?? filledTemplate(parts.salutation, source),
      closing: filledTemplate(parts.closing, source),
      body: letterBody(printed.sections, printed.translation),
      yourReference: printed.letter.yourReference,
      fileNumber: fileField ? String(job.values[fileField.id] ?? '') : '',
      attachments: printed.letter.attachments,
      creationDate: job.creationDate,
      fallbackTitle: job.form.title,
      reference: job.reference,
      keywords: keywords('Brief'),
    });
    const letterParts = [parts.subject, parts.salutation, parts.closing].map((text) => templatePart(text, source)).filter((text) => text.trim() !== '');
    const override: PrintedText[] = salutationOverride === null ? [] : [{ path: 'salutationOverride', label: 'Anrede', text: salutationOverride }];
    const ownParts = translation?.wording.letter;
    const translatedParts =
      printed.translation === null
        ? null
        : {
            printed: printed.translation,
            subject: ownParts ? filledTemplate(ownParts.subject, source) : '',
            salutation: ownParts ? filledTemplate(ownParts.salutation, source) : '',
            closing: ownParts ? filledTemplate(ownParts.closing, source) : '',
          };
    const translatedLetterTexts: PrintedText[] =
      translation && ownParts
        ? [
            {
              path: `translations.${translation.language}.letter`,
              label: `Betreff, Anrede und Gruß (Übersetzung ${LANGUAGES[translation.language].german})`,
              text: [ownParts.subject, ownParts.salutation, ownParts.closing].map((text) => templatePart(text, source)).join('\n'),
            },
          ]
        : [];
    return {
      definition: din5008Letter({ ...content, person: person.line, translation: translatedParts }),
      texts: [
        ...printed.texts.filter((entry) => entry.path !== 'template'),
        ...recipient,
        ...override,
        ...headerTexts(person.fromRecord, [...printed.texts, ...recipient]),
        settingsText(settings),
        ...printed.texts.filter((entry) => entry.path === 'template'),
        ...(letterParts.length > 0 ? [{ path: 'template.letter', label: 'Betreff, Anrede und Gruß', text: letterParts.join('\n') }] : []),
        ...translatedLetterTexts,
      ],
    };
  }

  const printed = printedForm(source, 'form', [job.reference]);
  const definition = formLayout({
    title: job.form.title,
    reference: job.reference,
    person: person.line,
    date: printedDate(job.creationDate),
    office: settings.office,
    recipientLines: job.recipientLines,
    sections: printed.sections,
    creationDate: job.creationDate,
    author: [settings.counselor.name, settings.office.organization].filter((part) => part.trim() !== '').join(', '),
    keywords: keywords('Formular'),
    translation: printed.translation,
  });
  return {
    definition,
    texts: [
      ...printed.texts.filter((entry) => entry.path !== 'template'),
      ...recipient,
      ...headerTexts(person.fromRecord, [...printed.texts, ...recipient]),
      settingsText(settings),
      ...printed.texts.filter((entry) => entry.path === 'template'),
    ],
  };
}

/**
 * What the header of later pages takes from the client's record rather than
 * from a field, for the glyph check: only what is not checked already (the
 * name in the address block), so that one name is not reported twice.
 */
function headerTexts(fromRecord: string[], checked: PrintedText[]): PrintedText[] {
  const unchecked = fromRecord.filter((part) => !checked.some((entry) => entry.text.includes(part)));
  return unchecked.length > 0 ? [{ path: 'client', label: 'Kopfzeile (Name, Geburtsdatum, Aktenzeichen)', text: unchecked.join('\n') }] : [];
}

/** A letter part with only the case data filled in: the values it names are checked under their own paths. */
function templatePart(text: string, source: PrintSource): string {
  return filledTemplate(text, { ...source, values: {} });
}

/** The printed texts the shipped fonts cannot print, with the characters missing (empty when all print). */
export function unprintableTexts(texts: PrintedText[]): Array<PrintedText & { missing: string[] }> {
  return texts.flatMap((entry) => {
    const missing = unprintableCharacters(entry.text);
    return missing.length > 0 ? [{ ...entry, missing }] : [];
  });
}
