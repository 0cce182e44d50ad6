import { foldName } from './fold';

/**
 * How a directory entry is recognised across desks when ids differ: its
 * folded name together with its department ("Kreis Düren" is both the
 * Kommunales Integrationszentrum and the Ausländerbehörde).
 */
export function partnerMatchKey(name: string, department: string): string {
  return foldName(`${name} ${department}`).replace(/\s+/g, ' ').trim();
}
