// The filesystem pack.
import type { Rule } from '../define.js';
import blockDeviceWrite from './block-device-write.js';
import chmodHome from './chmod-home.js';
import chmodSystem from './chmod-system.js';
import deleteOutsideProject from './delete-outside-project.js';
import findDeleteCritical from './find-delete-critical.js';
import mvToDevice from './mv-to-device.js';
import rmCritical from './rm-critical.js';
import rmProjectRoot from './rm-project-root.js';
import rmProtectedPath from './rm-protected-path.js';
import rmUnresolved from './rm-unresolved.js';

export const FILESYSTEM_RULES: readonly Rule[] = [
  rmCritical,
  rmProjectRoot,
  rmUnresolved,
  rmProtectedPath,
  deleteOutsideProject,
  findDeleteCritical,
  chmodSystem,
  chmodHome,
  blockDeviceWrite,
  mvToDevice,
];
