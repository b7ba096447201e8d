// Lets SQLite read "file:…?immutable=1" names (a database on a read-only stick). better-sqlite3
// reads this setting once, when its native part loads: so this module is imported before it.
process.env.SQLITE_USE_URI = "1";
