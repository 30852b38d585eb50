import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { preparedOnce, SQLITE_STATEMENT_CACHE } from './open.js';

describe('SQLite statements', () => {
  it('prepares each SQL text once and reuses it, with the right answers', () => {
    const raw = new SQLite(':memory:');
    let prepared = 0;
    const counting: Pick<SQLite.Database, 'close' | 'prepare'> = {
      close: () => raw.close(),
      prepare: (text: string) => {
        prepared += 1;
        return raw.prepare(text);
      },
    };
    const db = preparedOnce(counting);
    db.prepare('create table t (n integer)').run([]);
    const insert = 'insert into t (n) values (?)';
    for (let n = 1; n <= 5; n++) db.prepare(insert).run([n]);
    expect(db.prepare('select sum(n) as s from t').all([])).toEqual([{ s: 15 }]);
    expect(db.prepare('select sum(n) as s from t').all([])).toEqual([{ s: 15 }]);
    expect(prepared).toBe(3);
    db.close();
  });

  it('keeps at most the cache size, dropping the least recently used', () => {
    const raw = new SQLite(':memory:');
    const texts: string[] = [];
    const db = preparedOnce({ close: () => raw.close(), prepare: (text: string) => (texts.push(text), raw.prepare(text)) });
    const query = (i: number): string => `select ${i} as n`;
    for (let i = 0; i < SQLITE_STATEMENT_CACHE; i++) db.prepare(query(i));
    db.prepare(query(0)); // recently used again
    db.prepare(query(SQLITE_STATEMENT_CACHE)); // pushes out query(1), the oldest
    texts.length = 0;
    db.prepare(query(0));
    db.prepare(query(1));
    expect(texts).toEqual([query(1)]);
    db.close();
  });
});
