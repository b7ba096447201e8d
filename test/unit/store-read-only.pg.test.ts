// The tests of store-read-only.test.ts again, against PostgreSQL (see againOnPostgres).
import { againOnPostgres } from "../helpers/store-data.js";

await againOnPostgres(() => import("./store-read-only.test.js"));
