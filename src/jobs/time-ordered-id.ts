// Time-ordered UUIDs (version 7, RFC 9562) for rows that are written, read and
// deleted in creation order: jobs and webhooks. A random UUID puts each new
// row's primary-key entry on a random page of the index, so every commit
// writes as many index pages as it has rows; ids that grow with time keep
// neighbours on the same pages. Still unique and unguessable enough for ids
// that are not secrets (74 random bits); not for tokens.
import { randomFillSync } from 'node:crypto';

const random = Buffer.alloc(4096);
let randomOffset = random.length;
let lastMs = -1;
let sequence = 0;

function randomBytes(count: number): Buffer {
  if (randomOffset + count > random.length) {
    randomFillSync(random);
    randomOffset = 0;
  }
  randomOffset += count;
  return random.subarray(randomOffset - count, randomOffset);
}

/**
 * A UUIDv7 for the instant `nowMs`. Ids made in one process sort in the
 * order they were made, even within a millisecond or if the clock steps
 * back (a 12-bit sequence continues from the last instant; it rolls over
 * into the next millisecond).
 */
export function timeOrderedId(nowMs: number): string {
  const ms = Math.floor(nowMs);
  if (ms > lastMs) {
    lastMs = ms;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    lastMs += 1;
    sequence = 0;
  }
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes.writeUInt16BE(0x7000 | sequence, 6);
  randomBytes(8).copy(bytes, 8);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
