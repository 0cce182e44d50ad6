import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../../shared/api/contract';

/**
 * "ungeprüft", "seit über 12 Monaten nicht geprüft", "archiviert": said in
 * words, the colour only repeats it. Verified entries carry no badge.
 */
export function PartnerBadges({ partner }: { partner: Pick<Partner, 'verification' | 'archived'> }) {
  const { t } = useTranslation();
  return (
    <>
      {partner.verification !== 'verified' ? (
        <span className={`status status--inline status--${partner.verification}`}>{t(`verification.${partner.verification}`)}</span>
      ) : null}
      {partner.archived ? <span className="status status--inline status--archived">{t('verification.archived')}</span> : null}
    </>
  );
}
