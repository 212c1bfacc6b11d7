/** The folder holding PostgreSQL's initdb and pg_ctl, or null when there is none. */
export function findPostgresBin(): string | null;
