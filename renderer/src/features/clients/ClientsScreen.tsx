import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../ui/PageHeading';
import { ClientSearch } from './ClientSearch';
import { NewClientForm } from './NewClientForm';

/** Search on the left; "Neue Klient*in" opens the form beside it (`#/clients/new` opens it at once). */
export function ClientsScreen({ focusNew }: { focusNew: boolean }) {
  const { t } = useTranslation();
  const [formOpen, setFormOpen] = useState(focusNew);
  // Each press moves focus into the form, also when it is open already.
  const [focusRequest, setFocusRequest] = useState(focusNew ? 1 : 0);

  return (
    <>
      <PageHeading title={t('clients.title')}>{t('clients.title')}</PageHeading>
      <div className="toolbar">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setFormOpen(true);
            setFocusRequest((n) => n + 1);
          }}
        >
          {t('clients.newButton')}
        </button>
      </div>
      <div className={formOpen ? 'columns' : undefined}>
        <ClientSearch />
        {formOpen ? <NewClientForm focusRequest={focusRequest} onCancel={() => setFormOpen(false)} /> : null}
      </div>
    </>
  );
}
