/*
 * The Tech Insights module is not written yet: the package stays private (not
 * packed or published) and exports nothing until its fact retrievers land.
 */
export {};
