import { forwardRef, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../../shared/api/contract';
import { call } from '../../api';
import { routeHref } from '../../app/routes';
import { formatDate, listName } from '../../ui/format';

const DEBOUNCE_MS = 400;

export type SimilarInput = MethodInput<'clients.similar'>;
export type SimilarItems = MethodOutput<'clients.similar'>['items'];

/** A birth date as the form holds it (ISO from a date input, or TT.MM.JJJJ typed), or null when it is not a whole date yet. */
export function birthDateOf(typed: string): string | null {
  const trimmed = typed.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  return german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : null;
}

/**
 * Asks clients.similar while the counselor types (debounced), and again at
 * once on `refresh`; null input asks nothing and clears the list.
 */
export function useSimilarClients(input: SimilarInput | null): { items: SimilarItems; refresh(): Promise<SimilarItems> } {
  const [items, setItems] = useState<SimilarItems>([]);
  const latest = useRef(0);
  const text = JSON.stringify(input);
  useEffect(() => {
    const request = ++latest.current;
    if (input === null) {
      setItems([]);
      return;
    }
    const timer = window.setTimeout(() => {
      call('clients.similar', input).then(
        (answer) => request === latest.current && setItems(answer.items),
        // The check is a help: a failure leaves the list as it was; saving asks the core anyway.
        () => undefined,
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the text stands for the input.
  }, [text]);
  return {
    items,
    async refresh() {
      if (input === null) return [];
      const request = ++latest.current;
      const answer = await call('clients.similar', input);
      if (request === latest.current) setItems(answer.items);
      return answer.items;
    },
  };
}

interface DuplicateCandidatesProps {
  items: SimilarItems;
  headingLevel: 2 | 3;
  /** Saves with every one listed confirmed as another person. */
  onSaveAnyway(): void;
  saving: boolean;
}

/** "Gibt es diese Person schon?": the clients that may be this one, each with a link and its reasons, and "trotzdem speichern". */
export const DuplicateCandidates = forwardRef<HTMLElement, DuplicateCandidatesProps>(function DuplicateCandidates(
  { items, headingLevel, onSaveAnyway, saving },
  ref,
) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <p role="status" className="visually-hidden">
        {items.length > 0 ? t('duplicates.found', { count: items.length }) : ''}
      </p>
      {items.length > 0 ? (
        <section ref={ref} id="client-duplicates" className="alert alert--warning duplicates" aria-labelledby="client-duplicates-heading" tabIndex={-1}>
          <Heading id="client-duplicates-heading" className="duplicates-heading">
            {t('duplicates.heading')}
          </Heading>
          <p>{t('duplicates.intro', { count: items.length })}</p>
          <ul className="duplicates-list">
            {items.map(({ client, reasons }) => (
              <li key={client.id}>
                <a href={routeHref({ name: 'client', id: client.id })} dir="auto">
                  {listName(client)}
                </a>
                <span className="result-meta">
                  {[
                    client.birthDate ? t('clients.born', { date: formatDate(client.birthDate) }) : '',
                    client.city,
                    client.closedOn ? t('duplicates.closed') : '',
                    t('duplicates.reasons', { reasons: reasons.map((reason) => t(`duplicates.reason.${reason}`)).join(', ') }),
                  ]
                    .filter((part) => part !== '')
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
          <p className="muted">{t('duplicates.openHint')}</p>
          <button type="button" className="button button--secondary" onClick={onSaveAnyway} aria-disabled={saving || undefined}>
            {t('duplicates.saveAnyway')}
          </button>
        </section>
      ) : null}
    </>
  );
});
