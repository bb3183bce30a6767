// Request checks for opencheck's own routes (/opencheck/*), which have no
// contract schema: the same error classes, in the same order, as Plaid's
// routes — unknown fields, then missing fields, then invalid values.
import { PlaidError } from '../../../operations/plaid-errors.js';

export type FieldSpec =
  | { type: 'string'; required?: boolean; maxLength?: number; oneOf?: readonly string[] }
  | { type: 'integer'; required?: boolean; min: number; max: number };

/** Credentials may travel in the body, as on every Plaid route. */
const CREDENTIALS = ['client_id', 'secret'];

export function validateOpencheckBody(body: Record<string, unknown>, fields: Record<string, FieldSpec>): void {
  const unknown = Object.keys(body).filter((key) => !Object.hasOwn(fields, key) && !CREDENTIALS.includes(key));
  if (unknown.length > 0) throw new PlaidError('UNKNOWN_FIELDS', `the following fields are not recognized by this endpoint: ${unknown.join(', ')}`);
  const missing = Object.entries(fields)
    .filter(([key, spec]) => spec.required && (body[key] === undefined || body[key] === null))
    .map(([key]) => key);
  if (missing.length > 0) throw new PlaidError('MISSING_FIELDS', `the following required fields are missing: ${missing.join(', ')}`);
  for (const [key, spec] of Object.entries(fields)) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    if (spec.type === 'string') {
      if (typeof value !== 'string') throw new PlaidError('INVALID_FIELD', `${key} must be of type string`);
      if (value.length === 0) throw new PlaidError('INVALID_FIELD', `${key} must be a non-empty string`);
      if (spec.maxLength !== undefined && value.length > spec.maxLength) throw new PlaidError('INVALID_FIELD', `${key} must be at most ${spec.maxLength} characters`);
      if (spec.oneOf && !spec.oneOf.includes(value)) throw new PlaidError('INVALID_FIELD', `${key} must be one of: ${spec.oneOf.join(', ')}`);
    } else {
      if (typeof value !== 'number' || !Number.isInteger(value)) throw new PlaidError('INVALID_FIELD', `${key} must be of type integer`);
      if (value < spec.min || value > spec.max) throw new PlaidError('INVALID_FIELD', `${key} must be from ${spec.min} to ${spec.max}`);
    }
  }
}
