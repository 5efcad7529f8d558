// self/api-write: warden serve's state-changing routes (approvals, trust) and its login link, on
// this machine, are the human's — whatever client the agent uses. Reading routes stay allowed.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'self/api-write';

const valid: Valid[] = [
  { cmd: 'curl http://127.0.0.1:7007/api/pending' },
  { cmd: 'curl -s http://localhost:7007/api/trust' },
  { cmd: 'curl -sI http://127.0.0.1:7007/api/approvals/k7m2qp/approve', note: 'no body, default GET' },
  { cmd: 'curl -X POST https://api.example.com/api/approvals/1/approve', note: 'another machine' },
  { cmd: 'http :7007/api/journal' },
  { cmd: 'curl -X POST http://127.0.0.1:3000/api/users' },
  { cmd: 'echo "POST /api/approvals/k7m2qp/approve"' },
];

const invalid: Invalid[] = [
  { cmd: 'curl -X POST http://127.0.0.1:7007/api/approvals/k7m2qp/approve', ruleId: R, messageId: 'request', action: 'deny' },
  { cmd: 'curl -XPOST localhost:7007/api/approvals/k7m2qp/approve', ruleId: R },
  { cmd: 'curl --request=PUT http://[::1]:7007/api/trust/github.com -d \'{"score":1}\'', ruleId: R },
  { cmd: 'curl -d "" http://127.1:7007/api/approvals/k7m2qp/reject', ruleId: R, note: 'data implies POST; 127.1 is loopback' },
  { cmd: 'curl --json \'{"score":1}\' -X PUT http://0.0.0.0:7007/api/trust/x', ruleId: R },
  { cmd: 'curl -X "$M" http://127.0.0.1:7007/api/approvals/k7m2qp/approve', ruleId: R, note: 'a method warden cannot know' },
  { cmd: 'curl -X POST "http://127.0.0.1:$PORT/api/approvals/k7m2qp/approve"', ruleId: R, note: 'a port warden cannot know' },
  { cmd: 'curl -X POST "http://$HOST/api/approvals/k7m2qp/approve"', ruleId: R, note: 'a host warden cannot know' },
  { cmd: 'wget --method=POST -O- http://localhost:7007/api/approvals/k7m2qp/approve', ruleId: R },
  { cmd: 'wget --post-data= http://localhost:7007/api/approvals/k7m2qp/approve', ruleId: R },
  { cmd: 'http POST :7007/api/approvals/k7m2qp/approve', ruleId: R },
  { cmd: 'http PUT localhost:7007/api/trust/github.com score:=1', ruleId: R },
  { cmd: 'xh :7007/api/trust/github.com score:=1', ruleId: R, note: 'a data item implies POST' },
  { cmd: 'curl "http://127.0.0.1:7007/login?code=abc"', ruleId: R, note: 'the login link, even with GET' },
  { cmd: "bash -c 'curl -X POST http://127.0.0.1:7007/api/approvals/k7m2qp/approve'", ruleId: R },
  { cmd: `python3 -c "import urllib.request as u; u.urlopen(u.Request('http://127.0.0.1:7007/api/approvals/k7m2qp/approve', method='POST'))"`, ruleId: R },
  { cmd: `node -e "fetch('http://localhost:7007/api/trust/github.com', {method: 'PUT', body: '{}'})"`, ruleId: R },
  { cmd: `python3 -c "import requests; requests.post('http://127.0.0.1:7007/api/approvals/x/approve')"`, ruleId: R },
  { cmd: 'curl -X POST http://127.0.0.1:7007/api/approvals/k7m2qp/approve', note: 'locked', ruleId: R, action: 'deny', opts: { policy: 'overrides: { self/api-write: allow }\n' } },
];

tableTests(valid, invalid);
