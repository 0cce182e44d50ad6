import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../../shared/api/contract';

/** "ausgeliefert" or "von der Dienststelle bearbeitet". */
export function SourceBadge({ source }: { source: TemplateSummary['source'] }) {
  const { t } = useTranslation();
  return <span className={`status status--source-${source}`}>{t(`templateSources.${source}`)}</span>;
}
