// The domain's vocabulary: what a user's linked data looks like once stored.
// Everything here is plain data. Money is integer cents in the account's
// currency, with Plaid's sign convention: positive = money out, negative = money in.

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO 8601 instant, e.g. `2026-08-22T10:00:00.000Z`. */
export type IsoDateTime = string;

export type AccountType = 'depository' | 'credit' | 'loan' | 'investment' | 'payroll' | 'other';

export interface Currency {
  isoCurrencyCode: string | null;
  unofficialCurrencyCode: string | null;
}

export interface OwnerPhoneNumber {
  data: string;
  primary: boolean;
  type: 'home' | 'work' | 'office' | 'mobile' | 'mobile1' | 'other' | null;
}

export interface OwnerEmail {
  data: string;
  primary: boolean;
  type: 'primary' | 'secondary' | 'other' | null;
}

export interface OwnerAddress {
  data: {
    street: string | null;
    city: string | null;
    region: string | null;
    postalCode: string | null;
    country: string | null;
  };
  primary: boolean;
}

/** One account owner as the institution reports them. */
export interface Owner {
  names: string[];
  phoneNumbers: OwnerPhoneNumber[];
  emails: OwnerEmail[];
  addresses: OwnerAddress[];
}

export type OwnershipType = 'individual' | 'joint' | 'association' | 'trust' | null;

export interface AccountNumbers {
  account: string | null;
  achRouting: string | null;
  achWireRouting: string | null;
  eftInstitution: string | null;
  eftBranch: string | null;
  internationalBic: string | null;
  internationalIban: string | null;
  bacsSortCode: string | null;
}

export interface Account {
  accountId: string;
  itemId: string;
  name: string;
  officialName: string | null;
  mask: string | null;
  type: AccountType;
  subtype: string | null;
  currency: Currency;
  /** Current balance in cents: for credit/loan accounts, the amount owed. */
  currentCents: number | null;
  availableCents: number | null;
  limitCents: number | null;
  owners: Owner[];
  ownershipType: OwnershipType;
  numbers: AccountNumbers | null;
  /** Liability details from a custom-user config, kept as given (wire snake_case). */
  liability: Record<string, unknown> | null;
  /** Investment holdings and transactions from a custom-user config, kept as given. */
  investments: Record<string, unknown> | null;
}

export interface PersonalFinanceCategory {
  primary: string;
  detailed: string;
  confidenceLevel: 'VERY_HIGH' | 'HIGH' | 'MEDIUM' | 'LOW' | 'UNKNOWN';
}

export interface CreditCategory {
  primary: string;
  detailed: string;
}

/** What the enrichment rules derive from a transaction's raw description. */
export interface TransactionEnrichment {
  /** Cleaned, human-readable name. */
  name: string;
  merchantName: string | null;
  personalFinanceCategory: PersonalFinanceCategory;
  creditCategory: CreditCategory;
  transactionType: 'digital' | 'place' | 'special' | 'unresolved';
  paymentChannel: 'online' | 'in store' | 'other';
}

export interface Transaction {
  transactionId: string;
  accountId: string;
  /** Plaid sign: positive = outflow, negative = inflow. */
  amountCents: number;
  currency: Currency;
  originalDescription: string;
  /** Posted date; null while pending. */
  datePosted: IsoDate | null;
  dateTransacted: IsoDate;
  pending: boolean;
  enrichment: TransactionEnrichment;
}

export interface Item {
  itemId: string;
  institutionId: string;
  institutionName: string;
  createdAt: IsoDateTime;
  /** When the data was last refreshed from the (simulated) institution. */
  lastUpdatedAt: IsoDateTime;
}

/** Everything a report is computed from for one Item. */
export interface LinkedItem {
  item: Item;
  accounts: Account[];
  transactions: Transaction[];
}
