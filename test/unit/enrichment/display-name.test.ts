import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { descriptionName, employerName, statementName } from '../../../src/domain/enrichment/display-name.js';
import { normaliseDescription } from '../../../src/domain/enrichment/normalise.js';

const tokens = (raw: string) => normaliseDescription(raw).tokens;

describe('descriptionName', () => {
  it('drops card boilerplate, numbers and the trailing city and state', () => {
    assert.equal(descriptionName(tokens('TAQUERIA LA PALMA OAKLAND CA')), 'Taqueria La Palma');
    assert.equal(descriptionName(tokens('TST* THE SMITH RESTAURANT NEW YORK NY')), 'The Smith Restaurant');
    assert.equal(descriptionName(tokens('SQ *SUSHI ZEN')), 'Sushi Zen');
    assert.equal(descriptionName(tokens('POS DEBIT 0314 TECTRA INC')), 'Tectra Inc');
  });
});

describe('employerName', () => {
  it('takes the originator before DES in NACHA-style credits', () => {
    assert.equal(employerName(tokens('ACME CORP DES:PAYROLL ID:0000123456 INDN:SMITH JOHN CO ID:1234567890 PPD')), 'Acme');
  });
  it('removes payroll words and corporate suffixes, including truncated ones', () => {
    assert.equal(employerName(tokens('Plaid Direct Dep')), 'Plaid');
    assert.equal(employerName(tokens('DIRECT DEPOSIT PLAID INC')), 'Plaid');
    assert.equal(employerName(tokens('DIRECT DEP GLOBEX CORPORATIO PAYROLL 031524')), 'Globex');
  });
  it('returns null when only payroll words remain', () => {
    assert.equal(employerName(tokens('MONTHLY PAYCHECK')), null);
  });
});

describe('statementName', () => {
  it('stops at the first reference number or marker', () => {
    assert.equal(statementName('ONLINE TRANSFER FROM SAV XXXXXX4321 REF #IB0L8Q2MBF ON 03/15/24'), 'Online Transfer From SAV');
    assert.equal(statementName('CREDIT CRD AUTOPAY 29812 000000000098123 CRGKFKKSPABG UXZYOTAYLDA D'), 'Credit Crd Autopay');
    assert.equal(statementName('ZELLE FROM MARIA GARCIA ON 03/12 REF # BACXYZ123'), 'Zelle From Maria Garcia');
    assert.equal(statementName('NAVIENT DES:ONLINE PMT ID:1234 WEB'), 'Navient Online Pmt');
  });
  it('keeps words a card-purchase cleaner would drop', () => {
    assert.equal(statementName('CREDIT CARD 3333 PAYMENT *//'), 'Credit Card');
    assert.equal(statementName('FOREIGN TRANSACTION FEE'), 'Foreign Transaction Fee');
    assert.equal(statementName('ONLINE TRANSFER TO CHK ...9876 TRANSACTION#: 1234567890'), 'Online Transfer To CHK');
  });
});
