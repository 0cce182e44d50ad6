/**
 * Text for the XMP metadata packet of a PDF/A file, shared by render.ts
 * (single documents, through pdfkit) and concat.ts (combined PDFs, written
 * by hand). Kept apart from render.ts so that the concatenator, which runs in
 * the host, does not load pdfmake.
 */

/**
 * Characters XML 1.0 cannot carry at all, not even escaped (C0 controls but
 * tab and line breaks, lone surrogates, U+FFFE/U+FFFF). They have no place
 * in a title either, so they become spaces in the Info dictionary and in the
 * XMP alike: PDF/A wants the two to say the same.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, ' ');
}

/** The five XML special characters as entities (text and attribute values alike). */
export function escapeXml(text: string): string {
  return xmlSafeText(text).replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[character]!);
}

/**
 * The document's language as XMP says it (`dc:language`, a bag of RFC 3066
 * tags), in a description of its own: RDF merges descriptions of the same
 * resource (`rdf:about=""`), so it may stand beside pdfkit's `dc` block.
 */
export function xmpLanguage(language: string): string {
  return `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:language><rdf:Bag><rdf:li>${escapeXml(language)}</rdf:li></rdf:Bag></dc:language></rdf:Description>`;
}
