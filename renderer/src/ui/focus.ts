/**
 * Moves focus once React has drawn what was just added, removed or marked
 * (a new row, the first field with a message). Falls back to a second
 * element when the first is gone (the last row was removed).
 */
export function focusSoon(id: string, fallbackId?: string): void {
  window.setTimeout(() => {
    const target = document.getElementById(id) ?? (fallbackId ? document.getElementById(fallbackId) : null);
    target?.focus();
  }, 0);
}
