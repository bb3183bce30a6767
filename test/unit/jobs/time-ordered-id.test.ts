import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeOrderedId } from '../../../src/jobs/time-ordered-id.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('is a version 7 UUID whose first 48 bits are the instant', () => {
  const at = Date.parse('2026-11-25T12:00:00.123Z');
  const id = timeOrderedId(at);
  assert.match(id, UUID_V7);
  assert.equal(parseInt(id.replace(/-/g, '').slice(0, 12), 16), at);
});

test('ids sort in the order they were made, within a millisecond and when the clock steps back', () => {
  const at = Date.parse('2030-01-01T00:00:00Z');
  const ids = [
    ...Array.from({ length: 5000 }, () => timeOrderedId(at)),
    timeOrderedId(at - 60_000),
    timeOrderedId(at + 1),
    timeOrderedId(at + 5_000),
  ];
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, UUID_V7);
});
