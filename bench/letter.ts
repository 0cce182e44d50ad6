import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type { Core } from '../main/core/core';
import type { Client, LotseDocument, RenderedPdf, Settings } from '../shared/api/contract';
import { givePartnerAddress } from '../test/support/core';
import { OTHER_BASIS, REFERRAL_CLIENT } from '../test/support/documents';
import { callOk } from '../test/support/results';
import { count, timed, type Figure } from './stats';

/**
 * Figures 1 and 2: the 2-page referral letter through `documents.render` (dispatch,
 * warm, in process: wall and CPU per letter) and, interleaved with it, Debian
 * Chromium's `Page.printToPDF` of the same letter as HTML (same text, same Roboto
 * faces, the same page break) over CDP with a warm page, and the ratio of the medians.
 */

const VHS = 'seed-vhs-rur-eifel';
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU time (ms, user + system) of every process this one started, and theirs: here the Chromium that playwright launched. */
function childrenCpuMs(): number {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After the command in parentheses: state, ppid, … utime (14th field), stime (15th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while we read.
    }
  }
  let total = 0;
  for (const [pid, used] of ticks) {
    for (let parent = parents.get(pid); parent !== undefined && parent > 1; parent = parents.get(parent)) {
      if (parent === process.pid) {
        total += used;
        break;
      }
    }
  }
  return (total / TICKS_PER_SECOND) * 1000;
}
const REFERRAL_TEXT = {
  reason:
    'Frau Müller möchte ihren Abschluss als Pflegefachkraft anerkennen lassen. Sie hat in Izmir eine dreijährige Ausbildung abgeschlossen und ' +
    'fünf Jahre in einem Krankenhaus gearbeitet. Unterlagen liegen in Übersetzung vor.',
  request: 'Bitte beraten Sie sie zum Anerkennungsverfahren und zu den Kosten, und melden Sie sich bei Rückfragen gern bei mir.',
};

/** A final referral letter of two pages (the reason and request are long enough to reach the second page). */
export async function finalReferral(core: Core): Promise<LotseDocument> {
  const settings = await callOk<Settings>(core, 'settings.get', {});
  await callOk(core, 'settings.update', { ...settings, counselor: { ...settings.counselor, phone: '02421 22-1234' } });
  const client = await callOk<Client>(core, 'clients.create', REFERRAL_CLIENT);
  await givePartnerAddress(core, VHS);
  const draft = await callOk<LotseDocument>(core, 'documents.create', {
    templateId: 'referral-letter',
    clientId: client.id,
    partnerId: VHS,
    values: REFERRAL_TEXT,
  });
  return callOk<LotseDocument>(core, 'documents.finalize', { id: draft.id, otherLegalBasis: OTHER_BASIS });
}

/** Rows of a two-column section, as the letter's tables print them. */
const rows = (pairs: Array<[string, string]>) => `<table>${pairs.map(([label, value]) => `<tr><th>${label}</th><td>${value}</td></tr>`).join('')}</table>`;

/**
 * The same letter as HTML, as a Chromium-based app would print it: the letterhead, the
 * address window and the reference block, the subject, the sections as two-column
 * tables, the data protection note on page 2, a footer on every page, in the Roboto
 * faces Lotse embeds, on A4. Its text is the text pdftotext reads from Lotse's PDF.
 */
function letterHtml(): string {
  const fontDir = path.dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));
  const face = (file: string, weight: number, style: string) =>
    `@font-face { font-family: Roboto; src: url('file://${fontDir}/${file}'); font-weight: ${weight}; font-style: ${style}; }`;
  const stand = '<p class="stand">Stand: 01.11.2026</p>';
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Überleitung: Ayşe Müller</title><style>
${face('Roboto-Regular.ttf', 400, 'normal')}
${face('Roboto-Medium.ttf', 700, 'normal')}
${face('Roboto-Italic.ttf', 400, 'italic')}
@page { size: A4; margin: 15mm 20mm 12mm 25mm; }
body { font-family: Roboto; font-size: 10pt; line-height: 1.35; margin: 0; }
header { text-align: right; font-weight: 700; font-size: 11pt; margin-bottom: 18mm; }
.head { display: flex; justify-content: space-between; min-height: 45mm; }
.sender { font-size: 7pt; border-bottom: 0.5pt solid #000; margin-bottom: 2mm; }
.reference th { font-weight: 400; padding-right: 4mm; }
h1 { font-size: 11pt; margin: 8mm 0 6mm; }
h2 { font-size: 10pt; margin: 5mm 0 1mm; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; font-weight: 400; width: 60mm; vertical-align: top; }
td { vertical-align: top; }
p { margin: 0 0 3mm; }
.stand { font-size: 8pt; color: #444; }
.next { break-before: page; }
footer { position: fixed; bottom: 0; left: 0; right: 0; font-size: 7pt; display: flex; gap: 8mm; border-top: 0.5pt solid #000; padding-top: 2mm; }
</style></head><body>
<header>Kreis Düren<br>Kommunales Integrationszentrum</header>
<div class="head">
<div><div class="sender">Kreis Düren · Postfach · 52348 Düren</div>Volkshochschule Rur-Eifel<br>Kölnstraße 10<br>52351 Düren</div>
<table class="reference" style="width: auto">${rows([
    ['Unser Zeichen', 'KI-2026-0815'],
    ['Ansprechpartner/-in', 'Erika Mustermann'],
    ['Zimmer', 'Zimmer 68 (Haus A)'],
    ['Telefon', '02421 22-1234'],
    ['E-Mail', 'erika.mustermann@example.org'],
    ['Datum', '25.11.2026'],
  ]).replace('<table>', '')}
</div>
<h1>Überleitung: Ayşe Müller</h1>
<p>Sehr geehrte Damen und Herren,</p>
<p>wir möchten Ihnen die unten genannte Person vorstellen und bitten Sie, sie bei dem beschriebenen Anliegen zu unterstützen.</p>
${stand}
<h2>Zur Person</h2>${rows([
    ['Name', 'Ayşe Müller'],
    ['Geburtsdatum', '12.03.1990'],
    ['Anschrift', 'Hauptstraße 5, 52349 Düren'],
    ['Erreichbarkeit', 'Tel. 0176 1234567'],
    ['Sprachen', 'Türkisch'],
  ])}
<h2>Aufenthalt</h2>${rows([
    ['Aufenthaltsstatus', 'Duldung (§ 60a AufenthG)'],
    ['Gültig bis', '15.02.2027'],
  ])}
<h2>Anliegen</h2>${rows([['Beratungsfeld', 'Anerkennung ausländischer Abschlüsse, Zugang zu Sprach- und Integrationskursen']])}
<h2>Anlass</h2><p>${REFERRAL_TEXT.reason}</p>
<h2>Bitte / Ziel</h2><p>${REFERRAL_TEXT.request}</p>
<section class="next">
<p>Ayşe Müller · geb. 12.03.1990 · Az. KI-2026-0815</p>
<h2>Datenschutz</h2><h2>Hinweis zum Datenschutz</h2>
<p>Die übermittelten Angaben sind Sozialdaten (§ 35 SGB I, §§ 67 ff. SGB X). Sie dürfen sie nur für den genannten Zweck verarbeiten (§ 78 SGB X) und
müssen sie ebenso vertraulich behandeln wie wir. Bitte geben Sie die Angaben nicht an Dritte weiter und löschen Sie sie, sobald Sie sie für diesen Zweck
nicht mehr benötigen. Die Person kann ihre Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen; über einen Widerruf informieren wir Sie.</p>
${stand}
<h2>Rückfragen</h2>${rows([
    ['Ansprechperson', 'Erika Mustermann'],
    ['Telefon', '02421 22-1234'],
    ['E-Mail', 'erika.mustermann@example.org'],
  ])}
<p style="margin-top: 6mm">Mit freundlichen Grüßen</p><p style="margin-top: 12mm">Erika Mustermann<br>Teamleitung</p>
</section>
<footer><div>Überleitung an einen Partner · Stand 01.11.2026<br>Kreis Düren<br>Kommunales Integrationszentrum</div>
<div>Bismarckstr. 16<br>52351 Düren<br>Zimmer 68 (Haus A)</div><div>Sprechzeiten<br>Mo–Do 8–16 Uhr, Fr 8–13 Uhr</div>
<div>Telefon 02421 22-1234<br>E-Mail ki@kreis-dueren.de</div></footer>
</body></html>`;
}

export async function letterFigures(core: Core): Promise<{ figures: Figure[]; raw: Record<string, unknown> }> {
  const runs = count(200, 20);
  const letter = await finalReferral(core);
  const render = () => callOk<RenderedPdf>(core, 'documents.render', { id: letter.id });
  const first = await render();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-bench-letter-'));
  const htmlFile = path.join(dir, 'letter.html');
  fs.writeFileSync(htmlFile, letterHtml());
  fs.writeFileSync(path.join(dir, 'lotse-letter.pdf'), Buffer.from(first.pdfBase64, 'base64'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(`file://${htmlFile}`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const cdp = await page.context().newCDPSession(page);
    const print = async () => {
      const { data } = (await cdp.send('Page.printToPDF', { paperWidth: 8.27, paperHeight: 11.69, preferCSSPageSize: true })) as { data: string };
      return data;
    };
    const chromiumPdf = Buffer.from(await print(), 'base64');
    const chromiumPdfFile = path.join(dir, 'chromium-letter.pdf');
    fs.writeFileSync(chromiumPdfFile, chromiumPdf);
    const chromiumPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [chromiumPdfFile], { encoding: 'utf8' }))?.[1]);

    // Warm both: the first runs parse fonts and fill caches (not counted).
    for (let index = 0; index < 5; index += 1) {
      await render();
      await print();
    }
    // BENCH_PROFILE=FILE: a V8 CPU profile of the measured renders only (read it with `node bench/top.mjs FILE`).
    const profiler = process.env.BENCH_PROFILE ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    const chromiumCpuBefore = childrenCpuMs();
    const lotseWall: number[] = [];
    const lotseCpu: number[] = [];
    const chromiumWall: number[] = [];
    for (let index = 0; index < runs; index += 1) {
      const lotse = await timed(render);
      lotseWall.push(lotse.wallMs);
      lotseCpu.push(lotse.cpuMs);
      chromiumWall.push((await timed(print)).wallMs);
    }
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      fs.writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
      profiler.disconnect();
    }
    // Chromium's CPU can only be read per process from /proc (in clock ticks): the average over all runs, one sample.
    const chromiumCpuPerLetter = (childrenCpuMs() - chromiumCpuBefore) / runs;
    const ratios = lotseWall.map((wall, index) => wall / chromiumWall[index]!);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const medianRatio = median(lotseWall) / median(chromiumWall);
    const pages = `${first.pages} pages, ${Math.round(first.pdfBase64.length * 0.75) / 1000} kB; Chromium ${chromiumPages} pages, ${chromiumPdf.length / 1000} kB`;
    return {
      figures: [
        { figure: 'referral letter (2 pages), documents.render, wall', unit: 'ms', samples: lotseWall, goal: 'informs (ratio below)', note: pages },
        { figure: 'referral letter, CPU per letter', unit: 'ms', samples: lotseCpu, goal: '≤ 15 ms CPU', check: { stat: 'median', limit: 15 } },
        { figure: 'Chromium Page.printToPDF, same letter, warm page, wall', unit: 'ms', samples: chromiumWall, goal: 'informs (ratio below)' },
        {
          figure: 'Chromium CPU per letter (all its processes, mean of the runs)',
          unit: 'ms',
          samples: [chromiumCpuPerLetter],
          goal: 'informs',
          note: `Lotse CPU / Chromium CPU: ${(lotseCpu.reduce((sum, value) => sum + value, 0) / runs / chromiumCpuPerLetter).toFixed(2)}`,
        },
        {
          figure: 'ratio Lotse / Chromium (per interleaved pair)',
          unit: 'ratio',
          samples: ratios,
          goal: '≤ 0.25',
          check: { stat: 'median', limit: 0.25 },
          note: `ratio of the medians: ${medianRatio.toFixed(2)}`,
        },
      ],
      raw: { pages, medianRatio, chromiumCpuPerLetter },
    };
  } finally {
    await browser.close();
    // BENCH_KEEP_LETTER=1 keeps both PDFs and the HTML, to compare them.
    if (process.env.BENCH_KEEP_LETTER === '1') console.log(`\nletter files kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}
