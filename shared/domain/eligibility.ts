/**
 * Whether a partner's services are open to a person of a given age, as the
 * network directory records their eligibility (HSDS: minimum and maximum
 * age, both inclusive, null for no limit). A referral to a partner none of
 * whose services takes the person is worth a second look before it goes out;
 * it stays the counselor's call (ages are often a rule of thumb).
 */

export interface AgeLimitedService {
  name: string;
  status: string;
  minimumAge: number | null;
  maximumAge: number | null;
}

export function ageFits(service: Pick<AgeLimitedService, 'minimumAge' | 'maximumAge'>, age: number): boolean {
  return (service.minimumAge === null || age >= service.minimumAge) && (service.maximumAge === null || age <= service.maximumAge);
}

/**
 * The partner's active services when every one of them excludes a person of
 * this age, else null: no warning where some service fits, where the partner
 * lists no active service, or where the age is unknown.
 */
export function servicesExcludingAge<T extends AgeLimitedService>(services: readonly T[], age: number | null): T[] | null {
  if (age === null) return null;
  const active = services.filter((service) => service.status === 'active');
  if (active.length === 0 || active.some((service) => ageFits(service, age))) return null;
  return active;
}
