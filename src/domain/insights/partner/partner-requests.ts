// The partner_insights request objects: Prism versions and the FICO UltraFICO request, checked
// beyond what the contract's schema says (brief §B, §G.13, §G.15, §G.16).

export type PrismProduct = 'cashscore' | 'firstdetect' | 'detect' | 'extend' | 'insights';

/** Versions each Prism product accepts; the contract lists `3`, `4`, `4.1` unquoted (§G.13), so numbers are coerced. */
export const PRISM_VERSIONS: Readonly<Record<PrismProduct, readonly string[]>> = {
  cashscore: ['3', '3_lite', '4', '4.1'],
  firstdetect: ['3'],
  detect: ['4', '4.1'],
  extend: ['4', '4.1'],
  insights: ['3', '4', '4.1'],
};

/** Products run when not asked for, at version 3 (§G.16). Detect and Extend run only on request. */
export const PRISM_DEFAULTS: Readonly<Partial<Record<PrismProduct, string>>> = { cashscore: '3', firstdetect: '3', insights: '3' };

export type PrismVersions = Partial<Record<PrismProduct, string>>;

export type RequestCheck<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

const invalid = (field: string, message: string): { ok: false; field: string; message: string } => ({ ok: false, field, message });

/**
 * The Prism versions to run: the requested ones (numbers coerced to strings: 4.1 → "4.1"), and
 * the defaults for CashScore, FirstDetect and Insights when they are absent or null. `defaulted`
 * names the products that took a default (the caller logs a warning, §G.16). Legacy
 * `prism_products` is not read (§G.15).
 */
export function resolvePrismVersions(raw: unknown, field: string): RequestCheck<{ versions: PrismVersions; defaulted: PrismProduct[] }> {
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) return invalid(field, `${field} must be an object`);
  const given = (raw ?? {}) as Record<string, unknown>;
  const versions: PrismVersions = {};
  const defaulted: PrismProduct[] = [];
  for (const product of Object.keys(PRISM_VERSIONS) as PrismProduct[]) {
    const value = given[product];
    if (value === undefined || value === null) {
      const fallback = PRISM_DEFAULTS[product];
      if (fallback !== undefined) {
        versions[product] = fallback;
        defaulted.push(product);
      }
      continue;
    }
    const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : null;
    if (text === null || !PRISM_VERSIONS[product].includes(text)) {
      return invalid(`${field}.${product}`, `${field}.${product} must be one of: ${PRISM_VERSIONS[product].map((v) => `"${v}"`).join(', ')}`);
    }
    versions[product] = text;
  }
  return { ok: true, value: { versions, defaulted } };
}

export type Bureau = 'EQUIFAX' | 'EXPERIAN' | 'TRANSUNION';

export interface UltraFicoRequest {
  ultraficoScoreVersion: '1.0';
  requestCorrelationId: string | null;
  ficoScoringRequestId: string | null;
  bureau: Bureau;
  baseScore: number;
  baseScoreVersion: '8' | '9' | '10' | '10T';
  reasonCodes: string[];
  didInquiriesAdverselyAffectScore: boolean | null;
}

export interface FicoRequest {
  ficoLenderId: string;
  lenderApplicationId: string;
  requests: UltraFicoRequest[];
}

const BUREAUS: readonly string[] = ['EQUIFAX', 'EXPERIAN', 'TRANSUNION'];
const BASE_VERSIONS: readonly string[] = ['8', '9', '10', '10T'];
const LENDER_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const REASON_CODE = /^[0-9A-Z]{2,3}$/;
const FICO_MIN = 300;
const FICO_MAX = 850;

/**
 * The `fico` object (CraPartnerInsightsFicoInput), fully checked:
 * - `fico_lender_id`: 1–64 characters, letters, digits, `_`, `.`, `-`, starting with a letter or digit;
 * - `lender_application_id`: 1–128 characters, not blank;
 * - `ultrafico_score_requests`: 1–3 requests, at most one per bureau, `request_correlation_id`s unique;
 * - each request: `ultrafico_score_version` "1.0"; `base_fico_score.bureau` EQUIFAX | EXPERIAN |
 *   TRANSUNION; `score` an integer 300–850; `base_fico_score_version` 8 | 9 | 10 | 10T; reason
 *   codes (≤ 4, from `reason_codes`, else the deprecated `reason_code_1..4`) 2–3 uppercase
 *   letters or digits, without repeats.
 */
export function parseFicoRequest(raw: unknown, field: string): RequestCheck<FicoRequest | null> {
  if (raw === undefined || raw === null) return { ok: true, value: null };
  if (typeof raw !== 'object' || Array.isArray(raw)) return invalid(field, `${field} must be an object`);
  const fico = raw as Record<string, unknown>;
  const lenderId = fico.fico_lender_id;
  if (typeof lenderId !== 'string' || !LENDER_ID.test(lenderId)) {
    return invalid(`${field}.fico_lender_id`, `${field}.fico_lender_id must be 1–64 letters, digits, "_", "." or "-"`);
  }
  const applicationId = fico.lender_application_id;
  if (typeof applicationId !== 'string' || applicationId.trim() === '' || applicationId.length > 128) {
    return invalid(`${field}.lender_application_id`, `${field}.lender_application_id must be a non-blank string of at most 128 characters`);
  }
  const list = fico.ultrafico_score_requests;
  if (!Array.isArray(list) || list.length === 0 || list.length > 3) {
    return invalid(`${field}.ultrafico_score_requests`, `${field}.ultrafico_score_requests must hold 1 to 3 requests`);
  }
  const requests: UltraFicoRequest[] = [];
  const bureaus = new Set<string>();
  const correlations = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const at = `${field}.ultrafico_score_requests[${i}]`;
    const parsed = parseUltraFicoRequest(list[i], at);
    if (!parsed.ok) return parsed;
    const request = parsed.value;
    if (bureaus.has(request.bureau)) return invalid(`${at}.base_fico_score.bureau`, `${at}.base_fico_score.bureau repeats ${request.bureau}: one request per bureau`);
    bureaus.add(request.bureau);
    if (request.requestCorrelationId !== null) {
      if (correlations.has(request.requestCorrelationId)) return invalid(`${at}.request_correlation_id`, `${at}.request_correlation_id must be unique`);
      correlations.add(request.requestCorrelationId);
    }
    requests.push(request);
  }
  return { ok: true, value: { ficoLenderId: lenderId, lenderApplicationId: applicationId, requests } };
}

function parseUltraFicoRequest(raw: unknown, at: string): RequestCheck<UltraFicoRequest> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return invalid(at, `${at} must be an object`);
  const request = raw as Record<string, unknown>;
  if (request.ultrafico_score_version !== '1.0') return invalid(`${at}.ultrafico_score_version`, `${at}.ultrafico_score_version must be "1.0"`);
  for (const name of ['request_correlation_id', 'fico_scoring_request_id'] as const) {
    const value = request[name];
    if (value !== undefined && value !== null && (typeof value !== 'string' || value.trim() === '' || value.length > 128)) {
      return invalid(`${at}.${name}`, `${at}.${name} must be a non-blank string of at most 128 characters`);
    }
  }
  const base = request.base_fico_score;
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return invalid(`${at}.base_fico_score`, `${at}.base_fico_score must be an object`);
  const score = base as Record<string, unknown>;
  const field = `${at}.base_fico_score`;
  if (typeof score.bureau !== 'string' || !BUREAUS.includes(score.bureau)) return invalid(`${field}.bureau`, `${field}.bureau must be one of: ${BUREAUS.join(', ')}`);
  if (typeof score.score !== 'number' || !Number.isInteger(score.score) || score.score < FICO_MIN || score.score > FICO_MAX) {
    return invalid(`${field}.score`, `${field}.score must be an integer from ${FICO_MIN} to ${FICO_MAX}`);
  }
  if (typeof score.base_fico_score_version !== 'string' || !BASE_VERSIONS.includes(score.base_fico_score_version)) {
    return invalid(`${field}.base_fico_score_version`, `${field}.base_fico_score_version must be one of: ${BASE_VERSIONS.join(', ')}`);
  }
  const legacy = [score.reason_code_1, score.reason_code_2, score.reason_code_3, score.reason_code_4].filter((c) => c !== undefined && c !== null);
  const codes = Array.isArray(score.reason_codes) ? score.reason_codes : legacy;
  if (codes.length > 4) return invalid(`${field}.reason_codes`, `${field}.reason_codes must have at most 4 items`);
  for (const code of codes) {
    if (typeof code !== 'string' || !REASON_CODE.test(code)) return invalid(`${field}.reason_codes`, `${field}.reason_codes must be FICO reason codes: 2–3 uppercase letters or digits`);
  }
  if (new Set(codes).size !== codes.length) return invalid(`${field}.reason_codes`, `${field}.reason_codes must not repeat a code`);
  const adverse = score.did_inquiries_adversely_affect_score;
  if (adverse !== undefined && adverse !== null && typeof adverse !== 'boolean') {
    return invalid(`${field}.did_inquiries_adversely_affect_score`, `${field}.did_inquiries_adversely_affect_score must be a boolean`);
  }
  return {
    ok: true,
    value: {
      ultraficoScoreVersion: '1.0',
      requestCorrelationId: typeof request.request_correlation_id === 'string' ? request.request_correlation_id : null,
      ficoScoringRequestId: typeof request.fico_scoring_request_id === 'string' ? request.fico_scoring_request_id : null,
      bureau: score.bureau as Bureau,
      baseScore: score.score,
      baseScoreVersion: score.base_fico_score_version as UltraFicoRequest['baseScoreVersion'],
      reasonCodes: codes as string[],
      didInquiriesAdverselyAffectScore: typeof adverse === 'boolean' ? adverse : null,
    },
  };
}
