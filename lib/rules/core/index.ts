// Rules the pipeline raises itself when it cannot judge a call (locked).
import type { Rule } from '../define.js';
import analysisBound from './analysis-bound.js';
import policyInvalid from './policy-invalid.js';

export const CORE_RULES: readonly Rule[] = [analysisBound, policyInvalid];
