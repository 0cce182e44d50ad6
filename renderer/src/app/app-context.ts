import { createContext, useContext } from 'react';
import type { MethodOutput } from '../../../shared/api/contract';
import type { Route } from './routes';

export interface AppContextValue {
  /** Facts about this launch (`app.info`), null until known or when the call failed. */
  info: MethodOutput<'app.info'> | null;
  /** Asks for `app.info` again, e.g. after saving settings changed what the setup lacks. */
  refreshInfo(): void;
  /** Navigations since the page loaded: headings take focus only after a navigation. */
  navigations: number;
  /** Goes to `route` and shows `notice` there once ("… wurde angelegt."). */
  navigateWithNotice(route: Route, notice: string): void;
}

export const AppContext = createContext<AppContextValue>({
  info: null,
  refreshInfo: () => undefined,
  navigations: 0,
  navigateWithNotice: () => undefined,
});

export function useAppContext(): AppContextValue {
  return useContext(AppContext);
}
