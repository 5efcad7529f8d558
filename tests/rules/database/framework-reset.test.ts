// db/framework-reset: framework and migration commands that drop, wipe or reset a database.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'db/framework-reset';

const valid: Valid[] = [
  { cmd: 'npx prisma migrate dev --name init' },
  { cmd: 'npx prisma migrate deploy' },
  { cmd: 'npx prisma db push' },
  { cmd: 'npx prisma generate' },
  { cmd: 'rails db:migrate' },
  { cmd: 'rails db:seed' },
  { cmd: 'python manage.py migrate' },
  { cmd: 'python manage.py sqlflush', note: 'prints the SQL only' },
  { cmd: 'php artisan migrate' },
  { cmd: 'npx sequelize-cli db:migrate' },
  { cmd: 'npx knex migrate:latest' },
  { cmd: 'mix ecto.migrate' },
  { cmd: 'alembic upgrade head' },
  { cmd: 'npm test' },
  { cmd: 'python -m pytest' },
];

const invalid: Invalid[] = [
  { cmd: 'npx prisma migrate reset', ruleId: R, messageId: 'reset' },
  { cmd: 'npx prisma migrate reset --force --skip-seed', ruleId: R },
  { cmd: 'pnpm prisma migrate reset', ruleId: R },
  { cmd: 'pnpm exec prisma db push --accept-data-loss', ruleId: R },
  { cmd: 'yarn prisma db push --force-reset', ruleId: R },
  { cmd: 'bunx prisma migrate reset', ruleId: R },
  { cmd: 'npm exec -- prisma migrate reset', ruleId: R },
  { cmd: 'prisma migrate reset', ruleId: R },
  { cmd: 'rails db:drop', ruleId: R },
  { cmd: 'bin/rails db:reset', ruleId: R },
  { cmd: 'bundle exec rake db:schema:load', ruleId: R },
  { cmd: 'rails db:drop db:create db:migrate', ruleId: R },
  { cmd: 'rails db:seed:replant', ruleId: R },
  { cmd: 'python manage.py flush --noinput', ruleId: R },
  { cmd: './manage.py reset_db', ruleId: R },
  { cmd: 'python3 manage.py migrate shop zero', ruleId: R },
  { cmd: 'django-admin flush', ruleId: R },
  { cmd: 'python -m django flush --settings=app.settings', ruleId: R },
  { cmd: 'poetry run python manage.py flush', ruleId: R },
  { cmd: 'npx sequelize-cli db:drop', ruleId: R },
  { cmd: 'npx sequelize db:migrate:undo:all', ruleId: R },
  { cmd: 'npx knex migrate:rollback --all', ruleId: R },
  { cmd: 'npx typeorm schema:drop -d src/data-source.ts', ruleId: R },
  { cmd: 'npx drizzle-kit push --force', ruleId: R },
  { cmd: 'php artisan migrate:fresh --seed', ruleId: R },
  { cmd: 'php artisan db:wipe', ruleId: R },
  { cmd: 'mix ecto.reset', ruleId: R },
  { cmd: 'supabase db reset', ruleId: R },
  { cmd: 'dotnet ef database drop --force', ruleId: R },
  { cmd: 'alembic downgrade base', ruleId: R },
  { cmd: 'flyway -url=jdbc:postgresql://localhost/app clean', ruleId: R },
  { cmd: 'liquibase drop-all', ruleId: R },
  { cmd: 'rails db:drop RAILS_ENV=production', note: 'production environment', ruleId: R, action: 'deny' },
  { cmd: 'RAILS_ENV=production rails db:drop', note: 'production environment in its environment', ruleId: R, action: 'deny' },
  { cmd: 'export MIX_ENV=prod; mix ecto.reset', note: 'exported earlier in the line', ruleId: R, action: 'deny' },
  { cmd: 'env APP_ENV=production php artisan migrate:fresh', ruleId: R, action: 'deny' },
  { cmd: 'RAILS_ENV=test rails db:reset', note: 'not production', ruleId: R },
  { cmd: 'npx sequelize-cli db:drop --env production', note: 'production environment', ruleId: R, action: 'deny' },
  { cmd: 'php artisan migrate:fresh --env=production', note: 'production environment', ruleId: R, action: 'deny' },
  { cmd: 'npx prisma migrate reset', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
