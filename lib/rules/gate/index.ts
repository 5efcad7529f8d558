// The safety gate's own rules: approvals and trust belong to the human.
import type { Rule } from '../define.js';
import selfApprove from './self-approve.js';

export const GATE_RULES: readonly Rule[] = [selfApprove];
