import type { TFunction } from 'i18next';
import type { Partner } from '../../../../shared/api/contract';

export function partnerOptionLabel(partner: Pick<Partner, 'name' | 'department'>): string {
  return partner.department.trim() !== '' ? `${partner.name} – ${partner.department}` : partner.name;
}

/**
 * The options of a partner picker: the directory's active partners, and a
 * partner archived since it was chosen, which stays visible as chosen
 * (`archivedLabel` names it, e.g. "JMD (archiviert)").
 */
export function partnerChoices(
  partners: readonly Partner[],
  chosen: { id: string | null; name: string },
  archivedLabel: (name: string) => string,
): Array<{ value: string; label: string }> {
  const options = partners.filter((partner) => !partner.archived).map((partner) => ({ value: partner.id, label: partnerOptionLabel(partner) }));
  if (chosen.id !== null && chosen.id !== '' && !options.some((option) => option.value === chosen.id)) {
    const known = partners.find((partner) => partner.id === chosen.id);
    options.push({ value: chosen.id, label: archivedLabel(known ? partnerOptionLabel(known) : chosen.name || chosen.id) });
  }
  return options;
}

/** A service's eligibility ages: "12 bis 27 Jahre", "ab 27 Jahren", '' without limits. */
export function serviceAges(t: TFunction<'translation'>, min: number | null, max: number | null): string {
  if (min !== null && max !== null) return t('partner.ageRange', { min, max });
  if (min !== null) return t('partner.ageFrom', { min });
  if (max !== null) return t('partner.ageTo', { max });
  return '';
}
