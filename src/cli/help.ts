/** The command's help: a usage line for the whole command and a page per subcommand (usage, options, exit codes, an example). */
import { GROUP_STRATEGIES } from '../metrics/group-strategies';

const EXITS = 'Exit codes: 0 ok, 1 a floor failed (check only), 2 bad input or a configuration mistake (one line on stderr).';

export const USAGE = `Usage: cutoff <command> [options]

  choose FILE             make an operating point from scores, as the page would export it
  check POINT.json FILE   evaluate FILE at the exported decision; fail when a guardrail fails
  compare FILE            paired tests of two score columns on the same rows (DeLong, McNemar)
  report POINT.json       the decision report (self-contained HTML) of an operating point
  apply POINT.json FILE   FILE's rows with their decision added, as CSV
  curve FILE              FILE reduced to score,label,count rows
  sql                     the GROUP BY query that does what curve does, in your engine
  serve [--port N]        the page itself, from this install, on 127.0.0.1 (default port 4173)

FILE is CSV/TSV (any dialect the page reads), Parquet, either gzip-compressed, an Excel .xlsx
(its first visible sheet, or --sheet NAME), or - for standard input.
cutoff <command> --help shows a command's options; cutoff --version its version.
${EXITS}
`;

export const COMMAND_HELP: Record<string, string> = {
  choose: `Usage: cutoff choose FILE [options]

Makes the operating point the page would export for FILE's scores and labels: the same reader,
curve and solvers, schema version 2 with guardrails. With no goal it is the cheapest cutoff
for the costs (default: a miss costs 10, a false alarm 1).

Options:
  --score COL            the score column (default: score)
  --label COL            the label column (default: label)
  --positive V           the positive class (default: the rarer value)
  --weight COL           a count or weight per row
  --score-transform T    none, percent, min-max or sigmoid, for scores off [0, 1]
  --cost-fp X --cost-fn Y   the cost of a false alarm and of a miss
  --min-recall X         the fewest alarms that catch at least this share of positives
  --min-precision X      the most positives caught at at least this precision
  --max-fpr X            the most positives caught flagging at most this share of negatives
  --max-alarm-rate X     the most positives caught flagging at most this share of rows
  --confidence C         the target holds on new cases with confidence C (0.5 to 0.9999), not
                         just on FILE's: recall and FPR by the exact order-statistic rule,
                         precision by Learn-then-Test; FILE must hold cases the model did not learn from
  --prevalence P         the deployment prevalence, if not the file's
  --group COL            a column whose values get their own thresholds
  --strategy S           ${GROUP_STRATEGIES.join(', ')}
                         (manual: every group starts at the chosen threshold, to edit in the page)
  --sheet NAME           read this sheet of an .xlsx FILE (default: the first visible one)
  -o, --output FILE      write the point to FILE (atomically) instead of standard output

${EXITS}

Example:
  cutoff choose validation-scores.csv --cost-fp 1 --cost-fn 20 -o operating-point.json
`,
  report: `Usage: cutoff report POINT.json [-o FILE]

Writes the decision report of an operating point as one self-contained HTML file (inline CSS
and SVG, no script, no request): what was decided, on what data, why, what it means per 1,000
cases, the figures with their intervals, what cutoff check will enforce, and the TRIPOD items
it answers. The same file as the page's "Download the report", but for the time it was written.
POINT.json may be - for standard input.

Options:
  -o, --output FILE      write the report to FILE (atomically) instead of standard output

${EXITS}

Example:
  cutoff report operating-point.json -o cutoff-report.html
`,
  compare: `Usage: cutoff compare FILE --score A --score B [options]

Paired tests of two models scored on the same rows: DeLong's test of the ROC-AUC difference
A − B (Sun & Xu's fast algorithm, ties as midranks) with its 95 % CI, z and two-sided p, and,
with both thresholds, McNemar's exact tests of recall and specificity (score >= T flags a row).
Without thresholds only DeLong's test is run: a cutoff is a decision, so none is assumed.
A model is called better only when its test gives p < 0.05.

Options:
  --score COL            a score column; given exactly twice, model A then model B
  --label COL            the label column (default: label)
  --positive V           the positive class (default: the rarer value)
  --weight COL           a whole count per row (fractional weights are refused)
  --threshold-a T        model A's cutoff, for McNemar's tests
  --threshold-b T        model B's cutoff, for McNemar's tests
  --json                 one JSON object: a/b {column, rocAuc}, delong {diff, ciLow, ciHigh, z, p}, mcnemar, cases, positives
  --sheet NAME           read this sheet of an .xlsx FILE (default: the first visible one)
  -o, --output FILE      write to FILE (atomically) instead of standard output

Exit codes: 0 the tests ran, 2 bad input (one line on stderr).

Example:
  cutoff compare test-scores.csv --score new_model --score old_model --label y --threshold-a 0.4 --threshold-b 0.35
`,
  serve: `Usage: cutoff serve [--port N]

Serves the page (the whole app, built into this package) on 127.0.0.1 only, with no network:
open the address it prints. Files opened in the page never leave the browser.

Options:
  --port N               the port (default 4173; 0 picks a free one)

${EXITS}

Example:
  npx cutoff serve --port 8080
`,
  check: `Usage: cutoff check POINT.json FILE [options]

Evaluates FILE at the exported threshold (group thresholds, bands) beside the exported figures.
Recall and precision are compared with the export by a one-sided two-sample test, the family of
tests held at --alpha; the report states, for this file's size, the drop each test detects with
90% power. A FILE without the label column is checked for score drift only (PSI and KS).

Options:
  --score COL            the score column (default: the export's)
  --label COL            the label column (default: the export's)
  --positive V           the positive class (default: the export's)
  --weight COL           a count or weight per row
  --group COL            the export's group column, when FILE names it otherwise
  --alpha X              false-alarm rate of the whole check (default: the export's, else 0.01)
  --min-recall X         an absolute floor instead of the comparison
  --min-precision X      an absolute floor instead of the comparison
  --max-alarm-rate X     a ceiling on the share of rows flagged
  --max-drift X          PSI ceiling (fails when exceeded and the KS shift is significant)
  --max-group-gap M=X    largest gap between groups, e.g. recall=0.1,precision=0.05
  --require-groups       fail when a group of the export has no rows in FILE
                         (by default such a group, or one without positives, is not tested)
  --json                 the report as JSON
  --sheet NAME           read this sheet of an .xlsx FILE (default: the first visible one)
  -o, --output FILE      write the report to FILE (atomically) instead of standard output

${EXITS}

Example:
  cutoff check operating-point.json scores-2026-12.csv.gz --json -o check.json
`,
  apply: `Usage: cutoff apply POINT.json FILE [options]

FILE's rows with decision (and review, risk_band, group_threshold where the export sets
them) added, as CSV: the columns of the page's predictions.csv. --model scores raw feature rows
with the exported model first (adds score). A row whose score is empty or not a finite number
(or off [0, 1] with no recorded score transform) stops it with exit 2 naming the row.

Options:
  --score COL            the score column (default: the export's)
  --model FILE.zip       the model exported by the page
  --overwrite            replace output columns FILE already has (refused by default)
  --sheet NAME           read this sheet of an .xlsx FILE (default: the first visible one)
  -o, --output FILE      write to FILE (atomically: nothing is left behind on failure)

${EXITS}

Example:
  cutoff apply operating-point.json scores.parquet -o decisions.csv
`,
  curve: `Usage: cutoff curve FILE [options]

FILE reduced to one row per score bin and class, under FILE's own column names
(score, label, count), so the output feeds cutoff check and the page as it is.

Options:
  --score COL            the score column (default: score)
  --label COL            the label column (default: label)
  --weight COL           a count or weight per row
  --group COL            keep this column too (score,label,COL,count), so a point
                         with group thresholds can be checked on the output
  --bins N               N equal bins on [0, 1] (default 10000)
  --exact                one row per distinct score instead of bins
  --sheet NAME           read this sheet of an .xlsx FILE (default: the first visible one)
  -o, --output FILE      write to FILE (atomically)

${EXITS}

Example:
  cutoff curve scores.csv.gz --bins 1000 -o curve.csv
`,
  sql: `Usage: cutoff sql --engine ENGINE --table T [options]
       cutoff sql --apply POINT.json --engine ENGINE --table T [options]

Prints the GROUP BY query whose result is score,label,count rows, for tables too large to move.
With --apply, prints one SELECT returning every column of T plus the decision columns cutoff
apply writes (decision, review, risk_band, group_threshold), decided in the engine; a row apply
refuses (no score, not finite, off [0, 1] without a score transform) gets NULL in them.

Options:
  --engine E             duckdb, spark, bigquery or postgres
  --table T              a table name (DuckDB: also a quoted file path such as 'scores.parquet')
  --score COL            the score column (default: score)
  --label COL            the label column (default: label)
  --group COL            a group column kept under its own name (a third GROUP BY key)
  --bins N               N equal bins on [0, 1] (default: none, every distinct score kept)
  --apply POINT.json     the decision SELECT for this operating point instead
  --id COL               with --apply: return the rows in this column's order
  -o, --output FILE      write to FILE (atomically)

With --apply, --score defaults to the export's score column and --group to its group column.

${EXITS}

Example:
  cutoff sql --engine bigquery --table project.dataset.scores --bins 1000
  cutoff sql --apply operating-point.json --engine postgres --table scored_cases --id case_id
`,
};
