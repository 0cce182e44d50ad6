import type { Page } from '@playwright/test';
import type { AuditEntry, MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, foreignRequests, germanDate, isoDay, openApp, test, type LotseHost } from './fixtures';
import { shots, SMALL, WIDE } from './shots';

/**
 * Issue 14, item 4: deadlines one can work off. The Start list shows how far
 * off each date is ("heute", "morgen", "in 12 Tagen", "seit 3 Tagen
 * überfällig"), one short hint per row and each status's legal note once,
 * folded; a deadline is marked done (it leaves the open list, shows under
 * "Erledigt" with its note, and the audit trail has a line) and another is
 * postponed (it shows with its new date and the note); a § 104c permit
 * leads to the checklist. The host is shared: the people are erased at the end.
 */

const FAMILY = 'Fristprobe';
/** Days from today to each person's permit end, and their given names. */
const PEOPLE = [
  { givenName: 'Aylin', days: -3 },
  { givenName: 'Bora', days: 0 },
  { givenName: 'Cem', days: 1 },
  { givenName: 'Dilan', days: 5 },
  { givenName: 'Emre', days: 12 },
  { givenName: 'Ferhat', days: 40 },
] as const;

async function api<M extends MethodName>(page: Page, lotse: LotseHost, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = await page.request.post(`${lotse.origin}/api/${method}`, { headers: { Authorization: `Bearer ${lotse.token}` }, data: input });
  const body = (await response.json()) as { ok: boolean; value?: unknown };
  expect(body, `${method} answered ${JSON.stringify(body)}`).toMatchObject({ ok: true });
  return body.value as MethodOutput<M>;
}

test('deadlines on Start: relative days, one legal note per status, one marked done and one postponed', async ({ page, lotse, requests }, testInfo) => {
  await page.setViewportSize(WIDE);
  await openApp(page, lotse);
  const ids: string[] = [];
  try {
    for (const person of PEOPLE) {
      const created = await api(page, lotse, 'clients.create', {
        familyName: FAMILY,
        givenName: person.givenName,
        residenceStatus: 'p104c',
        residenceValidUntil: isoDay(person.days),
      });
      ids.push(created.id);
    }
    const { items: statuses } = await api(page, lotse, 'residenceStatuses.list', {});
    const p104c = statuses.find((status) => status.code === 'p104c')!;

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start', exact: true }).click();
    const deadlines = page.getByRole('region', { name: 'Fristen' });
    await expect(deadlines.getByRole('table')).toBeVisible();
    const rowOf = (givenName: string) => deadlines.getByRole('row').filter({ has: page.getByRole('link', { name: `${givenName} ${FAMILY}` }) });

    // How far off each date is, beside the date as TT.MM.JJJJ.
    await expect(rowOf('Aylin')).toContainText(germanDate(isoDay(-3)));
    await expect(rowOf('Aylin')).toContainText('seit 3 Tagen überfällig');
    await expect(rowOf('Bora')).toContainText('heute');
    await expect(rowOf('Cem')).toContainText('morgen');
    await expect(rowOf('Dilan')).toContainText('in 5 Tagen');
    await expect(rowOf('Emre')).toContainText('in 12 Tagen');
    await expect(rowOf('Emre')).toContainText(germanDate(isoDay(12)));
    // One short hint per row; the status's legal note once, folded, below the list.
    await expect(rowOf('Emre')).toContainText('Vor Ablauf handeln; Hinweis unter der Liste.');
    for (const person of PEOPLE) await expect(rowOf(person.givenName)).not.toContainText(p104c.reminderText);
    const note = deadlines.locator('details').filter({ has: page.locator('summary', { hasText: p104c.label }) });
    await expect(note).toHaveCount(1);
    await expect(note.getByText(p104c.reminderText)).toBeHidden();
    await note.locator('summary').click();
    await expect(note.getByText(p104c.reminderText)).toBeVisible();
    await note.locator('summary').click();

    await expectNoSeriousA11yViolations(page, 'Start: Fristen');
    await shots(page, 'deadlines-start', (name) => testInfo.outputPath(name));

    // A 1024 × 640 laptop shows several deadlines at once, on opening Start, without scrolling.
    // Any deadline row counts: other specs' clients share this host and may come first.
    await page.setViewportSize(SMALL);
    await page.evaluate(() => window.scrollTo(0, 0));
    let inView = 0;
    for (const row of await deadlines.locator('tbody tr').all()) {
      const box = await row.boundingBox();
      if (box && box.y >= 0 && box.y + box.height <= SMALL.height) inView += 1;
    }
    expect(inView, 'deadline rows in view at 1024 × 640').toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: testInfo.outputPath('deadlines-table-1024x640.png') });
    await expectNoSeriousA11yViolations(page, 'Start: Fristen (1024 × 640)');
    await page.setViewportSize(WIDE);

    // Bora's deadline (today) is marked done with a note.
    await rowOf('Bora').getByRole('button', { name: 'Erledigt …' }).click();
    const doneDialog = page.getByRole('dialog', { name: `Frist erledigt: Bora ${FAMILY}` });
    await expect(doneDialog).toBeVisible();
    await doneDialog.getByLabel('Notiz').fill('Antrag nach § 25b gestellt');
    await expectNoSeriousA11yViolations(page, 'Frist erledigt (Dialog)');
    await shots(page, 'deadlines-done-dialog', (name) => testInfo.outputPath(name));
    await doneDialog.getByRole('button', { name: 'Als erledigt markieren' }).click();
    await expect(doneDialog).toBeHidden();
    await expect(deadlines.getByRole('status').first()).toContainText(`Die Frist von Bora ${FAMILY} ist als erledigt markiert.`);
    await expect(rowOf('Bora')).toHaveCount(0);
    await expect(rowOf('Cem')).toHaveCount(1);

    // Cem's (tomorrow) is postponed by two weeks, typed as TT.MM.JJJJ.
    await rowOf('Cem').getByRole('button', { name: 'Verschieben …' }).click();
    const laterDialog = page.getByRole('dialog', { name: `Frist verschieben: Cem ${FAMILY}` });
    const until = laterDialog.getByLabel('Neues Datum');
    await expect(until).toBeFocused();
    await until.fill(germanDate(isoDay(14)));
    await laterDialog.getByLabel('Notiz').fill('Termin bei der Ausländerbehörde abwarten');
    await expectNoSeriousA11yViolations(page, 'Frist verschieben (Dialog)');
    await laterDialog.getByRole('button', { name: 'Verschieben' }).click();
    await expect(laterDialog).toBeHidden();
    await expect(rowOf('Cem')).toContainText(germanDate(isoDay(14)));
    await expect(rowOf('Cem')).toContainText('in 14 Tagen');
    await expect(rowOf('Cem')).toContainText(`verschoben, war ${germanDate(isoDay(1))}`);
    await expect(rowOf('Cem')).toContainText('Termin bei der Ausländerbehörde abwarten');
    await expectNoSeriousA11yViolations(page, 'Start: Fristen nach dem Verschieben');
    await shots(page, 'deadlines-postponed', (name) => testInfo.outputPath(name));

    // Done ones are under "Erledigt", with the note.
    await deadlines.getByRole('button', { name: /^Erledigt \(\d+\)$/ }).click();
    await expect(rowOf('Bora')).toContainText('Antrag nach § 25b gestellt');
    await expect(rowOf('Bora')).toContainText(`erledigt am ${germanDate(isoDay())}`);
    await expect(rowOf('Bora').getByRole('button', { name: 'Wieder öffnen' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'Start: erledigte Fristen');
    await shots(page, 'deadlines-done', (name) => testInfo.outputPath(name));

    // Both are in the audit trail, by ids and dates, without the note.
    const audit = await api(page, lotse, 'audit.list', { limit: 20 });
    const lines = audit.items.filter((entry: AuditEntry) => entry.action.startsWith('deadlines.'));
    expect(lines.map((entry) => [entry.action, entry.details.dueDate])).toEqual(
      expect.arrayContaining([
        ['deadlines.complete', isoDay(0)],
        ['deadlines.postpone', isoDay(1)],
      ]),
    );
    expect(JSON.stringify(lines)).not.toContain('Antrag nach');

    // The § 104c permit leads to the checklist for that person, as a new draft.
    await deadlines.getByRole('button', { name: /^Alle offenen \(\d+\)$/ }).click();
    await rowOf('Emre').getByRole('button', { name: 'Checkliste anlegen: Checkliste § 104c zu § 25a / § 25b AufenthG' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Checkliste § 104c');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Emre ${FAMILY}`);
    expect(foreignRequests(requests, lotse.origin)).toEqual([]);
  } finally {
    for (const id of ids) await api(page, lotse, 'clients.erase', { id });
  }
});
