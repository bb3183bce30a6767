// Turns a bank's raw description into the canonical text the rules match on.
//
// Banks print the same purchase a dozen ways ("AMZN Mktp US*2K4LM1AB2
// Amzn.com/bill WA", "POS Debit - Visa Check Card 4321 - AMZN MKTP US*AB12C").
// Rules should not care, so every description is reduced to uppercase
// alphanumeric words separated by single spaces, with reference numbers,
// masked card numbers and store numbers removed. The result is padded with a
// space on each side so that a phrase can be found as a whole word with a
// plain `includes(' PHRASE ')`, which is far cheaper than a regex per rule.
//
// The rules, in the order a reader would apply them:
// - "EATSDebit" → "EATS Debit": some banks glue an uppercase merchant to a
//   capitalised boilerplate word (a run of 2+ capitals, then Capital+lower);
// - uppercase; apostrophes vanish ("MCDONALD'S" → "MCDONALDS");
// - "&" inside a word vanishes ("AT&T" → "ATT", "PG&E" → "PGE"); elsewhere it
//   reads "AND" ("STOP & SHOP" → "STOP AND SHOP");
// - anything else that is not an ASCII letter or digit separates words (bank
//   descriptions are ASCII; an accented letter is treated as punctuation);
// - letters and digits separate too ("F0123" → "F 0123", "AIR001234" → "AIR 001234");
// - numbers of 3+ digits (references, store numbers, dates, phone fragments)
//   and masks ("XXXXX") are dropped; short numbers stay ("7 ELEVEN").
//
// This runs once per transaction, so it is a single character scan rather
// than a chain of regular expressions (which cost about half of all enrichment time).

/** A normalised description: `text` is space-padded, `tokens` are its words. */
export interface NormalisedDescription {
  text: string;
  tokens: readonly string[];
}

const enum CharKind {
  Other,
  Upper,
  Lower,
  Digit,
  Apostrophe,
  Ampersand,
}

function kindOf(code: number): CharKind {
  if (code >= 65 && code <= 90) return CharKind.Upper;
  if (code >= 97 && code <= 122) return CharKind.Lower;
  if (code >= 48 && code <= 57) return CharKind.Digit;
  if (code === 39 || code === 96 || code === 0x2019) return CharKind.Apostrophe;
  if (code === 38) return CharKind.Ampersand;
  return CharKind.Other;
}

function isAlphanumeric(kind: CharKind): boolean {
  return kind === CharKind.Upper || kind === CharKind.Lower || kind === CharKind.Digit;
}

/** Digits-only of length 3+, or a mask of 2+ X's: not part of any name. */
function isNoise(token: string): boolean {
  const first = token.charCodeAt(0);
  if (first >= 48 && first <= 57) return token.length >= 3; // a letter-digit boundary splits, so all digits
  if (first !== 88 || token.length < 2) return false;
  for (let i = 1; i < token.length; i += 1) if (token.charCodeAt(i) !== 88) return false;
  return true;
}

export function normaliseDescription(raw: string): NormalisedDescription {
  const tokens: string[] = [];
  let token = ''; // completed pieces of the current word (apostrophes and inner "&" split pieces)
  let start = -1; // start of the current piece in `raw`, or -1 between words
  let previous: CharKind = CharKind.Other; // kind of the last letter/digit seen in this word

  const endWord = (end: number) => {
    if (start >= 0) token += raw.slice(start, end);
    token = token.toUpperCase();
    if (token !== '' && !isNoise(token)) tokens.push(token);
    token = '';
    start = -1;
  };

  for (let i = 0; i < raw.length; i += 1) {
    const kind = kindOf(raw.charCodeAt(i));
    if (kind === CharKind.Apostrophe) {
      if (start >= 0) {
        token += raw.slice(start, i);
        start = i + 1;
      }
      continue;
    }
    if (kind === CharKind.Ampersand) {
      // Apostrophes vanish, so "A&'B" still has "&" inside a word.
      let after = i + 1;
      while (after < raw.length && kindOf(raw.charCodeAt(after)) === CharKind.Apostrophe) after += 1;
      const next = after < raw.length ? kindOf(raw.charCodeAt(after)) : CharKind.Other;
      if (start >= 0 && isAlphanumeric(next)) {
        token += raw.slice(start, i);
        start = i + 1;
      } else {
        endWord(i);
        tokens.push('AND');
        previous = CharKind.Other;
      }
      continue;
    }
    if (!isAlphanumeric(kind)) {
      endWord(i);
      previous = CharKind.Other;
      continue;
    }
    const isDigit: boolean = kind === CharKind.Digit;
    const wasDigit: boolean = previous === CharKind.Digit;
    const letterDigitBoundary = previous !== CharKind.Other && isDigit !== wasDigit;
    // "EATSDebit": split before an Upper+lower pair that follows two capitals.
    const gluedCapitalised =
      kind === CharKind.Upper &&
      i >= 2 &&
      i + 1 < raw.length &&
      kindOf(raw.charCodeAt(i + 1)) === CharKind.Lower &&
      kindOf(raw.charCodeAt(i - 1)) === CharKind.Upper &&
      kindOf(raw.charCodeAt(i - 2)) === CharKind.Upper;
    if (letterDigitBoundary || gluedCapitalised) endWord(i);
    if (start < 0) start = i;
    previous = isDigit ? CharKind.Digit : CharKind.Upper;
  }
  endWord(raw.length);
  return { text: ` ${tokens.join(' ')} `, tokens };
}
