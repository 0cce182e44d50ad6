import { describe, expect, it } from 'vitest';
import { listFilter, matchesClient, NO_FILTERS } from './document-filters';

describe('document filters', () => {
  it('sends only the filters that are set', () => {
    expect(listFilter(NO_FILTERS)).toEqual({});
    expect(listFilter({ ...NO_FILTERS, client: 'Müller', status: 'final', referralStatus: 'handed-over', from: '2026-01-01' })).toEqual({
      status: 'final',
      referralStatus: 'handed-over',
      from: '2026-01-01',
    });
  });

  it('sends the serial letter whose letters are shown', () => {
    expect(listFilter({ ...NO_FILTERS, batchId: 'b-1' })).toEqual({ batchId: 'b-1' });
  });

  it('matches client names in every spelling', () => {
    const document = { clientName: 'Anna Müller' };
    expect(matchesClient(document, '')).toBe(true);
    expect(matchesClient(document, 'muller')).toBe(true);
    expect(matchesClient(document, 'Mueller')).toBe(true);
    expect(matchesClient(document, 'anna m')).toBe(true);
    expect(matchesClient(document, 'Nguyen')).toBe(false);
    expect(matchesClient({ clientName: 'Văn Nguyễn' }, 'nguyen')).toBe(true);
  });
});
