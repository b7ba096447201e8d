// The tests of store-codes.test.ts again, against PostgreSQL (see againOnPostgres).
import { againOnPostgres } from "../helpers/store-data.js";

await againOnPostgres(() => import("./store-codes.test.js"));
