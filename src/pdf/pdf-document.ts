// A small layout layer over pdfkit for report PDFs: a US Letter document with headings, label/value
// grids, tables that break across pages with their header repeated, boxes for charts, and a
// "Page i of n" footer on every page.
//
// Determinism: the same input gives the same bytes. pdfkit stamps `CreationDate` (from its own
// clock) into the Info dictionary and derives the trailer's file `ID` from an MD5 of the Info
// entries; both are set here from the report's generated time, so no clock and no randomness
// reach the file. Only the standard (non-embedded) fonts are used, so no subset tags either.

import PDFDocument from 'pdfkit';
import { printable } from './format.js';

export type PdfKitDocument = PDFKit.PDFDocument;

export interface PdfMeta {
  title: string;
  subject: string;
  /** ISO instant the document is dated: the report's generated time. */
  generatedAt: string;
  /** Left part of every page's footer. */
  footer: string;
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const MARGIN = 50;
const FOOTER_GAP = 28;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const OBLIQUE = 'Helvetica-Oblique';
export const INK = '#1a1a1a';
export const MUTED = '#666666';
export const RULE = '#bbbbbb';

export class PdfWriter {
  readonly doc: PdfKitDocument;
  readonly left = MARGIN;
  readonly width: number;
  private readonly meta: PdfMeta;

  constructor(meta: PdfMeta) {
    this.meta = meta;
    const dated = new Date(Date.parse(meta.generatedAt));
    this.doc = new PDFDocument({
      size: 'LETTER',
      margin: MARGIN,
      bufferPages: true,
      info: {
        Title: printable(meta.title),
        Subject: printable(meta.subject),
        Author: 'opencheck (Sandbox)',
        Creator: 'opencheck',
        Producer: 'opencheck with PDFKit',
        CreationDate: dated,
        ModDate: dated,
      },
    });
    this.width = this.doc.page.width - 2 * MARGIN;
    this.doc.font(FONT).fillColor(INK);
  }

  get y(): number {
    return this.doc.y;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = MARGIN;
  }

  space(points = 8): void {
    this.doc.y += points;
  }

  title(text: string, subtitle: string): void {
    this.doc.font(BOLD).fontSize(20).fillColor(INK).text(printable(text), this.left, this.doc.y, { width: this.width });
    this.doc.font(FONT).fontSize(9).fillColor(MUTED).text(printable(subtitle), { width: this.width });
    this.doc.fillColor(INK);
    this.space(10);
  }

  heading(text: string): void {
    this.ensureSpace(60);
    this.space(6);
    this.doc.font(BOLD).fontSize(13).fillColor(INK).text(printable(text), this.left, this.doc.y, { width: this.width });
    const y = this.doc.y + 2;
    this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.75).strokeColor(RULE).stroke();
    this.doc.y = y + 6;
  }

  subheading(text: string): void {
    this.ensureSpace(40);
    this.space(4);
    this.doc.font(BOLD).fontSize(10).fillColor(INK).text(printable(text), this.left, this.doc.y, { width: this.width });
    this.space(2);
  }

  paragraph(text: string, options: { size?: number; muted?: boolean; italic?: boolean } = {}): void {
    const size = options.size ?? 9;
    this.doc.font(options.italic ? OBLIQUE : FONT).fontSize(size).fillColor(options.muted ? MUTED : INK);
    this.ensureSpace(this.doc.heightOfString(printable(text), { width: this.width }));
    this.doc.text(printable(text), this.left, this.doc.y, { width: this.width });
    this.doc.fillColor(INK);
    this.space(3);
  }

  /** A grid of `label: value` pairs, `columns` pairs per row. */
  fields(rows: ReadonlyArray<readonly [string, string]>, columns = 2): void {
    const cell = this.width / columns;
    const labelWidth = Math.min(105, cell * 0.42);
    for (let i = 0; i < rows.length; i += columns) {
      const line = rows.slice(i, i + columns);
      this.doc.fontSize(9);
      const height = Math.max(
        12,
        ...line.map(([, value]) => this.doc.font(FONT).heightOfString(printable(value), { width: cell - labelWidth - 6 }) + 2),
      );
      this.ensureSpace(height);
      const y = this.doc.y;
      line.forEach(([label, value], c) => {
        const x = this.left + c * cell;
        this.doc.font(BOLD).fillColor(MUTED).text(printable(label), x, y, { width: labelWidth - 4, lineBreak: false });
        this.doc.font(FONT).fillColor(INK).text(printable(value), x + labelWidth, y, { width: cell - labelWidth - 6 });
      });
      this.doc.y = y + height;
    }
    this.doc.x = this.left;
    this.space(4);
  }

  /** A table of single-line cells; long cells are cut with "...". Breaks across pages, repeating its header. */
  table(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>, options: { size?: number } = {}): void {
    const size = options.size ?? 8;
    const rowHeight = size + 5;
    const scale = this.width / columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => c.width * scale);
    const header = () => {
      this.ensureSpace(rowHeight * 2);
      const y = this.doc.y;
      this.doc.rect(this.left, y, this.width, rowHeight).fillColor('#eeeeee').fill();
      this.doc.font(BOLD).fontSize(size).fillColor(INK);
      this.row(columns, widths, columns.map((c) => c.header), y);
      this.doc.y = y + rowHeight;
    };
    header();
    this.doc.font(FONT).fontSize(size);
    for (const cells of rows) {
      if (this.doc.y + rowHeight > this.bottom) {
        this.newPage();
        header();
        this.doc.font(FONT).fontSize(size);
      }
      const y = this.doc.y;
      this.row(columns, widths, cells, y);
      this.doc.moveTo(this.left, y + rowHeight - 1).lineTo(this.left + this.width, y + rowHeight - 1).lineWidth(0.25).strokeColor('#dddddd').stroke();
      this.doc.y = y + rowHeight;
    }
    this.doc.x = this.left;
    this.space(6);
  }

  private row(columns: readonly Column[], widths: readonly number[], cells: readonly string[], y: number): void {
    let x = this.left;
    columns.forEach((column, i) => {
      const width = widths[i] - 4;
      // Fitted with a little slack: pdfkit's line wrapper measures a hair wider than widthOfString.
      this.doc.fillColor(INK).text(this.fit(printable(cells[i] ?? ''), width - 2), x + 2, y + 2, { width, align: column.align ?? 'left', lineBreak: false });
      x += widths[i];
    });
  }

  /** Cuts text to fit `width` at the current font and size. */
  private fit(text: string, width: number): string {
    if (this.doc.widthOfString(text) <= width) return text;
    let low = 0;
    let high = text.length;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.doc.widthOfString(`${text.slice(0, mid)}...`) <= width) low = mid;
      else high = mid - 1;
    }
    return `${text.slice(0, low)}...`;
  }

  /** Reserves a box of `height` points across the content width and lets `draw` paint it. */
  box(height: number, draw: (doc: PdfKitDocument, box: Box) => void): void {
    this.ensureSpace(height);
    const box = { x: this.left, y: this.doc.y, width: this.width, height };
    this.doc.save();
    draw(this.doc, box);
    this.doc.restore();
    this.doc.font(FONT).fillColor(INK);
    this.doc.x = this.left;
    this.doc.y = box.y + height;
    this.space(6);
  }

  /** Adds the footers and returns the finished file. */
  finish(): Buffer {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottomMargin = this.doc.page.margins.bottom;
      // Text below the bottom margin would otherwise start a new page.
      this.doc.page.margins.bottom = 0;
      const y = this.doc.page.height - FOOTER_GAP;
      this.doc.font(FONT).fontSize(7).fillColor(MUTED);
      this.doc.text(printable(this.meta.footer), this.left, y, { width: this.width * 0.75, lineBreak: false });
      this.doc.text(`Page ${i + 1} of ${range.count}`, this.left + this.width * 0.75, y, { width: this.width * 0.25, align: 'right', lineBreak: false });
      this.doc.page.margins.bottom = bottomMargin;
    }
    this.doc.end();
    // With every page buffered, end() pushes the whole file synchronously; read it back.
    const chunks: Buffer[] = [];
    for (let chunk = this.doc.read() as Buffer | null; chunk !== null; chunk = this.doc.read() as Buffer | null) chunks.push(chunk);
    const file = Buffer.concat(chunks);
    if (!file.subarray(-8).toString('latin1').includes('%%EOF')) throw new Error('pdfkit did not finish the document synchronously');
    return file;
  }
}
