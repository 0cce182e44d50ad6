import { useEffect, useMemo, useRef, useState } from 'react';
import type { BilingualLayout, LanguageCode, LotseDocument } from '../../../../shared/api/contract';
import type { FieldErrors } from '../../../../shared/api/errors';
import type { FormValues } from '../../../../shared/forms/values';
import { call, isApiCallError } from '../../api';
import { Autosave, type SaveStatus } from '../../ui/autosave';

export interface DraftSnapshot {
  values: FormValues;
  partnerId: string | null;
  contactId: string | null;
  salutationOverride: string | null;
  /** The language printed beside the German; null: German only. */
  translationLanguage: LanguageCode | null;
  bilingualLayout: BilingualLayout;
}

/** Milliseconds after the last keystroke. */
const AUTOSAVE_DELAY_MS = 600;

/**
 * Keeps a draft stored while it is written (`documents.update`): after a
 * pause in typing, and at once when the screen closes, the tab is hidden or
 * the window goes away. Field messages of a refused save are handed back.
 */
export function useDraftAutosave(
  documentId: string,
  /** The core's answer to a save: it may have changed values that follow the recipient. */
  onSaved: (document: LotseDocument, sent: DraftSnapshot) => void,
): {
  autosave: Autosave<DraftSnapshot>;
  status: SaveStatus;
  serverErrors: FieldErrors;
  setServerErrors(errors: FieldErrors | ((current: FieldErrors) => FieldErrors)): void;
} {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const savedHandler = useRef(onSaved);
  savedHandler.current = onSaved;

  const autosave = useMemo(
    () =>
      new Autosave<DraftSnapshot>({
        delayMs: AUTOSAVE_DELAY_MS,
        onStatus: setStatus,
        save: async (snapshot, urgent) => {
          try {
            const { values, partnerId, contactId, salutationOverride, translationLanguage, bilingualLayout } = snapshot;
            const saved = await call(
              'documents.update',
              { id: documentId, values, partnerId, contactId, salutationOverride, translationLanguage, bilingualLayout },
              urgent ? { keepalive: true } : undefined,
            );
            setServerErrors({});
            savedHandler.current(saved, snapshot);
          } catch (error) {
            if (isApiCallError(error) && error.code === 'invalid_input') setServerErrors(error.fields);
            throw error;
          }
        },
      }),
    [documentId],
  );

  useEffect(() => {
    const leave = () => void autosave.flush(true);
    const hidden = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('pagehide', leave);
    window.addEventListener('beforeunload', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('beforeunload', leave);
      document.removeEventListener('visibilitychange', hidden);
      // Leaving the screen (another route): what was typed goes to the store now.
      void autosave.flush();
      autosave.dispose();
    };
  }, [autosave]);

  return { autosave, status, serverErrors, setServerErrors };
}
