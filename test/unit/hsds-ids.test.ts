import { describe, expect, it } from 'vitest';
import { hsdsIdOf, hsdsPartId, isUuid } from '../../main/core/services/hsds-ids';

describe('HSDS ids', () => {
  it('keeps a Lotse id that is a UUID, in lower case', () => {
    expect(hsdsIdOf('organization', '3F2504E0-4F89-41D3-9A0C-0305E82C3301')).toBe('3f2504e0-4f89-41d3-9a0c-0305e82c3301');
  });

  it('derives the same UUID for the same id again, and another one for another kind or part', () => {
    const seeded = hsdsIdOf('organization', 'seed-vhs');
    expect(isUuid(seeded)).toBe(true);
    expect(hsdsIdOf('organization', 'seed-vhs')).toBe(seeded);
    expect(hsdsIdOf('service', 'seed-vhs')).not.toBe(seeded);
    const physical = hsdsPartId('address', 'seed-vhs', 'physical');
    expect(isUuid(physical)).toBe(true);
    expect(hsdsPartId('address', 'seed-vhs', 'physical')).toBe(physical);
    expect(hsdsPartId('address', 'seed-vhs', 'postal')).not.toBe(physical);
  });
});
