// Compiles the rule tables once, at module load, into a word index so that a
// description is tested only against rules that share a word with it, and
// finds the first (highest-priority) rule that applies.

import type { AccountType } from '../model.js';
import type { Direction, Rule } from './rule.js';
import type { NormalisedDescription } from './normalise.js';
import { isPfcDetailed } from './taxonomy.js';

export interface MatchContext {
  direction: Direction;
  accountType: AccountType;
  /** Lowercase Plaid subtype, or null. */
  accountSubtype: string | null;
}

interface CompiledRule {
  rule: Rule;
  /** Padded phrases: " WORD WORD " for whole words, " WORD WORD" for a prefix. */
  phrases: readonly string[];
  also: readonly string[] | null;
  unless: readonly string[] | null;
}

export interface CompiledRules {
  readonly rules: readonly CompiledRule[];
  /** First word of a phrase → indices (ascending) of the rules using it. */
  readonly byWord: ReadonlyMap<string, readonly number[]>;
  /** Rules that cannot be indexed by a word (pattern-only or prefix-only); always tried. */
  readonly unindexed: readonly number[];
}

const PHRASE_SHAPE = /^[A-Z0-9]+(?: [A-Z0-9]+)*\*?$/;

function padPhrase(ruleId: string, phrase: string): string {
  if (!PHRASE_SHAPE.test(phrase)) {
    throw new Error(`rule ${ruleId}: phrase "${phrase}" is not normalised (uppercase words, single spaces)`);
  }
  return phrase.endsWith('*') ? ` ${phrase.slice(0, -1)}` : ` ${phrase} `;
}

/** Validates and indexes rules; throws on a malformed table (a bug, caught by any test run). */
export function compileRules(rules: readonly Rule[]): CompiledRules {
  const seen = new Set<string>();
  const compiled: CompiledRule[] = [];
  const byWord = new Map<string, number[]>();
  const unindexed: number[] = [];

  rules.forEach((rule, index) => {
    if (seen.has(rule.id)) throw new Error(`duplicate rule id: ${rule.id}`);
    seen.add(rule.id);
    if (!isPfcDetailed(rule.category)) throw new Error(`rule ${rule.id}: unknown category ${rule.category}`);
    if (rule.match.length === 0 && rule.pattern === undefined) throw new Error(`rule ${rule.id}: matches nothing`);
    if (rule.pattern && (rule.pattern.global || rule.pattern.sticky)) {
      throw new Error(`rule ${rule.id}: stateful regex flags would make matching impure`);
    }
    const pad = (phrases: readonly string[] | undefined) =>
      phrases && phrases.length > 0 ? phrases.map((p) => padPhrase(rule.id, p)) : null;
    compiled.push({ rule, phrases: pad(rule.match) ?? [], also: pad(rule.also), unless: pad(rule.unless) });

    // Index by each phrase's first word, unless that word is itself a prefix.
    const anchors = new Set<string>();
    let indexable = rule.match.length > 0;
    for (const phrase of rule.match) {
      const first = phrase.split(' ')[0];
      if (first.endsWith('*')) indexable = false;
      else anchors.add(first);
    }
    if (!indexable) {
      unindexed.push(index);
      return;
    }
    for (const word of anchors) {
      const list = byWord.get(word);
      if (list) list.push(index);
      else byWord.set(word, [index]);
    }
  });
  return { rules: compiled, byWord, unindexed };
}

function containsAny(text: string, phrases: readonly string[]): boolean {
  for (const phrase of phrases) if (text.includes(phrase)) return true;
  return false;
}

function applies(compiled: CompiledRule, text: string, context: MatchContext): boolean {
  const { rule } = compiled;
  if (rule.direction !== undefined && rule.direction !== context.direction) return false;
  if (rule.accountTypes !== undefined && !rule.accountTypes.includes(context.accountType)) return false;
  if (rule.accountSubtypes !== undefined) {
    if (context.accountSubtype === null || !rule.accountSubtypes.includes(context.accountSubtype)) return false;
  }
  if (compiled.phrases.length > 0 && !containsAny(text, compiled.phrases)) return false;
  if (compiled.also !== null && !containsAny(text, compiled.also)) return false;
  if (compiled.unless !== null && containsAny(text, compiled.unless)) return false;
  if (rule.pattern !== undefined && !rule.pattern.test(text)) return false;
  return true;
}

/** The highest-priority rule that applies to the description, or null. */
export function findRule(rules: CompiledRules, description: NormalisedDescription, context: MatchContext): Rule | null {
  const candidates: number[] = [...rules.unindexed];
  for (const token of description.tokens) {
    const indices = rules.byWord.get(token);
    if (indices !== undefined) for (const index of indices) candidates.push(index);
  }
  candidates.sort((a, b) => a - b);
  let previous = -1;
  for (const index of candidates) {
    if (index === previous) continue;
    previous = index;
    const compiled = rules.rules[index];
    if (applies(compiled, description.text, context)) return compiled.rule;
  }
  return null;
}
