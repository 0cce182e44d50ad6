import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppContext } from '../app/app-context';

/**
 * The screen's one h1. After a navigation it takes focus, so a screen reader
 * announces the new screen and Tab continues from there; it also names the
 * window (`… – Lotse`).
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const { navigations } = useAppContext();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (navigations > 0) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the screen opens, not when its title changes after loading.
  }, []);
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
