// lib/sql below the rules: how scripts split into statements, how each is read (node-sql-parser,
// or its tokens when the parser cannot), that both readings agree, and that a parser that cannot
// load leaves every destructive statement found (fail closed).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyTokens } from '../../lib/sql/classify.js';
import { judge, type JudgeOptions } from '../../lib/sql/judge.js';
import { lex, type LexOptions } from '../../lib/sql/lexer.js';
import { loadParser, PARSER_DIALECTS, type ParserDialect } from '../../lib/sql/parser.js';
import { CLIENTS } from '../../lib/sql/clients.js';
import { CLIENT_PROGRAMS } from '../../lib/sql/programs.js';

const PG: LexOptions = { family: 'postgresql', backslash: false, meta: 'psql' };
const MY: LexOptions = { family: 'mysql', backslash: true, meta: 'mysql' };
const LITE: LexOptions = { family: 'sqlite', backslash: false, meta: 'sqlite' };

// ---------------------------------------------------------------------------------------------
// Splitting: what the client sends as separate statements.

const splits: { sql: string; o: LexOptions; statements: string[] }[] = [
  { sql: 'SELECT 1; SELECT 2', o: PG, statements: ['SELECT 1', 'SELECT 2'] },
  { sql: "SELECT 'a;b'; SELECT 2", o: PG, statements: ["SELECT 'a;b'", 'SELECT 2'] },
  { sql: 'SELECT $$a;b$$; SELECT 2', o: PG, statements: ['SELECT $$a;b$$', 'SELECT 2'] },
  { sql: 'SELECT $x$ $$;$$ $x$; SELECT 2', o: PG, statements: ['SELECT $x$ $$;$$ $x$', 'SELECT 2'] },
  { sql: 'SELECT 1 /* a /* b; */ c; */; SELECT 2', o: PG, statements: ['SELECT 1', 'SELECT 2'] },
  { sql: 'SELECT "a;b"; SELECT 2', o: PG, statements: ['SELECT "a;b"', 'SELECT 2'] },
  { sql: 'SELECT 1 -- ;\n; SELECT 2', o: PG, statements: ['SELECT 1', 'SELECT 2'] },
  { sql: "SELECT 'it''s'; SELECT 2", o: PG, statements: ["SELECT 'it''s'", 'SELECT 2'] },
  { sql: "SELECT 'a\\'; SELECT 2", o: PG, statements: ["SELECT 'a\\'", 'SELECT 2'] },
  { sql: "SELECT E'a\\'; b'; SELECT 2", o: PG, statements: ["SELECT E'a\\'; b'", 'SELECT 2'] },
  { sql: "SELECT 'a\\'; b'; SELECT 2", o: MY, statements: ["SELECT 'a\\'; b'", 'SELECT 2'] },
  { sql: 'SELECT "a;b"; SELECT 2', o: MY, statements: ['SELECT "a;b"', 'SELECT 2'] },
  { sql: 'SELECT 1 # ;\nSELECT 2', o: MY, statements: ['SELECT 1  \nSELECT 2'] },
  { sql: 'SELECT `a;b`; SELECT 2', o: MY, statements: ['SELECT `a;b`', 'SELECT 2'] },
  { sql: '/*!50000 DROP TABLE t */; SELECT 2', o: MY, statements: ['DROP TABLE t', 'SELECT 2'] },
  { sql: 'DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nDELIMITER ;\nSELECT 2;', o: MY, statements: ['CREATE PROCEDURE p() BEGIN SELECT 1; END', 'SELECT 2'] },
  { sql: 'SELECT [a;b]; SELECT 2', o: LITE, statements: ['SELECT [a;b]', 'SELECT 2'] },
  { sql: 'SELECT 1;\n.tables\nSELECT 2;', o: LITE, statements: ['SELECT 1', 'SELECT 2'] },
  { sql: 'SELECT 1 \\gexec\nSELECT 2', o: PG, statements: ['SELECT 1', 'SELECT 2'] },
  { sql: 'COPY t (a, b) FROM stdin;\ndelete\tall\nDROP\tx\n\\.\nSELECT 2;', o: PG, statements: ['COPY t (a, b) FROM stdin', 'SELECT 2'] },
];

for (const c of splits) {
  void test(`lex (${c.o.family}): ${JSON.stringify(c.sql)}`, () => {
    assert.deepEqual(
      lex(c.sql, c.o).statements.filter((s) => s.meta === undefined).map((s) => s.text.trim()),
      c.statements,
    );
  });
}

const metas: { sql: string; o: LexOptions; meta: { name: string; arg: string }[] }[] = [
  { sql: '\\i reset.sql\nSELECT 1;', o: PG, meta: [{ name: '\\i', arg: 'reset.sql' }] },
  { sql: "SELECT 1;\n\\! rm -rf x\n", o: PG, meta: [{ name: '\\!', arg: 'rm -rf x' }] },
  { sql: 'source x.sql\nuse shop;\n\\. y.sql\n', o: MY, meta: [{ name: 'source', arg: 'x.sql' }, { name: 'use', arg: 'shop' }, { name: 'source', arg: 'y.sql' }] },
  { sql: '.read x.sql\n.shell ls\n', o: LITE, meta: [{ name: '.read', arg: 'x.sql' }, { name: '.shell', arg: 'ls' }] },
];

for (const c of metas) {
  void test(`client commands (${c.o.meta}): ${JSON.stringify(c.sql)}`, () => {
    assert.deepEqual(
      lex(c.sql, c.o).statements.flatMap((s) => (s.meta ? [s.meta] : [])),
      c.meta,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// The two readings agree where the parser can read the statement.

const agree: { sql: string; dialect: ParserDialect; o: LexOptions; kinds: string[] }[] = [
  { sql: 'DROP TABLE users', dialect: 'postgresql', o: PG, kinds: ['drop_table'] },
  { sql: 'DROP VIEW v', dialect: 'postgresql', o: PG, kinds: ['drop_view'] },
  { sql: 'TRUNCATE users', dialect: 'postgresql', o: PG, kinds: ['truncate'] },
  { sql: 'DELETE FROM users', dialect: 'postgresql', o: PG, kinds: ['delete_all'] },
  { sql: 'DELETE FROM users WHERE id = 1', dialect: 'postgresql', o: PG, kinds: ['delete'] },
  { sql: 'DELETE FROM users WHERE 1 = 1 OR id = 2', dialect: 'postgresql', o: PG, kinds: ['delete_all'] },
  { sql: 'UPDATE users SET a = 1 WHERE NOT FALSE', dialect: 'postgresql', o: PG, kinds: ['update_all'] },
  { sql: 'UPDATE users SET a = 1 WHERE id = 3 AND 1 = 1', dialect: 'postgresql', o: PG, kinds: ['update'] },
  { sql: 'ALTER TABLE users DROP COLUMN email', dialect: 'postgresql', o: PG, kinds: ['alter_drop'] },
  { sql: 'ALTER TABLE users DROP CONSTRAINT c', dialect: 'postgresql', o: PG, kinds: ['alter'] },
  { sql: 'GRANT ALL ON users TO app', dialect: 'postgresql', o: PG, kinds: ['grant_all'] },
  { sql: 'GRANT SELECT ON users TO app', dialect: 'postgresql', o: PG, kinds: ['grant'] },
  { sql: "SELECT 'DROP TABLE users'", dialect: 'postgresql', o: PG, kinds: ['select'] },
  { sql: 'DROP DATABASE shop', dialect: 'mysql', o: MY, kinds: ['drop_database'] },
  { sql: 'DELETE FROM users WHERE 1', dialect: 'mysql', o: MY, kinds: ['delete_all'] },
  { sql: "UPDATE users SET a = 1 WHERE 'x' = 'x'", dialect: 'mysql', o: MY, kinds: ['update_all'] },
  { sql: 'UPDATE a JOIN b ON a.id = b.id SET a.x = 1', dialect: 'mysql', o: MY, kinds: ['update'] },
  { sql: 'ALTER TABLE t DROP PARTITION p1', dialect: 'mysql', o: MY, kinds: ['alter_drop'] },
  { sql: 'DELETE FROM users WHERE id = id', dialect: 'mariadb', o: MY, kinds: ['delete_all'] },
  { sql: 'DROP TABLE main.users', dialect: 'sqlite', o: LITE, kinds: ['drop_table'] },
  { sql: 'DELETE FROM users', dialect: 'sqlite', o: LITE, kinds: ['delete_all'] },
];

for (const c of agree) {
  void test(`parser and tokens agree (${c.dialect}): ${c.sql}`, () => {
    const [st] = lex(c.sql, c.o).statements;
    assert.ok(st);
    assert.deepEqual(classifyTokens(st.tokens).map((e) => e.kind), c.kinds, 'tokens');
    const j = judge([{ text: c.sql, origin: 'test' }], { cwd: '/', lex: c.o, backslash: [c.o.backslash], parser: () => loadParser(c.dialect) });
    assert.equal(j.statements[0]?.by, 'parser', j.statements[0]?.note);
    assert.deepEqual(j.statements[0]?.effects.map((e) => e.kind), c.kinds, 'parser');
  });
}

// ---------------------------------------------------------------------------------------------
// Fail closed: no parser, a broken parser, a parser that misses something.

const broken = (msg: string): JudgeOptions['parser'] => () => {
  throw new Error(msg);
};

void test('a parser that cannot load: every statement is judged from its tokens, destructive ones still found', () => {
  const sql = "SELECT 1; DROP TABLE a; DELETE FROM b WHERE id = 1; DELETE FROM c; SELECT 'TRUNCATE d'";
  const j = judge([{ text: sql, origin: '-c' }], { cwd: '/', lex: { family: 'postgresql', meta: 'psql' }, backslash: [false], parser: broken('no bundle') });
  assert.match(j.parser, /unavailable \(no bundle\)/);
  assert.deepEqual(
    j.statements.map((s) => [s.by, s.effects.map((e) => e.kind).join(',')]),
    [
      ['tokens', 'select'],
      ['tokens', 'drop_table'],
      ['tokens', 'delete'],
      ['tokens', 'delete_all'],
      ['tokens', 'select'],
    ],
  );
  assert.deepEqual(
    j.statements.map((s) => s.note),
    ['nothing for the parser to find', 'parser unavailable: no bundle', 'parser unavailable: no bundle', 'parser unavailable: no bundle', 'parser unavailable: no bundle'],
  );
});

void test('a parser that reads nothing: what the tokens show as destructive still counts', () => {
  const j = judge([{ text: 'DROP TABLE users', origin: '-c' }], { cwd: '/', lex: { family: 'postgresql', meta: 'psql' }, backslash: [false], parser: () => ({ astify: () => [] }) });
  assert.deepEqual(j.statements[0]?.effects.map((e) => e.kind), ['drop_table']);
  assert.equal(j.statements[0]?.by, 'parser');
  assert.match(j.statements[0]?.note ?? '', /tokens show more/);
});

void test('the parser is loaded only when a statement needs it, and once', () => {
  let loads = 0;
  const parser: JudgeOptions['parser'] = () => {
    loads++;
    return loadParser('postgresql');
  };
  const o = { cwd: '/', lex: { family: 'postgresql', meta: 'psql' } as const, backslash: [false], parser };
  judge([{ text: '\\dt', origin: '-c' }], o);
  assert.equal(loads, 0);
  judge([{ text: 'SELECT 1; SELECT 2; DELETE FROM t WHERE id = 1', origin: '-c' }], o);
  assert.equal(loads, 1);
});

void test('statements past the parse budget are judged from their tokens', () => {
  const long = `DELETE FROM users WHERE id IN (${Array.from({ length: 4000 }, (_, i) => i).join(', ')})`;
  const j = judge([{ text: `${long}; TRUNCATE t`, origin: '-c' }], { cwd: '/', lex: { family: 'postgresql', meta: 'psql' }, backslash: [false], parser: () => loadParser('postgresql') });
  assert.equal(j.statements[0]?.by, 'tokens');
  assert.match(j.statements[0]?.note ?? '', /too long for the parser/);
  assert.deepEqual(j.statements[1]?.effects.map((e) => e.kind), ['truncate']);
});

void test('every dialect build warden uses loads and parses', () => {
  for (const d of PARSER_DIALECTS) assert.ok(loadParser(d).astify('SELECT 1'), d);
});

// ---------------------------------------------------------------------------------------------
// Hostile input: a decision in well under the hook's deadline, and the bound reported.

const MiB = 1 << 20;
const hostile: { name: string; sql: string; kinds: string[] }[] = [
  { name: 'a megabyte of statements', sql: 'SELECT 1;'.repeat(MiB / 9), kinds: ['select'] },
  { name: 'a megabyte of DROP statements', sql: 'DROP TABLE x;'.repeat(MiB / 13), kinds: ['drop_table'] },
  { name: 'a megabyte of open parentheses', sql: `SELECT ${'('.repeat(MiB)}`, kinds: ['select'] },
  { name: 'a megabyte-long WHERE', sql: `DELETE FROM t WHERE ${'a = 1 OR '.repeat(MiB / 9)}1 = 0`, kinds: ['delete'] },
];

for (const h of hostile) {
  // Timings are `npm run bench`'s; the timeout only turns a hang into a failure.
  void test(`hostile: ${h.name} is judged, its first statements kept, the bound reported`, { timeout: 60_000 }, () => {
    const j = judge([{ text: h.sql, origin: '-c' }], { cwd: '/', lex: { family: 'postgresql', meta: 'psql' }, backslash: [false, true], parser: () => loadParser('postgresql') });
    assert.ok(j.unseen.some((u) => u.reason === 'bound'), JSON.stringify(j.unseen));
    assert.deepEqual([...new Set(j.statements.flatMap((s) => s.effects.map((e) => e.kind)))], h.kinds);
  });
}

void test('the programs the hook routes to the engine are the clients the engine reads', () => {
  assert.deepEqual([...CLIENT_PROGRAMS].sort(), Object.keys(CLIENTS).sort());
});
