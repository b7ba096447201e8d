// The tests of store-migrations.test.ts again, against PostgreSQL (see againOnPostgres).
import { againOnPostgres } from "../helpers/store-data.js";

await againOnPostgres(() => import("./store-migrations.test.js"));
