// How values are written in report PDFs. Written by hand rather than with Intl so that the bytes
// of a PDF never depend on the machine's locale or ICU data.

/** Cents of a decimal amount (amounts in reports have at most two places). */
export function centsOf(amount: number): number {
  return Math.round(amount * 100);
}

/** `1234567` → `"12,345.67"`; always two places, sign in front. */
export function decimalText(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.round(cents));
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Money in a currency: `$1,234.56` / `-$12.00` for USD, `1,234.56 CAD` otherwise. */
export function moneyText(amount: number | null | undefined, currency: string | null = 'USD'): string {
  if (amount === null || amount === undefined) return 'n/a';
  const cents = centsOf(amount);
  if (currency === 'USD' || currency === null) {
    const text = decimalText(Math.abs(cents));
    return `${cents < 0 ? '-' : ''}$${text}`;
  }
  return `${decimalText(cents)} ${currency}`;
}

/** Money from cents. */
export function centsText(cents: number, currency: string | null = 'USD'): string {
  return moneyText(cents / 100, currency);
}

/** A compact axis label: `$12.3k`, `-$1.2M`, `$950`. */
export function axisMoneyText(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (abs >= 1_000_000) return `${sign}$${trim(abs / 1_000_000)}M`;
  if (abs >= 1_000) return `${sign}$${trim(abs / 1_000)}k`;
  return `${sign}$${trim(abs)}`;
}

function trim(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

/** `2026-08-23T12:00:00.000Z` → `2026-08-23 12:00 UTC`. */
export function instantText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Counts with a noun: `1 deposit`, `3 deposits`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// WinAnsi (the encoding of the PDF standard fonts) covers Latin-1 and a few typographic marks;
// anything else would print as a wrong glyph, so it is replaced.
const WIN_ANSI_EXTRAS = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

/** Text the standard fonts can show: control characters become spaces, other unknown characters `?`. */
export function printable(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += ' ';
    else if (code <= 0xff || WIN_ANSI_EXTRAS.has(code)) out += ch;
    else out += '?';
  }
  return out;
}

/** An account's display name with its mask: `Plaid Checking (...0000)`. */
export function accountLabel(name: string, mask: string | null): string {
  return mask ? `${name} (...${mask})` : name;
}
