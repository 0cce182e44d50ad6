import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../../shared/api/contract';
import { hasPostalAddress } from '../../../../shared/domain/postal-address';

/**
 * "Anschrift fehlt" (no letter can be finalized to it), "ungeprüft", "seit
 * über 12 Monaten nicht geprüft", "archiviert": said in words, the colour
 * only repeats it. Verified entries with an address carry no badge.
 */
export function PartnerBadges({ partner }: { partner: Pick<Partner, 'verification' | 'archived' | 'address' | 'postbox'> }) {
  const { t } = useTranslation();
  return (
    <>
      {hasPostalAddress({ ...partner.address, postbox: partner.postbox }) ? null : (
        <span className="status status--inline status--warning">{t('postalAddressStates.missing')}</span>
      )}
      {partner.verification !== 'verified' ? (
        <span className={`status status--inline status--${partner.verification}`}>{t(`verification.${partner.verification}`)}</span>
      ) : null}
      {partner.archived ? <span className="status status--inline status--archived">{t('verification.archived')}</span> : null}
    </>
  );
}
