// net/tunnel: publishing a local port on the internet through a tunnel service or an SSH remote
// forward.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'net/tunnel';

const valid: Valid[] = [
  { cmd: 'ngrok version' },
  { cmd: 'ngrok config add-authtoken x' },
  { cmd: 'cloudflared tunnel list' },
  { cmd: 'cloudflared tunnel login' },
  { cmd: 'cloudflared access tcp --hostname db.example.com --url localhost:5432', note: 'the client side' },
  { cmd: 'tailscale status' },
  { cmd: 'tailscale funnel status' },
  { cmd: 'tailscale funnel 3000 off' },
  { cmd: 'tailscale serve 3000', note: 'tailnet only' },
  { cmd: 'ssh deploy@host' },
  { cmd: 'ssh -L 8080:localhost:80 host', note: 'a local forward on loopback' },
  { cmd: 'ssh -D 1080 host' },
  { cmd: 'ssh host ls -R /srv', note: '-R of the remote ls' },
  { cmd: 'ssh -i ~/.ssh/id_ed25519 -p 2222 host uptime' },
  { cmd: 'code .' },
  { cmd: 'code tunnel status' },
  { cmd: 'bore --help' },
  { cmd: 'zrok share private 8080' },
  { cmd: 'echo "ngrok http 3000"' },
  { cmd: 'git commit -m "document ngrok http 3000 for demos"' },
  { cmd: 'grep -rn "ssh -R" docs' },
  { cmd: 'cat > demo.sh <<EOF\nngrok http 3000\nEOF' },
  { cmd: 'npm start # then ngrok http 3000' },
];

const invalid: Invalid[] = [
  { cmd: 'ngrok http 3000', ruleId: R, messageId: 'tunnel' },
  { cmd: 'ngrok tcp 22', ruleId: R, messageId: 'tunnel' },
  { cmd: 'ngrok start --all', ruleId: R, messageId: 'tunnel' },
  { cmd: 'npx ngrok http 8080', ruleId: R, messageId: 'tunnel' },
  { cmd: 'cloudflared tunnel --url http://localhost:8080', ruleId: R, messageId: 'tunnel' },
  { cmd: 'cloudflared tunnel run my-tunnel', ruleId: R, messageId: 'tunnel' },
  { cmd: 'lt --port 3000', ruleId: R, messageId: 'tunnel' },
  { cmd: 'npx localtunnel --port 3000 --subdomain demo', ruleId: R, messageId: 'tunnel' },
  { cmd: 'bore local 3000 --to bore.pub', ruleId: R, messageId: 'tunnel' },
  { cmd: 'ssh -R 80:localhost:3000 nokey@localhost.run', ruleId: R, messageId: 'tunnel' },
  { cmd: 'ssh -R80:localhost:3000 serveo.net', ruleId: R, messageId: 'tunnel' },
  { cmd: 'ssh -NR 9000:localhost:22 me@vps', ruleId: R, messageId: 'tunnel' },
  { cmd: 'ssh -fN -R 9000:localhost:22 me@vps', ruleId: R, messageId: 'tunnel' },
  { cmd: 'ssh vps -R 9000:localhost:22', note: 'options after the destination', ruleId: R, messageId: 'tunnel' },
  { cmd: 'ssh -o RemoteForward="8080 localhost:80" vps', ruleId: R, messageId: 'tunnel' },
  { cmd: 'ssh -oRemoteForward=8080:localhost:80 vps', ruleId: R, messageId: 'tunnel' },
  { cmd: 'autossh -M 0 -R 9000:localhost:22 me@vps', ruleId: R, messageId: 'tunnel' },
  { cmd: 'tailscale funnel 3000', ruleId: R, messageId: 'tunnel' },
  { cmd: 'tailscale funnel --bg 3000', ruleId: R, messageId: 'tunnel' },
  { cmd: 'zrok share public localhost:8080', ruleId: R, messageId: 'tunnel' },
  { cmd: 'devtunnel host -p 3000 --allow-anonymous', ruleId: R, messageId: 'tunnel' },
  { cmd: 'code tunnel', ruleId: R, messageId: 'tunnel' },
  { cmd: 'code tunnel --accept-server-license-terms', ruleId: R, messageId: 'tunnel' },
  { cmd: 'nohup ngrok http 3000 &', ruleId: R },
  { cmd: 'npm run dev & ngrok http 5173', ruleId: R },
  { cmd: '/usr/local/bin/ngrok http 3000', ruleId: R },
  { cmd: "bash -c 'ngrok http 3000'", ruleId: R },
  { cmd: 'timeout 600 cloudflared tunnel --url localhost:3000', ruleId: R },
  { cmd: 'ngrok "http" 3000', ruleId: R },
  { cmd: 'ngrok http 3000', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
