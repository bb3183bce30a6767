// Node 20's assert.ok, when it fails without a message, rebuilds one from the
// call's source text; on these tsx-transformed test files that search can spin
// for many minutes, so a failing check would hang the suite (and CI) instead of
// failing it. Every assert.ok here therefore carries its own message.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const TEST_ROOT = join(import.meta.dirname, '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

test('every assert.ok in the tests has a message', () => {
  const missing: string[] = [];
  for (const file of testFiles(TEST_ROOT)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        node.arguments.length === 1 &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'ok' &&
        node.expression.expression.getText(source) === 'assert'
      ) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        missing.push(`${file.slice(TEST_ROOT.length + 1)}:${line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  assert.deepEqual(missing, [], `assert.ok without a message: ${missing.join(', ')}`);
});
