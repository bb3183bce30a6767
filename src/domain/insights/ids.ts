// Identifiers derived from content, so that a product built twice from the same report carries
// the same ids, and a new report (a new report_id) gets new ones (brief §A.4: "each report has
// new ids, e.g. new income_stream_ids").

import { createHash } from 'node:crypto';

/** A UUID-shaped id (version nibble 8: "custom") from the SHA-256 of the parts joined by "|". */
export function derivedUuid(...parts: readonly string[]): string {
  const hex = createHash('sha256').update(parts.join('|')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
