import type { Client } from '../../../shared/api/contract';
import type { FormDefinition } from '../../../shared/forms';
import type { PrefillContext } from '../../../shared/forms/prefill';
import type { FormValues } from '../../../shared/forms/values';
import type { AddressRecipient } from '../pdf/address-block';
import { assertPrintable } from '../pdf/print-check';
import { printDocument } from '../pdf/print-document';
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
