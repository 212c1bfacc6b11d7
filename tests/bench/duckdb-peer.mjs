// DuckDB beside `cutoff` in tests/bench/cli.bench.ts, as its own process (so its peak RSS is its own).
//   node tests/bench/duckdb-peer.mjs write ROWS out.parquet out.csv   seeded scored rows, P(label = 1 | score) = score²
//   node tests/bench/duckdb-peer.mjs query "SQL"                       runs the query, prints the row count
import { DuckDBInstance } from '@duckdb/node-api';

const [command, ...args] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
if (command === 'write') {
  const [rows, parquet, csv] = args;
  const score = '(hash(i) % 1000000007) / 1000000007.0';
  await c.run(`CREATE TABLE t AS SELECT i AS id, ${score} AS score,
    CASE WHEN (hash(i + ${Number(rows)}) % 1000000) / 1000000.0 < (${score}) ^ 2 THEN 1 ELSE 0 END AS label
    FROM range(${Number(rows)}) r(i)`);
  await c.run(`COPY t TO '${parquet}' (FORMAT parquet)`);
  await c.run(`COPY t TO '${csv}' (HEADER)`);
} else if (command === 'query') {
  const result = await c.runAndReadAll(args[0]);
  console.log(result.getRows().length);
} else {
  console.error('usage: duckdb-peer.mjs write ROWS out.parquet out.csv | query SQL');
  process.exitCode = 2;
}
c.closeSync();
db.closeSync();
