/**
 * Test data for packages built on Interchange's common code: a small
 * company's catalog and its findings, for map and graph tests.
 *
 * @packageDocumentation
 */
export { testCompany, testFindings } from './testUtils/testCompany';
