import type { Core } from '../../main/core/core';
import type { RenderedPdf } from '../../shared/api/contract';
import { pdfText } from './pdf-words';
import { callOk } from './results';

/** `documents.render` through dispatch, and the PDF's text as pdfText gives it. */
export async function renderedText(core: Core, id: string): Promise<string> {
  return pdfText((await callOk<RenderedPdf>(core, 'documents.render', { id })).pdfBase64);
}
