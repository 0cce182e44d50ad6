/**
 * The text of a file the counselor picked: UTF-8 when its bytes are valid
 * UTF-8 (a byte-order mark dropped), else Windows-1252, the encoding a German
 * Excel saves "CSV (Trennzeichen-getrennt)" in. `File.text()` would read every
 * umlaut of such a file as U+FFFD, and "Düren" would arrive as "D�ren".
 */
export async function readFileText(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
