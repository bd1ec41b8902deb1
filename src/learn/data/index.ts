/**
 * The data layer of src/learn: tables from CSV and JSON, named real data sets, synthetic generators, preparing
 * (target, one-hot, missing values, split, scaling fitted on train) and the DataLoader. Re-exported by name.
 */
export { type Column, type NumberColumn, type TextColumn, type Table, getColumn, countMissing } from './table.js';
export { parseCsv, type CsvOptions, DEFAULT_MISSING } from './csv.js';
export { parseJsonTable, tableFromRecords, type JsonTableOptions } from './json.js';
export { readTable, type ReadTableOptions } from './read-table.js';
export { makeDataset, gatherRows, splitIndices, splitDataset, type SplitFractions, type SplitDatasets, type DatasetParts } from './dataset.js';
export { Scaler, SCALE_KINDS, type ScaleKind } from './scaler.js';
export { MISSING_POLICIES, type MissingPolicy, type ColumnMissing } from './missing.js';
export { prepareTable, type PrepareOptions, type PreparedData, type DataSummary } from './prepare.js';
export { prepareData, type PrepareDataOptions } from './prepare-data.js';
export { datasets, getDataset, loadDataset, type NamedDataset } from './named.js';
export { linearData, twoMoons, spirals, type LinearDataOptions, type LinearData, type ShapeOptions } from './synthetic.js';
export { DataLoader, type LoaderOptions } from './loader.js';
export { formatSummary } from './summary.js';
