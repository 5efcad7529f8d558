// Reading the cloud CLIs' command lines: aws `<service> <operation>`, and the positional command
// path of gcloud and az (`compute instances delete`, `sql db delete`).

import { splitArgs } from '../args.js';

/** aws global options that take a value. */
const AWS_VALUE_FLAGS = new Set([
  '--profile', '--region', '--endpoint-url', '--output', '--query', '--ca-bundle', '--cli-read-timeout', '--cli-connect-timeout', '--color',
  '--cli-binary-format',
]);

export interface AwsCall {
  service: string;
  operation: string;
  /** Positional words after the operation (s3 paths). */
  rest: string[];
  options: string[];
}

/**
 * `aws [global options] <service> <operation> …`. Operation parameters follow the operation, so
 * only global options can come before it; their values are listed above.
 */
export function parseAws(args: readonly string[]): AwsCall | undefined {
  const { options, operands } = splitArgs(args, AWS_VALUE_FLAGS);
  const [service, operation, ...rest] = operands;
  if (service === undefined || operation === undefined) return undefined;
  return { service, operation, rest, options };
}

/**
 * Positional words of a gcloud or az command (`gcloud --project p compute instances delete vm`
 * → compute, instances, delete, vm). Options' values are not known in general, so a value may
 * show up among the words; callers look for the verb by name.
 */
export function commandPath(args: readonly string[]): { words: string[]; options: string[] } {
  const { options, operands } = splitArgs(args, GCLOUD_AZ_VALUE_FLAGS);
  return { words: operands, options };
}

/** gcloud and az options that take a value and commonly come before the verb. */
const GCLOUD_AZ_VALUE_FLAGS = new Set([
  '--project', '--account', '--configuration', '--format', '--verbosity', '--zone', '--region', '--impersonate-service-account',
  '--billing-project', '--flags-file', '--subscription', '-g', '--resource-group', '-n', '--name', '--query', '-o', '--output', '--location',
  '-l',
]);
