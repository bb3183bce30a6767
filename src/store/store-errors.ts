// Driver errors translated at the store boundary, so callers never parse
// driver messages or SQLSTATEs.

export class DuplicateKeyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DuplicateKeyError';
  }
}

const SQLITE_UNIQUE = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
const PG_UNIQUE_VIOLATION = '23505';

export function isDuplicateKey(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (SQLITE_UNIQUE.has(code) || code === PG_UNIQUE_VIOLATION);
}

/** Runs a write and turns a unique-constraint violation into DuplicateKeyError. */
export async function translateDuplicate<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isDuplicateKey(error)) throw new DuplicateKeyError(`${what} already exists`, { cause: error });
    throw error;
  }
}
