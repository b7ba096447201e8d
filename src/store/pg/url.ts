// A PostgreSQL --db value: postgres://… or postgresql://…, with an optional schema (one per
// organisation). Split into the driver's config and a label for messages without the password.

export interface PgTarget {
  /** For the pg driver (may hold the password: never print it). */
  config: { connectionString: string };
  /** The schema (search_path) Kuulo's tables live in; undefined = the server's default. */
  schema: string | undefined;
  /** How messages name this database: the URL with any password replaced by ***. */
  label: string;
}

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

export function parsePgTarget(url: string): PgTarget {
  const q = url.indexOf("?");
  const base = q < 0 ? url : url.slice(0, q);
  // The other parameters stay exactly as written (host=/run/postgresql, sslmode=require, …).
  const parts = q < 0 ? [] : url.slice(q + 1).split("&");
  const schemas = parts.filter((p) => p.startsWith("schema=")).map((p) => decodeURIComponent(p.slice(7)));
  const rest = parts.filter((p) => p !== "" && !p.startsWith("schema="));
  const connectionString = rest.length > 0 ? `${base}?${rest.join("&")}` : base;
  const schema = schemas[schemas.length - 1];
  const label = redactUrl(connectionString) + (schema === undefined ? "" : ` (schema ${schema})`);
  return { config: { connectionString }, schema, label };
}

/** The URL without its password (user:secret@ → user:***@, password=secret → password=***). */
export function redactUrl(url: string): string {
  return url
    .replace(/^(postgres(?:ql)?:\/\/[^:@/]*:)[^@]*@/i, "$1***@")
    .replace(/([?&]password=)[^&]*/gi, "$1***");
}

/** A schema name Kuulo will create and quote: letters, digits and _ only, not starting with pg_. */
export function checkSchemaName(name: string): string | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) return "use letters, digits and _ only (at most 63)";
  if (/^pg_/i.test(name)) return 'names starting with "pg_" belong to PostgreSQL';
  return undefined;
}
