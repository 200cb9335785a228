import { REFUSALS } from './catalogue.js';
import { INPUT_REFUSALS } from './input-refusals.js';
import { VALIDATION_REFUSALS } from './validation-refusals.js';
import type { Particulars, Wording } from './wording.js';

/** Every wording of the catalogue by name: each problem code, and each rule of invalid input and of validation. */
export const EVERY_WORDING: readonly (readonly [string, Wording])[] = [
  ...Object.entries(REFUSALS),
  ...Object.entries(INPUT_REFUSALS).map(([rule, wording]) => [`invalid-input/${rule}`, wording] as const),
  ...Object.entries(VALIDATION_REFUSALS).map(([rule, wording]) => [`validation-failed/${rule}`, wording] as const),
];

/**
 * Particulars that name every value by its path (`‹field›`) and list one entry, present (`has`) or not: a
 * wording rendered with both shows each of its branches, with what it quotes marked.
 */
export function sampleParticulars(has: boolean): Particulars {
  return {
    text: (path) => `‹${path}›`,
    term: (path) => `‹${path}›`,
    has: () => has,
    items: () => [sampleParticulars(has)],
  };
}
