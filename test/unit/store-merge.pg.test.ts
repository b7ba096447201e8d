// The tests of store-merge.test.ts again, against PostgreSQL (see againOnPostgres).
import { againOnPostgres } from "../helpers/store-data.js";

await againOnPostgres(() => import("./store-merge.test.js"));
