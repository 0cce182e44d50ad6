import { useRef } from 'react';
import type { DocumentContextView } from '../../../../shared/api/contract';
import { call } from '../../api';
import { useAsync, type AsyncState } from '../../ui/use-async';

/**
 * The core's context of a draft (`documents.context`) for the recipient
 * and contact person chosen now, saved or not: the client, partner,
 * covering consent, settings and greeting the core prefills, gates and
 * prints with. While another
 * recipient's context loads, the last one stays (text blocks do not blink).
 */
export function useDocumentContext(documentId: string, partnerId: string | null, contactId: string | null): [AsyncState<DocumentContextView>, () => void] {
  const [state, reload] = useAsync(() => call('documents.context', { id: documentId, partnerId, contactId }), [documentId, partnerId, contactId]);
  const last = useRef<DocumentContextView | null>(null);
  if (state.status === 'ready') last.current = state.value;
  if (state.status === 'loading' && last.current !== null) return [{ status: 'ready', value: last.current }, reload];
  return [state, reload];
}
