// Request logs: Fastify's per-request lines carry the request id Plaid
// returns, credentials never appear, and a request logger is only built
// when its level lets a line through.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import pino from 'pino';
import { LazyRequestLogger } from '../../src/api/request-logger.js';
import { startTestServer } from '../support/test-server.js';

function capturingLogger(level: string): { log: pino.Logger; lines: () => Array<Record<string, any>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const log = pino({ level, redact: { paths: ['req.headers["plaid-secret"]'], censor: '[redacted]' } }, stream);
  return { log, lines: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line)) };
}

test('at info, each request is logged with the request_id of its response and without the secret', async (t) => {
  const { log, lines } = capturingLogger('info');
  const s = await startTestServer(t, { log });
  const response = await s.post('/user/create', {});
  assert.equal(response.status, 400);
  const requestId = (response.body as { request_id: string }).request_id;
  const forRequest = lines().filter((line) => line.request_id === requestId);
  assert.deepEqual(forRequest.map((line) => line.msg), ['incoming request', 'request completed']);
  assert.ok(!JSON.stringify(lines()).includes(s.secret), 'the secret is never logged');
});

test('a request logger builds its pino child only for a line its level lets through', () => {
  let children = 0;
  const written: unknown[] = [];
  const parent = pino({ level: 'warn' }, new Writable({ write: (chunk, _e, done) => (written.push(String(chunk)), done()) }));
  const child = parent.child.bind(parent);
  parent.child = ((bindings: pino.Bindings, options?: pino.ChildLoggerOptions) => {
    children += 1;
    return child(bindings, options);
  }) as unknown as typeof parent.child;
  const logger = new LazyRequestLogger(parent, { request_id: 'req-1' }, {});
  logger.info('not at warn');
  logger.debug('nor this');
  assert.equal(children, 0, 'no child for lines below the level');
  assert.equal(logger.level, 'warn');
  logger.warn('kept');
  logger.error('kept too');
  assert.equal(children, 1, 'one child, made on the first line that is written');
  assert.deepEqual(written.map((line) => JSON.parse(line as string)).map((l) => [l.request_id, l.msg]), [['req-1', 'kept'], ['req-1', 'kept too']]);
});
