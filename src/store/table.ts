// The part of the store's public API that needs no database: the export table's columns and rows,
// and the formula neutralisation, for import and report, which must not load SQLite to use them.
export { type Cell, type ExportColumn, exportColumns, exportRow } from "./export-table.js";
export { neutralizeCell, restoreNeutralized } from "./neutralize.js";
