import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppContext } from '../../app/app-context';
import { routeHref } from '../../app/routes';
import { fullName } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { unsavedDraft } from '../../ui/unsaved-drafts';
import { ClientForm } from './ClientForm';
import { ClientSearch } from './ClientSearch';

/** "Neue Klient*in" opens the full form above the search (`#/clients/new` opens it at once). */
export function ClientsScreen({ focusNew }: { focusNew: boolean }) {
  const { t } = useTranslation();
  const { navigateWithNotice } = useAppContext();
  // A new client begun and left unsaved opens again with what was typed.
  const [formOpen, setFormOpen] = useState(() => focusNew || unsavedDraft('client:new') !== undefined);
  // Each press moves focus into the form, also when it is open already.
  const [focusRequest, setFocusRequest] = useState(focusNew ? 1 : 0);
  const newButton = useRef<HTMLButtonElement>(null);

  return (
    <>
      <PageHeading title={t('clients.title')}>{t('clients.title')}</PageHeading>
      <div className="toolbar">
        <button
          ref={newButton}
          type="button"
          className="button button--primary"
          onClick={() => {
            setFormOpen(true);
            setFocusRequest((n) => n + 1);
          }}
        >
          {t('clients.newButton')}
        </button>
        <a href={routeHref({ name: 'retention' })} className="button button--secondary toolbar-end">
          {t('retention.clientsLink')}
        </a>
      </div>
      {formOpen ? (
        <section className="panel" aria-labelledby="new-client-heading">
          <h2 id="new-client-heading">{t('clients.newHeading')}</h2>
          <p className="muted">{t('clients.newIntro')}</p>
          <ClientForm
            initial={null}
            headingLevel={3}
            focusRequest={focusRequest}
            onSaved={(client) => navigateWithNotice({ name: 'client', id: client.id }, t('clients.created', { name: fullName(client) }))}
            onCancel={() => {
              setFormOpen(false);
              // The form and the focus in it are gone: continue from the button that opened it.
              window.setTimeout(() => newButton.current?.focus(), 0);
            }}
          />
        </section>
      ) : null}
      <ClientSearch />
    </>
  );
}
