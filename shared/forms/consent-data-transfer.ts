import type { FormDefinitionSource } from './definition';
import { consentDataTransferTranslations } from './translations/consent-data-transfer';

/** Date of the legal state the wording below describes (⚖, DOMAIN.md). */
const STAND = '2026-11-01';

/**
 * Written consent to pass a client's data to named agencies (DOMAIN.md,
 * „Consent and data protection“ and built-in form 3). Every legal element is
 * a text block with its Stand. Finalizing records the consent
 * (`consent-record`) from `recipients`, `purposes`, `dataCategories`,
 * `healthData`, `exchange`, `validUntil`, `explainedIn` and `interpreter`.
 */
export const consentDataTransfer: FormDefinitionSource = {
  id: 'consent-data-transfer',
  version: 1,
  title: 'Einwilligung in die Übermittlung personenbezogener Daten',
  description:
    'Schriftliche Einwilligung der Klientin oder des Klienten, dass bestimmte Daten zu einem bestimmten Zweck an die genannten Stellen gehen dürfen.',
  layout: 'form',
  recipient: 'none',
  effect: 'consent-record',
  sections: [
    {
      id: 'controller',
      title: 'Verantwortliche Stelle',
      fields: [
        {
          id: 'controllerText',
          type: 'block',
          label: 'Verantwortlich',
          text: 'Verantwortlich für die Verarbeitung Ihrer Daten ist: {{settings.office.organization}}, {{settings.office.department}}, {{settings.office.addressLine}}.',
          stand: STAND,
        },
        {
          id: 'dataProtectionOfficerText',
          type: 'block',
          label: 'Datenschutzbeauftragte',
          text: 'Die oder den behördlichen Datenschutzbeauftragten erreichen Sie unter der Anschrift der verantwortlichen Stelle mit dem Zusatz „Datenschutzbeauftragte/r“.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'person',
      title: 'Betroffene Person',
      fields: [
        { id: 'clientName', type: 'text', label: 'Name', required: true, max: 200, prefill: 'client.fullName', personal: 'identity' },
        {
          id: 'nameInOwnScript',
          type: 'text',
          label: 'Name in eigener Schrift',
          help: 'Vorbelegt aus den weiteren Namen des Datensatzes, die nicht in lateinischer Schrift geschrieben sind; leer lassen, wenn die Person ihn selbst einträgt.',
          max: 200,
          prefill: 'client.nameInOwnScript',
          personal: 'identity',
        },
        { id: 'birthDate', type: 'date', label: 'Geburtsdatum', prefill: 'client.birthDate', personal: 'identity' },
        { id: 'address', type: 'text', label: 'Anschrift', max: 300, prefill: 'client.addressLine', personal: 'contact' },
        {
          id: 'legalRepresentative',
          type: 'text',
          label: 'Gesetzliche Vertretung',
          help: 'Nur bei Minderjährigen oder bei rechtlicher Betreuung: Name und Anschrift der Vertretung.',
          max: 300,
          personal: 'identity',
        },
      ],
    },
    {
      id: 'consentScope',
      title: 'Einwilligung',
      fields: [
        {
          id: 'consentIntro',
          type: 'block',
          label: 'Erklärung',
          text:
            'Ich willige ein, dass die verantwortliche Stelle die unten angekreuzten Daten zu dem unten genannten Zweck an jede der unten genannten Stellen übermittelt (Art. 6 Abs. 1 Buchst. a, Art. 7 DSGVO, § 67b Abs. 2 SGB X). ' +
            'An andere Stellen und für andere Zwecke werden keine Daten übermittelt. Stellen, an die keine Daten gehen sollen, sind vor der Unterschrift zu streichen.',
          stand: STAND,
        },
        {
          id: 'recipients',
          type: 'lines',
          label: 'Empfänger',
          help: 'Jede Stelle einzeln, mit Namen und möglichst Abteilung; Stellen aus dem Netzwerk werden vorgeschlagen.',
          required: true,
          maxRows: 20,
          columns: [{ id: 'name', type: 'text', label: 'Stelle', required: true, max: 200 }],
        },
        {
          id: 'purposes',
          type: 'lines',
          label: 'Zweck',
          help: 'Wofür die Daten übermittelt werden, z. B. „Beratung zur Anerkennung des Abschlusses als Pflegefachkraft“.',
          required: true,
          maxRows: 10,
          columns: [{ id: 'purpose', type: 'text', label: 'Zweck', required: true, max: 500 }],
        },
      ],
    },
    {
      id: 'dataScope',
      title: 'Daten',
      fields: [
        {
          id: 'dataCategories',
          type: 'multiselect',
          label: 'Daten',
          help: 'Nur die Daten, die die Stellen für den Zweck brauchen.',
          required: true,
          options: [
            { value: 'identity', label: 'Personalien (Name, Geburtsdatum, Staatsangehörigkeit)' },
            { value: 'contact', label: 'Kontaktdaten (Anschrift, Telefon, E-Mail)' },
            { value: 'residence', label: 'Aufenthaltsstatus' },
            { value: 'language-education', label: 'Sprachkenntnisse, Schul- und Berufsbildung, Abschlüsse' },
            { value: 'benefits', label: 'Bezug von Sozialleistungen' },
            { value: 'counseling', label: 'Beratungsanliegen und bisherige Schritte' },
          ],
        },
        {
          id: 'healthData',
          type: 'checkbox',
          label: 'Gesundheitsdaten',
          help: 'Gesundheitsdaten sind besonders geschützt (Art. 9 DSGVO) und brauchen eine eigene, ausdrückliche Einwilligung.',
        },
        {
          id: 'healthDataDetails',
          type: 'text',
          label: 'Welche Gesundheitsdaten',
          max: 500,
          required: true,
          showIf: { field: 'healthData', equals: true },
          personal: 'health',
        },
        {
          id: 'healthDataText',
          type: 'block',
          label: 'Gesundheitsdaten',
          text: 'Ich willige ausdrücklich auch in die Übermittlung der folgenden Gesundheitsdaten ein (Art. 9 Abs. 2 Buchst. a DSGVO): {{healthDataDetails}}.',
          stand: STAND,
          showIf: { field: 'healthData', equals: true },
        },
        {
          id: 'exchange',
          type: 'select',
          label: 'Datenaustausch',
          required: true,
          options: [
            { value: 'one-way', label: 'einseitig (nur an die Empfänger)' },
            { value: 'mutual', label: 'gegenseitig (in beide Richtungen)' },
          ],
        },
        {
          id: 'mutualText',
          type: 'block',
          label: 'Gegenseitiger Austausch',
          text: 'Die genannten Stellen dürfen der verantwortlichen Stelle ihrerseits Daten der angekreuzten Arten mitteilen, soweit das für den genannten Zweck nötig ist, insbesondere ob und mit welchem Ergebnis ich ihr Angebot wahrgenommen habe.',
          stand: STAND,
          showIf: { field: 'exchange', equals: 'mutual' },
        },
      ],
    },
    {
      id: 'validity',
      title: 'Gültigkeit',
      fields: [
        {
          id: 'validUntil',
          type: 'date',
          label: 'Gültig bis',
          help: 'Empfohlen: das voraussichtliche Ende der Beratung. Leer: gilt bis zum Widerruf.',
        },
        {
          id: 'validityText',
          type: 'block',
          label: 'Dauer',
          text: 'Die Einwilligung gilt ab der Unterschrift bis zu dem oben genannten Datum. Ist kein Datum angegeben, gilt sie bis zu ihrem Widerruf.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'information',
      title: 'Hinweise',
      fields: [
        {
          id: 'voluntaryText',
          type: 'block',
          label: 'Freiwilligkeit',
          text:
            'Die Einwilligung ist freiwillig. Wenn Sie nicht einwilligen oder die Einwilligung später widerrufen, entstehen Ihnen keine Nachteile: ' +
            'Ihre Sozialleistungen (z. B. Leistungen nach dem SGB II) und unsere Beratung bleiben davon unberührt. Wir können die genannten Stellen dann nur nicht selbst einbeziehen.',
          stand: STAND,
        },
        {
          id: 'revocationText',
          type: 'block',
          label: 'Widerruf',
          text:
            'Sie können die Einwilligung jederzeit ohne Angabe von Gründen ganz oder für einzelne Stellen mit Wirkung für die Zukunft widerrufen (Art. 7 Abs. 3 DSGVO). ' +
            'Die bis dahin erfolgte Übermittlung bleibt rechtmäßig. Der Widerruf ist formlos möglich, mündlich oder schriftlich, bei Ihrer Beraterin oder Ihrem Berater ({{settings.counselor.name}}) oder bei {{settings.office.organization}}, {{settings.office.department}}, {{settings.office.addressLine}}. ' +
            'Wir teilen den Widerruf den Stellen mit, die bereits Daten erhalten haben.',
          stand: STAND,
        },
        {
          id: 'retentionText',
          type: 'block',
          label: 'Speicherdauer',
          text:
            'Wir bewahren diese Erklärung als Nachweis auf, solange wir die Daten speichern, auf die sie sich bezieht. Ihre Daten löschen wir, sobald sie für die Beratung nicht mehr erforderlich sind (Art. 17 DSGVO, § 84 SGB X). ' +
            'Die Empfänger dürfen die Daten nur für den genannten Zweck verwenden (§ 78 SGB X) und müssen sie löschen, wenn sie sie dafür nicht mehr brauchen.',
          stand: STAND,
        },
        {
          id: 'rightsText',
          type: 'block',
          label: 'Ihre Rechte',
          text:
            'Sie haben das Recht auf Auskunft über Ihre Daten (Art. 15 DSGVO), auf Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21 DSGVO), jeweils nach Maßgabe der §§ 82 bis 84 SGB X. ' +
            'Sie können sich außerdem bei der Aufsichtsbehörde beschweren (Art. 77 DSGVO): Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, poststelle@ldi.nrw.de.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'language',
      title: 'Sprache',
      fields: [
        {
          id: 'explainedIn',
          type: 'text',
          label: 'Erklärt in',
          help: 'Die Sprache, in der die Erklärung erklärt wurde (vorbelegt mit allen Sprachen der Person: bitte kürzen).',
          max: 100,
          prefill: 'client.languages',
          personal: 'language-education',
        },
        {
          id: 'interpreter',
          type: 'text',
          label: 'Dolmetschung durch',
          help: 'Name und gegebenenfalls Organisation; leer, wenn ohne Dolmetschung erklärt.',
          max: 200,
        },
        {
          id: 'languageText',
          type: 'block',
          label: 'Verständnis',
          text: 'Der Inhalt dieser Erklärung wurde mir in der oben genannten Sprache erklärt, gegebenenfalls mit Hilfe der genannten Dolmetscherin oder des genannten Dolmetschers. Ich habe ihn verstanden und konnte Fragen stellen.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'signing',
      title: 'Unterschriften',
      fields: [
        {
          id: 'signatures',
          type: 'signature',
          label: 'Unterschriften',
          signers: ['Betroffene Person', 'Gesetzliche Vertretung (falls vorhanden)', 'Beratungsfachkraft'],
        },
        { id: 'copyHandedOver', type: 'checkbox', label: 'Kopie ausgehändigt' },
      ],
    },
  ],
  translations: consentDataTransferTranslations,
};
