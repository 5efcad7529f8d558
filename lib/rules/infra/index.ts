// The infra pack: destructive operations on clusters, cloud accounts, hosted repositories,
// package registries and hosting platforms. Everything here is irreversible for someone else, so
// every rule asks a human (deny under the strict preset).
import type { Rule } from '../define.js';
import cloudResourceDelete from './cloud-resource-delete.js';
import cloudStorageDelete from './cloud-storage-delete.js';
import dockerPrune from './docker-prune.js';
import helmUninstall from './helm-uninstall.js';
import iacDestroy from './iac-destroy.js';
import kubectlDelete from './kubectl-delete.js';
import packageUnpublish from './package-unpublish.js';
import platformDestroy from './platform-destroy.js';
import repoDelete from './repo-delete.js';
import repoVisibility from './repo-visibility.js';

export const INFRA_RULES: readonly Rule[] = [
  kubectlDelete,
  helmUninstall,
  iacDestroy,
  cloudStorageDelete,
  cloudResourceDelete,
  dockerPrune,
  repoDelete,
  repoVisibility,
  packageUnpublish,
  platformDestroy,
];
