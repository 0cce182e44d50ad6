import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../../shared/api/contract';
import { todayIso } from '../../../../shared/domain/iso-date';
import { contactDisplayName } from '../../../../shared/domain/salutation';
import { call } from '../../api';
import { useAppContext } from '../../app/app-context';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Fact, TextList } from '../../ui/Facts';
import { addressLines, formatDate } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { navigate, routeHref } from '../../app/routes';
import { SelectField } from '../../ui/SelectField';
import { useAsync } from '../../ui/use-async';
import { DeletePartnerDialog } from './DeletePartnerDialog';
import { serviceAges } from './partner-choices';
import { partnerToInput } from './partner-draft';
import { PartnerBadges } from './VerificationBadge';

type Action = { status: 'idle' } | { status: 'busy'; text: string } | { status: 'done'; text: string } | { status: 'error'; error: unknown };

/** A partner agency with everything recorded about it, as text, and what can be done with the entry. */
export function PartnerScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const { navigateWithNotice } = useAppContext();
  const [partner, reload] = useAsync(() => call('partners.get', { id }), [id]);
  const [action, setAction] = useState<Action>({ status: 'idle' });
  const [deleteOpen, setDeleteOpen] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const name = partner.status === 'ready' ? partner.value.name : t('partner.title');
  const busy = action.status === 'busy';

  async function run(busyText: string, work: () => Promise<string>) {
    if (busy) return;
    setAction({ status: 'busy', text: busyText });
    try {
      const doneText = await work();
      setAction({ status: 'done', text: doneText });
      reload();
    } catch (caught) {
      setAction({ status: 'error', error: caught });
    }
  }

  const markVerified = (current: Partner) =>
    run(t('partner.markingVerified'), async () => {
      const settings = await call('settings.get', {});
      await call('partners.update', { ...partnerToInput(current), assuredDate: todayIso(), assuredBy: settings.counselor.name });
      return t('partner.markedVerified');
    });

  const toggleArchived = (current: Partner) =>
    run(t('partner.archiving'), async () => {
      const saved = await call('partners.archive', { id: current.id, archived: !current.archived });
      return saved.archived ? t('partner.archivedDone', { name: saved.name }) : t('partner.unarchivedDone', { name: saved.name });
    });

  return (
    <>
      <p className="breadcrumb">
        <a href={routeHref({ name: 'network' })}>{t('partner.backToNetwork')}</a>
      </p>
      <PageHeading title={name}>
        <span dir="auto">{name}</span>
      </PageHeading>
      {partner.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {partner.status === 'error' ? <ErrorAlert error={partner.error} onRetry={reload} /> : null}
      {partner.status === 'ready' ? (
        <>
          <p className="partner-badges">
            {partner.value.department ? (
              <span className="partner-department" dir="auto">
                {partner.value.department}
              </span>
            ) : null}
            <PartnerBadges partner={partner.value} />
          </p>
          <div className="toolbar toolbar--wrap">
            <button type="button" className="button button--primary" onClick={() => navigate({ name: 'partnerEdit', id })}>
              {t('partner.edit')}
            </button>
            <button type="button" className="button button--secondary" aria-disabled={busy} onClick={() => markVerified(partner.value)}>
              {t('partner.markVerified')}
            </button>
            <button type="button" className="button button--secondary" aria-disabled={busy} onClick={() => toggleArchived(partner.value)}>
              {partner.value.archived ? t('partner.unarchive') : t('partner.archive')}
            </button>
            <button ref={deleteButton} type="button" className="button button--danger-outline toolbar-end" onClick={() => setDeleteOpen(true)}>
              {t('partner.delete')}
            </button>
          </div>
          <div role="status" className="toolbar-status">
            {action.status === 'busy' ? <p className="busy">{action.text}</p> : null}
            {action.status === 'done' ? <p className="form-status">{action.text}</p> : null}
          </div>
          {action.status === 'error' ? <ErrorAlert error={action.error} /> : null}
          {partner.value.archived ? (
            <div className="alert alert--info">
              <p>{t('partner.archivedNote')}</p>
            </div>
          ) : null}

          <Overview partner={partner.value} />
          <Services partner={partner.value} />
          <Reach partner={partner.value} />
          <Contacts partner={partner.value} />
          <Verification partner={partner.value} />
          <section className="panel" aria-labelledby="partner-notes-heading">
            <h2 id="partner-notes-heading">{t('partner.notesHeading')}</h2>
            {partner.value.notes.trim() !== '' ? (
              // Long notes scroll inside their box; tabIndex lets the keyboard scroll it too.
              <div className="long-text client-notes" dir="auto" role="region" aria-labelledby="partner-notes-heading" tabIndex={0}>
                {partner.value.notes}
              </div>
            ) : (
              <p className="muted">{t('partner.noNotes')}</p>
            )}
          </section>

          {deleteOpen ? (
            <DeletePartnerDialog
              partner={partner.value}
              onCancel={() => {
                setDeleteOpen(false);
                window.setTimeout(() => deleteButton.current?.focus(), 0);
              }}
              onDeleted={() => navigateWithNotice({ name: 'network' }, t('partnerDelete.done', { name: partner.value.name }))}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}

function Overview({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="partner-overview-heading">
      <h2 id="partner-overview-heading">{t('partner.overviewHeading')}</h2>
      <dl className="facts">
        <Fact term={t('partnerFields.name')}>
          <span dir="auto">{partner.name}</span>
        </Fact>
        <Fact term={t('partnerFields.department')}>{partner.department ? <span dir="auto">{partner.department}</span> : null}</Fact>
        <Fact term={t('partnerFields.counselingFields')}>
          {partner.counselingFields.length > 0 ? <TextList items={partner.counselingFields.map((field) => t(`counselingFields.${field}`))} /> : null}
        </Fact>
        <Fact term={t('partnerFields.description')}>
          {partner.description.trim() !== '' ? (
            <span className="long-text" dir="auto">
              {partner.description}
            </span>
          ) : null}
        </Fact>
      </dl>
    </section>
  );
}

function Services({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="partner-services-heading">
      <h2 id="partner-services-heading">{t('partner.servicesHeading')}</h2>
      {partner.services.length === 0 ? (
        <p className="muted">{t('partner.noServices')}</p>
      ) : (
        <ul className="service-list">
          {partner.services.map((service) => (
            <li key={service.id}>
              <article className="service" aria-labelledby={`service-${service.id}-heading`}>
                <div className="service-head">
                  <h3 id={`service-${service.id}-heading`} className="service-heading" dir="auto">
                    {service.name}
                  </h3>
                  <span className={`status status--service-${service.status.replace(' ', '-')}`}>{t(`serviceStatuses.${service.status}`)}</span>
                </div>
                <dl className="facts">
                  <Fact term={t('partnerFields.serviceDescription')}>
                    {service.description.trim() !== '' ? (
                      <span className="long-text" dir="auto">
                        {service.description}
                      </span>
                    ) : null}
                  </Fact>
                  <Fact term={t('partnerFields.counselingFields')}>
                    {service.counselingFields.length > 0 ? <TextList items={service.counselingFields.map((field) => t(`counselingFields.${field}`))} /> : null}
                  </Fact>
                  <Fact term={t('partnerFields.eligibility')}>
                    {service.eligibility ? (
                      <span className="long-text" dir="auto">
                        {service.eligibility}
                      </span>
                    ) : null}
                  </Fact>
                  <Fact term={t('partnerFields.ages')}>{serviceAges(t, service.minimumAge, service.maximumAge)}</Fact>
                  <Fact term={t('partnerFields.languages')}>{service.languages.length > 0 ? <TextList items={service.languages} /> : null}</Fact>
                  <Fact term={t('partnerFields.fees')}>{service.fees ? <span dir="auto">{service.fees}</span> : null}</Fact>
                  <Fact term={t('partnerFields.applicationProcess')}>
                    {service.applicationProcess ? (
                      <span className="long-text" dir="auto">
                        {service.applicationProcess}
                      </span>
                    ) : null}
                  </Fact>
                </dl>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Reach({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  const address = addressLines(partner);
  return (
    <section className="panel" aria-labelledby="partner-reach-heading">
      <h2 id="partner-reach-heading">{t('partner.reachHeading')}</h2>
      <div className="columns">
        <dl className="facts">
          <Fact term={t('partnerFields.address')}>
            {address.length > 0
              ? address.map((line, index) => (
                  <span key={index} className="line" dir="auto">
                    {line}
                  </span>
                ))
              : null}
          </Fact>
          <Fact term={t('partnerFields.postbox')}>
            {partner.postbox ? (
              <>
                <span className="line" dir="auto">
                  {partner.postbox.label}
                </span>
                <span className="line" dir="auto">
                  {[partner.postbox.postalCode, partner.postbox.city].filter((part) => part.trim() !== '').join(' ')}
                </span>
              </>
            ) : null}
          </Fact>
          <Fact term={t('partnerFields.openingHours')}>{partner.openingHours ? <span className="long-text">{partner.openingHours}</span> : null}</Fact>
          <Fact term={t('partnerFields.phone')}>{partner.phone}</Fact>
          <Fact term={t('partnerFields.email')}>{partner.email}</Fact>
          <Fact term={t('partnerFields.website')}>{partner.website}</Fact>
        </dl>
        <AddressBlock partner={partner} />
      </div>
    </section>
  );
}

/** The DIN 5008 address zone as the core sets it, with or without a contact person's line ("Frau Dr. Anna Schmitz"). */
function AddressBlock({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  const [contactId, setContactId] = useState('');
  const contactKnown = contactId === '' || partner.contacts.some((contact) => contact.id === contactId);
  const chosen = contactKnown ? contactId : '';
  const [block, reload] = useAsync(
    () => call('partners.addressBlock', chosen ? { id: partner.id, contactId: chosen } : { id: partner.id }),
    [partner.id, partner.updatedAt, chosen],
  );
  return (
    <div className="address-block" role="group" aria-labelledby="partner-address-block-heading">
      <h3 id="partner-address-block-heading" className="address-block-heading">
        {t('partner.addressBlockHeading')}
      </h3>
      <p className="field-hint">{t('partner.addressBlockIntro')}</p>
      {partner.contacts.length > 0 ? (
        <SelectField
          id="partner-address-block-contact"
          label={t('partner.addressBlockFor')}
          value={chosen}
          options={[
            { value: '', label: t('partner.addressBlockNobody') },
            ...partner.contacts.map((contact) => ({
              value: contact.id,
              label: contact.role ? `${contactDisplayName(contact)} – ${contact.role}` : contactDisplayName(contact),
            })),
          ]}
          onChange={setContactId}
          size="full"
        />
      ) : null}
      {block.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
      {block.status === 'error' ? <ErrorAlert error={block.error} onRetry={reload} /> : null}
      {block.status === 'ready' ? (
        <>
          {block.value.lines.length > 0 ? (
            <p className="address-window">
              {block.value.lines.map((line, index) => (
                <span key={index} className="line" dir="auto">
                  {line}
                </span>
              ))}
            </p>
          ) : (
            <p className="muted">{t('partner.addressBlockEmpty')}</p>
          )}
          {block.value.shortened.length > 0 ? (
            <div className="alert alert--warning address-shortened">
              <p>{t('partner.shortened')}</p>
              <ul className="alert-list">
                {block.value.shortened.map((note, index) => (
                  <li key={index}>
                    <bdi>{note}</bdi>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function Contacts({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <section className="panel" aria-labelledby="partner-contacts-heading">
      <h2 id="partner-contacts-heading">{t('partner.contactsHeading')}</h2>
      {partner.contacts.length === 0 ? (
        <p className="muted">{t('partner.noContacts')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('partner.contactsHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('partnerFields.contactName')}</th>
                <th scope="col">{t('partnerFields.role')}</th>
                <th scope="col">{t('partnerFields.phone')}</th>
                <th scope="col">{t('partnerFields.email')}</th>
              </tr>
            </thead>
            <tbody>
              {partner.contacts.map((contact) => (
                <tr key={contact.id}>
                  <td dir="auto">{contactDisplayName(contact)}</td>
                  <td dir="auto">{contact.role || none}</td>
                  <td>{contact.phone || none}</td>
                  <td className="break-anywhere">{contact.email || none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Verification({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="partner-verification-heading">
      <h2 id="partner-verification-heading">{t('partner.verificationHeading')}</h2>
      {partner.verification === 'unverified' ? (
        <div className="alert alert--warning">
          <p>{t('partner.unverifiedWarning')}</p>
        </div>
      ) : null}
      {partner.verification === 'stale' ? (
        <div className="alert alert--warning">
          <p>{t('partner.staleWarning', { date: formatDate(partner.assuredDate) })}</p>
        </div>
      ) : null}
      <dl className="facts">
        <Fact term={t('partnerFields.assuredDate')}>{partner.assuredDate ? formatDate(partner.assuredDate) : t('partner.notVerified')}</Fact>
        <Fact term={t('partnerFields.assuredBy')}>{partner.assuredBy ? <span dir="auto">{partner.assuredBy}</span> : null}</Fact>
      </dl>
    </section>
  );
}
