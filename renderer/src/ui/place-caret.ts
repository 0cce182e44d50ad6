import { flushSync } from 'react-dom';

/**
 * Applies a change to a text now, not on the next render, then gives its
 * input focus with the caret at `caret`. Both happen before the click that
 * asked for it returns: a counselor who types straight after clicking an
 * insert button types into the text, not onto the button (where a space
 * would press it again).
 */
export function commitAndPlaceCaret(change: () => void, inputId: string, caret: number): void {
  flushSync(change);
  const input = document.getElementById(inputId);
  if (input instanceof HTMLTextAreaElement || input instanceof HTMLInputElement) {
    input.focus();
    input.setSelectionRange(caret, caret);
  }
}
