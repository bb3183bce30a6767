import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normaliseDescription } from '../../../src/domain/enrichment/normalise.js';

/**
 * The normalisation rules written as the chain of regular expressions they
 * were first implemented with. The production code is a single character
 * scan for speed; this is the readable specification it must agree with on
 * ASCII input (bank descriptions are ASCII).
 */
function referenceNormalise(raw: string): string {
  const tokens = raw
    .replace(/([A-Z]{2,})(?=[A-Z][a-z])/g, '$1 ')
    .toUpperCase()
    .replace(/['`]/g, '')
    .replace(/([A-Z0-9])&(?=[A-Z0-9])/g, '$1')
    .replace(/&/g, ' AND ')
    .replace(/[^A-Z0-9]+/g, ' ')
    .replace(/([A-Z])(?=\d)/g, '$1 ')
    .replace(/(\d)(?=[A-Z])/g, '$1 ')
    .split(' ')
    .filter((t) => t !== '' && !/^\d{3,}$/.test(t) && !/^X{2,}$/.test(t));
  return ` ${tokens.join(' ')} `;
}

describe('normaliseDescription', () => {
  const cases: readonly [raw: string, expected: string][] = [
    ['AMZN Mktp US*2K4LM1AB2 Amzn.com/bill WA', ' AMZN MKTP US 2 K 4 LM 1 AB 2 AMZN COM BILL WA '],
    ["MCDONALD'S F12345 CHICAGO IL", ' MCDONALDS F CHICAGO IL '],
    ['AT&T*BILL PAYMENT', ' ATT BILL PAYMENT '],
    ['STOP & SHOP 0123', ' STOP AND SHOP '],
    ['UBER   EATSDebit Card Purchase', ' UBER EATS DEBIT CARD PURCHASE '],
    ['ATTWithdrawalPayment', ' ATT WITHDRAWALPAYMENT '],
    ['DEBIT CARD PURCHASE XXXXX0123 DOORDASH*WENDYS', ' DEBIT CARD PURCHASE DOORDASH WENDYS '],
    ['7-ELEVEN 12345 DALLAS TX', ' 7 ELEVEN DALLAS TX '],
    ['ONLINE TRANSFER TO SAV XXXXXX4321 REF #IB0L8QA2B ON 03/15/24', ' ONLINE TRANSFER TO SAV REF IB 0 L 8 QA 2 B ON 03 15 24 '],
    ['', '  '],
  ];
  for (const [raw, expected] of cases) {
    it(`normalises ${JSON.stringify(raw)}`, () => {
      assert.equal(normaliseDescription(raw).text, expected);
    });
  }

  it('pads the text so phrases can be found as whole words', () => {
    const { text, tokens } = normaliseDescription('Starbucks Store');
    assert.equal(text, ' STARBUCKS STORE ');
    assert.deepEqual(tokens, ['STARBUCKS', 'STORE']);
  });

  it('agrees with the regular-expression specification on any ASCII description', () => {
    const bankish = fc.constantFrom(...'ABCXYZabcxyz0123456789 *#&\'`-/.:,%'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: bankish, maxLength: 40 }), fc.string({ unit: 'binary-ascii', maxLength: 40 })), (raw) => {
        assert.equal(normaliseDescription(raw).text, referenceNormalise(raw));
      }),
      { numRuns: 2000 },
    );
  });
});
