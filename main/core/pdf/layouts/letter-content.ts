import type { Content } from 'pdfmake/interfaces';
import type { PrintedTranslation } from '../printed-form';

/**
 * What a DIN 5008 letter says, already resolved to printable strings.
 * `printDocument` fills it (through `letterContent` in ../letter-assembly)
 * from the settings and the form's values; the layout decides only where
 * things go.
 */
export interface LetterContent {
  /** PDF metadata title, e.g. the subject. */
  title: string;
  /** The sending office: printed in the letterhead and footer. */
  sender: {
    organization: string;
    department: string;
    street: string;
    postalCode: string;
    city: string;
    room: string;
    phone: string;
    email: string;
    web: string;
    hours: string;
    /** Whom to ask at the office (footer); '' for none. */
    contact: string;
    /** Printed at the top right of page 1, within 40 × 20 mm; sizes in pixels, to keep its proportions. */
    logo: { dataUrl: string; width: number; height: number } | null;
  };
  /** One line for the Zusatz- und Vermerkzone, e.g. `Kreis Düren · Postfach · 52348 Düren`. */
  returnAddress: string;
  /** At most 6 lines for the Anschriftzone, top-down. */
  recipientLines: string[];
  /** Information block rows (label, value), printed from x 125 mm, top 50 mm; empty values are left out. */
  infoBlock: Array<{ label: string; value: string }>;
  subject: string;
  salutation: string;
  /**
   * Free text (blank lines separate paragraphs), or the body already laid
   * out as pdfmake content (a form's sections: paragraphs, label/value rows,
   * tables) for the text width of 165 mm. User strings only in `text` nodes.
   */
  body: string | Content[];
  closing: string;
  /** Name and title under the closing. */
  signature: string[];
  /** What goes with the letter ("Anlagen"), one entry each; none: no list. */
  attachments?: string[];
  /** Time the PDF is said to be created (drafts: now; final: finalization time). */
  creationDate: Date;
  author: string;
  /** PDF metadata keywords, comma-separated (default `Brief`). */
  keywords?: string;
  /** Small print identifying the document (form and Stand), in the footer of every page. */
  reference?: string;
  /** Whose letter it is, at the top of pages 2 and following with the subject and page number (e.g. name · geb. … · Az. …). */
  person?: string;
  /**
   * A translation printed with the German (binding) text: subject, greeting
   * and closing in the language under the German ones ('' where the
   * translation has none), the binding note under the subject and in the footer.
   */
  translation?: { printed: PrintedTranslation; subject: string; salutation: string; closing: string } | null;
}
