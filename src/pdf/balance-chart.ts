// The balance-over-time chart of an account, drawn with vector paths from its daily
// `historical_balances`: a line of the end-of-day balance, the area under it lightly shaded,
// horizontal grid lines at round amounts, a dashed zero line when the balance crosses zero, and
// the first, middle and last dates along the bottom.

import { axisMoneyText } from './format.js';
import { INK, MUTED, RULE, type Box, type PdfKitDocument } from './pdf-document.js';

export interface BalancePoint {
  /** `YYYY-MM-DD`. */
  date: string;
  balance: number;
}

const AXIS_WIDTH = 46;
const DATE_BAND = 14;
const LINE = '#1f5fa8';

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Round step of about a quarter of `span`: 1, 2, 2.5 or 5 × a power of ten. */
export function niceStep(span: number): number {
  const rough = span / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** The y-axis range and ticks for a set of balances. */
export function balanceScale(values: readonly number[]): { low: number; high: number; ticks: number[] } {
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (max - min < 0.01) {
    const pad = Math.max(Math.abs(max) * 0.1, 100);
    min -= pad;
    max += pad;
  }
  const step = niceStep(max - min);
  const low = Math.floor(min / step) * step;
  const high = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let tick = low; tick <= high + step / 1000; tick += step) ticks.push(Math.round(tick * 100) / 100);
  return { low, high, ticks };
}

/** Draws the chart into `box`; `points` oldest first. Draws a note instead when there is nothing to plot. */
export function drawBalanceChart(doc: PdfKitDocument, box: Box, points: readonly BalancePoint[]): void {
  const plot = { x: box.x + AXIS_WIDTH, y: box.y + 4, width: box.width - AXIS_WIDTH - 6, height: box.height - DATE_BAND - 8 };
  doc.rect(plot.x, plot.y, plot.width, plot.height).lineWidth(0.5).strokeColor(RULE).stroke();
  if (points.length === 0) {
    doc.font('Helvetica-Oblique').fontSize(8).fillColor(MUTED).text('No daily balances for this account.', plot.x, plot.y + plot.height / 2 - 4, {
      width: plot.width,
      align: 'center',
      lineBreak: false,
    });
    return;
  }

  const { low, high, ticks } = balanceScale(points.map((p) => p.balance));
  const first = dayNumber(points[0].date);
  const days = Math.max(1, dayNumber(points[points.length - 1].date) - first);
  const xOf = (date: string) => plot.x + ((dayNumber(date) - first) / days) * plot.width;
  const yOf = (value: number) => plot.y + plot.height - ((value - low) / (high - low)) * plot.height;

  doc.font('Helvetica').fontSize(6.5);
  for (const tick of ticks) {
    const y = yOf(tick);
    doc.moveTo(plot.x, y).lineTo(plot.x + plot.width, y).lineWidth(0.25).strokeColor('#e2e2e2').stroke();
    doc.fillColor(MUTED).text(axisMoneyText(tick), box.x, y - 3, { width: AXIS_WIDTH - 4, align: 'right', lineBreak: false });
  }
  if (low < 0 && high > 0) {
    doc.moveTo(plot.x, yOf(0)).lineTo(plot.x + plot.width, yOf(0)).lineWidth(0.6).dash(3, { space: 2 }).strokeColor(MUTED).stroke().undash();
  }

  // Area under the line, then the line itself.
  const base = yOf(Math.max(low, Math.min(0, high)));
  doc.moveTo(xOf(points[0].date), base);
  for (const p of points) doc.lineTo(xOf(p.date), yOf(p.balance));
  doc.lineTo(xOf(points[points.length - 1].date), base).closePath().fillColor(LINE).fillOpacity(0.08).fill();
  doc.fillOpacity(1);
  doc.moveTo(xOf(points[0].date), yOf(points[0].balance));
  for (const p of points.slice(1)) doc.lineTo(xOf(p.date), yOf(p.balance));
  doc.lineWidth(1).lineJoin('round').strokeColor(LINE).stroke();

  const labelY = plot.y + plot.height + 4;
  const middle = points[Math.floor((points.length - 1) / 2)];
  doc.fillColor(INK).fontSize(6.5);
  doc.text(points[0].date, plot.x, labelY, { width: 80, lineBreak: false });
  doc.text(middle.date, plot.x + plot.width / 2 - 40, labelY, { width: 80, align: 'center', lineBreak: false });
  doc.text(points[points.length - 1].date, plot.x + plot.width - 80, labelY, { width: 80, align: 'right', lineBreak: false });
}
