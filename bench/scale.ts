import type { Core } from '../main/core/core';
import { insertClient } from '../main/core/db/queries/clients';
import type { ClientInput } from '../shared/api/contract';
import { addDaysIso } from '../shared/domain/iso-date';
import { clientInput } from '../test/support/core';
import { callOk } from '../test/support/results';
import { SCALE_TODAY, writeClientsWithDeadlines } from '../test/support/deadlines-at-scale';
import { seededRandom } from '../test/support/seeded-random';
import { count, timed, type Figure } from './stats';

/**
 * Figures 4 and 7 on one store of 100,000 synthetic clients (fixed seed): names as a
 * Kreis Düren office meets them (German, Turkish, Arabic in Arabic script and
 * transliterated, Ukrainian in Cyrillic and transliterated, Polish, Persian, Tigrinya,
 * Romanian), written straight into the store in one transaction through the store's
 * own insert (so the search index is the real one), with the deadlines of
 * test/support/deadlines-at-scale.ts (as test/db/deadlines-scale.test.ts): 2,700 permits under § 104c due, 300 consents
 * running out, 100 marked done. Then `clients.search` and `deadlines.list` (the Start
 * screen's page of 25) through dispatch.
 */

const FAMILY = [
  ...['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schäfer', 'Schröder', 'Krüger', 'Weiß', 'Groß', 'Köhler', 'Jäger'],
  ...['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan', 'Kılıç', 'Çetin', 'Şimşek'],
  ...['الأحمد', 'الحسن', 'العلي', 'حداد', 'خوري', 'منصور', 'ناصر', 'سليمان', 'إبراهيم', 'عبد الله'],
  ...['Al-Ahmad', 'Al-Hassan', 'Haddad', 'Khoury', 'Mansour', 'Nasser', 'Suleiman', 'Abdullah', 'Hamdan', 'Khalil'],
  ...['Шевченко', 'Бондаренко', 'Коваленко', 'Ткаченко', 'Кравченко', 'Олійник', 'Шевчук', 'Поліщук', 'Бойко', 'Мельник'],
  ...['Shevchenko', 'Bondarenko', 'Kovalenko', 'Tkachenko', 'Kravchenko', 'Oliinyk'],
  ...['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Zieliński'],
  ...['Ahmadi', 'Hosseini', 'Rahimi', 'Karimi', 'Mohammadi', 'Rezaei'],
  ...['Tesfaye', 'Haile', 'Gebremedhin', 'Tekle', 'Berhane', 'Kidane'],
  ...['Popescu', 'Ionescu', 'Popa', 'Stoica', 'Dumitrescu'],
];
const GIVEN = [
  ...['Anna', 'Lena', 'Jonas', 'Lukas', 'Jürgen', 'Jörg', 'Sören', 'Käthe'],
  ...['Ayşe', 'Fatma', 'Emine', 'Mehmet', 'Mustafa', 'Ahmet', 'Hüseyin', 'İbrahim', 'Gül', 'Çağrı', 'Özge', 'Şükrü'],
  ...['محمد', 'أحمد', 'علي', 'فاطمة', 'عائشة', 'يوسف', 'مريم', 'زينب'],
  ...['Mohammed', 'Ahmad', 'Fatima', 'Aisha', 'Youssef', 'Mariam', 'Zainab', 'Khaled', 'Omar', 'Rania'],
  ...['Олександр', 'Андрій', 'Іван', 'Ольга', 'Наталія', 'Юлія', 'Світлана', 'Дмитро'],
  ...['Oleksandr', 'Andrii', 'Olha', 'Nataliia'],
  ...['Łukasz', 'Małgorzata', 'Paweł', 'Agnieszka', 'Krzysztof'],
  ...['Farid', 'Zahra', 'Maryam', 'Reza', 'Hamid'],
  ...['Yonas', 'Selam', 'Senait', 'Filmon', 'Semhar'],
  ...['Ștefan', 'Ioana', 'Andreea', 'Mihai'],
];
/** Spellings a counselor types without the letters of the name: the search folds both sides. */
const FOLDED_QUERIES = ['Muller', 'Mueller', 'Schafer', 'Ozturk', 'Sahin', 'Yilmaz', 'Celik', 'Dogan', 'Kilic', 'Jurgen', 'Ayse', 'Lukasz', 'Wisniewski'];

interface Person {
  familyName: string;
  givenName: string;
  birthDate: string;
  fileNumber: string;
}

export async function scaleFigures(core: Core): Promise<{ figures: Figure[]; raw: Record<string, unknown> }> {
  const clients = count(100_000, 20_000);
  const random = seededRandom(20261125);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const base = clientInput({ address: { street: 'Hauptstraße 5', postalCode: '52349', city: 'Düren' } });
  const people: Person[] = [];

  const setupStarted = performance.now();
  writeClientsWithDeadlines(core, clients, (index, residence, now) => {
    const id = `bench-${String(index).padStart(6, '0')}`;
    const familyName = random() < 0.08 ? `${pick(FAMILY)}-${pick(FAMILY)}` : pick(FAMILY);
    const givenName = random() < 0.15 ? `${pick(GIVEN)} ${pick(GIVEN)}` : pick(GIVEN);
    const birthDate = addDaysIso('1950-01-01', Math.floor(random() * 20_000));
    const fileNumber = `KI-${2015 + Math.floor(random() * 12)}-${String(index).padStart(6, '0')}`;
    const input: ClientInput = { ...base, familyName, givenName, birthDate, fileNumber, ...residence };
    insertClient(core.db, id, input, now);
    people.push({ familyName, givenName, birthDate, fileNumber });
    return id;
  });
  const setupSeconds = (performance.now() - setupStarted) / 1000;

  // Queries as counselors type them: a name's first letters, a whole name, a folded spelling, a birth date, a file number.
  const searches = count(500, 100);
  const queries: string[] = [];
  for (let index = 0; index < searches; index += 1) {
    const person = pick(people);
    const kind = index % 6;
    if (kind === 0) queries.push(person.familyName.slice(0, 3));
    else if (kind === 1) queries.push(`${person.givenName} ${person.familyName}`);
    else if (kind === 2) queries.push(pick(FOLDED_QUERIES));
    else if (kind === 3) queries.push(person.birthDate.split('-').reverse().join('.'));
    else if (kind === 4) queries.push(person.fileNumber);
    else queries.push(person.familyName);
  }
  for (const query of queries.slice(0, 20)) await callOk(core, 'clients.search', { query, limit: 20 });
  const search: number[] = [];
  const hits: number[] = [];
  for (const query of queries) {
    const measured = await timed(() => callOk<{ items: unknown[] }>(core, 'clients.search', { query, limit: 20 }));
    search.push(measured.wallMs);
    hits.push(measured.value.items.length);
  }

  const deadlineRuns = count(30, 10);
  await callOk(core, 'deadlines.list', { date: SCALE_TODAY, limit: 1 }); // prepares statements, registers the sort key
  const deadlines: number[] = [];
  let total = 0;
  for (let index = 0; index < deadlineRuns; index += 1) {
    const measured = await timed(() => callOk<{ total: number }>(core, 'deadlines.list', { date: SCALE_TODAY, limit: 25 }));
    deadlines.push(measured.wallMs);
    total = measured.value.total;
  }

  const at = `${clients.toLocaleString('en')} clients`;
  return {
    figures: [
      { figure: `clients.search at ${at} (dispatch)`, unit: 'ms', samples: search, goal: 'p95 ≤ 5 ms', check: { stat: 'p95', limit: 5 } },
      {
        figure: `deadlines.list at ${at}, Start page of 25`,
        unit: 'ms',
        samples: deadlines,
        goal: '≤ 100 ms',
        check: { stat: 'p95', limit: 100 },
        note: `${total} deadlines open`,
      },
    ],
    raw: { clients, setupSeconds, searchQueries: queries, searchHits: hits, deadlinesOpen: total },
  };
}
