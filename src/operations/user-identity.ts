// Checks on the identity a lender attaches to a user (brief §A.2). Values the
// schema already typed are checked here for meaning: real phone numbering
// plans, email form, plausible dates of birth, complete addresses, SSN forms.
import { isValidPhoneNumber } from 'libphonenumber-js';
import { PlaidError } from './plaid-errors.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const SSN_FULL = /^\d{3}-?\d{2}-?\d{4}$/;
const SSN_LAST_4 = /^\d{4}$/;

function invalid(message: string): never {
  throw new PlaidError('INVALID_USER_IDENTITY_DATA', message);
}

function checkPhone(field: string, value: string): void {
  if (!value.startsWith('+') || !isValidPhoneNumber(value)) invalid(`${field} must be a valid phone number in E.164 format`);
}

function checkEmail(field: string, value: string): void {
  if (!EMAIL.test(value)) invalid(`${field} must be a valid email address`);
}

function checkDateOfBirth(field: string, value: string | null | undefined, today: string): void {
  if (value === null || value === undefined) return;
  const parsed = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== value) invalid(`${field} must be a valid date`);
  if (value >= today) invalid(`${field} must be in the past`);
  if (value < '1900-01-01') invalid(`${field} must be on or after 1900-01-01`);
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

type Json = Record<string, any>;

/** The new API's `identity` object. `today` is the server clock's date. */
export function validateIdentity(identity: Json, today: string): void {
  (identity.phone_numbers ?? []).forEach((p: Json, i: number) => checkPhone(`identity.phone_numbers[${i}].data`, p.data));
  (identity.emails ?? []).forEach((e: Json, i: number) => checkEmail(`identity.emails[${i}].data`, e.data));
  checkDateOfBirth('identity.date_of_birth', identity.date_of_birth, today);
  (identity.addresses ?? []).forEach((a: Json, i: number) => {
    if (!nonEmpty(a.country)) invalid(`identity.addresses[${i}].country must be a non-empty string`);
    if (a.country === 'US') {
      for (const part of ['street_1', 'city', 'region', 'postal_code']) {
        if (!nonEmpty(a[part])) invalid(`identity.addresses[${i}].${part} is required for a complete address`);
      }
    }
  });
  (identity.id_numbers ?? []).forEach((n: Json, i: number) => {
    const ok = n.type === 'us_ssn' ? SSN_FULL.test(n.value) : n.type === 'us_ssn_last_4' ? SSN_LAST_4.test(n.value) : true;
    if (!ok) invalid(`identity.id_numbers[${i}].value is not a valid ${n.type}`);
  });
  if (identity.name && (!nonEmpty(identity.name.given_name) || !nonEmpty(identity.name.family_name))) {
    invalid('identity.name.given_name and identity.name.family_name must be non-empty');
  }
}

/** The legacy `consumer_report_user_identity` object. */
export function validateConsumerReportUserIdentity(identity: Json, today: string): void {
  const prefix = 'consumer_report_user_identity';
  (identity.phone_numbers ?? []).forEach((p: string, i: number) => checkPhone(`${prefix}.phone_numbers[${i}]`, p));
  (identity.emails ?? []).forEach((e: string, i: number) => checkEmail(`${prefix}.emails[${i}]`, e));
  checkDateOfBirth(`${prefix}.date_of_birth`, identity.date_of_birth, today);
  if (identity.ssn_full != null && !/^\d{3}-\d{2}-\d{4}$/.test(identity.ssn_full)) invalid(`${prefix}.ssn_full must have the form ddd-dd-dddd`);
  if (identity.ssn_last_4 != null && !SSN_LAST_4.test(identity.ssn_last_4)) invalid(`${prefix}.ssn_last_4 must be 4 digits`);
  const address = identity.primary_address;
  if (address) {
    for (const part of ['street', 'city', 'region', 'postal_code', 'country']) {
      if (!nonEmpty(address[part])) invalid(`${prefix}.primary_address.${part} is required for a complete address`);
    }
  }
}

/** The legacy identity presented in the new API's shape, for /user/get. */
export function legacyIdentityAsIdentity(legacy: Json): Json {
  const address = legacy.primary_address;
  return {
    name: { given_name: legacy.first_name, family_name: legacy.last_name },
    date_of_birth: legacy.date_of_birth ?? null,
    emails: (legacy.emails ?? []).map((data: string, i: number) => ({ data, primary: i === 0 })),
    phone_numbers: (legacy.phone_numbers ?? []).map((data: string, i: number) => ({ data, primary: i === 0 })),
    addresses: address
      ? [{ street_1: address.street, street_2: null, city: address.city, region: address.region, country: address.country, postal_code: address.postal_code, primary: true }]
      : [],
    id_numbers: [
      ...(legacy.ssn_full ? [{ value: legacy.ssn_full, type: 'us_ssn' }] : []),
      ...(legacy.ssn_last_4 ? [{ value: legacy.ssn_last_4, type: 'us_ssn_last_4' }] : []),
    ],
  };
}

/** Plaid asks that client_user_id carry no PII: reject what is plainly an email, phone number or SSN. */
export function looksLikePii(clientUserId: string): boolean {
  if (EMAIL.test(clientUserId)) return true;
  if (/^\d{3}-\d{2}-\d{4}$/.test(clientUserId)) return true;
  const digits = clientUserId.replace(/[\s().+-]/g, '');
  return /^\d{10,15}$/.test(digits) && /^[+\d\s().-]+$/.test(clientUserId);
}
