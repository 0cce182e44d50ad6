import type { BilingualLayout, DocumentListFilter, LanguageCode, LegalBasis, LotseDocument, ReferralStatus } from '../../../../shared/api/contract';
import type { TranslationReview } from '../../../../shared/forms/definition';
import type { Db } from '../open';
import { fullNameSql } from './person-name';

interface DocumentRow {
  id: string;
  template_id: string;
  template_version: number;
  template_title: string | null;
  client_id: string;
  client_name: string;
  partner_id: string | null;
  partner_name: string | null;
  contact_id: string | null;
  salutation_override: string | null;
  field_values: string;
  prefilled: string;
  status: LotseDocument['status'];
  created_at: string;
  updated_at: string;
  finalized_at: string | null;
  pdf_sha256: string | null;
  corrects_id: string | null;
  corrected_by_id: string | null;
  referral_status: ReferralStatus | null;
  follow_up_date: string | null;
  legal_basis: string | null;
  omitted_fields: string;
  consent_id: string | null;
  translation_language: LanguageCode | null;
  bilingual_layout: BilingualLayout;
  /** JSON `{ [language]: review | null }` of the template version's translations, or null without any. */
  translation_reviews: string | null;
  /** A final document's frozen review (JSON), or null. */
  frozen_review: string | null;
}

/** The title of the template version a document (under `alias`) was written with: an office edit of the title changes no old document. */
export function templateTitleSql(alias: string): string {
  return `(SELECT json_extract(t.definition, '$.title') FROM template_versions t
            WHERE t.template_id = ${alias}.template_id AND t.version = ${alias}.template_version)`;
}

/** The languages the template version of a document (under `alias`) has a translation in, each with its review state, as a JSON object. */
function translationReviewsSql(alias: string): string {
  return `(SELECT json_group_object(j.key, json_extract(j.value, '$.review')) FROM template_versions t, json_each(t.definition, '$.translations') j
            WHERE t.template_id = ${alias}.template_id AND t.version = ${alias}.template_version)`;
}

/** Documents with what lists show beside them: client, partner, template title, the correction that replaced one. */
const SELECT_DOCUMENTS = `
  SELECT d.id, d.template_id, d.template_version, d.client_id, d.partner_id, d.contact_id, d.salutation_override, d.field_values, d.prefilled, d.status,
         d.created_at, d.updated_at, d.finalized_at, d.pdf_sha256, d.corrects_id, d.referral_status, d.follow_up_date,
         d.legal_basis, d.omitted_fields, d.consent_id, d.translation_language, d.bilingual_layout,
         ${translationReviewsSql('d')} AS translation_reviews,
         CASE WHEN d.status = 'final' THEN json_extract(d.final_snapshot, '$.translation.review') END AS frozen_review,
         ${fullNameSql('c')} AS client_name,
         p.name AS partner_name,
         ${templateTitleSql('d')} AS template_title,
         (SELECT x.id FROM documents x WHERE x.corrects_id = d.id ORDER BY x.created_at DESC LIMIT 1) AS corrected_by_id
  FROM documents d
  JOIN clients c ON c.id = d.client_id
  LEFT JOIN partners p ON p.id = d.partner_id`;

function toDocument(row: DocumentRow): LotseDocument {
  const reviews = row.translation_reviews === null ? {} : (JSON.parse(row.translation_reviews) as Record<string, TranslationReview>);
  const language = row.translation_language;
  const review =
    row.status === 'final'
      ? row.frozen_review === null
        ? null
        : (JSON.parse(row.frozen_review) as TranslationReview)
      : language === null
        ? null
        : (reviews[language] ?? null);
  return {
    id: row.id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    templateTitle: row.template_title ?? row.template_id,
    clientId: row.client_id,
    clientName: row.client_name,
    partnerId: row.partner_id,
    partnerName: row.partner_name ?? '',
    contactId: row.contact_id,
    salutationOverride: row.salutation_override,
    values: JSON.parse(row.field_values) as Record<string, unknown>,
    prefilled: JSON.parse(row.prefilled) as string[],
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finalizedAt: row.finalized_at,
    sha256: row.pdf_sha256,
    correctsId: row.corrects_id,
    correctedById: row.corrected_by_id,
    referralStatus: row.referral_status,
    followUpDate: row.follow_up_date,
    legalBasis: row.legal_basis === null ? null : (JSON.parse(row.legal_basis) as LegalBasis),
    omittedFields: JSON.parse(row.omitted_fields) as string[],
    consentId: row.consent_id,
    translationLanguage: language,
    bilingualLayout: row.bilingual_layout,
    translationReview: review,
    translationsAvailable: Object.keys(reviews).sort() as LanguageCode[],
  };
}

export interface NewDocument {
  id: string;
  templateId: string;
  templateVersion: number;
  clientId: string;
  partnerId: string | null;
  contactId: string | null;
  salutationOverride: string | null;
  values: Record<string, unknown>;
  prefilled: string[];
  correctsId: string | null;
  /** The serial letter a letter was made by (documents.batch_id); left out: none. */
  batchId?: string | null;
  /** The language printed beside the German; left out: none. */
  translationLanguage?: LanguageCode | null;
  /** Left out: sequential. */
  bilingualLayout?: BilingualLayout;
}

export function insertDocument(db: Db, document: NewDocument, now: string): void {
  db.prepare(
    `INSERT INTO documents (id, template_id, template_version, client_id, partner_id, contact_id, salutation_override, field_values,
                            prefilled, status, corrects_id, created_at, updated_at, translation_language, bilingual_layout)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)`,
  ).run(
    document.id,
    document.templateId,
    document.templateVersion,
    document.clientId,
    document.partnerId,
    document.contactId,
    document.salutationOverride,
    JSON.stringify(document.values),
    JSON.stringify(document.prefilled),
    document.correctsId,
    now,
    now,
    document.translationLanguage ?? null,
    document.bilingualLayout ?? 'sequential',
  );
}

/** Changes a draft; a final document is never changed (returns false). */
export function updateDraft(
  db: Db,
  id: string,
  draft: {
    values: Record<string, unknown>;
    prefilled: string[];
    partnerId: string | null;
    contactId: string | null;
    salutationOverride: string | null;
    translationLanguage: LanguageCode | null;
    bilingualLayout: BilingualLayout;
  },
  now: string,
): boolean {
  return (
    db
      .prepare(
        `UPDATE documents SET field_values = ?, prefilled = ?, partner_id = ?, contact_id = ?, salutation_override = ?, translation_language = ?,
                              bilingual_layout = ?, updated_at = ?
         WHERE id = ? AND status = 'draft'`,
      )
      .run(
        JSON.stringify(draft.values),
        JSON.stringify(draft.prefilled),
        draft.partnerId,
        draft.contactId,
        draft.salutationOverride,
        draft.translationLanguage,
        draft.bilingualLayout,
        now,
        id,
      ).changes === 1
  );
}

export interface Finalization {
  values: Record<string, unknown>;
  finalizedAt: string;
  /** The final PDF's sha256; null when it is not rendered yet (a single document: kept after the commit, see recordFinalSha256). */
  sha256: string | null;
  snapshot: unknown;
  legalBasis: LegalBasis | null;
  omittedFields: string[];
  referralStatus: ReferralStatus | null;
  consentId: string | null;
}

/**
 * Draft → final, only if the draft is still the one that was rendered
 * (`updatedAt`): an autosave that slipped in between makes this return false.
 */
export function finalizeDraft(db: Db, id: string, updatedAt: string, final: Finalization): boolean {
  return (
    db
      .prepare(
        `UPDATE documents SET status = 'final', field_values = @values, finalized_at = @finalizedAt, pdf_sha256 = @sha256,
                final_snapshot = @snapshot, legal_basis = @legalBasis, omitted_fields = @omitted, referral_status = @referralStatus,
                consent_id = @consentId, updated_at = @finalizedAt
         WHERE id = @id AND status = 'draft' AND updated_at = @updatedAt`,
      )
      .run({
        id,
        updatedAt,
        values: JSON.stringify(final.values),
        finalizedAt: final.finalizedAt,
        sha256: final.sha256,
        snapshot: JSON.stringify(final.snapshot),
        legalBasis: final.legalBasis === null ? null : JSON.stringify(final.legalBasis),
        omitted: JSON.stringify(final.omittedFields),
        referralStatus: final.referralStatus,
        consentId: final.consentId,
      }).changes === 1
  );
}

/**
 * Keeps a final document's PDF sha256, once: rendered after finalizing (or
 * at its first render); a document that has one keeps it. Returns whether
 * this call stored it.
 */
export function recordFinalSha256(db: Db, id: string, sha256: string): boolean {
  return db.prepare("UPDATE documents SET pdf_sha256 = ? WHERE id = ? AND status = 'final' AND pdf_sha256 IS NULL").run(sha256, id).changes === 1;
}

/** A document that is final from the start (a letter of a serial letter): one insert, never a draft. */
export function insertFinalDocument(db: Db, document: NewDocument, final: Finalization): void {
  db.prepare(
    `INSERT INTO documents (id, template_id, template_version, client_id, partner_id, contact_id, salutation_override, field_values,
                            prefilled, status, corrects_id, created_at, updated_at, finalized_at, pdf_sha256, final_snapshot, legal_basis,
                            omitted_fields, referral_status, consent_id, batch_id)
     VALUES (@id, @templateId, @templateVersion, @clientId, @partnerId, @contactId, @salutationOverride, @values, @prefilled, 'final',
             @correctsId, @finalizedAt, @finalizedAt, @finalizedAt, @sha256, @snapshot, @legalBasis,
             @omitted, @referralStatus, @consentId, @batchId)`,
  ).run({
    id: document.id,
    templateId: document.templateId,
    templateVersion: document.templateVersion,
    clientId: document.clientId,
    partnerId: document.partnerId,
    contactId: document.contactId,
    salutationOverride: document.salutationOverride,
    values: JSON.stringify(final.values),
    prefilled: JSON.stringify(document.prefilled),
    correctsId: document.correctsId,
    finalizedAt: final.finalizedAt,
    sha256: final.sha256,
    // Already JSON where the caller serialized it once for rendering: the stored snapshot is the rendered one.
    snapshot: typeof final.snapshot === 'string' ? final.snapshot : JSON.stringify(final.snapshot),
    legalBasis: final.legalBasis === null ? null : JSON.stringify(final.legalBasis),
    omitted: JSON.stringify(final.omittedFields),
    referralStatus: final.referralStatus,
    consentId: final.consentId,
    batchId: document.batchId ?? null,
  });
}

export function finalSnapshot(db: Db, id: string): unknown {
  const snapshot = db.prepare('SELECT final_snapshot FROM documents WHERE id = ?').pluck().get(id) as string | null | undefined;
  return snapshot ? (JSON.parse(snapshot) as unknown) : null;
}

export function setReferralStatus(db: Db, id: string, status: ReferralStatus, followUpDate: string | null, now: string): void {
  db.prepare('UPDATE documents SET referral_status = ?, follow_up_date = ?, updated_at = ? WHERE id = ?').run(status, followUpDate, now, id);
}

export function deleteDraft(db: Db, id: string): boolean {
  return db.prepare(`DELETE FROM documents WHERE id = ? AND status = 'draft'`).run(id).changes === 1;
}

export function getDocument(db: Db, id: string): LotseDocument | undefined {
  const row = db.prepare(`${SELECT_DOCUMENTS} WHERE d.id = ?`).get(id) as DocumentRow | undefined;
  return row && toDocument(row);
}

/** Newest first; the letters of one serial letter in the order of the names (family name first), as a serial letter prints them. */
export function listDocuments(db: Db, filter: DocumentListFilter): LotseDocument[] {
  const rows = db
    .prepare(
      `${SELECT_DOCUMENTS}
       WHERE (@clientId IS NULL OR d.client_id = @clientId)
         AND (@partnerId IS NULL OR d.partner_id = @partnerId)
         AND (@templateId IS NULL OR d.template_id = @templateId)
         AND (@status IS NULL OR d.status = @status)
         AND (@referralStatus IS NULL OR d.referral_status = @referralStatus)
         AND (@from IS NULL OR date(d.created_at, 'localtime') >= @from)
         AND (@to IS NULL OR date(d.created_at, 'localtime') <= @to)
         AND (@batchId IS NULL OR d.batch_id = @batchId)
       ORDER BY ${filter.batchId === undefined ? 'd.created_at DESC, d.id' : 'c.family_name, c.given_name, d.id'}`,
    )
    .all({
      clientId: filter.clientId ?? null,
      partnerId: filter.partnerId ?? null,
      templateId: filter.templateId ?? null,
      status: filter.status ?? null,
      referralStatus: filter.referralStatus ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
      batchId: filter.batchId ?? null,
    }) as DocumentRow[];
  return rows.map(toDocument);
}

export interface BatchGroupRow {
  batchId: string;
  templateId: string;
  templateTitle: string;
  finalizedAt: string;
  count: number;
}

/** Every serial letter with letters still stored (an erased person's letter is gone), newest first, with how many are left. */
export function listBatchGroups(db: Db): BatchGroupRow[] {
  const rows = db
    .prepare(
      `SELECT d.batch_id AS batchId, min(d.template_id) AS templateId, min(${templateTitleSql('d')}) AS templateTitle,
              min(d.finalized_at) AS finalizedAt, count(*) AS count
       FROM documents d
       WHERE d.batch_id IS NOT NULL
       GROUP BY d.batch_id
       ORDER BY finalizedAt DESC, d.batch_id`,
    )
    .all() as Array<BatchGroupRow & { templateTitle: string | null }>;
  return rows.map((row) => ({ ...row, templateTitle: row.templateTitle ?? row.templateId }));
}
