// The complete rule table, in priority order. The first rule that applies
// wins, so the order encodes which reading of a description is preferred:
//
// 1. bank fees     – a fee names what it was for ("ATM WITHDRAWAL FEE")
// 2. income        – payroll and benefits credits often name a shop ("TARGET CORP DIR DEP")
// 3. P2P apps      – "ZELLE TO <person>" whatever the person is called
// 4. loans         – lenders before card issuers; card payments before transfers
// 5. bills         – billers whose names collide with shops ("DELTA DENTAL")
// 6. transfers     – ATM, deposits, brokerage, savings, generic transfers
// 7. merchants     – named businesses, food → retail → travel/leisure → services
// 8. keywords      – generic business words
// 9. wallets       – PayPal / Apple Pay lines that named no merchant

import type { Rule } from '../rule.js';
import { BANK_FEE_RULES } from './bank-fees.js';
import { BILL_RULES } from './bills.js';
import { INCOME_RULES } from './income.js';
import { KEYWORD_RULES } from './keywords.js';
import { LOAN_RULES } from './loans.js';
import { FOOD_MERCHANT_RULES } from './merchants-food.js';
import { RETAIL_MERCHANT_RULES } from './merchants-retail.js';
import { SERVICE_MERCHANT_RULES } from './merchants-services.js';
import { TRAVEL_LEISURE_MERCHANT_RULES } from './merchants-travel-leisure.js';
import { ACCOUNT_TRANSFER_RULES, P2P_RULES, WALLET_RULES } from './transfers.js';

export const ENRICHMENT_RULES: readonly Rule[] = [
  ...BANK_FEE_RULES,
  ...INCOME_RULES,
  ...P2P_RULES,
  ...LOAN_RULES,
  ...BILL_RULES,
  ...ACCOUNT_TRANSFER_RULES,
  ...FOOD_MERCHANT_RULES,
  ...RETAIL_MERCHANT_RULES,
  ...TRAVEL_LEISURE_MERCHANT_RULES,
  ...SERVICE_MERCHANT_RULES,
  ...KEYWORD_RULES,
  ...WALLET_RULES,
];
