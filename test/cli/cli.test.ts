// The opencheck command as an operator runs it, against a database file that
// does not exist yet.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { Configuration, PlaidApi } from 'plaid';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/opencheck.js');

function cli(args: string[], env: Record<string, string>) {
  return run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
}

test('--help documents every command', async () => {
  const { stdout } = await cli(['--help'], {});
  for (const command of ['serve', 'client', 'migrate']) assert.match(stdout, new RegExp(`\\b${command}\\b`));
  const client = await cli(['client', '--help'], {});
  assert.match(client.stdout, /create/);
  assert.match(client.stdout, /list/);
});

test('client create --json works on a fresh database and the server accepts those credentials', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'opencheck-cli-'));
  const env = { DATABASE_URL: `sqlite:${join(dir, 'nested', 'db.sqlite')}` };
  const { stdout } = await cli(['client', 'create', '--name', 'lender-a', '--json'], env);
  const created = JSON.parse(stdout);
  assert.match(created.client_id, /^[0-9a-f]{24}$/);
  assert.match(created.secret, /^[0-9a-f]{30}$/);
  const list = JSON.parse((await cli(['client', 'list', '--json'], env)).stdout);
  assert.deepEqual(list.map((c: { name: string }) => c.name), ['lender-a']);
  assert.doesNotMatch(JSON.stringify(list), new RegExp(created.secret), 'secrets are never listed');
  assert.match((await cli(['migrate'], env)).stdout, /up to date/);

  const server = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'silent' } });
  t.after(() => server.kill('SIGKILL'));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    server.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  const plaid = new PlaidApi(new Configuration({ basePath: url, baseOptions: { headers: { 'PLAID-CLIENT-ID': created.client_id, 'PLAID-SECRET': created.secret } } }));
  const user = await plaid.userCreate({ client_user_id: 'applicant-42' });
  assert.match(user.data.user_id, /^usr_/);
});

test('serve without configured credentials mints a development client once and prints it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'opencheck-dev-'));
  const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, PORT: '0', LOG_LEVEL: 'silent' };
  async function startOnce(): Promise<string> {
    const server = spawn(process.execPath, [BIN, 'serve'], { env });
    t.after(() => server.kill('SIGKILL'));
    const out = await new Promise<string>((resolve) => {
      let text = '';
      server.stdout.on('data', (chunk) => {
        text += chunk;
        if (/secret:.*\n/.test(text)) resolve(text);
      });
    });
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('exit', resolve));
    return out;
  }
  const first = await startOnce();
  const clientId = /client_id: (\S+)/.exec(first)![1];
  assert.match(first, /secret:\s+[0-9a-f]{30}/);
  const second = await startOnce();
  assert.equal(/client_id: (\S+)/.exec(second)![1], clientId, 'the same development client on restart');
  assert.doesNotMatch(second, /secret:\s+[0-9a-f]{30}/, 'its secret is not stored in clear, so not shown again');
});

test('a bad configuration is reported, not crashed on', async () => {
  await assert.rejects(cli(['migrate'], { DATABASE_URL: 'mysql://nope' }), (error: { code: number; stderr: string }) => {
    assert.equal(error.code, 2);
    assert.match(error.stderr, /DATABASE_URL must start with sqlite: or postgres:\/\//);
    return true;
  });
});
