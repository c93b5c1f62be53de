export { CatalogProblemsPanel } from './CatalogProblemsPanel';
