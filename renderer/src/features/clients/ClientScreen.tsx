import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, ResidenceStatus } from '../../../../shared/api/contract';
import { todayIso } from '../../../../shared/domain/iso-date';
import { call } from '../../api';
import { useAppContext } from '../../app/app-context';
import { base64ToBytes, downloadBytes } from '../../ui/download';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Fact, TextList } from '../../ui/Facts';
import { focusSoon } from '../../ui/focus';
import { addressLines, formatDate, fullName, ownScriptNames } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { navigate, routeHref } from '../../app/routes';
import { useAsync, type AsyncState } from '../../ui/use-async';
import { ConsentSection } from '../consents/ConsentSection';
import { CaseState } from '../retention/CaseState';
import { DocumentTable } from '../documents/DocumentTable';
import { EraseDialog } from './EraseDialog';
import { HandOverDialog } from './HandOverDialog';
import { refreshTeamStatus, useTeamStatus } from '../team/team-status';
import { ConflictMarker } from '../team/ConflictMarker';
import { statusLabel, useResidenceStatuses } from './residence-statuses';

type ExportState = { status: 'idle' } | { status: 'busy' } | { status: 'done'; fileName: string } | { status: 'error'; error: unknown };

export function ClientScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const { navigateWithNotice } = useAppContext();
  const [client, reloadClient] = useAsync(() => call('clients.get', { id }), [id]);
  const [documents, reloadDocuments] = useAsync(() => call('documents.list', { clientId: id }), [id]);
  const [statuses] = useResidenceStatuses();
  const [exportState, setExportState] = useState<ExportState>({ status: 'idle' });
  const [eraseOpen, setEraseOpen] = useState(false);
  const eraseButton = useRef<HTMLButtonElement>(null);
  const team = useTeamStatus();
  const [handOverOpen, setHandOverOpen] = useState(false);
  const [handedOver, setHandedOver] = useState('');
  const handOverButton = useRef<HTMLButtonElement>(null);
  const name = client.status === 'ready' ? fullName(client.value) || client.value.familyName : t('client.title');
  const ownScript = client.status === 'ready' ? ownScriptNames(client.value.otherNames) : [];

  async function exportData() {
    if (exportState.status === 'busy') return;
    setExportState({ status: 'busy' });
    try {
      const { fileName, zipBase64 } = await call('clients.export', { id });
      downloadBytes(base64ToBytes(zipBase64), fileName, 'application/zip');
      setExportState({ status: 'done', fileName });
    } catch (caught) {
      setExportState({ status: 'error', error: caught });
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <a href={routeHref({ name: 'clients' })}>{t('client.backToClients')}</a>
      </p>
      <PageHeading title={[name, ...ownScript].join(' · ')}>
        <span dir="auto">{name}</span>
        {ownScript.map((other, index) => (
          <span key={index} className="own-script-name" dir="auto">
            {other}
          </span>
        ))}
      </PageHeading>
      {client.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {client.status === 'error' ? <ErrorAlert error={client.error} onRetry={reloadClient} /> : null}
      {client.status === 'ready' ? (
        <>
          <div className="toolbar toolbar--wrap">
            <button type="button" className="button button--primary" onClick={() => navigate({ name: 'clientEdit', id })}>
              {t('client.edit')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => navigate({ name: 'documentNew', clientId: id })}>
              {t('client.newDocument')}
            </button>
            <button type="button" className="button button--secondary" onClick={exportData} aria-disabled={exportState.status === 'busy'}>
              {t('client.export')}
            </button>
            {team?.linked ? (
              <button id="client-hand-over" ref={handOverButton} type="button" className="button button--secondary" onClick={() => setHandOverOpen(true)}>
                {t('team.handOver.open')}
              </button>
            ) : null}
            <button ref={eraseButton} type="button" className="button button--danger-outline toolbar-end" onClick={() => setEraseOpen(true)}>
              {t('client.erase')}
            </button>
          </div>
          <div role="status" className="toolbar-status">
            {exportState.status === 'busy' ? <p className="busy">{t('client.exporting')}</p> : null}
            {exportState.status === 'done' ? <p className="form-status">{t('client.exported', { fileName: exportState.fileName })}</p> : null}
            {handedOver ? <p className="form-status">{handedOver}</p> : null}
          </div>
          {exportState.status === 'error' ? <ErrorAlert error={exportState.error} onRetry={exportData} /> : null}

          <ConflictMarker clientId={id} />
          <CaseState client={client.value} />
          <BaseData client={client.value} />
          <Residence client={client.value} statuses={statuses} />
          <LanguageAndQualification client={client.value} />
          <ConsentSection clientId={id} />

          <section className="panel" aria-labelledby="client-documents-heading">
            <h2 id="client-documents-heading" tabIndex={-1}>
              {t('client.documentsHeading')}
            </h2>
            {documents.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
            {documents.status === 'error' ? <ErrorAlert error={documents.error} onRetry={reloadDocuments} /> : null}
            {documents.status === 'ready' && documents.value.items.length === 0 ? <p className="muted">{t('client.noDocuments')}</p> : null}
            {documents.status === 'ready' && documents.value.items.length > 0 ? (
              <DocumentTable
                documents={documents.value.items}
                withClient={false}
                caption={t('client.documentsHeading')}
                onDiscarded={() => {
                  reloadDocuments();
                  focusSoon('client-documents-heading');
                }}
              />
            ) : null}
          </section>

          {handOverOpen && team?.linked ? (
            <HandOverDialog
              client={client.value}
              status={team}
              onCancel={() => {
                setHandOverOpen(false);
                window.setTimeout(() => handOverButton.current?.focus(), 0);
              }}
              onHandedOver={(target, kept) => {
                const who = fullName(client.value) || client.value.familyName;
                void refreshTeamStatus();
                if (!kept) {
                  navigateWithNotice({ name: 'clients' }, t('team.handOver.doneGone', { name: who, team: target.name }));
                  return;
                }
                setHandOverOpen(false);
                setHandedOver(t('team.handOver.doneKept', { name: who, team: target.name }));
                window.setTimeout(() => handOverButton.current?.focus(), 0);
              }}
            />
          ) : null}
          {eraseOpen ? (
            <EraseDialog
              client={client.value}
              onCancel={() => {
                setEraseOpen(false);
                window.setTimeout(() => eraseButton.current?.focus(), 0);
              }}
              onErased={() => navigateWithNotice({ name: 'clients' }, t('erase.done', { name: fullName(client.value) || client.value.familyName }))}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}

function BaseData({ client }: { client: Client }) {
  const { t } = useTranslation();
  const address = addressLines(client);
  return (
    <section className="panel">
      <h2 id="client-base-heading">{t('client.baseHeading')}</h2>
      <dl className="facts">
        <Fact term={t('clientFields.familyName')}>
          <span dir="auto">{client.familyName}</span>
        </Fact>
        <Fact term={t('clientFields.givenName')}>{client.givenName ? <span dir="auto">{client.givenName}</span> : null}</Fact>
        <Fact term={t('clientFields.title')}>{client.title || null}</Fact>
        <Fact term={t('clientFields.otherNames')}>{client.otherNames.length > 0 ? <TextList items={client.otherNames} /> : null}</Fact>
        <Fact term={t('clientFields.sex')}>{client.sex ? t(`sexes.${client.sex}`) : null}</Fact>
        <Fact term={t('clientFields.birthDate')}>{formatDate(client.birthDate)}</Fact>
        <Fact term={t('clientFields.birthPlace')}>{client.birthPlace ? <span dir="auto">{client.birthPlace}</span> : null}</Fact>
        <Fact term={t('clientFields.nationalities')}>{client.nationalities.length > 0 ? <TextList items={client.nationalities} /> : null}</Fact>
        <Fact term={t('clientFields.address')}>
          {address.length > 0
            ? address.map((line, index) => (
                <span key={index} className="line">
                  {line}
                </span>
              ))
            : null}
        </Fact>
        <Fact term={t('clientFields.phone')}>{client.phone}</Fact>
        <Fact term={t('clientFields.email')}>{client.email}</Fact>
        <Fact term={t('clientFields.preferredContact')}>{client.preferredContact ? t(`contactChannels.${client.preferredContact}`) : null}</Fact>
        <Fact term={t('clientFields.customerNumber')}>{client.customerNumber}</Fact>
        <Fact term={t('clientFields.bgNumber')}>{client.bgNumber}</Fact>
        <Fact term={t('clientFields.fileNumber')}>{client.fileNumber}</Fact>
        <Fact term={t('clientFields.counselingFields')}>
          {client.counselingFields.length > 0 ? <TextList items={client.counselingFields.map((field) => t(`counselingFields.${field}`))} /> : null}
        </Fact>
      </dl>
      <h3 id="client-notes-heading" className="facts-subheading">
        {t('clientFields.notes')}
      </h3>
      {client.notes.trim() !== '' ? (
        // Long notes scroll inside their box; tabIndex lets the keyboard scroll it too.
        <div className="long-text client-notes" dir="auto" role="region" aria-labelledby="client-notes-heading" tabIndex={0}>
          {client.notes}
        </div>
      ) : (
        <p className="muted">{t('client.noNotes')}</p>
      )}
    </section>
  );
}

function Residence({ client, statuses }: { client: Client; statuses: AsyncState<ResidenceStatus[]> }) {
  const { t } = useTranslation();
  const status: ResidenceStatus | undefined =
    statuses.status === 'ready' && client.residenceStatus !== null ? statuses.value.find((candidate) => candidate.code === client.residenceStatus) : undefined;
  const expired = client.residenceValidUntil !== null && client.residenceValidUntil < todayIso();
  return (
    <section className="panel">
      <h2 id="client-residence-heading">{t('client.residenceHeading')}</h2>
      <dl className="facts">
        <Fact term={t('clientFields.residenceStatus')}>{client.residenceStatus !== null ? statusLabel(statuses, client.residenceStatus) : null}</Fact>
        <Fact term={t('clientFields.residenceValidUntil')}>
          {client.residenceValidUntil ? (
            <>
              {formatDate(client.residenceValidUntil)}
              {expired ? <span className="status status--warning status--inline">{t('client.expired')}</span> : null}
            </>
          ) : null}
        </Fact>
        {status && status.expires && status.reminderText.trim() !== '' ? (
          <Fact term={t('client.statusReminder')}>
            <span className="long-text">{status.reminderText}</span>
            <span className="line muted">{t('client.statusStand', { date: formatDate(status.stand) })}</span>
          </Fact>
        ) : null}
      </dl>
    </section>
  );
}

function LanguageAndQualification({ client }: { client: Client }) {
  const { t } = useTranslation();
  const { germanLevel } = client;
  const certificate = [germanLevel.certificate, germanLevel.certificateDate ? t('client.certificateOf', { date: formatDate(germanLevel.certificateDate) }) : '']
    .filter((part) => part !== '')
    .join(' ');
  return (
    <section className="panel">
      <h2 id="client-language-heading">{t('client.languageHeading')}</h2>
      <dl className="facts">
        <Fact term={t('clientFields.languages')}>
          {client.languages.length > 0 ? (
            <ul className="plain-list">
              {client.languages.map((language, index) => (
                <li key={index}>
                  <span dir="auto">{language.language}</span>
                  {language.interpreterNeeded ? <span className="status status--inline">{t('clientFields.interpreterNeeded')}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </Fact>
        <Fact term={t('clientFields.germanLevel')}>{germanLevel.level}</Fact>
        <Fact term={t('clientFields.germanCertificate')}>{certificate}</Fact>
        <Fact term={t('clientFields.education')}>
          {client.education.trim() !== '' ? (
            <span className="long-text" dir="auto">
              {client.education}
            </span>
          ) : null}
        </Fact>
      </dl>
      <h3 className="facts-subheading">{t('clientFields.qualifications')}</h3>
      {client.qualifications.length === 0 ? (
        <p className="muted">{t('client.noQualifications')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('clientFields.qualifications')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('clientFields.titleOriginal')}</th>
                <th scope="col">{t('clientFields.titleGerman')}</th>
                <th scope="col">{t('clientFields.country')}</th>
                <th scope="col">{t('clientFields.year')}</th>
                <th scope="col">{t('clientFields.kind')}</th>
                <th scope="col">{t('clientFields.referenceOccupation')}</th>
                <th scope="col">{t('clientFields.regulated')}</th>
              </tr>
            </thead>
            <tbody>
              {client.qualifications.map((qualification, index) => (
                <tr key={index}>
                  <td dir="auto">{qualification.titleOriginal || t('common.none')}</td>
                  <td>{qualification.titleGerman || t('common.none')}</td>
                  <td>{qualification.country || t('common.none')}</td>
                  <td>{qualification.year ?? t('common.none')}</td>
                  <td>{qualification.kind || t('common.none')}</td>
                  <td>{qualification.referenceOccupation || t('common.none')}</td>
                  <td>{qualification.regulated === null ? t('regulated.unknown') : qualification.regulated ? t('regulated.yes') : t('regulated.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
