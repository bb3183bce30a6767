// The one closed catalogue of Plaid errors opencheck emits, and the error
// class operations throw. Rendering to the wire happens in one place
// (renderPlaidError), used by the app's single error handler.

export interface PlaidErrorSpec {
  type:
    | 'INVALID_REQUEST'
    | 'INVALID_INPUT'
    | 'INVALID_RESULT'
    | 'RATE_LIMIT_EXCEEDED'
    | 'API_ERROR'
    | 'ITEM_ERROR'
    | 'INSTITUTION_ERROR'
    | 'SANDBOX_ERROR'
    | 'CHECK_REPORT_ERROR'
    | 'CONSUMER_REPORT_ERROR'
    | 'USER_ERROR';
  status: number;
  /** Default message when the thrower gives none. */
  message: string;
  /** Shown to end users; null when the error is not user-facing. */
  displayMessage?: string | null;
}

const USER_NOT_FOUND_MESSAGE =
  'The User you requested cannot be found. This user does not exist, has been deleted, or belongs to another environment.';

export const PLAID_ERRORS = {
  MISSING_FIELDS: { type: 'INVALID_REQUEST', status: 400, message: 'the following required fields are missing' },
  UNKNOWN_FIELDS: { type: 'INVALID_REQUEST', status: 400, message: 'the following fields are not recognized by this endpoint' },
  INVALID_FIELD: { type: 'INVALID_REQUEST', status: 400, message: 'a field in the request is invalid' },
  INVALID_BODY: { type: 'INVALID_REQUEST', status: 400, message: 'body could not be parsed as JSON' },
  INVALID_HEADERS: { type: 'INVALID_REQUEST', status: 400, message: 'the Content-Type header is missing' },
  NOT_FOUND: { type: 'INVALID_REQUEST', status: 404, message: 'not found' },
  SANDBOX_ONLY: { type: 'INVALID_REQUEST', status: 400, message: 'access to this route is only available in the sandbox environment' },
  INVALID_API_KEYS: { type: 'INVALID_INPUT', status: 400, message: 'invalid client_id or secret provided' },
  INVALID_USER_TOKEN: { type: 'INVALID_INPUT', status: 400, message: 'could not find matching user token' },
  INVALID_USER_ID: { type: 'INVALID_INPUT', status: 400, message: 'user.user_id must be a non-empty string' },
  INVALID_PUBLIC_TOKEN: { type: 'INVALID_INPUT', status: 400, message: 'could not find matching public token' },
  INVALID_ACCESS_TOKEN: { type: 'INVALID_INPUT', status: 400, message: 'could not find matching access token' },
  INVALID_INSTITUTION: { type: 'INVALID_INPUT', status: 400, message: 'invalid institution_id provided' },
  INVALID_PRODUCT: { type: 'INVALID_INPUT', status: 400, message: 'the requested product is not supported here' },
  INVALID_WEBHOOK_VERIFICATION_KEY_ID: { type: 'INVALID_INPUT', status: 400, message: 'invalid key_id provided' },
  INVALID_USER_IDENTITY_DATA: {
    type: 'USER_ERROR',
    status: 403,
    message: 'the identity data provided for the user is invalid',
    displayMessage: 'The identity information provided is invalid.',
  },
  USER_NOT_FOUND: { type: 'USER_ERROR', status: 400, message: USER_NOT_FOUND_MESSAGE },
  PRODUCT_NOT_READY: {
    type: 'CONSUMER_REPORT_ERROR',
    status: 400,
    message:
      'The consumer report you are trying to pull is not ready. Please wait for a CHECK_REPORT_READY webhook before calling this endpoint.',
  },
  CONSUMER_REPORT_EXPIRED: { type: 'CONSUMER_REPORT_ERROR', status: 400, message: '' },
  CONSUMER_REPORT_NOT_FOUND: {
    type: 'CONSUMER_REPORT_ERROR',
    status: 400,
    message: 'no consumer report has been created for this user; call /cra/check_report/create first',
  },
  DATA_UNAVAILABLE: { type: 'CHECK_REPORT_ERROR', status: 400, message: 'no usable data was available to generate the report' },
  INSTITUTION_TRANSACTION_HISTORY_NOT_SUPPORTED: {
    type: 'CHECK_REPORT_ERROR',
    status: 400,
    message:
      'the institution does not provide the transaction history required by days_required; lower days_required and create the report again',
  },
  INSUFFICIENT_TRANSACTION_DATA: { type: 'CHECK_REPORT_ERROR', status: 400, message: 'there is too little transaction data' },
  NO_ACCOUNTS: { type: 'CHECK_REPORT_ERROR', status: 400, message: 'No depository accounts were found for this user' },
  NETWORK_CONSENT_REQUIRED: {
    type: 'CHECK_REPORT_ERROR',
    status: 400,
    message: 'User has not provided consent to share network data',
  },
  PRODUCT_GENERATION_FAILED: { type: 'CHECK_REPORT_ERROR', status: 400, message: 'the product could not be generated' },
  RATE_LIMIT: {
    type: 'RATE_LIMIT_EXCEEDED',
    status: 429,
    message: 'rate limit exceeded for attempts to access this item. please try again later',
  },
  INTERNAL_SERVER_ERROR: { type: 'API_ERROR', status: 500, message: 'an unexpected error occurred' },
  SANDBOX_PRODUCT_NOT_ENABLED: { type: 'SANDBOX_ERROR', status: 400, message: 'the product is not enabled for this Item' },
  SANDBOX_WEBHOOK_INVALID: { type: 'SANDBOX_ERROR', status: 400, message: 'the webhook is invalid' },
  ITEM_LOGIN_REQUIRED: { type: 'ITEM_ERROR', status: 400, message: "the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information" },
  INVALID_CREDENTIALS: { type: 'ITEM_ERROR', status: 400, message: 'the provided credentials were not correct', displayMessage: 'The provided credentials were not correct. Please try again.' },
  INVALID_MFA: { type: 'ITEM_ERROR', status: 400, message: 'the provided MFA responses were not correct', displayMessage: 'The provided MFA responses were not correct. Please try again.' },
  ITEM_LOCKED: { type: 'ITEM_ERROR', status: 400, message: 'the account is locked. prompt the user to visit the institution\'s site and unlock their account', displayMessage: 'The given credentials belong to a locked account.' },
  ITEM_NOT_SUPPORTED: { type: 'ITEM_ERROR', status: 400, message: 'this item is not supported by Plaid', displayMessage: 'Account type not supported.' },
  MFA_NOT_SUPPORTED: { type: 'ITEM_ERROR', status: 400, message: 'this item requires a form of MFA that is not supported', displayMessage: 'This account requires a form of MFA that is not currently supported.' },
  USER_SETUP_REQUIRED: { type: 'ITEM_ERROR', status: 400, message: 'the user must log in directly to the financial institution and take some action before Plaid can access their accounts', displayMessage: 'This account requires additional setup at the institution.' },
  ITEM_NO_ACCOUNTS: { type: 'ITEM_ERROR', status: 400, message: 'no valid accounts were found for this item', displayMessage: 'No valid accounts were found at the bank.' },
  USER_INPUT_TIMEOUT: { type: 'ITEM_ERROR', status: 400, message: 'the user did not complete a step in the Link flow in time' },
  INVALID_LINK_TOKEN: { type: 'INVALID_INPUT', status: 400, message: 'invalid link_token provided' },
  INSTITUTION_NOT_RESPONDING: { type: 'INSTITUTION_ERROR', status: 400, message: 'this institution is not currently responding to this request. please try again soon', displayMessage: 'This financial institution is not currently responding to requests. We apologize for the inconvenience.' },
  INSTITUTION_NO_LONGER_SUPPORTED: { type: 'INSTITUTION_ERROR', status: 400, message: 'this institution is no longer supported', displayMessage: 'This financial institution is no longer supported.' },
  PLAID_ERROR: { type: 'API_ERROR', status: 500, message: 'an unexpected error occurred' },
} as const satisfies Record<string, PlaidErrorSpec>;

export type PlaidErrorCode = keyof typeof PLAID_ERRORS;

/** Wire error code for a catalogue entry: `ITEM_NO_ACCOUNTS` is Plaid's item-level `NO_ACCOUNTS`. */
function wireCode(code: PlaidErrorCode): string {
  return code === 'ITEM_NO_ACCOUNTS' ? 'NO_ACCOUNTS' : code;
}

export class PlaidError extends Error {
  readonly code: PlaidErrorCode;
  readonly spec: PlaidErrorSpec;
  readonly causes: unknown[] | undefined;

  constructor(code: PlaidErrorCode, message?: string, options?: { cause?: unknown; causes?: unknown[] }) {
    const spec: PlaidErrorSpec = PLAID_ERRORS[code];
    super(message ?? spec.message, { cause: options?.cause });
    this.name = 'PlaidError';
    this.code = code;
    this.spec = spec;
    this.causes = options?.causes;
  }

  get status(): number {
    return this.spec.status;
  }
}

export function isPlaidErrorCode(code: string): code is PlaidErrorCode {
  return Object.hasOwn(PLAID_ERRORS, code);
}

export interface PlaidErrorBody {
  display_message: string | null;
  documentation_url: string;
  error_code: string;
  error_code_reason: null;
  error_message: string;
  error_type: string;
  request_id?: string;
  suggested_action: null;
  causes?: unknown[];
  status?: number;
}

const DOCS_ANCHOR: Record<PlaidErrorSpec['type'], string> = {
  INVALID_REQUEST: 'invalid-request-errors',
  INVALID_INPUT: 'invalid-input-errors',
  INVALID_RESULT: 'invalid-result-errors',
  RATE_LIMIT_EXCEEDED: 'rate-limit-exceeded-errors',
  API_ERROR: 'api-errors',
  ITEM_ERROR: 'item-errors',
  INSTITUTION_ERROR: 'institution-errors',
  SANDBOX_ERROR: 'sandbox-errors',
  CHECK_REPORT_ERROR: 'check-report-errors',
  CONSUMER_REPORT_ERROR: 'consumer-report-errors',
  USER_ERROR: 'user-errors',
};

/**
 * Plaid's error object. With a request id it is an HTTP body; without one it
 * is embedded (in a webhook or a report), where Plaid adds `status` instead.
 */
export function renderPlaidError(error: PlaidError, requestId: string | null): PlaidErrorBody {
  const body: PlaidErrorBody = {
    display_message: error.spec.displayMessage ?? null,
    documentation_url: `https://plaid.com/docs/?ref=error#${DOCS_ANCHOR[error.spec.type]}`,
    error_code: wireCode(error.code),
    error_code_reason: null,
    error_message: error.message,
    error_type: error.spec.type,
    suggested_action: null,
  };
  if (error.causes) body.causes = error.causes;
  if (requestId === null) body.status = error.status;
  else body.request_id = requestId;
  return body;
}
