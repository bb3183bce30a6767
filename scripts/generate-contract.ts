// Generates src/api/schemas/contract.generated.json from Plaid's OpenAPI
// contract: for every operation, its request and 200 response schema names,
// plus every component schema they reach, with prose (descriptions, examples,
// docs links, x- annotations) stripped. The server reads only the generated
// file, so a fresh clone never needs ../shared at run time.
//
// Usage: npm run generate:contract [-- path/to/plaid-openapi-cra.yml]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import yaml from 'js-yaml';

const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(process.argv[2] ?? resolve(here, '../../shared/contract/plaid-openapi-cra.yml'));
const target = resolve(here, '../src/api/schemas/contract.generated.json');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const doc = yaml.load(readFileSync(source, 'utf8')) as JsonObject;
const components = (doc.components as JsonObject).schemas as JsonObject;
const paths = doc.paths as JsonObject;

const PROSE_KEYS = new Set(['description', 'example', 'examples', 'externalDocs', 'title', 'summary']);

/** Removes prose and vendor annotations; keeps every validation keyword. */
function strip(node: Json, underProperties = false): Json {
  if (Array.isArray(node)) return node.map((n) => strip(n));
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    // Inside `properties` the keys are field names (a field may be called `description`).
    if (!underProperties && (PROSE_KEYS.has(key) || key.startsWith('x-'))) continue;
    out[key] = strip(value, key === 'properties' && !underProperties);
  }
  return out;
}

function refName(ref: string): string {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}`);
  return ref.slice(prefix.length);
}

const reached = new Set<string>();
function reach(node: Json): void {
  if (Array.isArray(node)) return node.forEach(reach);
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const name = refName(value);
      if (!reached.has(name)) {
        reached.add(name);
        reach(components[name]);
      }
    } else reach(value);
  }
}

const operations: JsonObject = {};
for (const [path, item] of Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))) {
  const post = (item as JsonObject).post as JsonObject | undefined;
  if (!post) continue;
  const requestRef = (((post.requestBody as JsonObject)?.content as JsonObject)?.['application/json'] as JsonObject)
    ?.schema as JsonObject | undefined;
  const responses = post.responses as JsonObject;
  const ok = (responses['200'] ?? responses['201']) as JsonObject | undefined;
  const okContent = ok?.content as JsonObject | undefined;
  const responseRef = (okContent?.['application/json'] as JsonObject | undefined)?.schema as JsonObject | undefined;
  const request = requestRef ? refName(requestRef.$ref as string) : null;
  const response = responseRef?.$ref ? refName(responseRef.$ref as string) : null;
  if (request) reach({ $ref: `#/components/schemas/${request}` });
  if (response) reach({ $ref: `#/components/schemas/${response}` });
  operations[path] = {
    operationId: post.operationId as string,
    request,
    response,
    responseContentType: okContent ? Object.keys(okContent)[0] : null,
  };
}
// Schemas the server needs that no operation's body reaches directly.
for (const extra of ['PlaidError', 'BaseReport', 'BaseReportWarning', 'CraIncomeInsights']) {
  if (components[extra]) reach({ $ref: `#/components/schemas/${extra}` });
}

const schemas: JsonObject = {};
for (const name of [...reached].sort()) schemas[name] = strip(components[name]);

const info = doc.info as JsonObject;
const generated = {
  $comment: `GENERATED FILE - do not edit. Produced by scripts/generate-contract.ts from Plaid's OpenAPI contract (version ${String(info.version)}), prose stripped.`,
  contractVersion: info.version,
  operations,
  schemas,
};
writeFileSync(target, JSON.stringify(generated, null, 1) + '\n');
console.log(`wrote ${target}: ${Object.keys(operations).length} operations, ${Object.keys(schemas).length} schemas`);
