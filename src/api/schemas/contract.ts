// Loads the generated contract and compiles request validators from it. The
// same component schemas drive response serialisation (see app.ts).
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { PlaidError } from '../../operations/plaid-errors.js';

type JsonSchema = Record<string, any>;

export interface ContractOperation {
  operationId: string;
  request: string | null;
  response: string | null;
  responseContentType: string | null;
}

export interface Contract {
  contractVersion: string;
  operations: Record<string, ContractOperation>;
  schemas: Record<string, JsonSchema>;
}

export const contract: Contract = JSON.parse(readFileSync(new URL('./contract.generated.json', import.meta.url), 'utf8'));

/** Plaid rejects unknown fields: request objects are closed unless the contract opens them. */
function closeObjects(node: any): any {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'properties' ? mapValues(v as JsonSchema, closeObjects) : closeObjects(v);
  if (out.properties && out.additionalProperties === undefined && !out.allOf && !out.anyOf && !out.oneOf) out.additionalProperties = false;
  return fixNullable(out);
}

/** OpenAPI 3.0 `nullable` next to `$ref`/`allOf` (no `type`) becomes an explicit null branch. */
function fixNullable(schema: JsonSchema): JsonSchema {
  if (schema.nullable === true && schema.type === undefined) {
    const { nullable: _ignored, ...rest } = schema;
    return { anyOf: [{ type: 'null' }, rest] };
  }
  return schema;
}

function mapValues(obj: JsonSchema, fn: (v: any) => any): JsonSchema {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]));
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv, formats: string[]) => Ajv;

function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
  addFormats(ajv, ['date', 'date-time', 'uri', 'email']);
  ajv.addFormat('url', { type: 'string', validate: isHttpUrl });
  ajv.addFormat('double', true);
  ajv.addFormat('binary', true);
  return ajv;
}

/**
 * Request fields Plaid accepts beyond what the contract's schemas say:
 * - Prism versions (§G.13): the YAML lists 3, 4 and 4.1 unquoted under `type: string`, so SDKs
 *   send strings and generated clients numbers; both are accepted (the operation coerces them).
 * - Legacy `prism_products` (§G.15): accepted and ignored wherever Prism versions are.
 * - `plaid_check_score_version` (v1.0 | v2.0): the Check Score option of older contracts, still
 *   honoured by Cash Flow Insights.
 */
function withLegacyRequestFields(schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const out = structuredClone(schemas);
  for (const name of ['PrismFirstDetectVersion', 'PrismDetectVersion', 'PrismCashScoreVersion', 'PrismExtendVersion', 'PrismInsightsVersion']) {
    const values: unknown[] = (out[name]?.enum ?? []).filter((v: unknown) => v !== null);
    if (values.length === 0) continue;
    const { type: _type, enum: _enum, ...rest } = out[name];
    out[name] = { ...rest, nullable: true, enum: [...new Set([...values.map(String), ...values.filter((v) => typeof v === 'number')])] };
  }
  for (const name of ['CraCheckReportCreatePartnerInsightsOptions', 'CraCheckReportPartnerInsightsGetPartnerInsights', 'CraCheckReportPartnerInsightsGetOptions']) {
    if (out[name]?.properties) out[name].properties.prism_products = { type: 'array', nullable: true, items: { type: 'string' } };
  }
  if (out.CraCheckReportCashflowInsightsGetOptions?.properties) {
    out.CraCheckReportCashflowInsightsGetOptions.properties.plaid_check_score_version = { type: 'string', nullable: true, enum: ['v1.0', 'v2.0', null] };
  }
  return out;
}

const requestAjv = newAjv();
requestAjv.addSchema({ $id: 'request', components: { schemas: mapValues(withLegacyRequestFields(contract.schemas), closeObjects) } });

const responseAjv = newAjv();
responseAjv.addSchema({ $id: 'response', components: { schemas: mapValues(contract.schemas, fixNullableDeep) } });

function fixNullableDeep(node: any): any {
  if (Array.isArray(node)) return node.map(fixNullableDeep);
  if (node === null || typeof node !== 'object') return node;
  return fixNullable(mapValues(node, fixNullableDeep));
}

const requestValidators = new Map<string, ValidateFunction>();

/** The compiled validator for an operation's request body (by path). */
export function requestValidator(path: string): ValidateFunction {
  const cached = requestValidators.get(path);
  if (cached) return cached;
  const name = contract.operations[path]?.request;
  if (!name) throw new Error(`no request schema for ${path} in the contract`);
  const validate = requestAjv.compile({ $ref: `request#/components/schemas/${name}` });
  requestValidators.set(path, validate);
  return validate;
}

/** A validator for any contract component, as a response (open objects). Used by tests and self-checks. */
export function componentValidator(name: string): ValidateFunction {
  return responseAjv.getSchema(`response#/components/schemas/${name}`) ?? responseAjv.compile({ $ref: `response#/components/schemas/${name}` });
}

function fieldPath(instancePath: string, child?: string): string {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) parts.push(child);
  return parts.reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

function describe(error: ErrorObject): string {
  const field = fieldPath(error.instancePath) || 'body';
  const p = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'type':
      return `${field} must be of type ${String(p.type).replace(',', ' or ')}`;
    case 'enum':
      return `${field} must be one of: ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'format':
      return `${field} must be a valid ${p.format}`;
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum':
      return `${field} must be ${p.comparison} ${p.limit}`;
    case 'maxLength':
      return `${field} must be at most ${p.limit} characters`;
    case 'minLength':
      return p.limit === 1 ? `${field} must be a non-empty string` : `${field} must be at least ${p.limit} characters`;
    case 'maxItems':
      return `${field} must have at most ${p.limit} items`;
    case 'minItems':
      return `${field} must have at least ${p.limit} items`;
    case 'pattern':
      return `${field} is not in the expected format`;
    default:
      return `${field} ${error.message ?? 'is invalid'}`;
  }
}

/**
 * Validates a parsed body; throws Plaid's error for the first problem class in
 * Plaid's order: unknown fields, then missing fields, then invalid values.
 */
export function validateRequest(path: string, body: unknown): void {
  throwFirstProblem(requestValidator(path), body);
}

const ownValidators = new WeakMap<object, ValidateFunction>();

/**
 * Validates the body of one of opencheck's own (non-Plaid) endpoints against
 * its JSON schema, with the same error mapping as Plaid's endpoints.
 */
export function validateOwnRequest(schema: JsonSchema, body: unknown): void {
  throwFirstProblem(ownRequestValidator(schema), body);
}

/** The compiled validator for one of opencheck's own request schemas (compiled once per schema object). */
export function ownRequestValidator(schema: JsonSchema): ValidateFunction {
  let validate = ownValidators.get(schema);
  if (!validate) {
    validate = requestAjv.compile(closeObjects(schema));
    ownValidators.set(schema, validate);
  }
  return validate;
}

function throwFirstProblem(validate: ValidateFunction, body: unknown): void {
  if (validate(body)) return;
  const errors = validate.errors ?? [];
  const unknown = errors.filter((e) => e.keyword === 'additionalProperties').map((e) => fieldPath(e.instancePath, e.params.additionalProperty));
  if (unknown.length > 0) {
    throw new PlaidError('UNKNOWN_FIELDS', `the following fields are not recognized by this endpoint: ${[...new Set(unknown)].join(', ')}`);
  }
  const missing = errors.filter((e) => e.keyword === 'required').map((e) => fieldPath(e.instancePath, e.params.missingProperty));
  if (missing.length > 0) {
    throw new PlaidError('MISSING_FIELDS', `the following required fields are missing: ${[...new Set(missing)].join(', ')}`);
  }
  // anyOf wrappers report their branches; the most specific branch error is the useful one.
  const specific = errors.find((e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.params.type === 'null')) ?? errors[0];
  // Plaid reports a malformed user id with its own INVALID_INPUT code.
  if (specific?.instancePath === '/user_id') throw new PlaidError('INVALID_USER_ID');
  throw new PlaidError('INVALID_FIELD', specific ? describe(specific) : 'the request body is invalid');
}
