import { useEffect, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  /** Base id: the heading is `${id}-heading`, the text that describes the dialog `${id}-text`. */
  id: string;
  /** Escape, or the browser closing the dialog: the caller puts focus back where it was. */
  onCancel(): void;
  /** The control that takes focus on opening (else the first one): "Abbrechen" where the first would destroy something. */
  initialFocusId?: string;
  /** `dialog--wide`, `dialog--neutral` (no warning colour: the action is not destructive). */
  className?: string;
  children: ReactNode;
}

/**
 * A modal <dialog>: the page behind it is inert, Escape cancels, Tab stays
 * inside. The caller renders it while it should be open and gives it a
 * heading (`${id}-heading`) and a description (`${id}-text`).
 */
export function ModalDialog({ id, onCancel, initialFocusId, className, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      if (initialFocusId) document.getElementById(initialFocusId)?.focus();
    }
    return () => dialog?.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the dialog opens.
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={`${id}-heading`}
      aria-describedby={`${id}-text`}
      onKeyDown={(event) => {
        // The page behind is inert already; this keeps Tab from leaving for the browser's own controls.
        if (event.key !== 'Tab') return;
        const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>('input, select, textarea, button, a[href]')].filter(
          (element) => !element.hasAttribute('disabled'),
        );
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        if (!first || !last) return;
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }}
      onCancel={(event) => {
        // Escape: close through the caller, which puts focus back where it was.
        event.preventDefault();
        onCancel();
      }}
      // Should the browser close the dialog itself (it may ignore preventDefault on repeated Escape), it counts as
      // cancel; a close that was followed by showModal again (StrictMode's second effect run) does not.
      onClose={() => {
        if (!ref.current?.open) onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
