import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { AppInfo } from '../../app/AppInfo';
import { BackupSection } from '../backups/BackupSection';
import { PassphraseSection } from '../passphrase/PassphraseSection';
import { currentLanguage, LANGUAGES, setLanguage } from '../../i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeading } from '../../ui/PageHeading';
import { useAsync } from '../../ui/use-async';
import { LetterheadForm } from './LetterheadForm';
import { RetentionSettings } from '../retention/RetentionSettings';
import { ResidenceStatusSettings } from './ResidenceStatusSettings';
import { TeamPointer } from '../team/TeamPointer';

export function SettingsScreen() {
  const { t } = useTranslation();
  const [settings, reload] = useAsync(() => call('settings.get', {}), []);
  return (
    <>
      <PageHeading title={t('settings.title')}>{t('settings.title')}</PageHeading>
      <section className="panel" aria-labelledby="letterhead-heading">
        <h2 id="letterhead-heading">{t('settings.letterheadHeading')}</h2>
        <p className="muted">{t('settings.letterheadIntro')}</p>
        {settings.status === 'loading' ? <p className="busy">{t('common.loading')}</p> : null}
        {settings.status === 'error' ? <ErrorAlert error={settings.error} onRetry={reload} /> : null}
        {settings.status === 'ready' ? <LetterheadForm initial={settings.value} variant="settings" /> : null}
      </section>
      <ResidenceStatusSettings />
      <TeamPointer />
      <BackupSection settings={settings.status === 'ready' ? settings.value : null} />
      <PassphraseSection />
      <RetentionSettings settings={settings.status === 'ready' ? settings.value : null} />
      <LanguageChoice />
      <AppInfo headingLevel={2} />
    </>
  );
}

function LanguageChoice() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? currentLanguage();
  return (
    <section className="panel">
      <h2>{t('settings.languageHeading')}</h2>
      <div className="field">
        <label htmlFor="settings-language" className="field-label">
          {t('settings.languageLabel')}
        </label>
        <p id="settings-language-note" className="field-hint">
          {t('settings.languageNote')}
        </p>
        <select
          id="settings-language"
          className="field-control field-control--short"
          value={language}
          aria-describedby="settings-language-note"
          onChange={(event) => {
            const chosen = LANGUAGES.find((code) => code === event.target.value);
            if (chosen) void setLanguage(chosen);
          }}
        >
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {t(`languages.${code}`)}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
