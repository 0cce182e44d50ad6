import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One term and its description; empty values show a dash, so it is clear that nothing is recorded. */
export function Fact({ term, children, wide = false }: { term: string; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '' || (Array.isArray(children) && children.length === 0);
  return (
    <div className={wide ? 'facts-wide' : undefined}>
      <dt>{term}</dt>
      <dd>{empty ? t('common.none') : children}</dd>
    </div>
  );
}

/** Values typed by people (names, languages): each isolated, so a right-to-left one does not reorder its neighbours. */
export function TextList({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="plain-list">
      {items.map((item, index) => (
        <li key={index}>
          <bdi>{item}</bdi>
        </li>
      ))}
    </ul>
  );
}
