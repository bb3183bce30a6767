// The Sandbox-only institutions opencheck knows (names as in Plaid's
// "Sandbox institutions" page). Health decides what linking one does: the
// unhealthy test banks exist so clients can exercise their error paths.

export type InstitutionHealth = 'healthy' | 'degraded' | 'down' | 'unsupported';

export interface SandboxInstitution {
  institutionId: string;
  name: string;
  /** Link sends the user through an OAuth redirect for these. */
  oauth: boolean;
  health: InstitutionHealth;
}

const INSTITUTIONS: readonly SandboxInstitution[] = [
  { institutionId: 'ins_109508', name: 'First Platypus Bank', oauth: false, health: 'healthy' },
  { institutionId: 'ins_109509', name: 'First Gingham Credit Union', oauth: false, health: 'healthy' },
  { institutionId: 'ins_109510', name: 'Tattersall Federal Credit Union', oauth: false, health: 'healthy' },
  { institutionId: 'ins_109511', name: 'Tartan Bank', oauth: false, health: 'healthy' },
  { institutionId: 'ins_109512', name: 'Houndstooth Bank', oauth: false, health: 'healthy' },
  // Plaid's page calls ins_130016 "First Platypus Balance Bank"; "Flexible
  // Platypus Open Banking" is the name of its UK test banks (ins_116834, ins_117181).
  { institutionId: 'ins_130016', name: 'First Platypus Balance Bank', oauth: false, health: 'healthy' },
  { institutionId: 'ins_127287', name: 'Platypus OAuth Bank', oauth: true, health: 'healthy' },
  { institutionId: 'ins_132363', name: 'Unhealthy Platypus Bank - Degraded', oauth: false, health: 'degraded' },
  { institutionId: 'ins_132361', name: 'Unhealthy Platypus Bank - Down', oauth: false, health: 'down' },
  { institutionId: 'ins_133402', name: 'Unsupported Platypus Bank - Institution Not Supported', oauth: false, health: 'unsupported' },
];

const BY_ID = new Map(INSTITUTIONS.map((i) => [i.institutionId, i]));

export function findInstitution(institutionId: string): SandboxInstitution | null {
  return BY_ID.get(institutionId) ?? null;
}

export function listInstitutions(): readonly SandboxInstitution[] {
  return INSTITUTIONS;
}

/**
 * The Item-creation error an institution's health forces, if any: a "down"
 * bank answers INSTITUTION_DOWN and an unsupported one
 * INSTITUTION_NO_LONGER_SUPPORTED. A degraded bank still links.
 */
export function institutionLinkError(institution: SandboxInstitution): string | null {
  switch (institution.health) {
    case 'down':
      return 'INSTITUTION_DOWN';
    case 'unsupported':
      return 'INSTITUTION_NO_LONGER_SUPPORTED';
    case 'healthy':
    case 'degraded':
      return null;
  }
}
