import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, Partner, TemplateSummary } from '../../../../shared/api/contract';
import { call } from '../../api';
import { loadDocumentTemplates } from './document-sources';
import { ErrorAlert, fieldError } from '../../ui/ErrorAlert';
import { focusSoon } from '../../ui/focus';
import { fullName } from '../../ui/format';
import { FormActions } from '../../ui/FormActions';
import { PageHeading } from '../../ui/PageHeading';
import { RadioGroup } from '../../ui/RadioGroup';
import { navigate, routeHref } from '../../app/routes';
import { useAsync } from '../../ui/use-async';
import { RecipientPicker } from './RecipientPicker';

interface Choices {
  client: Client;
  templates: TemplateSummary[];
  partners: Partner[];
}

/** `#/clients/<id>/new-document`: which form, to whom; then the editor of the new draft. */
export function NewDocumentScreen({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const [choices, reload] = useAsync(async (): Promise<Choices> => {
    const [client, templates, partners] = await Promise.all([
      call('clients.get', { id: clientId }),
      loadDocumentTemplates(),
      call('partners.list', {}).then(({ items }) => items),
    ]);
    return { client, templates, partners };
  }, [clientId]);
  const name = choices.status === 'ready' ? fullName(choices.value.client) || choices.value.client.familyName : '';
  const title = name ? t('newDocument.titleFor', { name }) : t('newDocument.title');

  return (
    <>
      <p className="breadcrumb">
        <a href={routeHref({ name: 'client', id: clientId })}>{name ? t('documentEditor.backToClient', { name }) : t('client.backToClients')}</a>
      </p>
      <PageHeading title={title}>
        <span dir="auto">{title}</span>
      </PageHeading>
      {choices.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {choices.status === 'error' ? <ErrorAlert error={choices.error} onRetry={reload} /> : null}
      {choices.status === 'ready' ? <NewDocumentForm {...choices.value} /> : null}
    </>
  );
}

function NewDocumentForm({ client, templates, partners }: Choices) {
  const { t } = useTranslation();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const chosen = templates.find((template) => template.id === templateId) ?? null;
  const [tried, setTried] = useState(false);
  const templateMissing = tried && chosen === null ? t('newDocument.chooseTemplate') : undefined;
  const partnerMissing = tried && chosen?.recipient === 'partner' && partnerId === null ? t('documentEditor.recipientMissing') : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setTried(true);
    if (chosen === null) {
      focusSoon('new-document-template-group');
      return;
    }
    if (chosen.recipient === 'partner' && partnerId === null) {
      focusSoon('doc-recipient');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const document = await call('documents.create', {
        templateId: chosen.id,
        clientId: client.id,
        partnerId: chosen.recipient === 'none' ? null : partnerId,
      });
      navigate({ name: 'document', id: document.id });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="form panel new-document-form">
      <p className="muted">{t('newDocument.intro')}</p>
      {error ? <ErrorAlert error={error} shownFields={['templateId', 'partnerId']} /> : null}
      <RadioGroup
        id="new-document-template"
        legend={t('newDocument.templateLegend')}
        value={templateId}
        options={templates.map((template) => ({ value: template.id, label: template.title, hint: template.description }))}
        onChange={(id) => {
          setTemplateId(id);
          setError(null);
        }}
        error={templateMissing ?? fieldError(error, 'templateId')}
        layout="stacked"
      />
      {chosen ? (
        <RecipientPicker
          recipient={chosen.recipient}
          clientName={fullName(client)}
          partners={partners}
          partnerId={partnerId}
          partnerName=""
          onChange={setPartnerId}
          error={partnerMissing ?? fieldError(error, 'partnerId')}
        />
      ) : null}
      <FormActions submitLabel={t('newDocument.create')} saving={busy} />
    </form>
  );
}
