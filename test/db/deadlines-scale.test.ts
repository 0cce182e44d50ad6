import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/api/dispatch';
import type { Core } from '../../main/core/core';
import type { MethodOutput } from '../../shared/api/contract';
import { addDaysIso } from '../../shared/domain/iso-date';
import { openTestCore } from '../support/core';
import { CONSENTS_DUE, DONE, PERMITS_DUE, SCALE_TODAY, writeClientsWithDeadlines } from '../support/deadlines-at-scale';
import { valueOf } from '../support/results';

/**
 * `deadlines.list` at 100,000 clients (issue 14, DESIGN.md §8: "Start screen
 * deadlines at 100,000 clients ≤ 100 ms, paged"): 3,000 deadlines due, of
 * which 100 marked done. The store answers in pages whose size the caller
 * sets; the time is printed for the closing note, not asserted (the machine
 * is shared).
 */

const TODAY = SCALE_TODAY;
const CLIENTS = 100_000;

let core: Core;
let dispose: () => void;

beforeAll(() => {
  ({ core, dispose } = openTestCore());
  const started = performance.now();
  const insertClient = core.db.prepare(
    `INSERT INTO clients (id, family_name, given_name, residence_status, residence_valid_until, street, postal_code, city, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '', '', '', ?, ?)`,
  );
  writeClientsWithDeadlines(core, CLIENTS, (index, { residenceStatus, residenceValidUntil }, now) => {
    const id = randomUUID();
    insertClient.run(id, `Familie${index}`, `Vorname${index}`, residenceStatus, residenceValidUntil, now, now);
    return id;
  });
  console.log(`deadlines at scale: ${CLIENTS} clients written in ${(performance.now() - started).toFixed(0)} ms`);
}, 120_000);
afterAll(() => dispose());

async function timedList(input: Record<string, unknown>): Promise<{ value: MethodOutput<'deadlines.list'>; ms: number }> {
  const started = performance.now();
  const value = valueOf<MethodOutput<'deadlines.list'>>(await dispatch(core, 'deadlines.list', { date: TODAY, ...input }));
  return { value, ms: performance.now() - started };
}

describe('deadlines.list at 100,000 clients', () => {
  it('answers in pages of the size asked for, with the total and the count of every group', async () => {
    await timedList({ limit: 1 }); // the first call prepares statements and registers the sort key
    const first = await timedList({ limit: 50 });
    expect(first.value.items).toHaveLength(50);
    expect(first.value.total).toBe(PERMITS_DUE + CONSENTS_DUE - DONE);
    const { overdue, week, month, later, done } = first.value.counts;
    expect(overdue + week + month + later).toBe(PERMITS_DUE + CONSENTS_DUE - DONE);
    expect(done).toBe(DONE);
    // Earliest first: the page starts with the 30 days overdue.
    expect(first.value.items[0]?.dueDate).toBe(addDaysIso(TODAY, -30));

    const deep = await timedList({ limit: 50, offset: 2_850 });
    expect(deep.value.items).toHaveLength(50);
    const last = await timedList({ limit: 50, offset: 2_880 });
    expect(last.value.items).toHaveLength(PERMITS_DUE + CONSENTS_DUE - DONE - 2_880);

    const week1 = await timedList({ group: 'week', limit: 50 });
    expect(week1.value.items).toHaveLength(50);
    expect(week1.value.total).toBe(week);
    const doneList = await timedList({ group: 'done', limit: 50 });
    expect(doneList.value.items).toHaveLength(50);
    expect(doneList.value.total).toBe(DONE);

    console.log(
      `deadlines.list at ${CLIENTS} clients, ${PERMITS_DUE + CONSENTS_DUE} deadlines, pages of 50: first ${first.ms.toFixed(1)} ms, ` +
        `offset 2850 ${deep.ms.toFixed(1)} ms, group "week" ${week1.ms.toFixed(1)} ms, done ${doneList.ms.toFixed(1)} ms`,
    );
  }, 60_000);
});
