// The header block every report PDF opens with: which report, for whom, when, and why it was
// obtained.

import { permissiblePurposeText } from './disclosures.js';
import { instantText } from './format.js';
import type { PdfWriter } from './pdf-document.js';

export interface ReportHeader {
  reportId: string;
  clientReportId: string | null;
  generatedAt: string;
  permissiblePurpose: string | null;
  userId: string;
  /** More short fields, in the two-column grid. */
  extra?: Array<[string, string]>;
  /** More long fields, one per line. */
  wide?: Array<[string, string]>;
}

export function writeReportHeader(pdf: PdfWriter, fields: ReportHeader): void {
  pdf.fields(
    [
      ['Report ID', fields.reportId],
      ['Client report ID', fields.clientReportId ?? 'None'],
      ['Generated', instantText(fields.generatedAt)],
      ['User ID', fields.userId],
      ...(fields.extra ?? []),
    ],
    2,
  );
  pdf.fields([...(fields.wide ?? []), ['Permissible purpose', permissiblePurposeText(fields.permissiblePurpose)]], 1);
}
