// infra/docker-prune: machine-wide prunes and volume deletion (docker, podman, nerdctl, compose).
// A named volume holds data no rebuild brings back, so removing one asks too.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'infra/docker-prune';

const valid: Valid[] = [
  { cmd: 'docker ps -a' },
  { cmd: 'docker image prune' },
  { cmd: 'docker image prune -f' },
  { cmd: 'docker builder prune -f' },
  { cmd: 'docker container prune -f' },
  { cmd: 'docker compose down' },
  { cmd: 'docker compose down --remove-orphans' },
  { cmd: 'docker-compose down' },
  { cmd: 'docker compose up -d' },
  { cmd: 'docker run -v data:/var/lib/postgresql/data postgres', note: '-v of run is a mount' },
  { cmd: 'docker volume ls' },
  { cmd: 'docker volume create pgdata' },
  { cmd: 'docker volume inspect pgdata' },
  { cmd: 'docker rm -f web' },
  { cmd: 'docker system df' },
  { cmd: 'echo "docker system prune -af --volumes"' },
  { cmd: 'git commit -m "docker compose down -v wipes the db"' },
  { cmd: 'grep -n "volume prune" Makefile' },
  { cmd: 'cat <<EOF > reset.sh\ndocker compose down -v\nEOF' },
  { cmd: 'docker ps # docker system prune' },
];

const invalid: Invalid[] = [
  { cmd: 'docker system prune', ruleId: R, messageId: 'system' },
  { cmd: 'docker system prune -af', ruleId: R, messageId: 'system' },
  { cmd: 'docker system prune -af --volumes', ruleId: R, messageId: 'volumes' },
  { cmd: 'docker volume prune', ruleId: R, messageId: 'volumes' },
  { cmd: 'docker volume prune -a -f', ruleId: R, messageId: 'volumes' },
  { cmd: 'docker volume rm $(docker volume ls -q)', ruleId: R, messageId: 'volumes' },
  { cmd: 'docker volume rm pgdata', ruleId: R, messageId: 'volumes' },
  { cmd: 'podman volume rm -f pgdata', ruleId: R, messageId: 'volumes' },
  { cmd: 'docker compose down -v', ruleId: R, messageId: 'volumes' },
  { cmd: 'docker compose down --volumes --remove-orphans', ruleId: R, messageId: 'volumes' },
  { cmd: 'docker compose -f docker-compose.prod.yml -p prod down -v', ruleId: R, messageId: 'volumes' },
  { cmd: 'docker-compose down -v', ruleId: R, messageId: 'volumes' },
  { cmd: 'docker --context prod system prune -f', ruleId: R },
  { cmd: 'podman system prune -a', ruleId: R },
  { cmd: 'podman volume prune', ruleId: R },
  { cmd: 'nerdctl system prune', ruleId: R },
  { cmd: 'sudo docker system prune -af', ruleId: R },
  { cmd: "bash -c 'docker volume prune -f'", ruleId: R },
  { cmd: 'docker compose stop && docker compose down -v', ruleId: R },
  { cmd: '"docker" system "prune"', ruleId: R },
  { cmd: 'docker volume prune', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
