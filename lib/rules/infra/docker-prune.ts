import { display, isDynamic } from '../../shell/analyze.js';
import { hasFlag, splitArgs } from '../args.js';
import { defineRule } from '../define.js';
import { segmentOf } from './cli.js';

/**
 * docker/podman global options that take a value. `-f` and `-p` are not here: compose reads them
 * as `--file`/`--project-name`, prune as `--force`; compose is read by looking for `down` instead.
 */
const VALUE_FLAGS = new Set([
  '-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey', '--file', '--project-name', '--profile',
  '--env-file', '--project-directory', '--ansi', '--parallel', '--progress', '--filter', '--timeout', '--rmi', '--connection', '--url', '--identity',
  '--root', '--runroot',
]);

type Found = { messageId: 'system' | 'volumes'; how: string };

function find(program: string, args: string[]): Found | undefined {
  const { options, operands } = splitArgs(args, VALUE_FLAGS);
  // `docker-compose down -v` is `docker compose down -v`; compose's `-f x.yml`/`-p name` values
  // come before `down`.
  if (program === 'docker-compose' || program === 'podman-compose' || operands[0] === 'compose') {
    return operands.includes('down') && hasFlag(options, 'v', '--volumes') ? { messageId: 'volumes', how: 'compose down --volumes' } : undefined;
  }
  const [group, verb, ...rest] = operands;
  if (group === 'system' && verb === 'prune') {
    return hasFlag(options, undefined, '--volumes') ? { messageId: 'volumes', how: 'system prune --volumes' } : { messageId: 'system', how: 'system prune' };
  }
  if (group === 'volume' && verb === 'prune') return { messageId: 'volumes', how: 'volume prune' };
  // A named volume holds data no rebuild brings back; `$(docker volume ls -q)` is all of them.
  if (group === 'volume' && (verb === 'rm' || verb === 'remove')) {
    return { messageId: 'volumes', how: rest.some(isDynamic) ? 'volume rm of volumes listed at run time' : `volume rm ${rest.map(display).join(' ')}` };
  }
  return undefined;
}

export default defineRule({
  id: 'infra/docker-prune',
  meta: {
    description:
      '`docker system prune`, `docker volume prune`, `docker volume rm`, `docker compose down -v` (docker, podman, nerdctl)',
    action: 'ask',
    presets: { strict: 'deny' },
    packs: ['infra'],
    messages: {
      system:
        '`{{segment}}` removes every stopped container (with anything written inside it), unused network and dangling image on this machine, not only this project’s. Remove the specific containers or images you mean (`docker rm <name>`, `docker image prune` for dangling images), or ask the human to approve.',
      volumes:
        '`{{segment}}` deletes Docker volumes ({{how}}), and with them the data of databases and services that keep state there. Stop the stack without `-v` (`docker compose down`), take a dump of the data first, or ask the human to approve.',
    },
  },
  programs: ['docker', 'podman', 'nerdctl', 'docker-compose', 'podman-compose'],
  check(cmd) {
    const found = find(cmd.program, cmd.argv.slice(1));
    return found === undefined ? [] : [{ messageId: found.messageId, data: { segment: segmentOf(cmd), how: found.how } }];
  },
});
