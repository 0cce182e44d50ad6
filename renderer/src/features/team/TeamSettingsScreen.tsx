import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput, TeamStatus } from '../../../../shared/api/contract';
import { call, isApiCallError } from '../../api';
import { routeHref } from '../../app/routes';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert, fieldError, firstErrorField } from '../../ui/ErrorAlert';
import { Fact } from '../../ui/Facts';
import { Field } from '../../ui/Field';
import { FieldFrame } from '../../ui/FieldFrame';
import { focusSoon } from '../../ui/focus';
import { formatTimestamp } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { refreshTeamStatus, setTeamStatus, useTeamStatus, useTeamStatusFailure } from './team-status';

/** Einstellungen → Im Team arbeiten: connect this desk to the team store, or see the link, sync and disconnect. */
export function TeamSettingsScreen() {
  const { t } = useTranslation();
  const status = useTeamStatus();
  const failure = useTeamStatusFailure();
  const [done, setDone] = useState('');
  useEffect(() => {
    void refreshTeamStatus();
  }, []);
  return (
    <>
      <p className="breadcrumb">
        <a href={routeHref({ name: 'settings' })}>{t('team.settings.back')}</a>
      </p>
      <PageHeading title={t('team.settings.title')}>{t('team.settings.title')}</PageHeading>
      <p className="lead">{t('team.settings.intro')}</p>
      <div role="status" className="notice-region">
        {done ? <p className="notice">{done}</p> : null}
      </div>
      {status === null && !failure ? <p className="busy">{t('common.loading')}</p> : null}
      {status === null && failure ? <ErrorAlert error={failure} onRetry={() => void refreshTeamStatus()} /> : null}
      {status && !status.linked ? (
        <ConnectForm
          onConnected={(linked) => {
            setDone(t('team.settings.connected', { team: linked.team?.name ?? '' }));
            focusSoon('team-linked-heading');
          }}
        />
      ) : null}
      {status?.linked ? (
        <LinkedPanel
          status={status}
          onDisconnected={() => {
            setDone(t('team.settings.disconnected'));
            focusSoon('team-connect-heading');
          }}
        />
      ) : null}
    </>
  );
}

const CONNECT_FIELDS = ['url', 'role', 'password'] as const;

function ConnectForm({ onConnected }: { onConnected(status: TeamStatus): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ url: '', role: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const linked = await call('team.connect', { url: values.url.trim(), role: values.role.trim(), password: values.password });
      setTeamStatus(linked);
      onConnected(linked);
    } catch (caught) {
      setError(caught);
      const first = firstErrorField(caught, CONNECT_FIELDS);
      focusSoon(first ? `team-${first}` : 'team-connect-error');
    } finally {
      setBusy(false);
    }
  }

  const set = (key: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  return (
    <section className="panel" aria-labelledby="team-connect-heading">
      <h2 id="team-connect-heading" tabIndex={-1}>
        {t('team.settings.connectHeading')}
      </h2>
      <p className="muted">{t('team.settings.connectIntro')}</p>
      <form noValidate onSubmit={(event) => void submit(event)} className="form">
        <Field
          id="team-url"
          label={t('team.settings.url')}
          hint={t('team.settings.urlHint')}
          value={values.url}
          onChange={set('url')}
          maxLength={1000}
          dir="ltr"
          required
          error={fieldError(error, 'url')}
        />
        <Field
          id="team-role"
          label={t('team.settings.role')}
          hint={t('team.settings.roleHint')}
          value={values.role}
          onChange={set('role')}
          maxLength={63}
          size="medium"
          dir="ltr"
          autoComplete="username"
          required
          error={fieldError(error, 'role')}
        />
        <FieldFrame
          id="team-password"
          label={t('team.settings.password')}
          hint={t('team.settings.passwordHint')}
          required
          error={fieldError(error, 'password')}
        >
          {(control) => (
            <input
              {...control}
              className={`${control.className} field-control--medium`}
              type="password"
              autoComplete="current-password"
              required
              maxLength={500}
              value={values.password}
              onChange={(event) => set('password')(event.target.value)}
            />
          )}
        </FieldFrame>
        {error ? (
          <div id="team-connect-error" tabIndex={-1}>
            <ErrorAlert error={error} shownFields={CONNECT_FIELDS} />
          </div>
        ) : null}
        <div className="form-actions">
          <button id="team-connect" type="submit" className="button button--primary" aria-disabled={busy}>
            {t('team.settings.connect')}
          </button>
          <span role="status" className="form-status">
            {busy ? t('team.settings.connecting') : ''}
          </span>
        </div>
      </form>
    </section>
  );
}

type SyncState = { status: 'idle' } | { status: 'busy' } | { status: 'done'; result: MethodOutput<'team.sync'> } | { status: 'error'; error: unknown };

function LinkedPanel({ status, onDisconnected }: { status: TeamStatus; onDisconnected(): void }) {
  const { t } = useTranslation();
  const [sync, setSync] = useState<SyncState>({ status: 'idle' });
  const [disconnecting, setDisconnecting] = useState(false);
  const [disconnectError, setDisconnectError] = useState<unknown>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const disconnectButton = useRef<HTMLButtonElement>(null);

  async function syncNow() {
    if (sync.status === 'busy') return;
    setSync({ status: 'busy' });
    try {
      const result = await call('team.sync', {});
      setSync({ status: 'done', result });
    } catch (caught) {
      setSync({ status: 'error', error: caught });
    }
    await refreshTeamStatus();
  }

  async function disconnect() {
    if (disconnecting) return;
    setDisconnecting(true);
    setDisconnectError(null);
    try {
      setTeamStatus(await call('team.disconnect', { discardWaiting: false }));
      onDisconnected();
    } catch (caught) {
      // Changes still waiting: say plainly what unlinking now would cost, and let the person choose.
      if (isApiCallError(caught) && caught.code === 'conflict') {
        await refreshTeamStatus();
        setConfirmDiscard(true);
      } else setDisconnectError(caught);
    } finally {
      setDisconnecting(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="team-linked-heading">
      <h2 id="team-linked-heading" tabIndex={-1}>
        {t('team.settings.linkedHeading')}
      </h2>
      <dl className="facts">
        <Fact term={t('team.settings.facts.team')}>{status.team?.name}</Fact>
        <Fact term={t('team.settings.facts.displayName')}>{status.displayName}</Fact>
        <Fact term={t('team.settings.facts.role')}>{status.role}</Fact>
        <Fact term={t('team.settings.facts.url')}>{status.url ? <span className="path">{status.url}</span> : null}</Fact>
        <Fact term={t('team.settings.facts.lead')}>{t(status.lead ? 'team.settings.leadYes' : 'team.settings.leadNo')}</Fact>
        <Fact term={t('team.settings.facts.connection')}>
          <span id="team-connection">{t(status.online ? 'team.settings.online' : 'team.settings.offline')}</span>
          {!status.online && status.lastError ? <span className="line muted">{status.lastError}</span> : null}
        </Fact>
        <Fact term={t('team.settings.facts.lastSync')}>{status.lastSyncAt ? formatTimestamp(status.lastSyncAt) : t('team.settings.never')}</Fact>
        <Fact term={t('team.settings.facts.waiting')}>
          <span id="team-waiting">{status.waiting}</span>
        </Fact>
        <Fact term={t('team.settings.facts.conflicts')}>
          <span id="team-conflicts">{status.conflicts}</span>
          {status.conflicts > 0 ? (
            <a className="line" href={routeHref({ name: 'conflicts' })}>
              {t('team.settings.review', { count: status.conflicts })}
            </a>
          ) : null}
        </Fact>
      </dl>
      <div className="form-actions">
        <button id="team-sync" type="button" className="button button--primary" aria-disabled={sync.status === 'busy'} onClick={() => void syncNow()}>
          {t('team.settings.sync')}
        </button>
        <button
          id="team-disconnect"
          ref={disconnectButton}
          type="button"
          className="button button--danger-outline"
          aria-disabled={disconnecting}
          onClick={() => void disconnect()}
        >
          {t('team.settings.disconnect')}
        </button>
        <span role="status" className="form-status">
          {sync.status === 'busy' ? t('team.settings.syncing') : null}
          {sync.status === 'done' ? t('team.settings.synced', sync.result) : null}
          {disconnecting ? t('team.settings.disconnecting') : null}
        </span>
      </div>
      {sync.status === 'error' ? <ErrorAlert error={sync.error} /> : null}
      {disconnectError ? <ErrorAlert error={disconnectError} /> : null}
      {confirmDiscard ? (
        <ConfirmDialog
          id="team-discard"
          title={t('team.settings.discardTitle')}
          text={t('team.settings.discardText', { count: status.waiting })}
          confirmLabel={t('team.settings.discardConfirm')}
          busyLabel={t('team.settings.disconnecting')}
          onConfirm={async () => {
            setTeamStatus(await call('team.disconnect', { discardWaiting: true }));
            setConfirmDiscard(false);
            onDisconnected();
          }}
          onCancel={() => {
            setConfirmDiscard(false);
            window.setTimeout(() => disconnectButton.current?.focus(), 0);
          }}
        />
      ) : null}
    </section>
  );
}
