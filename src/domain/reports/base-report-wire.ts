// The Base Report exactly as Plaid's contract spells it (shared/contract/plaid-openapi-cra.yml,
// schemas `BaseReport` and the ones it references).
//
// The house rule keeps snake_case in api/schemas. The Base Report is the exception on purpose: it
// is a domain artefact whose field names ARE Plaid's vocabulary, it is computed once, stored, and
// served byte-for-byte by /cra/check_report/base_report/get. Building it in a camelCase shape only
// to rename every key at the edge would add a second, drift-prone copy of the same schema.
//
// Interface names follow the contract's schema names, so some collide with domain types
// (`Owner`, `CreditCategory`, …); import this module as a namespace (`import type * as wire`).

/** `AccountType`. The contract has no `payroll`; see account-types.ts. */
export type AccountType = 'investment' | 'credit' | 'depository' | 'loan' | 'brokerage' | 'other';

/** `OwnershipType`. */
export type OwnershipType = 'individual' | 'joint' | 'association' | 'trust' | null;

/** `CreditAmountWithCurrency`; also the shape of every `Total*Amount*` schema. */
export interface CreditAmountWithCurrency {
  amount: number;
  iso_currency_code: string | null;
  unofficial_currency_code: string | null;
}

/** `BaseReport`. */
export interface BaseReport {
  report_id: string;
  date_generated: string;
  days_requested: number;
  client_report_id: string | null;
  items: BaseReportItem[];
  attributes: BaseReportUserAttributes;
}

/** `BaseReportItem`. */
export interface BaseReportItem {
  institution_name: string;
  institution_id: string;
  item_id: string;
  date_last_updated: string;
  accounts: BaseReportAccount[];
}

/** `BaseReportAccount`. */
export interface BaseReportAccount {
  account_id: string;
  name: string;
  official_name: string | null;
  mask: string | null;
  type: AccountType;
  subtype: string | null;
  days_available: number;
  ownership_type: OwnershipType;
  metadata: BaseReportAccountMetadata;
  balances: BaseReportAccountBalances;
  owners: Owner[];
  consumer_disputes: ConsumerDispute[];
  transactions: BaseReportTransaction[];
  historical_balances: BaseReportHistoricalBalance[];
  attributes: BaseReportAttributes;
  account_insights: BaseReportAccountInsights;
  /** Present only when the report was created with `include_investments` and the account has investment data. */
  investments?: BaseReportInvestments;
}

/** `BaseReportAccountMetadata`. */
export interface BaseReportAccountMetadata {
  start_date: string | null;
  end_date: string | null;
}

/** `BaseReportAccountBalances`. */
export interface BaseReportAccountBalances {
  available: number | null;
  current: number | null;
  limit: number | null;
  iso_currency_code: string | null;
  unofficial_currency_code: string | null;
  last_updated_datetime: string | null;
  average_balance: number | null;
  average_monthly_balances: BaseReportAverageMonthlyBalances[];
  most_recent_thirty_day_average_balance: number | null;
}

/** `BaseReportAverageMonthlyBalances`. */
export interface BaseReportAverageMonthlyBalances {
  start_date: string;
  end_date: string;
  average_balance: CreditAmountWithCurrency;
}

/** `BaseReportHistoricalBalance`. */
export interface BaseReportHistoricalBalance {
  date: string;
  current: number;
  iso_currency_code: string | null;
  unofficial_currency_code: string | null;
}

/** `Owner`. */
export interface Owner {
  names: string[];
  phone_numbers: PhoneNumber[];
  emails: Email[];
  addresses: Address[];
}

/** `PhoneNumber`. */
export interface PhoneNumber {
  data: string;
  primary: boolean;
  type: 'home' | 'work' | 'office' | 'mobile' | 'mobile1' | 'other';
}

/** `Email`. */
export interface Email {
  data: string;
  primary: boolean;
  type: 'primary' | 'secondary' | 'other';
}

/** `Address`. */
export interface Address {
  data: AddressData;
  primary: boolean;
}

/** `AddressData`. */
export interface AddressData {
  street: string;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: string | null;
}

/** `ConsumerDispute`. opencheck records no disputes, so the array is always empty. */
export interface ConsumerDispute {
  consumer_dispute_id: string;
  dispute_field_create_date: string;
  category: 'TRANSACTION' | 'BALANCE' | 'IDENTITY' | 'OTHER';
  statement: string;
}

/** `BaseReportTransaction`. */
export interface BaseReportTransaction {
  transaction_id: string;
  account_id: string;
  amount: number;
  iso_currency_code: string | null;
  unofficial_currency_code: string | null;
  original_description: string | null;
  date: string;
  date_transacted: string | null;
  pending: boolean;
  merchant_name: string | null;
  name: string | null;
  credit_category: CreditCategory;
  personal_finance_category: PersonalFinanceCategory;
  transaction_type: BaseReportTransactionType;
  location: Location;
  account_owner: string | null;
  check_number: string | null;
}

/** `BaseReportTransactionType`. */
export type BaseReportTransactionType = 'digital' | 'place' | 'special' | 'unresolved' | null;

/** `CreditCategory`. */
export interface CreditCategory {
  primary: string;
  detailed: string;
}

/** `PersonalFinanceCategory` (its optional `version` is omitted: the enrichment does not say which taxonomy it follows). */
export interface PersonalFinanceCategory {
  primary: string;
  detailed: string;
  confidence_level: string | null;
}

/** `Location`. */
export interface Location {
  address: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  store_number: string | null;
}

/** `BaseReportAttributes` (per account). */
export interface BaseReportAttributes {
  is_primary_account: boolean | null;
  primary_account_score: number | null;
  nsf_overdraft_transactions_count: number;
  nsf_overdraft_transactions_count_30d: number;
  nsf_overdraft_transactions_count_60d: number;
  nsf_overdraft_transactions_count_90d: number;
  total_inflow_amount: CreditAmountWithCurrency | null;
  total_inflow_amount_30d: CreditAmountWithCurrency | null;
  total_inflow_amount_60d: CreditAmountWithCurrency | null;
  total_inflow_amount_90d: CreditAmountWithCurrency | null;
  total_outflow_amount: CreditAmountWithCurrency | null;
  total_outflow_amount_30d: CreditAmountWithCurrency | null;
  total_outflow_amount_60d: CreditAmountWithCurrency | null;
  total_outflow_amount_90d: CreditAmountWithCurrency | null;
}

/** `BaseReportUserAttributes` (aggregated across the user's accounts). */
export interface BaseReportUserAttributes {
  nsf_overdraft_transactions_count: number;
  nsf_overdraft_transactions_count_30d: number;
  nsf_overdraft_transactions_count_60d: number;
  nsf_overdraft_transactions_count_90d: number;
  total_inflow_amount: CreditAmountWithCurrency | null;
  total_inflow_amount_30d: CreditAmountWithCurrency | null;
  total_inflow_amount_60d: CreditAmountWithCurrency | null;
  total_inflow_amount_90d: CreditAmountWithCurrency | null;
  total_outflow_amount: CreditAmountWithCurrency | null;
  total_outflow_amount_30d: CreditAmountWithCurrency | null;
  total_outflow_amount_60d: CreditAmountWithCurrency | null;
  total_outflow_amount_90d: CreditAmountWithCurrency | null;
}

/** `BaseReportAccountInsights` (deprecated by Plaid in 2025-06, still in the contract). */
export interface BaseReportAccountInsights {
  oldest_transaction_date: string | null;
  most_recent_transaction_date: string | null;
  days_available: number;
  average_days_between_transactions: number;
  longest_gaps_between_transactions: BaseReportLongestGapInsights[];
  number_of_inflows: BaseReportNumberFlowInsights[];
  average_inflow_amounts: BaseReportAverageFlowInsights[];
  number_of_outflows: BaseReportNumberFlowInsights[];
  average_outflow_amounts: BaseReportAverageFlowInsights[];
  number_of_days_no_transactions: number;
}

/** `BaseReportLongestGapInsights`. */
export interface BaseReportLongestGapInsights {
  start_date: string;
  end_date: string;
  days: number | null;
}

/** `BaseReportNumberFlowInsights`. */
export interface BaseReportNumberFlowInsights {
  start_date: string;
  end_date: string;
  count: number;
}

/** `BaseReportAverageFlowInsights`. */
export interface BaseReportAverageFlowInsights {
  start_date: string;
  end_date: string;
  total_amount: CreditAmountWithCurrency;
}

/** `BaseReportInvestments`. */
export interface BaseReportInvestments {
  holdings: BaseReportInvestmentHolding[];
  securities: BaseReportInvestmentSecurity[];
  investment_transactions: BaseReportInvestmentTransaction[];
}

/** `BaseReportInvestmentHolding`. */
export interface BaseReportInvestmentHolding {
  account_id: string;
  security_id: string;
  institution_price: number;
  institution_price_as_of: string | null;
  institution_value: number;
  cost_basis: number | null;
  quantity: number;
  iso_currency_code: string | null;
  unofficial_currency_code: string | null;
}

/** `BaseReportInvestmentSecurity`. */
export interface BaseReportInvestmentSecurity {
  security_id: string;
  name: string | null;
  isin: string | null;
  cusip: string | null;
  institution_security_id: string | null;
  institution_id: string | null;
  ticker_symbol: string | null;
  type: string | null;
}

/** `BaseReportInvestmentTransaction`. */
export interface BaseReportInvestmentTransaction {
  investment_transaction_id: string;
  account_id: string;
  security_id: string | null;
  date: string;
  name: string;
  quantity: number;
  amount: number;
  price: number;
  fees: number | null;
  type: InvestmentTransactionType;
  subtype: string;
  iso_currency_code: string | null;
  unofficial_currency_code: string | null;
}

/** `InvestmentTransactionType`. */
export type InvestmentTransactionType = 'buy' | 'sell' | 'cancel' | 'cash' | 'fee' | 'transfer';

/** `BaseReportWarning`. */
export interface BaseReportWarning {
  warning_type: 'BASE_REPORT_WARNING';
  warning_code: BaseReportWarningCode;
  cause: Cause | null;
}

/** `BaseReportWarningCode`. */
export type BaseReportWarningCode = 'IDENTITY_UNAVAILABLE' | 'TRANSACTIONS_UNAVAILABLE' | 'USER_FRAUD_ALERT';

/** `Cause`: a PlaidError (the fields the contract requires) tied to one Item. */
export interface Cause {
  error_type: string;
  error_code: string;
  error_message: string;
  display_message: string | null;
  item_id: string;
}
