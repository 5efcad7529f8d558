// net/bind-all-interfaces: a server listening on every network interface where 127.0.0.1 would do.

import { test } from 'node:test';
import { assertAllowed, assertBlocked, nameOf, type Invalid, type Valid } from '../../helpers.js';

const R = 'net/bind-all-interfaces';

const valid: Valid[] = [
  { cmd: 'flask run' },
  { cmd: 'flask run --host 127.0.0.1' },
  { cmd: 'uvicorn app:app --port 8000' },
  { cmd: 'uvicorn app:app --host 127.0.0.1 --port 8000' },
  { cmd: 'npm run dev' },
  { cmd: 'vite --host 127.0.0.1' },
  { cmd: 'vite --host localhost --port 5173' },
  { cmd: 'next dev -H 127.0.0.1' },
  { cmd: 'python3 -m http.server --bind 127.0.0.1 8000' },
  { cmd: 'python3 -m http.server -b ::1' },
  { cmd: 'python3 -m pytest' },
  { cmd: 'php -S localhost:8000' },
  { cmd: 'rails s -b 127.0.0.1' },
  { cmd: 'gunicorn -b 127.0.0.1:8000 app:app' },
  { cmd: 'npx http-server -a 127.0.0.1' },
  { cmd: 'npx serve -l tcp://127.0.0.1:3000' },
  { cmd: 'nc -l 127.0.0.1 8080' },
  { cmd: 'nc -l -s 127.0.0.1 -p 8080' },
  { cmd: 'nc -zv example.com 443', note: 'a client' },
  { cmd: 'socat TCP-LISTEN:8080,bind=127.0.0.1,fork TCP:localhost:3000' },
  { cmd: 'socat - TCP:example.com:80', note: 'a client' },
  { cmd: 'ssh -L 8080:localhost:80 host' },
  { cmd: 'docker run -p 127.0.0.1:8080:80 nginx' },
  { cmd: 'curl http://0.0.0.0:8080/', note: 'a client' },
  { cmd: 'ip route add 0.0.0.0/0 via 10.0.0.1' },
  { cmd: 'head -c 0 file', note: 'a value of 0 is not an address' },
  { cmd: 'echo --host 0.0.0.0' },
  { cmd: 'printf "%s" "--bind 0.0.0.0"' },
  { cmd: 'grep -rn "0.0.0.0" config/' },
  { cmd: 'git commit -m "bind to 0.0.0.0 in the container"' },
  { cmd: 'cat > Procfile <<EOF\nweb: gunicorn -b 0.0.0.0:$PORT app:app\nEOF' },
  { cmd: 'npm start # --host 0.0.0.0' },
];

const invalid: Invalid[] = [
  { cmd: 'flask run --host=0.0.0.0', ruleId: R, messageId: 'all' },
  { cmd: 'flask run -h 0.0.0.0', ruleId: R, messageId: 'all' },
  { cmd: 'uvicorn app:app --host 0.0.0.0 --port 8000', ruleId: R, messageId: 'all' },
  { cmd: 'uvicorn app:app --host :: --port 8000', ruleId: R, messageId: 'all' },
  { cmd: 'vite --host', ruleId: R, messageId: 'all' },
  { cmd: 'npx vite --host --port 5173', ruleId: R, messageId: 'all' },
  { cmd: 'npm run dev -- --host', ruleId: R, messageId: 'all' },
  { cmd: 'npm run dev -- --host 0.0.0.0', ruleId: R, messageId: 'all' },
  { cmd: 'next dev -H 0.0.0.0', ruleId: R, messageId: 'all' },
  { cmd: 'php -S 0.0.0.0:8000', ruleId: R, messageId: 'all' },
  { cmd: 'php -S [::]:8000 -t public', ruleId: R, messageId: 'all' },
  { cmd: 'rails server -b 0.0.0.0', ruleId: R, messageId: 'all' },
  { cmd: 'gunicorn -b 0.0.0.0:8000 app:app', ruleId: R, messageId: 'all' },
  { cmd: 'gunicorn --bind :8000 app:app', ruleId: R, messageId: 'all' },
  { cmd: 'jupyter lab --ip=0.0.0.0 --no-browser', ruleId: R, messageId: 'all' },
  { cmd: "jupyter notebook --ip='*'", ruleId: R, messageId: 'all' },
  { cmd: 'hugo server --bind 0.0.0.0', ruleId: R, messageId: 'all' },
  { cmd: 'webpack serve --host local-ip', ruleId: R, messageId: 'all' },
  { cmd: 'kubectl port-forward --address 0.0.0.0 svc/web 8080:80', ruleId: R, messageId: 'all' },
  { cmd: 'go run ./cmd/server -listen :8080', ruleId: R, messageId: 'all' },
  { cmd: 'dockerd -H tcp://0.0.0.0:2375', ruleId: R, messageId: 'all' },
  { cmd: 'docker run -p 0.0.0.0:8080:80 nginx', ruleId: R, messageId: 'all' },
  { cmd: 'ssh -g -L 8080:localhost:80 host', ruleId: R, messageId: 'all' },
  { cmd: 'ssh -L 0.0.0.0:8080:localhost:80 host', ruleId: R, messageId: 'all' },
  { cmd: "ssh -L '*:8080:localhost:80' host", ruleId: R, messageId: 'all' },
  { cmd: 'python3 -m http.server', ruleId: R, messageId: 'default' },
  { cmd: 'python3 -m http.server 8000', ruleId: R, messageId: 'default' },
  { cmd: 'python -m SimpleHTTPServer 8000', ruleId: R, messageId: 'default' },
  { cmd: 'python3 -m http.server --bind 0.0.0.0 8000', ruleId: R },
  { cmd: 'npx http-server dist', ruleId: R, messageId: 'default' },
  { cmd: 'http-server -p 8080', ruleId: R, messageId: 'default' },
  { cmd: 'npx serve dist', ruleId: R, messageId: 'default' },
  { cmd: 'nc -l 4444', ruleId: R, messageId: 'listen' },
  { cmd: 'nc -lvnp 4444', ruleId: R, messageId: 'listen' },
  { cmd: 'ncat --listen 8080 --keep-open', ruleId: R, messageId: 'listen' },
  { cmd: 'socat TCP-LISTEN:8080,fork TCP:localhost:3000', ruleId: R, messageId: 'listen' },
  { cmd: 'socat tcp-l:8080,reuseaddr EXEC:/bin/sh', ruleId: R, messageId: 'listen' },
  { cmd: 'nohup python3 -m http.server 8000 &', ruleId: R },
  { cmd: 'cd dist && python3 -m http.server', ruleId: R },
  { cmd: 'HOST=x uvicorn app:app --host 0.0.0.0', ruleId: R },
  { cmd: "bash -c 'flask run --host 0.0.0.0'", ruleId: R },
  { cmd: 'timeout 30 php -S 0.0.0.0:8000', ruleId: R },
  { cmd: 'uvicorn app:app "--host" "0.0.0.0"', ruleId: R },
  { cmd: 'flask run --host=0.0.0.0', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

for (const c of valid) {
  void test(nameOf(c), () => {
    assertAllowed(c.cmd, c.opts);
  });
}
for (const c of invalid) {
  void test(nameOf(c), () => {
    assertBlocked(c.cmd, c.ruleId, { ...c.opts, action: c.action ?? 'ask', messageId: c.messageId });
  });
}
