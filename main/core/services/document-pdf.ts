import type { Client } from '../../../shared/api/contract';
import type { FieldErrors } from '../../../shared/api/errors';
import type { FormDefinition } from '../../../shared/forms';
import type { PrefillContext } from '../../../shared/forms/prefill';
import type { FormValues } from '../../../shared/forms/values';
import { DomainError } from '../errors';
import type { AddressRecipient } from '../pdf/address-block';
import { unprintableCharacters } from '../pdf/fonts';
import { printDocument, type PrintedText } from '../pdf/print-document';
import { renderPdf, type RenderedPdfBytes } from '../pdf/render';

/**
 * A document's PDF from what it is made of, without the store: used by the
 * documents service and by the serial-letter worker (which has no database),
 * so that a letter of a batch and a reprint of its document give the same
 * bytes.
 */

/** Everything besides values and template that the final PDF is made of, frozen at finalization. */
export interface FinalSnapshot {
  context: PrefillContext;
  recipientLines: string[];
  partnerNames: Record<string, string>;
}

/** A client as the recipient of a letter to them. */
export function clientRecipient(client: Pick<Client, 'givenName' | 'familyName' | 'address'>): AddressRecipient {
  return {
    name: [client.givenName, client.familyName].filter((part) => part.trim() !== '').join(' '),
    street: client.address.street,
    postalCode: client.address.postalCode,
    city: client.address.city,
  };
}

/**
 * The pdfmake fonts have no fallback: a character they lack would print as an
 * empty box without warning. Refuse before rendering and name the field.
 */
export function assertPrintable(texts: PrintedText[]): void {
  const fields: FieldErrors = {};
  const labels: string[] = [];
  for (const { path, label, text } of texts) {
    const missing = unprintableCharacters(text);
    if (missing.length === 0) continue;
    fields[path] = `${label}: Diese Zeichen kann die Schrift nicht drucken: ${missing.join(' ')}`;
    labels.push(label);
  }
  if (labels.length > 0) {
    throw new DomainError('unprintable_text', `Das Dokument enthält Zeichen, die die Schrift nicht drucken kann (${labels.join(', ')}).`, fields);
  }
}

export async function renderDocumentPdf(
  form: FormDefinition,
  values: FormValues,
  omittedFields: string[],
  snapshot: FinalSnapshot,
  creationDate: Date,
): Promise<RenderedPdfBytes> {
  const { definition, texts } = printDocument({
    form,
    values,
    omittedFields,
    context: snapshot.context,
    recipientLines: snapshot.recipientLines,
    partnerName: (id) => snapshot.partnerNames[id] ?? '',
    creationDate,
    reference: `${form.title} · Vorlage ${form.id}, Version ${form.version}`,
  });
  assertPrintable(texts);
  return renderPdf(definition);
}
