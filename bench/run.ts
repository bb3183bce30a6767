// npm run bench: every benchmark in one run, so ratios between figures are
// comparable. Prints one line per figure and a JSON summary at the end.
import { benchUserGet } from './http.js';

const results: Record<string, unknown> = {};

function report(name: string, value: unknown): void {
  results[name] = value;
  console.log(`${name}: ${JSON.stringify(value)}`);
}

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

if (wanted('http')) report('http /user/get (50 connections, 10 s)', await benchUserGet());

console.log(JSON.stringify(results, null, 2));
process.exit(0);
