// The corpus: every entry of tests/corpus/data, in one list. The corpus test asserts the guard's
// recall and false-block rate on it; `npm run bench` measures warden and cc-safety-net on it.

import type { Entry } from './entry.js';
import { GIT } from './data/git.js';
import { FILESYSTEM } from './data/filesystem.js';
import { DISK } from './data/disk.js';
import { INFRA } from './data/infra.js';
import { SECRETS } from './data/secrets.js';
import { NETWORK } from './data/network.js';
import { REMOTE } from './data/remote.js';
import { INTERPRETER } from './data/interpreter.js';
import { WRAPPERS } from './data/wrappers.js';
import { SQL } from './data/sql.js';
import { EVERYDAY } from './data/everyday.js';
import { TRAPS } from './data/traps.js';
import { SELF } from './data/self.js';

export type { Entry } from './entry.js';

export const CORPUS: readonly Entry[] = [
  ...GIT,
  ...FILESYSTEM,
  ...DISK,
  ...INFRA,
  ...SECRETS,
  ...NETWORK,
  ...REMOTE,
  ...INTERPRETER,
  ...WRAPPERS,
  ...SQL,
  ...EVERYDAY,
  ...TRAPS,
  ...SELF,
];
