import type { Migration } from './migration';

/**
 * Up to schema 50, a fresh store was seeded with a sample counselor: a real
 * team lead named on the district's web page, who then signed every letter
 * of an office that never changed it. A store whose counselor is still
 * exactly that sample gets an empty counselor, so the app asks for the
 * setup again and refuses to finalize until someone real is named. A
 * counselor the office entered (even the same name with a phone number) is
 * left alone; so is the office's letterhead. Plain SQL on the JSON as stored,
 * like 0050.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'no-sample-counselor',
  up(db) {
    db.prepare(
      `UPDATE settings SET value = json_set(value, '$.counselor', json(?))
       WHERE key = 'settings'
         AND value ->> '$.counselor.name' = 'Silke Nießen'
         AND value ->> '$.counselor.title' = 'Teamleitung'
         AND value ->> '$.counselor.phone' = ''
         AND value ->> '$.counselor.email' = ''`,
    ).run(JSON.stringify({ name: '', title: '', phone: '', email: '' }));
  },
};
