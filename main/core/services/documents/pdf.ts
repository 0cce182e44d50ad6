import type { BilingualLayout, LanguageCode } from '../../../../shared/api/contract';
import { inputFieldsOf, type FormDefinition, type TranslationReview } from '../../../../shared/forms';
import type { PrefillContext } from '../../../../shared/forms/prefill';
import type { FormValues } from '../../../../shared/forms/values';
import { addressBlock, type AddressRecipient } from '../../pdf/address-block';
import { assertPrintable } from '../../pdf/print-check';
import { formReference, printDocument } from '../../pdf/print-document';
import { renderPdf, type RenderedPdfBytes } from '../../pdf/render';
import type { DocumentContext } from './context';

/**
 * A document's PDF from what it is made of, without the store: used by the
 * documents service and by the serial-letter worker (which has no database),
 * so that a letter of a batch and a reprint of its document give the same
 * bytes.
 */

/** Everything besides values and template that the final PDF is made of, frozen at finalization (stored as JSON: keep its shape). */
export interface FinalSnapshot {
  context: PrefillContext;
  recipientLines: string[];
  partnerNames: Record<string, string>;
  /** The counselor's own greeting; snapshots frozen before it existed lack it and print the form's, as they did. */
  salutationOverride?: string | null;
  /** The translation printed beside the German, with its review state when frozen; snapshots frozen before issue 17 lack it (German only). */
  translation?: PrintTranslation | null;
}

/** Which translation of the template version prints beside the German, and how. */
export interface PrintTranslation {
  language: LanguageCode;
  layout: BilingualLayout;
  /** As the template version has it when printed: a final document keeps it (DocumentSchema `translationReview`). */
  review: TranslationReview;
}

/** The document's translation choice, where the template version has that translation; else null (German only). */
export function printTranslationOf(
  form: FormDefinition,
  document: { translationLanguage: LanguageCode | null; bilingualLayout: BilingualLayout },
): PrintTranslation | null {
  const language = document.translationLanguage;
  const translation = language === null ? undefined : form.translations?.[language];
  return language === null || translation === undefined ? null : { language, layout: document.bilingualLayout, review: translation.review };
}

/**
 * The part of a document context that prints, as plain data that can cross
 * to a worker thread: with the names of the partners the values pick.
 */
export interface PrintContext {
  prefill: PrefillContext;
  recipient: AddressRecipient | null;
  partnerNames: Record<string, string>;
  salutationOverride: string | null;
  translation: PrintTranslation | null;
}

/** What of the context prints with these values: the names of partners picked in `partner` fields are looked up once. */
export function printContextOf(context: DocumentContext, values: FormValues, translation: PrintTranslation | null = null): PrintContext {
  const partnerNames: Record<string, string> = {};
  for (const field of inputFieldsOf(context.form)) {
    if (field.type !== 'partner') continue;
    const id = values[field.id];
    if (typeof id === 'string' && id !== '') partnerNames[id] = context.findPartner(id)?.name ?? '';
  }
  return { prefill: context.prefill, recipient: context.recipient, partnerNames, salutationOverride: context.salutationOverride, translation };
}

/** The address block in the envelope window; [] without a recipient. */
export function recipientLinesOf(recipient: AddressRecipient | null): string[] {
  return recipient === null ? [] : addressBlock(recipient).lines;
}

/** The snapshot a final document keeps; the address block is laid out here (in the worker, for serial letters). */
export function snapshotOf(context: PrintContext): FinalSnapshot {
  return {
    // The notes are the counselor's own and never printed: they stay out of the frozen copy.
    context: { ...context.prefill, client: { ...context.prefill.client, notes: '' } },
    recipientLines: recipientLinesOf(context.recipient),
    partnerNames: context.partnerNames,
    salutationOverride: context.salutationOverride,
    translation: context.translation,
  };
}

/**
 * The pdfmake definition of a document, after the print check: refused
 * (`unprintable_text`) when a printed text holds characters the fonts cannot
 * print. Everything `renderDocumentPdf` checks before it renders, without
 * rendering: finalizing checks with it and leaves the rendering to later.
 */
export function checkedDocumentDefinition(
  form: FormDefinition,
  values: FormValues,
  omittedFields: string[],
  snapshot: FinalSnapshot,
  creationDate: Date,
  kind: 'draft' | 'final',
): ReturnType<typeof printDocument>['definition'] {
  const { definition, texts } = printDocument({
    form,
    values,
    omittedFields,
    context: snapshot.context,
    recipientLines: snapshot.recipientLines,
    // The id comes from the document's values: Object.hasOwn keeps `constructor` from naming a function.
    partnerName: (id) => (Object.hasOwn(snapshot.partnerNames, id) ? (snapshot.partnerNames[id] ?? '') : ''),
    salutationOverride: snapshot.salutationOverride ?? null,
    translation: snapshot.translation ?? null,
    creationDate,
    reference: formReference(form),
    draft: kind === 'draft',
  });
  assertPrintable(texts);
  return definition;
}

/** `draft`: the document as it stands, marked as a draft on every page; otherwise the final document (also every serial letter). */
export async function renderDocumentPdf(
  form: FormDefinition,
  values: FormValues,
  omittedFields: string[],
  snapshot: FinalSnapshot,
  creationDate: Date,
  kind: 'draft' | 'final',
): Promise<RenderedPdfBytes> {
  return renderPdf(checkedDocumentDefinition(form, values, omittedFields, snapshot, creationDate, kind));
}
