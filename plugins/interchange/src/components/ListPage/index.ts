export { ListPage, LIST_TABLE_OPTIONS } from './ListPage';
