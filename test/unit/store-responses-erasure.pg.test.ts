// The tests of store-responses-erasure.test.ts again, against PostgreSQL (see againOnPostgres).
import { againOnPostgres } from "../helpers/store-data.js";

await againOnPostgres(() => import("./store-responses-erasure.test.js"));
