import type { ResidenceStatus } from '../../../../shared/api/contract';
import { call } from '../../api';
import { useAsync, type AsyncState } from '../../ui/use-async';

/** The statuses with their labels and reminder texts: data, edited in Einstellungen. */
export function useResidenceStatuses(): [AsyncState<ResidenceStatus[]>, () => void] {
  const [state, reload] = useAsync(() => call('residenceStatuses.list', {}).then(({ items }) => items), []);
  return [state, reload];
}

/** The label of a code; the code itself when the list is not loaded or no longer has it. */
export function statusLabel(statuses: AsyncState<ResidenceStatus[]>, code: string): string {
  return (statuses.status === 'ready' && statuses.value.find((status) => status.code === code)?.label) || code;
}
