export { SimpleTable, type SimpleColumn } from './SimpleTable';
