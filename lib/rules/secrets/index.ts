// The secrets pack: private keys, stored credentials and .env files printed into the session,
// copied out of their place, or sent off the machine — by shell commands and by the Read and Grep
// tools. What a command does with which file is worked out once (access.ts, paths.ts).
import type { Rule } from '../define.js';
import credentialCopy from './credential-copy.js';
import credentialRead from './credential-read.js';
import envFileRead from './env-file-read.js';
import send from './send.js';

export const SECRETS_RULES: readonly Rule[] = [credentialRead, envFileRead, credentialCopy, send];
