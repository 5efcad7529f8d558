import { display, isDynamic } from '../../shell/analyze.js';
import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { isDryRun, segmentOf } from './cli.js';
import { commandPath, parseAws } from './cloud.js';

type Found = { messageId: 'bucket' | 'recursive' | 'sync'; target: string };

const GSUTIL_VALUE_FLAGS = new Set(['-o', '-h', '-u', '-p']);

function aws(args: string[]): Found | undefined {
  const call = parseAws(args);
  if (call === undefined || isDryRun(call.options)) return undefined;
  const target = display(call.rest[0] ?? '');
  if (call.service === 's3') {
    if (call.operation === 'rb') return { messageId: 'bucket', target };
    if (call.operation === 'rm' && hasFlag(call.options, undefined, '--recursive')) return { messageId: 'recursive', target };
    if (call.operation === 'sync' && hasFlag(call.options, undefined, '--delete')) return { messageId: 'sync', target: display(call.rest[1] ?? '') };
    return undefined;
  }
  if (call.service === 's3api') {
    if (call.operation === 'delete-bucket') return { messageId: 'bucket', target: target || '(bucket)' };
    if (call.operation === 'delete-objects') return { messageId: 'recursive', target: target || '(objects)' };
  }
  return undefined;
}

/** `gsutil [-m] rm -r gs://b`, `gsutil rm gs://b/**`, `gsutil rb gs://b`. */
function gsutil(args: string[]): Found | undefined {
  const { operands } = splitArgs(args, GSUTIL_VALUE_FLAGS);
  // The subcommand's own options come after it: split again from there.
  const i = args.indexOf(operands[0] ?? '');
  if (i === -1) return undefined;
  const sub = args[i];
  const { options, operands: paths } = splitArgs(args.slice(i + 1));
  const target = paths.map(display).join(' ');
  if (sub === 'rb') return { messageId: 'bucket', target };
  if (sub === 'rsync' && hasFlag(options, 'd')) return { messageId: 'sync', target: display(paths[paths.length - 1] ?? '') };
  if (sub === 'rm' && (hasFlag(options, 'r') || hasFlag(options, 'R') || hasFlag(options, 'a') || paths.some(isWide))) {
    return { messageId: 'recursive', target };
  }
  return undefined;
}

/** `gs://bucket`, `gs://b/**`, `gs://b/dir/*`: a whole bucket or tree, or unknown. */
function isWide(path: string): boolean {
  return isDynamic(path) || path.includes('*') || /^[a-z0-9]+:\/\/[^/]+\/?$/.test(path);
}

/** gcloud storage rm -r / --recursive / wildcards, gcloud storage buckets delete. */
function gcloud(args: string[]): Found | undefined {
  const { words, options } = commandPath(args);
  const at = words.indexOf('storage');
  if (at === -1) return undefined;
  const [group, verb, ...paths] = words.slice(at + 1);
  const target = paths.map(display).join(' ');
  if (group === 'buckets' && verb === 'delete') return { messageId: 'bucket', target };
  if (group === 'rsync' && hasFlag(options, undefined, '--delete-unmatched-destination-objects')) return { messageId: 'sync', target: display(paths[paths.length - 1] ?? '') };
  if (group === 'rm') {
    const all = [verb ?? '', ...paths].filter((p) => p !== '');
    if (hasFlag(options, 'r', '--recursive') || hasFlag(options, 'R') || hasFlag(options, 'a', '--all-versions') || all.some(isWide)) {
      return { messageId: 'recursive', target: all.map(display).join(' ') };
    }
  }
  return undefined;
}

/** az storage … delete / delete-batch, except a single blob or file. */
function az(args: string[]): Found | undefined {
  const { words } = commandPath(args);
  if (words[0] !== 'storage') return undefined;
  const verbAt = words.findIndex((w) => w === 'delete' || w === 'delete-batch');
  if (verbAt === -1) return undefined;
  const group = words.slice(1, verbAt).join(' ');
  const verb = words[verbAt] as string;
  if (verb === 'delete' && (group === 'blob' || group === 'file' || group === 'entity' || group === 'message')) return undefined;
  return { messageId: group === 'account' || group === 'container' || group === 'share' || group === 'fs' ? 'bucket' : 'recursive', target: `az storage ${group} ${verb}` };
}

/** s3cmd rb, s3cmd del/rm -r; rclone purge / delete. */
function other(program: string, args: string[]): Found | undefined {
  const { options, operands } = splitArgs(args);
  const [sub, ...paths] = operands;
  const target = paths.map(display).join(' ');
  if (isDryRun(options)) return undefined;
  if (program === 's3cmd') {
    if (sub === 'rb') return { messageId: 'bucket', target };
    if ((sub === 'del' || sub === 'rm') && hasFlag(options, 'r', '--recursive')) return { messageId: 'recursive', target };
  }
  if (program === 'rclone' && (sub === 'purge' || sub === 'delete' || sub === 'rmdirs')) return { messageId: 'recursive', target };
  return undefined;
}

export default defineRule({
  id: 'infra/cloud-storage-delete',
  meta: {
    description:
      'Deleting cloud storage buckets or everything under a prefix: `aws s3 rb`, `aws s3 rm --recursive`, `aws s3 sync --delete`, s3api delete-bucket/delete-objects, `gsutil rm -r`/`rb`/`rsync -d`, `gcloud storage rm -r`/`buckets delete`, `az storage … delete`, s3cmd, `rclone purge`/`delete`',
    action: 'ask',
    presets: { strict: 'deny' },
    packs: ['infra'],
    messages: {
      bucket:
        '`{{segment}}` deletes a storage bucket or container ({{target}}) with its contents; object storage has no undo unless versioning was on. List it first (`aws s3 ls`, `gsutil ls`) and ask the human to approve.',
      sync: '`{{segment}}` deletes every object under {{target}} that the source does not have; with a wrong or empty source that is all of them. Sync without the delete option, preview with `--dryrun`/`-n`, or ask the human to approve.',
      recursive:
        '`{{segment}}` deletes every object under {{target}}. Delete the specific objects you mean, preview with `--dryrun`/`--dry-run` where the tool has it, or ask the human to approve.',
    },
  },
  programs: ['aws', 'gsutil', 'gcloud', 'az', 's3cmd', 'rclone'],
  check(cmd) {
    const args = cmd.argv.slice(1);
    let found: Found | undefined;
    switch (cmd.program) {
      case 'aws':
        found = aws(args);
        break;
      case 'gsutil':
        found = gsutil(args);
        break;
      case 'gcloud':
        found = gcloud(args);
        break;
      case 'az':
        found = az(args);
        break;
      default:
        found = other(cmd.program, args);
    }
    return found === undefined ? [] : [{ messageId: found.messageId, data: { segment: segmentOf(cmd), target: found.target || '(unnamed)' } }];
  },
});
