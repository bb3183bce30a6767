// Reading a rendered PDF back in tests: its text per page (pdf.js through unpdf), its Info and
// trailer entries, and whether poppler's pdftoppm can rasterise a page.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';

export interface PdfReading {
  pages: string[];
  /** The Info dictionary as pdf.js reads it (`CreationDate: 'D:20260823120000Z'`, `Title`, …). */
  info: Record<string, unknown>;
  /** The trailer's first file ID, hex. */
  fileId: string | null;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  const document = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(document, { mergePages: false });
  const info = ((await document.getMetadata()).info ?? {}) as Record<string, unknown>;
  const raw = Buffer.from(bytes).toString('latin1');
  const id = /\/ID \[<([0-9a-f]+)> <([0-9a-f]+)>\]/i.exec(raw);
  return { pages: text, info, fileId: id ? id[1] : null };
}

/** Renders page `page` with pdftoppm; returns the PNG bytes (throws with pdftoppm's stderr on failure). */
export function renderPage(bytes: Uint8Array, page = 1): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'opencheck-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    const result = spawnSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '40', '-png', '-singlefile', file, join(dir, 'page')], { encoding: 'utf8' });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`pdftoppm exited ${result.status}: ${result.stderr}`);
    return readFileSync(join(dir, 'page.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
