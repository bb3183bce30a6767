// Plaid's canned Sandbox users for Plaid Check, by username. Each builds up
// to 24 months of history ending on the Item creation day, seeded by the
// username unless a seed is given, so every Item for a persona is identical
// apart from the dates it is anchored to.

import type { IsoDate } from '../../domain/model.js';
import type { SandboxAccount } from '../item-data.js';
import { buildBankIncome } from './bank-income.js';
import { buildBonus } from './bonus.js';
import { buildExcellent } from './excellent.js';
import { buildGood } from './good.js';
import { buildJoint } from './joint.js';
import { buildPoor } from './poor.js';
import { buildUserGood } from './user-good.js';

export interface Persona {
  username: string;
  /** The one password accepted, or null for "any password". */
  password: string | null;
  build: (seed: string, creationDate: IsoDate) => SandboxAccount[];
}

export const PERSONAS: readonly Persona[] = [
  { username: 'user_credit_profile_excellent', password: null, build: buildExcellent },
  { username: 'user_credit_profile_good', password: null, build: buildGood },
  { username: 'user_credit_profile_poor', password: null, build: buildPoor },
  { username: 'user_credit_bonus', password: null, build: buildBonus },
  { username: 'user_credit_joint_account', password: null, build: buildJoint },
  { username: 'user_bank_income', password: null, build: buildBankIncome },
  { username: 'user_good', password: 'pass_good', build: buildUserGood },
];

export function findPersona(username: string): Persona | null {
  return PERSONAS.find((p) => p.username === username) ?? null;
}

/** A persona's accounts for an Item created on `creationDate`; `seed` defaults to the username. */
export function buildPersona(persona: Persona, creationDate: IsoDate, seed?: string): SandboxAccount[] {
  return persona.build(seed ?? persona.username, creationDate);
}
