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

/** The file's bytes as base64 (a ZIP), read by the browser as a data: URL without its prefix. */
export function readFileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** One picked file as `partners.import` takes it: a ZIP as base64, the rest as text. */
export async function readImportFile(file: File): Promise<{ name: string; content: string; encoding: 'utf8' | 'base64' }> {
  return /\.zip$/i.test(file.name)
    ? { name: file.name, content: await readFileBase64(file), encoding: 'base64' }
    : { name: file.name, content: await readFileText(file), encoding: 'utf8' };
}
