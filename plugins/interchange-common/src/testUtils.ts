/**
 * Test data for packages built on Interchange's common code: a small
 * company's catalog and its findings, for map and graph tests, and a
 * made-up gateway configuration format for tests of format registration.
 *
 * @packageDocumentation
 */
export { testCompany, testFindings } from './testUtils/testCompany';
export { testEdgeProxyFormat } from './testUtils/edgeProxyFormat';
