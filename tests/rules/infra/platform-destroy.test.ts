// infra/platform-destroy: deleting apps, sites, projects and their data on hosting platforms
// (vercel, fly, netlify, heroku, wrangler, firebase, supabase), directly or through npx & co.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'infra/platform-destroy';

const valid: Valid[] = [
  { cmd: 'vercel deploy --prod' },
  { cmd: 'npx vercel ls' },
  { cmd: 'vercel env ls' },
  { cmd: 'fly deploy' },
  { cmd: 'fly apps list' },
  { cmd: 'flyctl status -a web' },
  { cmd: 'netlify deploy --prod' },
  { cmd: 'netlify sites:list' },
  { cmd: 'heroku logs --tail -a web' },
  { cmd: 'heroku apps:info -a web' },
  { cmd: 'wrangler deploy' },
  { cmd: 'wrangler kv key delete --namespace-id n k', note: 'one key' },
  { cmd: 'firebase deploy --only hosting' },
  { cmd: 'firebase firestore:delete users/u1', note: 'one document' },
  { cmd: 'supabase start' },
  { cmd: 'echo "fly apps destroy web --yes"' },
  { cmd: 'git commit -m "heroku apps:destroy the staging app"' },
  { cmd: 'grep -rn "vercel rm" docs' },
  { cmd: 'cat > teardown.sh <<EOF\nnetlify sites:delete\nEOF' },
  { cmd: 'fly status # fly apps destroy web' },
];

const invalid: Invalid[] = [
  { cmd: 'vercel rm my-app --yes', ruleId: R, messageId: 'destroy' },
  { cmd: 'vercel remove my-app-abc123.vercel.app', ruleId: R, messageId: 'destroy' },
  { cmd: 'vercel project rm my-app', ruleId: R, messageId: 'destroy' },
  { cmd: 'vercel --scope team projects remove my-app', ruleId: R, messageId: 'destroy' },
  { cmd: 'npx vercel@latest rm my-app --yes', ruleId: R, messageId: 'destroy' },
  { cmd: 'fly apps destroy web --yes', ruleId: R, messageId: 'destroy' },
  { cmd: 'flyctl apps destroy web', ruleId: R, messageId: 'destroy' },
  { cmd: 'fly destroy web', ruleId: R, messageId: 'destroy' },
  { cmd: 'fly volumes destroy vol_123 -a web', ruleId: R, messageId: 'destroy' },
  { cmd: 'fly postgres destroy my-pg-cluster', ruleId: R, messageId: 'destroy' },
  { cmd: 'netlify sites:delete', ruleId: R, messageId: 'destroy' },
  { cmd: 'npx netlify-cli sites:delete --force', ruleId: R, messageId: 'destroy' },
  { cmd: 'heroku apps:destroy -a web --confirm web', ruleId: R, messageId: 'destroy' },
  { cmd: 'heroku destroy web', ruleId: R, messageId: 'destroy' },
  { cmd: 'heroku pg:reset DATABASE_URL -a web --confirm web', ruleId: R, messageId: 'destroy' },
  { cmd: 'heroku addons:destroy heroku-postgresql -a web', ruleId: R, messageId: 'destroy' },
  { cmd: 'wrangler delete', ruleId: R, messageId: 'destroy' },
  { cmd: 'npx wrangler d1 delete prod-db', ruleId: R, messageId: 'destroy' },
  { cmd: 'wrangler r2 bucket delete assets', ruleId: R, messageId: 'destroy' },
  { cmd: 'firebase firestore:delete --all-collections', ruleId: R, messageId: 'destroy' },
  { cmd: 'firebase firestore:delete users -r --force', ruleId: R, messageId: 'destroy' },
  { cmd: 'npx firebase-tools hosting:disable', ruleId: R, messageId: 'destroy' },
  { cmd: 'supabase projects delete abcd', ruleId: R, messageId: 'destroy' },
  { cmd: 'supabase db reset --linked', ruleId: R, messageId: 'destroy' },
  { cmd: 'bunx vercel rm my-app', ruleId: R },
  { cmd: 'pnpm dlx vercel rm my-app', ruleId: R },
  { cmd: 'npm exec -- vercel rm my-app', ruleId: R },
  { cmd: 'VERCEL_TOKEN=x vercel rm my-app --yes', ruleId: R },
  { cmd: "bash -c 'fly apps destroy web -y'", ruleId: R },
  { cmd: 'fly apps destroy web', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
