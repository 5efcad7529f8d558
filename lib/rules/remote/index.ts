// The remote pack: code a shell or interpreter runs without anyone seeing it — downloaded, decoded,
// or otherwise out of warden's sight (the analysis records it as `SimpleCommand.runs`).
import type { Rule } from '../define.js';
import pipeToShell from './pipe-to-shell.js';
import unknownScript from './unknown-script.js';

export const REMOTE_RULES: readonly Rule[] = [pipeToShell, unknownScript];
