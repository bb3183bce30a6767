// Calibration for the report-read benchmark: the floor of what any Node
// server costs per request on this machine. Bare Fastify answers a POST with
// fixed bytes: no authentication, no database, no access log. Run as
// `node --import tsx bench/static-bytes-server.ts FILE PATH`; prints its URL.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [file, path] = process.argv.slice(2);
const bytes = readFileSync(file);
const app = Fastify();
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
app.post(path, async (_request, reply) => reply.type('application/json; charset=utf-8').send(bytes));
console.log(await app.listen({ host: '127.0.0.1', port: 0 }));
