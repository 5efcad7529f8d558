// Rules the pipeline raises itself when it cannot judge a call, and hostile input it judges anyway
// but will not let pass (locked).
import type { Rule } from '../define.js';
import analysisBound from './analysis-bound.js';
import obfuscatedProgram from './obfuscated-program.js';
import policyInvalid from './policy-invalid.js';

export const CORE_RULES: readonly Rule[] = [analysisBound, policyInvalid, obfuscatedProgram];
