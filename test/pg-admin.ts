// Connection details for creating throw-away databases on the PostgreSQL server named by DATABASE_URL.
/** One template per test run, so that runs side by side on one server do not drop each other's. */
export const TEMPLATE_DB = `nhipcau_test_template_${process.pid}`;

/** The same server, connected to the maintenance database. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
