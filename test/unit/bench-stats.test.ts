import { describe, expect, it } from 'vitest';
import { met, summarize, table, type Figure } from '../../bench/stats';
import config from '../../vitest.config';

/**
 * `npm run bench` (bench/, issue 16) measures and never asserts a time; what is
 * tested here is its arithmetic and table, and that vitest never runs it.
 */
describe('bench statistics and table', () => {
  it('takes min, median and p95 by nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(summarize(samples)).toEqual({ min: 1, median: 50, p95: 95, max: 100 });
    expect(summarize([3])).toEqual({ min: 3, median: 3, p95: 3, max: 3 });
  });

  it('says whether the goal holds for the statistic the goal is about, and leaves rows without a goal blank', () => {
    const search: Figure = { figure: 'clients.search', unit: 'ms', samples: [1, 2, 3, 9], goal: 'p95 ≤ 5 ms', check: { stat: 'p95', limit: 5 } };
    expect(met(search)).toBe(false);
    expect(met({ ...search, check: { stat: 'median', limit: 5 } })).toBe(true);
    expect(met({ ...search, check: undefined })).toBeUndefined();
    const rows = table([search, { figure: 'import', unit: 's', samples: [], goal: '≤ 2 s' }]).split('\n');
    expect(rows[0]).toMatch(/^\| figure +\| n +\| min +\| median +\| p95 +\| goal +\| met +\|$/);
    expect(rows[2]).toMatch(/^\| clients\.search +\| 4 +\| 1\.00 ms \| 2\.00 ms \| 9\.00 ms \| p95 ≤ 5 ms +\| no +\|$/);
    // A row without samples shows dashes, not a verdict.
    expect(rows[3]).toMatch(/^\| import +\| 0 +\| – +\| – +\| – +\| ≤ 2 s +\| +\|$/);
  });

  it('is never picked up by vitest: the bench lives in bench/, outside the include patterns', () => {
    const include = config.test?.include ?? [];
    expect(include.some((pattern) => pattern.startsWith('bench') || pattern.startsWith('**'))).toBe(false);
  });
});
